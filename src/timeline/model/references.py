"""Every id a case refers to, with the kind of item it must name and where it is written.

Two walks of the same fields: `referenced` gathers the ids of each kind, enough for
the registry (model.registry, which resolves what the case does not define) and for
knowing that every reference resolves, which is all a valid case needs; `references`
also says where each one is written, for the reference check (load.checks.references)
to point at one that does not. Validation asks for both on the same case, one after the
other, so each keeps its answer for the last cases it went through (model.memo).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from timeline.model.memo import last_case

if TYPE_CHECKING:  # the case module is below this one; only its types are named here
    from timeline.model.case import Case, Citation, Event

# A place in the document: keys and list indexes, as in a diagnostic's path.
Place = tuple[str | int, ...]
# Each reference comes with its place in two parts (the item, then the field within it),
# joined only when it does not resolve: building a place for each of the many references
# that do showed in profiles.
Reference = tuple[str, str, Place, Place]

# The kinds of item a reference may name.
PERSON = "person"
ACTOR = "person or organization"
ORGANIZATION = "organization"
CHARGE = "charge"
SOURCE = "source"
EVENT = "event"
ACTOR_OR_SOURCE = "actor or source"
ITEM = "item"  # anything with an id: what a conflict is about

_OUTCOME_REFS = (("acts_on", EVENT), ("charges_added", CHARGE), ("charges_dropped", CHARGE))


KINDS = (PERSON, ACTOR, ORGANIZATION, CHARGE, SOURCE, EVENT, ACTOR_OR_SOURCE, ITEM)


@last_case
def referenced(case: Case) -> Mapping[str, frozenset[str]]:
    """The ids the case refers to, by kind (every kind present): what `references` finds,
    without the places, in a fraction of its time (no tuple for each of the ids)."""
    found: dict[str, set[str]] = {kind: set() for kind in KINDS}
    actors, events, charges = found[ACTOR], found[EVENT], found[CHARGE]
    sources, either = found[SOURCE], found[ACTOR_OR_SOURCE]
    if case.court is not None:
        found[ORGANIZATION].add(case.court)
    for person in case.people:
        found[ORGANIZATION].update([affiliation.org for affiliation in person.affiliations])
    for group in case.groups:
        found[PERSON].update(group.members)
    for event in case.events:
        actors.update([participant.ref for participant in event.participants])
        for outcome in event.outcomes:
            actors.update(outcome.subjects)
            events.update(outcome.acts_on)
            charges.update(outcome.charges_added, outcome.charges_dropped)
        charges.update(event.charges)
        events.update(event.after, event.before)
        either.update(event.attribution, event.disputed_by)
        sources.update([citation.ref for citation in event.sources])
        if event.relative is not None:
            events.add(event.relative.event)
    for conflict in case.conflicts:
        if conflict.subject is not None:
            actors.add(conflict.subject)
        found[ITEM].update(conflict.about)
        for claim in conflict.claims:
            sources.update([citation.ref for citation in claim.sources])
    return MappingProxyType({kind: frozenset(ids) for kind, ids in found.items()})


@last_case
def references(case: Case) -> tuple[Reference, ...]:
    """The case's references as written (not `registry_people`), in document order."""
    return tuple(_walk(case))


def _walk(case: Case) -> Iterator[Reference]:
    if case.court is not None:
        yield case.court, ORGANIZATION, (), ("court",)
    for i, person in enumerate(case.people):
        for j, affiliation in enumerate(person.affiliations):
            yield affiliation.org, ORGANIZATION, ("people", i), ("affiliations", j, "org")
    for i, group in enumerate(case.groups):
        for j, member in enumerate(group.members):
            yield member, PERSON, ("groups", i), ("members", j)
    for i, event in enumerate(case.events):
        yield from _event_references(event, ("events", i))
    for i, conflict in enumerate(case.conflicts):
        if conflict.subject is not None:
            yield conflict.subject, ACTOR, ("conflicts", i), ("subject",)
        for j, ref in enumerate(conflict.about):
            yield ref, ITEM, ("conflicts", i), ("about", j)
        for j, claim in enumerate(conflict.claims):
            yield from _citations(claim.sources, ("conflicts", i, "claims", j))


def _event_references(event: Event, base: Place) -> Iterator[Reference]:
    for j, participant in enumerate(event.participants):
        yield participant.ref, ACTOR, base, ("participants", j, "ref")
    for j, outcome in enumerate(event.outcomes):
        for k, subject in enumerate(outcome.subjects):
            yield subject, ACTOR, base, ("outcomes", j, "subjects", k)
        for field, kind in _OUTCOME_REFS:
            for k, ref in enumerate(getattr(outcome, field)):
                yield ref, kind, base, ("outcomes", j, field, k)
    for field, kind in (("charges", CHARGE), ("after", EVENT), ("before", EVENT)):
        for j, ref in enumerate(getattr(event, field)):
            yield ref, kind, base, (field, j)
    for field in ("attribution", "disputed_by"):
        for j, ref in enumerate(getattr(event, field)):
            yield ref, ACTOR_OR_SOURCE, base, (field, j)
    yield from _citations(event.sources, base)
    if event.relative is not None:
        yield event.relative.event, EVENT, base, ("relative", "event")


def _citations(citations: Iterable[Citation], base: Place) -> Iterator[Reference]:
    for j, citation in enumerate(citations):
        yield citation.ref, SOURCE, base, ("sources", j, "ref")
