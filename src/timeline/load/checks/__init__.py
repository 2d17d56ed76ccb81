"""Semantic rules of the case file: one module per rule, and an explicit registry.

Each rule module has a `CODE`, a docstring with a failing example (the docs in
`docs/diagnostics.md` are generated from it) and a generator `check(case,
context)` that yields `Finding`s. The core decides severity (see
`timeline.load.diagnostics.CODES`). Adding a rule is one module, one line below and
one test file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple

from timeline.load.checks import (
    acts_on,
    after,
    case_id,
    conflict_claims,
    conflict_status,
    custody_order,
    disputed,
    duplicate_ids,
    future,
    inferred,
    jurisdiction,
    label_without_other,
    other_label,
    outcome_order,
    outcome_subjects,
    privacy_details,
    privacy_name,
    references,
    registry_ids,
    related,
    relative,
    unsourced,
    unused_sources,
)
from timeline.load.diagnostics import Finding, Severity, severity_of
from timeline.model.case import Case

if TYPE_CHECKING:
    from timeline.load.registry import Registry


class Context(NamedTuple):
    """What a rule may know besides the case: the file's stem, today, the sibling cases,
    and the registry of the data repository the file is in."""

    stem: str | None
    today: date
    known_cases: frozenset[str] | None = None
    suffix: str = ".yaml"  # of the file name: `.yml` files are named as they are
    registry: Registry | None = None
    # The case with the registry entries it uses (its people in custody may be there);
    # the rules that look at references read the case as written, not this.
    resolved: Case | None = None


Check = Callable[[Case, Context], Iterator[Finding]]

_MODULES: tuple[ModuleType, ...] = (
    duplicate_ids,
    references,
    case_id,
    related,
    outcome_subjects,
    registry_ids,
    after,
    outcome_order,
    acts_on,
    custody_order,
    future,
    relative,
    inferred,
    unsourced,
    unused_sources,
    privacy_name,
    privacy_details,
    other_label,
    label_without_other,
    jurisdiction,
    conflict_claims,
    conflict_status,
    disputed,
)

REGISTRY: dict[str, ModuleType] = {module.CODE: module for module in _MODULES}
_EVERY = tuple(sorted(REGISTRY))
_ERRORS = tuple(code for code in _EVERY if severity_of(code) is Severity.ERROR)


def run_checks(case: Case, context: Context, *, warnings: bool = True) -> list[Finding]:
    """Every rule's findings, rule by rule in code order; without `warnings`, only the
    rules whose findings are errors (whether the case is valid, and nothing else)."""
    findings: list[Finding] = []
    for code in _EVERY if warnings else _ERRORS:
        findings.extend(REGISTRY[code].check(case, context))
    return findings
