"""Every reference names an item of the right kind: participants and outcome subjects
name people, groups of people or organizations, a group's members name people,
`charges` (and `charges_added`, `charges_dropped`) name charges, citations name
sources, `after`, `before`, `acts_on` and `relative.event` name events. What the case
does not define may be defined in the registry of its data repository
(`registry_people` name people there only).

Fails::

    events:
      - id: detained
        participants: [{ref: aleksandrof, role: detainee}]   # TL302: no such person
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.load.diagnostics import Finding, Path
from timeline.model.case import Case
from timeline.model.references import (
    ACTOR,
    ACTOR_OR_SOURCE,
    CHARGE,
    EVENT,
    ITEM,
    ORGANIZATION,
    PERSON,
    SOURCE,
    referenced,
    references,
)

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL302"


# The sections of the registry that a reference of each kind may name.
_SECTIONS = {
    PERSON: ("people",),
    ACTOR: ("people", "organizations"),
    CHARGE: ("charges",),
    SOURCE: ("sources",),
    ORGANIZATION: ("organizations",),
    ACTOR_OR_SOURCE: ("people", "organizations", "sources"),
    EVENT: (),
    ITEM: ("people", "organizations", "charges", "sources"),
}


def check(case: Case, context: Context) -> Iterator[Finding]:
    people = {p.id for p in case.people}
    orgs = {o.id for o in case.organizations}
    actors = people | orgs | {g.id for g in case.groups}
    kinds = {
        PERSON: people,
        ACTOR: actors,
        CHARGE: {c.id for c in case.charges},
        SOURCE: {s.id for s in case.sources},
        EVENT: {e.id for e in case.events},
        ORGANIZATION: orgs,
        ACTOR_OR_SOURCE: actors | {s.id for s in case.sources},
    }
    kinds[ITEM] = set().union(*kinds.values()) | {c.id for c in case.conflicts}
    outside = context.registry.ids if context.registry is not None else {}
    where = "in this case or the registry" if outside else "in this case"
    broken = ""
    if context.registry is not None and context.registry.errors:
        # An entry of a registry file that does not load is missing from every case.
        broken = " (whose files have errors: fix them first)"
        where += broken

    def resolves(ref: str, kind: str) -> bool:
        return ref in kinds[kind] or any(ref in outside[s] for s in _SECTIONS[kind] if outside)

    # Where each reference is written is looked for only when one does not resolve.
    if not all(resolves(ref, kind) for kind, ids in referenced(case).items() for ref in ids):
        for ref, kind, base, tail in references(case):
            if not resolves(ref, kind):
                known = kinds[kind].union(*(outside[s] for s in _SECTIONS[kind] if outside))
                yield _unresolved(ref, base + tail, kind, known, where)
    for i, use in enumerate(case.registry_people):
        registry_people = outside.get("people", frozenset())
        if use.ref not in registry_people:
            path = ("registry_people", i, "ref")
            in_registry = "in the registry" + broken
            yield _unresolved(use.ref, path, PERSON, set(registry_people), in_registry)


def _unresolved(ref: str, path: Path, kind: str, allowed: set[str], where: str) -> Finding:
    close = difflib.get_close_matches(ref, allowed, n=1)
    article = "an" if kind[0] in "aeiou" else "a"
    hint = f"did you mean '{close[0]}'?" if close else f"add {article} {kind} with the id '{ref}'"
    return Finding(CODE, f"'{ref}' is not the id of any {kind} {where}", path, hint)
