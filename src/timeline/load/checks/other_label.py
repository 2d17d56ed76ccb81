"""A vocabulary field set to `other` comes with a `label` that says what it is
(`status_label` for the case status).

Fails::

    - {id: rally, date: "2025-06", type: other, title: ...}   # TL701: no label
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.load.diagnostics import Finding, Path
from timeline.model.case import Case
from timeline.model.vocab import Term

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL701"
_OTHER = "other"  # the escape-hatch term of every vocabulary


def labelled_terms(case: Case) -> Iterator[tuple[Path, list[Term], str | None]]:
    """Each item with a label or a term `other`: its path, its terms and its label.

    Items with neither concern no rule and are skipped before their path is built:
    this runs over every participant and outcome of every event.
    """
    for item in _candidates(case):
        if item[2] is not None or _OTHER in item[1]:
            yield item


def _candidates(case: Case) -> Iterator[tuple[Path, list[Term], str | None]]:
    """Every item with terms; events, participants and outcomes are filtered here already."""
    yield (), [case.status], case.status_label
    for i, person in enumerate(case.people):
        yield ("people", i), list(person.roles), person.label
    for i, use in enumerate(case.registry_people):
        yield ("registry_people", i), list(use.roles), use.label
    for i, org in enumerate(case.organizations):
        yield ("organizations", i), [org.kind], org.label
    for i, source in enumerate(case.sources):
        yield ("sources", i), [source.kind], source.label
    for i, event in enumerate(case.events):
        if event.label is not None or event.type == _OTHER:
            yield ("events", i), [event.type], event.label
        for j, part in enumerate(event.participants):
            if part.label is not None or part.role == _OTHER:
                yield ("events", i, "participants", j), [part.role], part.label
        for j, outcome in enumerate(event.outcomes):
            terms: list[Term] = [
                t for t in (outcome.verdict, outcome.sentence, outcome.regime) if t is not None
            ]
            if outcome.label is not None or _OTHER in terms:
                yield ("events", i, "outcomes", j), terms, outcome.label


def label_key(path: Path) -> str:
    return "status_label" if path == () else "label"


def check(case: Case, context: Context) -> Iterator[Finding]:
    for path, terms, label in labelled_terms(case):
        if label is None and any(term.value == "other" for term in terms):
            key = label_key(path)
            yield Finding(
                CODE,
                f"`other` needs a `{key}` that says what it is",
                path,
                f"add `{key}: ...` next to it",
            )
