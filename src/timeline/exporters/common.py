"""What several formats share: privacy redaction, date fields, people and sources of an event."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from timeline.dates import Precision
from timeline.exporters import ExportOptions
from timeline.model.case import Case, Event, Person, Source
from timeline.model.vocab import Privacy


def redact(case: Case) -> Case:
    """The case with nothing but the initials left for initials-only people.

    A validated case already has no aliases or description for them; this makes
    every export safe for a case that was built some other way too.
    """
    people = [_redact_person(person) for person in case.people]
    if people == case.people:
        return case
    return case.model_copy(update={"people": people})


def _redact_person(person: Person) -> Person:
    private = person.aliases or person.description or person.short_name
    if person.privacy is not Privacy.INITIALS or not private:
        return person
    return person.model_copy(update={"aliases": [], "description": None, "short_name": None})


def display_date(event: Event) -> str:
    """The date as people read it ("28 May 2025", "c. May 2025", "28 May [2025]")."""
    return event.date.display(inferred=[part.value for part in event.inferred])


def iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def precision_name(event: Event) -> str:
    """``year``, ``season``, ``month`` or ``day``."""
    return event.date.precision.value


def has_day(event: Event) -> bool:
    """True when the date names one day (qualified or not), so a calendar can show it."""
    date = event.date
    return (
        not date.is_interval
        and date.precision is Precision.DAY
        and date.earliest is not None
        and date.earliest == date.latest
    )


def year_of(event: Event) -> str:
    """The year an event is listed under: its earliest bound's, else its latest's."""
    bound = event.date.earliest or event.date.latest
    return str(bound.year) if bound is not None else "Undated"


def people_of(case: Case, event: Event) -> list[str]:
    """Ids of the people in an event (participants, then outcome subjects; groups by their
    members), once each."""
    refs = [p.ref for p in event.participants]
    refs += [ref for outcome in event.outcomes for ref in outcome.subjects]
    people = case.expand(_unique(refs))
    return [ref for ref in people if isinstance(case.index.get(ref), Person)]


def source_ids(event: Event) -> list[str]:
    """The sources an event cites, once each, in citation order."""
    return list(_unique(citation.ref for citation in event.sources))


def sources_of(case: Case, event: Event) -> list[Source]:
    found = (case.index.get(ref) for ref in source_ids(event))
    return [source for source in found if isinstance(source, Source)]


def _unique(items: Iterator[str] | list[str]) -> Iterator[str]:
    seen: set[str] = set()
    for item in items:
        if item not in seen:
            seen.add(item)
            yield item


def last_start(case: Case) -> datetime.date | None:
    """The latest earliest bound of any event: a clock-free 'now' for time stamps.

    (Never in the future for a valid case, unlike the latest bound of a date like "2026".)
    """
    return max((e.date.earliest for e in case.events if e.date.earliest), default=None)


def chosen_events(case: Case, options: ExportOptions) -> tuple[Event, ...]:
    """The events to export, in chronology order: all, or those the filters kept."""
    if options.events is None:
        return case.chronology
    return tuple(event for event in case.chronology if event.id in options.events)


def as_of(case: Case) -> datetime.date | None:
    """The latest day the data speaks of: an event's or a source's earliest bound.

    A report says it is "as of" this day: taken from the data, never from the clock,
    so that the same file gives the same report.
    """
    days = [e.date.earliest for e in case.events if e.date.earliest]
    days += [s.published.earliest for s in case.sources if s.published and s.published.earliest]
    return max(days, default=None)
