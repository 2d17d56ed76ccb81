"""Each person's periods in custody, derived from the events of a case (a pure function).

The events are read in chronology order (but a release whose date is less precise
than the detention before which it sorts, and which may follow it, is read after
it). A detention, arrest or extension of custody, a pre-trial detention or a prison
sentence puts a person in custody; a house-arrest measure or event puts them under
house arrest; a release, an exchange, a deportation, a pardon or amnesty, an
acquittal, a non-custodial sentence or measure, or `released: true` sets them free.
Background events (`context: true`) are not part of the case's record and change
nothing: a detention in another matter years before would otherwise count as
custody that never ended. A request (`kind: request`) changes nothing, and neither
does `released: false` or a decision that only upholds.

Days are counted as the end date minus the start date: detained on 28 May 2025 and
released on 25 November 2025 is 181 days. Uncertain dates give bounds; a period
that has not ended is counted to the latest date of the case, as a lower bound.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import NamedTuple

from timeline.dates import EdtfDate
from timeline.model.case import Case, Event, Outcome, Person
from timeline.model.memo import last_case
from timeline.model.vocab import (
    EventType,
    Liberty,
    OutcomeKind,
    ParticipantRole,
    SentenceKind,
    Verdict,
)

_HELD = {EventType.DETENTION, EventType.ARREST, EventType.CUSTODY_EXTENDED, EventType.TRANSFER}
_FREED = {
    EventType.RELEASE,
    EventType.EXCHANGE,
    EventType.PARDON,
    EventType.AMNESTY,
    EventType.DEPORTATION,
}
# The parts of an event's participants that it acts on (detains, frees, charges).
AFFECTED_ROLES = {ParticipantRole.DETAINEE, ParticipantRole.SUBJECT, ParticipantRole.DEFENDANT}
_CUSTODIAL = {SentenceKind.IMPRISONMENT, SentenceKind.PRETRIAL_DETENTION}
_FREE_SENTENCES = {
    SentenceKind.PROBATION,
    SentenceKind.SUSPENDED,
    SentenceKind.FINE,
    SentenceKind.COMMUNITY_SERVICE,
    SentenceKind.BAIL,
    SentenceKind.RECOGNIZANCE,
    SentenceKind.NONE,
}
_FREEING_VERDICTS = {
    Verdict.ACQUITTED,
    Verdict.DISMISSED,
    Verdict.PARDONED,
    Verdict.AMNESTIED,
    Verdict.EXCHANGED,
}


class DayBounds(NamedTuple):
    """A count of days as bounds; `high` is None while the period is still running."""

    low: int
    high: int | None


NO_DAYS = DayBounds(0, 0)


def total_days(counts: Iterable[DayBounds]) -> DayBounds:
    """The sum of counts of days (not `sum`: `+` of two counts joins them as tuples)."""
    low = 0
    high: int | None = 0
    for days in counts:
        low += days.low
        high = None if high is None or days.high is None else high + days.high
    return DayBounds(low, high)


class Period(NamedTuple):
    """Time in custody or under house arrest, from one event to another."""

    kind: Liberty
    start: EdtfDate
    end: EdtfDate | None
    started_by: Event
    ended_by: Event | None
    days: DayBounds


class Custody(NamedTuple):
    """A person's periods, the days they add up to, and where the person is at the end."""

    person: str
    periods: tuple[Period, ...] = ()
    days: DayBounds = NO_DAYS
    house_arrest_days: DayBounds = NO_DAYS
    liberty: Liberty | None = None
    # Impossible sequences (a period that ends before it begins), for the custody check;
    # `gaps` are steps the sources may have skipped (a release no one reported).
    problems: tuple[tuple[Event, str], ...] = ()
    gaps: tuple[tuple[Event, str], ...] = ()


@last_case
def custody(case: Case) -> Mapping[str, Custody]:
    """The custody of every person that some event detains, frees or places under a measure."""
    changes: dict[str, list[tuple[Event, Liberty]]] = {}
    for event in case.chronology:
        if event.context or (not event.outcomes and _event_liberty(event.type) is None):
            continue
        for person, liberty in _changes(case, event):
            changes.setdefault(person, []).append((event, liberty))
    last_day = _last_day(case)
    people = [p.id for p in case.people if p.id in changes]
    return MappingProxyType(
        {person: _fold(person, _in_order(changes[person]), last_day) for person in people}
    )


