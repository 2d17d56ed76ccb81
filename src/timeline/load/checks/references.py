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
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from timeline.load.diagnostics import Finding, Path
from timeline.model.case import Case, Citation, Event

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL302"


# The sections of the registry that a reference of each kind may name.
_SECTIONS = {
    "person": ("people",),
    "person or organization": ("people", "organizations"),
    "charge": ("charges",),
    "source": ("sources",),
    "organization": ("organizations",),
    "actor or source": ("people", "organizations", "sources"),
    "event": (),
    "item": ("people", "organizations", "charges", "sources"),
}


def check(case: Case, context: Context) -> Iterator[Finding]:
    people = {p.id for p in case.people}
    orgs = {o.id for o in case.organizations}
    actors = people | orgs | {g.id for g in case.groups}
    kinds = {
        "person": people,
        "person or organization": actors,
        "charge": {c.id for c in case.charges},
        "source": {s.id for s in case.sources},
        "event": {e.id for e in case.events},
        "organization": orgs,
        "actor or source": actors | {s.id for s in case.sources},
    }
    everything = set().union(*kinds.values()) | {c.id for c in case.conflicts}
    outside = context.registry.ids if context.registry is not None else {}
    where = "in this case or the registry" if outside else "in this case"
    broken = ""
    if context.registry is not None and context.registry.errors:
        # An entry of a registry file that does not load is missing from every case.
        broken = " (whose files have errors: fix them first)"
        where += broken
    for ref, kind, base, tail in _references(case):
        allowed = everything if kind == "item" else kinds[kind]
        if ref in allowed or any(ref in outside[s] for s in _SECTIONS[kind] if outside):
            continue
        known = allowed.union(*(outside[s] for s in _SECTIONS[kind] if outside))
        yield _unresolved(ref, base + tail, kind, known, where)
    for i, use in enumerate(case.registry_people):
        registry_people = outside.get("people", frozenset())
        if use.ref not in registry_people:
            path = ("registry_people", i, "ref")
            in_registry = "in the registry" + broken
            yield _unresolved(use.ref, path, "person", set(registry_people), in_registry)


def _unresolved(ref: str, path: Path, kind: str, allowed: set[str], where: str) -> Finding:
    close = difflib.get_close_matches(ref, allowed, n=1)
    article = "an" if kind[0] in "aeiou" else "a"
    hint = f"did you mean '{close[0]}'?" if close else f"add {article} {kind} with the id '{ref}'"
    return Finding(CODE, f"'{ref}' is not the id of any {kind} {where}", path, hint)


# Each reference comes with its path in two parts, joined only when it does not resolve:
# building a path for each of the many references that do showed in profiles.
Reference = tuple[str, str, Path, Path]


def _references(case: Case) -> Iterator[Reference]:
    if case.court is not None:
        yield case.court, "organization", (), ("court",)
    for i, person in enumerate(case.people):
        for j, affiliation in enumerate(person.affiliations):
            yield affiliation.org, "organization", ("people", i), ("affiliations", j, "org")
    for i, group in enumerate(case.groups):
        for j, member in enumerate(group.members):
            yield member, "person", ("groups", i), ("members", j)
    for i, event in enumerate(case.events):
        yield from _event_references(event, ("events", i))
    for i, conflict in enumerate(case.conflicts):
        if conflict.subject is not None:
            yield conflict.subject, "person or organization", ("conflicts", i), ("subject",)
        for j, ref in enumerate(conflict.about):
            yield ref, "item", ("conflicts", i), ("about", j)
        for j, claim in enumerate(conflict.claims):
            yield from _citations(claim.sources, ("conflicts", i, "claims", j))


def _event_references(event: Event, base: Path) -> Iterator[Reference]:
    for j, participant in enumerate(event.participants):
        yield participant.ref, "person or organization", base, ("participants", j, "ref")
    for j, outcome in enumerate(event.outcomes):
        for k, subject in enumerate(outcome.subjects):
            yield subject, "person or organization", base, ("outcomes", j, "subjects", k)
        for field, kind in _OUTCOME_REFS:
            for k, ref in enumerate(getattr(outcome, field)):
                yield ref, kind, base, ("outcomes", j, field, k)
    for field, kind in (("charges", "charge"), ("after", "event"), ("before", "event")):
        for j, ref in enumerate(getattr(event, field)):
            yield ref, kind, base, (field, j)
    for field in ("attribution", "disputed_by"):
        for j, ref in enumerate(getattr(event, field)):
            yield ref, "actor or source", base, (field, j)
    yield from _citations(event.sources, base)
    if event.relative is not None:
        yield event.relative.event, "event", base, ("relative", "event")


_OUTCOME_REFS = (("acts_on", "event"), ("charges_added", "charge"), ("charges_dropped", "charge"))


def _citations(citations: Iterable[Citation], base: Path) -> Iterator[Reference]:
    for j, citation in enumerate(citations):
        yield citation.ref, "source", base, ("sources", j, "ref")
