"""Dates in English words ("28 May 2025", "c. March 2024", "28-30 May 2025") and the
time between two dates ("3 weeks later")."""

from __future__ import annotations

import datetime
from collections.abc import Collection
from typing import TYPE_CHECKING, NamedTuple

from timeline.dates.units import MONTH_NAMES, SEASONS, Precision

if TYPE_CHECKING:  # for the annotations only: the dates module imports this one
    from timeline.dates.model import EdtfDate


def date_words(date: EdtfDate, inferred: Collection[str] = ()) -> str:
    """English words for a date or an interval; parts named in `inferred` in brackets."""
    if date.is_interval:
        return _interval_words(date, inferred)
    if date.unknown:
        return _unknown_words(date)
    if date.one_of and date.start and date.end:
        return _between(_words(date.start, inferred), _words(date.end, inferred))
    return str(_words(date, inferred))


def _unknown_words(date: EdtfDate) -> str:
    after, before = date.start, date.end
    if after and before:
        return f"date unknown, {_between(_words(after, ()), _words(before, ()))}"
    if after:
        return f"date unknown, after {_words(after, ())}"
    return f"date unknown, before {_words(before, ())}" if before else "date unknown"


def _between(start: _Words, end: _Words) -> str:
    """One day of a set: "between 30 May and 17 September 2025" (never drawn as a span)."""
    if start.plain and end.plain and start.year == end.year and start.month:
        same_month = start.day and start.month == end.month
        left = start.day if same_month else f"{start.day} {start.month}".strip()
        return f"between {left} and {end}"
    return f"between {start} and {end}"


class _Words(NamedTuple):
    """A single date in words, in parts so that an interval can share its month and year."""

    day: str
    month: str
    year: str
    prefix: str
    suffix: str

    @property
    def plain(self) -> bool:
        return not (self.prefix or self.suffix)

    def __str__(self) -> str:
        parts = (self.day, self.month, self.year)
        return self.prefix + " ".join(part for part in parts if part) + self.suffix


def _words(date: EdtfDate, inferred: Collection[str]) -> _Words:
    first = date.earliest or datetime.date.min  # a single date always has both bounds
    day = str(first.day) if date.precision is Precision.DAY else ""
    month = ""
    if date.season is not None:
        month = SEASONS[date.season][0]
    elif date.precision in (Precision.MONTH, Precision.DAY):
        month = MONTH_NAMES[first.month - 1]
    suffix = _time_words(date.time) if date.time else ("?" if date.uncertain else "")
    return _Words(
        day=_mark(day, "day" in inferred),
        month=_mark(month, "month" in inferred),
        year=_mark(_year_words(date), "year" in inferred),
        prefix="c. " if date.approximate else "",
        suffix=suffix,
    )


def _mark(text: str, inferred: bool) -> str:
    return f"[{text}]" if inferred and text else text


def _year_words(date: EdtfDate) -> str:
    first = date.earliest or datetime.date.min
    last = date.latest or datetime.date.max
    unspecified = date.text[:4].count("X")
    if unspecified == 1:
        return f"{int(date.text[:3]) * 10}s"
    if unspecified == 2 or date.season == 24:
        return f"{first.year}-{last.year}"
    return str(first.year)


def _time_words(time: str) -> str:
    clock = time[:5] if time[6:8] == "00" else time[:8]
    zone = time[8:]
    if zone == "Z":
        return f", {clock} UTC"
    return f", {clock} UTC{zone}" if zone else f", {clock}"


def _interval_words(date: EdtfDate, inferred: Collection[str]) -> str:
    start = _words(date.start, inferred) if date.start else None
    end = _words(date.end, inferred) if date.end else None
    if start is None:
        return f"by {end}" if date.open_start else f"until {end} (start unknown)"
    if end is None:
        return f"{start} onwards" if date.open_end else f"from {start} (end unknown)"
    return _range(start, end)


def _range(start: _Words, end: _Words) -> str:
    """Two ends sharing what they can: 28-30 May 2025, 28 May - 2 June 2025, May-July 2025."""
    if str(start) == str(end):
        return str(start)
    shared = start.plain and end.plain and start.year == end.year and start.month and end.month
    if shared and bool(start.day) == bool(end.day):
        if start.day and start.month == end.month:
            return f"{start.day}-{end.day} {start.month} {start.year}"
        left = f"{start.day} {start.month}".strip()
        spaced = " " in left
        return f"{left} - {end}" if spaced else f"{left}-{end}"
    left, right = str(start), str(end)
    return f"{left} - {right}" if " " in left + right else f"{left}-{right}"


def humanize_gap(days: int) -> str:
    """A count of days in words: "same day", "3 days later", "3 weeks later", "2 years later"."""
    if days == 0:
        return "same day"
    direction = "later" if days > 0 else "earlier"
    size = abs(days)
    if size < 14:
        count, unit = size, "day"
    elif size < 60:
        count, unit = round(size / 7), "week"
    elif size < 365:
        count, unit = round(size / 30.4375), "month"
    else:
        # Whole years of the Gregorian calendar (a day's slack, so that two calendar years
        # of 730 days are 2): counting 365-day years said 2027 for 2025.9 years.
        count, unit = int((size + 1) / 365.2425), "year"
    plural = "" if count == 1 else "s"
    return f"{count} {unit}{plural} {direction}"
