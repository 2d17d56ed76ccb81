"""Marks on outcomes that a later decision annulled: who for, and by which decision."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from timeline.model import describe
from timeline.model.case import Case, Event
from timeline.model.standing import Standing, annulments
from timeline.model.standing_words import when

Marks = Mapping[str, Mapping[str, Event]]  # event id -> person -> the annulling event


def annulment_marks(
    case: Case, found: Mapping[str, Standing] | None = None
) -> dict[str, dict[str, Event]]:
    """For each event with annulled outcomes: who they were annulled for, and by what."""
    by_event: dict[str, dict[str, Event]] = {}
    for (event_id, person), annulling in annulments(case, found).items():
        by_event.setdefault(event_id, {})[person] = annulling
    return by_event


def annulled_words(case: Case, subjects: Sequence[str], found: Mapping[str, Event]) -> list[str]:
    """``annulled 10 March 2026``, or ``annulled for Farida (10 March 2026)`` for some only."""
    grouped: dict[str, tuple[Event, list[str]]] = {}
    for person in subjects:
        if person in found:
            grouped.setdefault(found[person].id, (found[person], []))[1].append(person)
    if len(grouped) == 1 and len(next(iter(grouped.values()))[1]) == len(subjects):
        return [f"annulled {when(next(iter(grouped.values()))[0])}"]
    return [
        f"annulled for {describe.names(case, people)} ({when(annulling)})"
        for annulling, people in grouped.values()
    ]