def _in_order(changes: list[tuple[Event, Liberty]]) -> list[tuple[Event, Liberty]]:
    """A person's changes in chronology order, except a release that sorts first only
    because its date is less precise than the detention it ends: "released in November
    2025" sorts before "detained on 10 November 2025" (by earliest day), but nobody is
    released before being held. Such a release, of someone not known to be in custody,
    goes after the next change that holds them when its days reach that change's."""
    ordered = list(changes)
    liberty: Liberty | None = None
    index = 0
    while index < len(ordered) - 1:
        (event, new), (later, then) = ordered[index], ordered[index + 1]
        if (
            new is Liberty.AT_LIBERTY
            and liberty in (None, Liberty.AT_LIBERTY)
            and then is not Liberty.AT_LIBERTY
            and not _ends_before_start(later.date, event.date)
        ):
            ordered[index], ordered[index + 1] = ordered[index + 1], ordered[index]
            continue  # the change that holds them is now at `index`
        liberty = new
        index += 1
    return ordered


def _changes(case: Case, event: Event) -> Iterator[tuple[str, Liberty]]:
    """What the event does to each person's liberty; outcomes first, then participants."""
    decided: set[str] = set()
    for outcome in event.outcomes:
        if outcome.kind is OutcomeKind.REQUEST:
            continue
        for person in case.expand(outcome.subjects):
            decided.add(person)
            liberty = outcome_liberty(outcome)
            if liberty is not None:
                yield person, liberty
    liberty = _event_liberty(event.type)
    if liberty is None:
        return
    for participant in event.participants:
        if participant.role in AFFECTED_ROLES:
            for person in case.expand([participant.ref]):
                if person not in decided and isinstance(case.index.get(person), Person):
                    yield person, liberty


def outcome_liberty(outcome: Outcome) -> Liberty | None:
    """Where an outcome leaves its subjects: None when it says nothing about liberty."""
    if outcome.released is True:
        return Liberty.AT_LIBERTY
    if outcome.sentence in _CUSTODIAL:
        return Liberty.IN_CUSTODY
    if outcome.sentence is SentenceKind.HOUSE_ARREST:
        return Liberty.HOUSE_ARREST
    if outcome.released is False:
        return None
    if outcome.sentence in _FREE_SENTENCES or outcome.verdict in _FREEING_VERDICTS:
        return Liberty.AT_LIBERTY
    return None


def _event_liberty(kind: EventType) -> Liberty | None:
    if kind in _HELD:
        return Liberty.IN_CUSTODY
    if kind is EventType.HOUSE_ARREST:
        return Liberty.HOUSE_ARREST
    return Liberty.AT_LIBERTY if kind in _FREED else None


def _fold(person: str, changes: list[tuple[Event, Liberty]], last_day: datetime.date) -> Custody:
    periods: list[Period] = []
    problems: list[tuple[Event, str]] = []
    gaps: list[tuple[Event, str]] = []
    liberty: Liberty | None = None
    opened: Event | None = None
    for event, new in changes:
        if new is liberty:
            if _detains(event) and opened is not None and _detains(opened):
                gaps.append((event, "detained again without a release in between"))
            continue
        if opened is not None and liberty is not None and liberty is not Liberty.AT_LIBERTY:
            periods.append(_period(liberty, opened, event, last_day))
            if _ends_before_start(opened.date, event.date):
                problems.append((event, f"ends custody before it began ('{opened.id}')"))
        elif new is Liberty.AT_LIBERTY and event.type in _FREED:
            gaps.append((event, "released, but not known to be in custody"))
        liberty, opened = new, event
    if opened is not None and liberty in (Liberty.IN_CUSTODY, Liberty.HOUSE_ARREST):
        periods.append(_period(liberty, opened, None, last_day))
    return Custody(
        person,
        tuple(periods),
        _total(periods, Liberty.IN_CUSTODY),
        _total(periods, Liberty.HOUSE_ARREST),
        liberty,
        tuple(problems),
        tuple(gaps),
    )


def _detains(event: Event) -> bool:
    return event.type in (EventType.DETENTION, EventType.ARREST)


def _period(kind: Liberty, start: Event, end: Event | None, last_day: datetime.date) -> Period:
    return Period(
        kind,
        start.date,
        end.date if end else None,
        start,
        end,
        day_bounds(start.date, end.date if end else None, last_day),
    )


def day_bounds(start: EdtfDate, end: EdtfDate | None, last_day: datetime.date) -> DayBounds:
    """Days from `start` to `end`; an open end counts to `last_day`, as a lower bound."""
    if end is None:
        low = (last_day - start.latest).days if start.latest else 0
        return DayBounds(max(low, 0), None)
    low = (end.earliest - start.latest).days if end.earliest and start.latest else 0
    high = (end.latest - start.earliest).days if end.latest and start.earliest else None
    return DayBounds(max(low, 0), None if high is None else max(high, 0))


def _ends_before_start(start: EdtfDate, end: EdtfDate) -> bool:
    return bool(start.earliest and end.latest and end.latest < start.earliest)


def _total(periods: list[Period], kind: Liberty) -> DayBounds:
    return total_days(period.days for period in periods if period.kind is kind)


def _last_day(case: Case) -> datetime.date:
    days = [e.date.latest or e.date.earliest for e in case.events]
    return max((day for day in days if day is not None), default=datetime.date.min)
