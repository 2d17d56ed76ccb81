"""The drawn timeline of the HTML report: shapes with coordinates, laid out here, drawn by the
template as inline SVG (no script, no external file).

One row for the key events, then one row per defendant; time runs left to right over the
span of the case's events (background events left out: they would squeeze the case into
a corner). An event whose day is known is a mark; one whose day is not known (a month,
"some time between") is a hatched span over every day it may be, so that an uncertain date
never looks certain. Bars (custody, sentences) are drawn under the marks of a row.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.dates import EdtfDate
from timeline.model.case import Case, Event
from timeline.model.digest import involved
from timeline.model.durations import duration_days
from timeline.model.standing import Standing, standings
from timeline.model.standing_words import sentence_phrase
from timeline.model.vocab import Liberty

WIDTH = 960  # the viewBox; the SVG scales to the page
LABEL = 190  # the column of row names
RIGHT = 20
ROW = 34
TOP = 30  # room for the axis labels
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class Mark:
    """An event on a row: at `x`, or (uncertain) spanning `x` to `x + width`."""

    x: float
    width: float  # 0 for a known day
    label: str  # the tooltip: date and title
    key: bool
    event_id: str

    @property
    def uncertain(self) -> bool:
        return self.width > 0


@dataclass(frozen=True, slots=True)
class Bar:
    """A period on a row: custody or a sentence; `open_end` when it has not ended."""

    x: float
    width: float
    kind: str  # a CSS class: custody, house-arrest, sentence
    label: str
    uncertain: bool = False
    open_end: bool = False


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    y: float
    marks: tuple[Mark, ...]
    bars: tuple[Bar, ...] = ()


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str
    year: bool  # a year boundary: a stronger line


@dataclass(frozen=True, slots=True)
class Drawing:
    width: int
    height: int
    left: int
    right: float
    rows: tuple[Row, ...]
    ticks: tuple[Tick, ...]

    @property
    def has_bars(self) -> bool:
        return any(row.bars for row in self.rows)


@dataclass(frozen=True, slots=True)
class Scale:
    """Days to x: the first day at `LABEL`, the last at the right edge."""

    first: datetime.date
    last: datetime.date

    def x(self, day: datetime.date) -> float:
        day = min(max(day, self.first), self.last)
        span = max((self.last - self.first).days, 1)
        return round(LABEL + (WIDTH - LABEL - RIGHT) * (day - self.first).days / span, 1)


def case_scale(case: Case, events: Sequence[Event]) -> Scale | None:
    """From the first to the last day of the case's own (not background) events."""
    days = [
        day
        for event in events
        if not event.context
        for day in (event.date.earliest, event.date.latest)
        if day is not None
    ]
    chosen = [day for day in days if day != datetime.date.max]
    if not chosen:
        return None
    first, last = min(chosen), max(chosen)
    # A margin of a twentieth on each side keeps marks off the edges.
    margin = datetime.timedelta(days=max((last - first).days // 20, 3))
    return Scale(max(first - margin, datetime.date.min), min(last + margin, datetime.date.max))


def mark(scale: Scale, event: Event, label: str) -> Mark | None:
    low, high = event.date.earliest, event.date.latest
    if low is None and high is None:
        return None
    low = low or high
    high = high if high is not None and high != datetime.date.max else low
    assert low is not None and high is not None
    x = scale.x(low)
    width = scale.x(high) - x if high > low else 0.0
    return Mark(x, round(width, 1), label, event.key, event.id)


def ticks(scale: Scale) -> tuple[Tick, ...]:
    """A tick on the first of each month (each quarter, or each year, when many)."""
    months = (scale.last.year - scale.first.year) * 12 + scale.last.month - scale.first.month
    step = 1 if months <= 18 else 3 if months <= 48 else 12
    found = []
    year, month = scale.first.year, scale.first.month
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        day = datetime.date(year, month, 1)
        if day > scale.last:
            break
        if (month - 1) % step == 0:
            label = str(year) if month == 1 or step == 12 else MONTHS[month - 1]
            found.append(Tick(scale.x(day), label, month == 1))
    return tuple(found)


def drawing(
    case: Case,
    events: Sequence[Event],
    defendants: Sequence[tuple[str, str]],
    labels: dict[str, str],
) -> Drawing | None:
    """The key events' row and a row per defendant (id, name) with their custody and sentence
    as bars; `labels`: the tooltip of each event."""
    scale = case_scale(case, events)
    if scale is None:
        return None
    found = standings(case)
    shown = [event for event in events if not event.context]
    rows = [_row("Key events", 0, scale, [e for e in shown if e.key], labels)]
    for index, (ref, name) in enumerate(defendants, start=1):
        mine = [event for event in shown if ref in involved(event, case)]
        row = _row(name, index, scale, mine, labels)
        bars = custody_bars(scale, found[ref]) if ref in found else ()
        rows.append(Row(row.name, row.y, row.marks, bars))
    height = TOP + ROW * len(rows) + 10
    return Drawing(WIDTH, height, LABEL, WIDTH - RIGHT, tuple(rows), ticks(scale))


def _row(name: str, index: int, scale: Scale, events: list[Event], labels: dict[str, str]) -> Row:
    marks = (mark(scale, event, labels[event.id]) for event in events)
    return Row(name, TOP + ROW * index, tuple(m for m in marks if m is not None))


def custody_bars(scale: Scale, standing: Standing) -> tuple[Bar, ...]:
    """A defendant's periods in custody or house arrest, and the sentence in force."""
    bars = []
    for period in standing.custody.periods if standing.custody else ():
        start, end = period.start, period.end
        low = start.earliest or start.latest
        high = (end.latest or end.earliest) if end is not None else scale.last
        if low is None or high is None:
            continue
        sure = _one_day(start) and (end is None or _one_day(end))
        kind = "house-arrest" if period.kind is Liberty.HOUSE_ARREST else "custody"
        label = f"{'in custody' if kind == 'custody' else 'under house arrest'}: "
        label += (
            f"{start.display()} to {end.display()}"
            if end is not None
            else (f"from {start.display()}, not known to have ended")
        )
        x = scale.x(low)
        bars.append(Bar(x, round(scale.x(high) - x, 1), kind, label, not sure, end is None))
    sentence = _sentence_bar(scale, standing)
    return (*bars, sentence) if sentence else tuple(bars)


def _sentence_bar(scale: Scale, standing: Standing) -> Bar | None:
    """The sentence in force, from the decision that set it, for its term (days rounded)."""
    outcome = standing.sentence
    decided = standing.amended_by or standing.set_by
    if outcome is None or outcome.term is None or decided is None:
        return None
    first = decided.date.earliest
    if first is None:
        return None
    last = first + datetime.timedelta(days=duration_days(outcome.term))
    x = scale.x(first)
    label = f"sentence: {sentence_phrase(outcome)}, from {decided.date.display()}"
    return Bar(x, round(scale.x(last) - x, 1), "sentence", label, False, last > scale.last)


def _one_day(date: EdtfDate) -> bool:
    return date.earliest is not None and date.earliest == date.latest
