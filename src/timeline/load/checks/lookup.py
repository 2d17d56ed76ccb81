"""Looking up the items of a case by id, for the rules that follow references."""

from __future__ import annotations

from collections import Counter

from timeline.model.case import Case, Event


def events_by_id(case: Case) -> dict[str, Event]:
    """The events whose id is unique in the case.

    A reference to a duplicated id is ambiguous and TL301 reports the duplicate: a rule
    that picked one of the two would report a second, misleading error.
    """
    counts = Counter(event.id for event in case.events)
    return {event.id: event for event in case.events if counts[event.id] == 1}
