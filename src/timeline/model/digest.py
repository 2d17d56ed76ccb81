"""What `person` and `search` need to know of a case, folded once: its digest.

A digest holds, for the case, each person and organization and each event, the
words to show and the text to match (folded by `folding.fold`). It is small and
quick to keep between runs (see `timeline.store.case_index`), so that a look-up
across thousands of cases reads digests, and loads only the cases it shows.
Initials-only people are only their initials here too: no aliases and no
description enter their text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from timeline.model.folding import fold

if TYPE_CHECKING:  # a look-up that reads kept digests never imports the models (pydantic)
    from timeline.model.case import Case, Event, Organization, Person


class NamedDigest(NamedTuple):
    """A person or organization: its id and name, the folded names it answers to, its text."""

    id: str
    name: str
    private: bool  # an initials-only person
    names: tuple[str, ...]  # folded: the name, then the aliases
    text: str  # folded: names and description


class EventDigest(NamedTuple):
    id: str
    title: str
    date: str  # as displayed
    type: str
    text: str  # folded: title and description
    refs: frozenset[str]  # who the event names, groups expanded


class CaseDigest(NamedTuple):
    id: str
    title: str
    text: str  # folded: id, title and summary
    people: tuple[NamedDigest, ...]
    organizations: tuple[NamedDigest, ...]
    events: tuple[EventDigest, ...]  # in chronology order


def digest(case: Case) -> CaseDigest:
    return CaseDigest(
        case.id,
        case.title,
        _folded(case.id, case.title, case.summary),
        tuple(named(person) for person in case.people),
        tuple(named(organization) for organization in case.organizations),
        tuple(_event(case, event) for event in case.chronology),
    )


def named(item: Person | Organization) -> NamedDigest:
    """A person's or organization's names; an initials-only person's initials only."""
    from timeline.model.case import Person
    from timeline.model.vocab import Privacy

    if isinstance(item, Person) and item.privacy is Privacy.INITIALS:
        folded = fold(item.name)
        return NamedDigest(item.id, item.name, True, (folded,), f"{fold(item.id)}\n{folded}")
    names = tuple(fold(name) for name in (item.name, *(alias.name for alias in item.aliases)))
    text = "\n".join((fold(item.id), *names, fold(item.description or "")))
    return NamedDigest(item.id, item.name, False, names, text)


def involved(event: Event, case: Case | None = None) -> set[str]:
    """Everyone an event names: participants, outcome subjects, attribution, disputed_by;
    with the case, a group also names its members."""
    refs = {participant.ref for participant in event.participants}
    refs.update(ref for outcome in event.outcomes for ref in outcome.subjects)
    refs.update(event.attribution)
    refs.update(event.disputed_by)
    return refs | set(case.expand(refs)) if case is not None else refs


def display_date(event: Event) -> str:
    """The date as people read it; an inferred part stays marked (``28 May [2025]``)."""
    return event.date.display(inferred=[part.value for part in event.inferred])


def _event(case: Case, event: Event) -> EventDigest:
    refs = frozenset(involved(event, case))
    text = _folded(event.title, event.description)
    return EventDigest(event.id, event.title, display_date(event), event.type.value, text, refs)


def _folded(*texts: str | None) -> str:
    return fold("\n".join(text for text in texts if text))
