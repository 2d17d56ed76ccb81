"""Looking up the items of a case by id, for the rules that follow references."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from types import MappingProxyType

from timeline.model.case import Case, Event
from timeline.model.memo import last_case


@last_case
def events_by_id(case: Case) -> Mapping[str, Event]:
    """The events whose id is unique in the case (several rules follow references to them).

    A reference to a duplicated id is ambiguous and TL301 reports the duplicate: a rule
    that picked one of the two would report a second, misleading error.
    """
    found = {event.id: event for event in case.events}
    if len(found) < len(case.events):  # some id is given twice
        counts = Counter(event.id for event in case.events)
        found = {ref: event for ref, event in found.items() if counts[ref] == 1}
    return MappingProxyType(found)


@last_case
def event_positions(case: Case) -> Mapping[str, int]:
    """Each event id's place in `events` (the last, for an id given twice: TL301)."""
    return MappingProxyType({event.id: i for i, event in enumerate(case.events)})
