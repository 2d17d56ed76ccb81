"""The values of the EDTF profile: a parsed date, its precision, how two dates relate."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Collection
from enum import StrEnum
from typing import NamedTuple

from timeline.dates.units import Precision
from timeline.dates.words import date_words


class EdtfError(ValueError):
    """A text that is not a date of the supported profile; its message is for people."""


class Relation(StrEnum):
    """How two dates relate, judged on their widened bounds."""

    BEFORE = "before"
    AFTER = "after"
    SAME = "same"
    OVERLAP = "overlap"


_UNIT_MONTHS = {Precision.YEAR: 12, Precision.SEASON: 3, Precision.MONTH: 1}
_ONE_DAY = datetime.timedelta(days=1)


class EdtfDate(NamedTuple):
    """A parsed date: the text as written, its bounds, precision and qualifiers.

    An interval keeps its ends in `start` and `end` (None when open or unknown);
    its bounds run from the start's earliest to the end's latest day.

    One day of a set (`[A..B]`, `one_of`) is a single day known only to lie between
    A and B, not a span: `start` and `end` hold A and B, `is_interval` is False.
    An unknown date (`unknown`, made by `unknown_between`) has no text; `start` and
    `end` hold the dates it is known to come after and before, when there are any.
    """

    text: str
    earliest: datetime.date | None
    latest: datetime.date | None
    precision: Precision
    uncertain: bool = False
    approximate: bool = False
    is_interval: bool = False
    start: EdtfDate | None = None
    end: EdtfDate | None = None
    open_start: bool = False
    open_end: bool = False
    season: int | None = None
    time: str | None = None
    one_of: bool = False
    unknown: bool = False

    @property
    def unknown_start(self) -> bool:
        return self.is_interval and self.start is None and not self.open_start

    @property
    def unknown_end(self) -> bool:
        return self.is_interval and self.end is None and not self.open_end

    def sort_key(self) -> tuple[datetime.date, int, datetime.date]:
        """Earliest day (an open start first), then coarser before finer, then latest day."""
        first = self.earliest or datetime.date.min
        return first, self.precision.rank, self.latest or datetime.date.max

    def widened(self) -> tuple[datetime.date | None, datetime.date | None]:
        """The bounds, each qualified end moved out by one unit of its precision."""
        if not self.is_interval:
            return _widen_low(self), _widen_high(self)
        low = _widen_low(self.start) if self.start else None
        return low, _widen_high(self.end) if self.end else None

    def compare(self, other: EdtfDate) -> Relation:
        """BEFORE or AFTER only when the widened bounds cannot meet; open ends are endless."""
        low, high = self.widened()
        other_low, other_high = other.widened()
        if high is not None and other_low is not None and high < other_low:
            return Relation.BEFORE
        if other_high is not None and low is not None and other_high < low:
            return Relation.AFTER
        if _bounds_of(self) == _bounds_of(other) and not (_qualified(self) or _qualified(other)):
            return Relation.SAME
        return Relation.OVERLAP

    def contains(self, day: datetime.date) -> bool:
        """Whether `day` lies within the (unwidened) bounds."""
        after_start = self.earliest is None or self.earliest <= day
        return after_start and (self.latest is None or day <= self.latest)

    def display(self, inferred: Collection[str] = ()) -> str:
        """English words: "28 May 2025"; parts named in `inferred` are shown in brackets."""
        return date_words(self, inferred)

    def to_json(self) -> dict[str, object]:
        found: dict[str, object] = {
            "edtf": self.text or None,
            "display": self.display(),
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "latest": self.latest.isoformat() if self.latest else None,
            "precision": self.precision.value,
            "uncertain": self.uncertain,
            "approximate": self.approximate,
        }
        # Only on the new kinds of date, so that the export of an older file is unchanged.
        if self.one_of:
            found["one_of"] = True
        if self.unknown:
            found["unknown"] = True
        return found


def unknown_between(after: EdtfDate | None, before: EdtfDate | None) -> EdtfDate:
    """The date of an event known only to come after one date and/or before another."""
    return EdtfDate(
        text="",
        earliest=after.earliest if after else None,
        latest=before.latest if before else None,
        precision=Precision.DAY,
        start=after,
        end=before,
        unknown=True,
    )


def _bounds_of(date: EdtfDate) -> tuple[object, ...]:
    return date.earliest, date.latest, date.precision


def _qualified(date: EdtfDate) -> bool:
    return date.uncertain or date.approximate


def shift_month(day: datetime.date, months: int, *, to_end: bool) -> datetime.date:
    """The first (or last) day of the month `months` away from `day`'s month."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    if year < datetime.MINYEAR:
        return datetime.date.min
    if year > datetime.MAXYEAR:
        return datetime.date.max
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, last if to_end else 1)


def _widen_low(date: EdtfDate) -> datetime.date | None:
    day = date.earliest
    if day is None or not _qualified(date):
        return day
    if date.precision is Precision.DAY:
        return day - _ONE_DAY if day > datetime.date.min else day
    return shift_month(day, -_UNIT_MONTHS[date.precision], to_end=False)


def _widen_high(date: EdtfDate) -> datetime.date | None:
    day = date.latest
    if day is None or not _qualified(date):
        return day
    if date.precision is Precision.DAY:
        return day + _ONE_DAY if day < datetime.date.max else day
    return shift_month(day, _UNIT_MONTHS[date.precision], to_end=True)


def days_between(a: EdtfDate, b: EdtfDate) -> int | None:
    """Days from `a`'s earliest day to `b`'s, when both have one."""
    if a.earliest is None or b.earliest is None:
        return None
    return (b.earliest - a.earliest).days
