"""The EDTF profile of timeline: parse dates, give their bounds, compare and display them.

Supported: all of EDTF Level 0 (`2025`, `2025-05`, `2025-05-28`,
`2025-05-30T14:00:00+06:00`, intervals `A/B`) and, from Level 1, the qualifiers
`?` `~` `%` at the end of a date, `X` for trailing unspecified digits, seasons
21-24 and open (`..`) or unknown (empty) interval ends. Anything else raises
`EdtfError`, whose message says what is wrong and, where it can, how to write
the date instead.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "EdtfDate",
    "EdtfError",
    "Precision",
    "Relation",
    "days_between",
    "humanize_gap",
    "is_edtf",
    "parse",
]


class EdtfError(ValueError):
    """A text that is not a date of the supported profile; its message is for people."""


class Precision(StrEnum):
    """How finely a date is known. Compares coarser < finer: year < season < month < day."""

    YEAR = "year"
    SEASON = "season"
    MONTH = "month"
    DAY = "day"

    @property
    def rank(self) -> int:
        """0 for a year up to 3 for a day."""
        return _RANK[self]

    # A StrEnum would otherwise compare alphabetically ("day" < "year").
    def __lt__(self, other: str, /) -> bool:
        return self.rank < other.rank if isinstance(other, Precision) else str.__lt__(self, other)

    def __le__(self, other: str, /) -> bool:
        return self.rank <= other.rank if isinstance(other, Precision) else str.__le__(self, other)

    def __gt__(self, other: str, /) -> bool:
        return self.rank > other.rank if isinstance(other, Precision) else str.__gt__(self, other)

    def __ge__(self, other: str, /) -> bool:
        return self.rank >= other.rank if isinstance(other, Precision) else str.__ge__(self, other)


_RANK = {precision: rank for rank, precision in enumerate(Precision)}


class Relation(StrEnum):
    """How two dates relate, judged on their widened bounds."""

    BEFORE = "before"
    AFTER = "after"
    SAME = "same"
    OVERLAP = "overlap"


_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# season code -> (name, first month); each season lasts three months
_SEASONS = {21: ("spring", 3), 22: ("summer", 6), 23: ("autumn", 9), 24: ("winter", 12)}
_UNIT_MONTHS = {Precision.YEAR: 12, Precision.SEASON: 3, Precision.MONTH: 1}
_QUALIFIERS = {"": (False, False), "?": (True, False), "~": (False, True), "%": (True, True)}
_ONE_DAY = datetime.timedelta(days=1)
_OPEN = ".."


@dataclass(frozen=True, slots=True)
class EdtfDate:
    """A parsed date: the text as written, its bounds, precision and qualifiers.

    An interval keeps its ends in `start` and `end` (None when open or unknown);
    its bounds run from the start's earliest to the end's latest day.
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
        if self.is_interval:
            return _interval_words(self, inferred)
        return str(_words(self, inferred))

    def to_json(self) -> dict[str, object]:
        return {
            "edtf": self.text,
            "display": self.display(),
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "latest": self.latest.isoformat() if self.latest else None,
            "precision": self.precision.value,
            "uncertain": self.uncertain,
            "approximate": self.approximate,
        }


def _bounds_of(date: EdtfDate) -> tuple[object, ...]:
    return date.earliest, date.latest, date.precision


def _qualified(date: EdtfDate) -> bool:
    return date.uncertain or date.approximate


def _shift_month(day: datetime.date, months: int, *, to_end: bool) -> datetime.date:
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
    return _shift_month(day, -_UNIT_MONTHS[date.precision], to_end=False)


def _widen_high(date: EdtfDate) -> datetime.date | None:
    day = date.latest
    if day is None or not _qualified(date):
        return day
    if date.precision is Precision.DAY:
        return day + _ONE_DAY if day < datetime.date.max else day
    return _shift_month(day, _UNIT_MONTHS[date.precision], to_end=True)


# --- parsing ---------------------------------------------------------------------------------

_SIDE = re.compile(
    r"(?P<year>[0-9X]{4})"
    r"(?:-(?P<month>[0-9X]{2})(?:-(?P<day>[0-9X]{2})(?:T(?P<time>[^?~%]*))?)?)?"
    r"(?P<qualifier>[?~%]?)"
)
_TIME = re.compile(r"([0-9]{2}):([0-9]{2}):([0-9]{2})(Z|[+-]([0-9]{2}):([0-9]{2}))?")
_TIME_WITHOUT_SECONDS = re.compile(r"[0-9]{2}:[0-9]{2}(?:Z|[+-][0-9]{2}:[0-9]{2})?")
_YEAR_WITH_X = re.compile(r"[0-9]{3}X|[0-9]{2}XX")


@functools.lru_cache(maxsize=4096)
def parse(text: str) -> EdtfDate:
    """Parse a date of the supported EDTF profile; raise `EdtfError` for anything else."""
    if not isinstance(text, str):
        raise EdtfError(f"A date must be text, such as '2025-05-28', not {type(text).__name__}.")
    for check in _WHOLE_TEXT_CHECKS:
        message = check(text)
        if message is not None:
            raise EdtfError(message)
    if "/" in text:
        return _parse_interval(text)
    if text == _OPEN:
        raise EdtfError("'..' alone is not a date; it marks an open end, as in ../2025-05.")
    return _parse_side(text)


def is_edtf(text: str) -> bool:
    """Whether `text` is a date of the supported profile."""
    try:
        parse(text)
    except EdtfError:
        return False
    return True


def _parse_interval(text: str) -> EdtfDate:
    first, last = text.split("/")
    start, end = _parse_end(first, text), _parse_end(last, text)
    known = start or end
    if known is None:
        raise EdtfError(
            f"{_q(text)} has neither a known start nor a known end; give at least one date, "
            "as in 2025-05-28/.. or ../2025-05-28."
        )
    if start and end and start.earliest and end.latest and start.earliest > end.latest:
        raise EdtfError(
            f"{_q(text)}: the interval ends before it starts; write the earlier date first: "
            f"{last}/{first}."
        )
    return EdtfDate(
        text=text,
        earliest=start.earliest if start else None,
        latest=end.latest if end else None,
        precision=known.precision,
        uncertain=any(side.uncertain for side in (start, end) if side),
        approximate=any(side.approximate for side in (start, end) if side),
        is_interval=True,
        start=start,
        end=end,
        open_start=first == _OPEN,
        open_end=last == _OPEN,
    )


def _parse_end(side: str, text: str) -> EdtfDate | None:
    if side in ("", _OPEN):
        return None
    try:
        date = _parse_side(side)
    except EdtfError as error:
        raise EdtfError(f"In {_q(text)}: {error}") from None
    if date.time is not None:
        day = side.split("T", maxsplit=1)[0]
        raise EdtfError(
            f"{_q(text)}: the ends of an interval cannot have a time of day in EDTF; "
            f"write the day only, as in {day}."
        )
    return date


def _parse_side(side: str) -> EdtfDate:
    """One date, not an interval."""
    match = _SIDE.fullmatch(side)
    if match is None:
        raise EdtfError(_diagnose(side))
    year, month, day, time, qualifier = match.group("year", "month", "day", "time", "qualifier")
    _check_unspecified(side, year, month, day)
    if time is not None:
        _check_time(side, time, day, qualifier)
    earliest, latest, precision = _bounds(side, year, month, day)
    uncertain, approximate = _QUALIFIERS[qualifier]
    season = int(month) if precision is Precision.SEASON else None
    return EdtfDate(
        side, earliest, latest, precision, uncertain, approximate, season=season, time=time
    )


def _check_unspecified(side: str, year: str, month: str | None, day: str | None) -> None:
    """Level 1 allows X only in trailing runs: 201X, 20XX, 2025-XX, 2025-05-XX, 2025-XX-XX."""
    level2 = f"{_q(side)} uses X in a way that is EDTF Level 2, which is not supported"
    if year == "0000":
        raise EdtfError(
            f"{_q(side)} is the year 0000 (1 BC): valid EDTF, but this tool does not support "
            "it; years go from 0001 to 9999."
        )
    if "X" in year and not _YEAR_WITH_X.fullmatch(year):
        raise EdtfError(
            f"{level2}; X may replace only the last one or two digits of a year, as in 201X or "
            "20XX (for longer spans write an interval, such as 1000/1999)."
        )
    if "X" in year and month is not None:
        raise EdtfError(f"{level2}; a year with X cannot have a month: write {year}.")
    for part in (month, day):
        if part is not None and "X" in part and part != "XX":
            raise EdtfError(f"{level2}; write XX for a whole unspecified month or day.")
    if month == "XX" and day not in (None, "XX"):
        raise EdtfError(f"{level2}; an unspecified month cannot have a known day.")


def _check_time(side: str, time: str, day: str | None, qualifier: str) -> None:
    date_part = side.split("T", maxsplit=1)[0]
    if qualifier:
        raise EdtfError(
            f"{_q(side)} puts {qualifier} after a time of day, which EDTF does not allow; "
            f"qualify the day instead: {date_part}{qualifier}."
        )
    if day == "XX":
        raise EdtfError(f"{_q(side)} gives a time of day for an unspecified day; remove the time.")
    match = _TIME.fullmatch(time)
    if match is None:
        if _TIME_WITHOUT_SECONDS.fullmatch(time):
            fixed = f"{date_part}T{time[:5]}:00{time[5:]}"
            raise EdtfError(f"{_q(side)} has no seconds, which EDTF requires; write {fixed}.")
        raise EdtfError(
            f"{_q(side)} has a time this tool cannot read; write hh:mm:ss, then optionally Z or "
            "an offset, as in 2025-05-30T14:00:00+06:00."
        )
    hour, minute, second, _, zone_hour, zone_minute = match.groups()
    limits = ((hour, 23), (minute, 59), (second, 59), (zone_hour, 23), (zone_minute, 59))
    if any(value is not None and int(value) > limit for value, limit in limits):
        raise EdtfError(f"{_q(side)} has an impossible time of day.")


def _bounds(
    side: str, year: str, month: str | None, day: str | None
) -> tuple[datetime.date, datetime.date, Precision]:
    first_year = max(int(year.replace("X", "0")), datetime.MINYEAR)
    last_year = int(year.replace("X", "9"))
    if month is None or month == "XX":
        return datetime.date(first_year, 1, 1), datetime.date(last_year, 12, 31), Precision.YEAR
    number = int(month)
    if number in _SEASONS:
        return _season_bounds(side, first_year, number, day)
    if 25 <= number <= 41:
        raise EdtfError(
            f"{_q(side)} uses the season code {month}, which is EDTF Level 2 and not supported; "
            "only 21 (spring), 22 (summer), 23 (autumn) and 24 (winter) are."
        )
    if not 1 <= number <= 12:
        raise EdtfError(
            f"{_q(side)} has month {month}, which does not exist; months go from 01 to 12 "
            "(and 21 to 24 for seasons)."
        )
    last = calendar.monthrange(first_year, number)[1]
    if day is None or day == "XX":
        first = datetime.date(first_year, number, 1)
        return first, first.replace(day=last), Precision.MONTH
    exact = _day(side, first_year, number, int(day), last)
    return exact, exact, Precision.DAY


def _season_bounds(
    side: str, year: int, season: int, day: str | None
) -> tuple[datetime.date, datetime.date, Precision]:
    if day is not None:
        raise EdtfError(
            f"{_q(side)} gives a day after a season; a season cannot have a day: write "
            f"{side[:7]} or a full date such as {year:04d}-05-28."
        )
    first = datetime.date(year, _SEASONS[season][1], 1)
    if season == 24 and year == datetime.MAXYEAR:
        raise EdtfError(f"{_q(side)} ends after the year 9999, which this tool does not support.")
    return first, _shift_month(first, 2, to_end=True), Precision.SEASON


def _day(side: str, year: int, month: int, day: int, last: int) -> datetime.date:
    if 1 <= day <= last:
        return datetime.date(year, month, day)
    if day == 0:
        raise EdtfError(f"{_q(side)} has day 00, which does not exist; days start at 01.")
    if month == 2 and day == 29:
        raise EdtfError(
            f"{_q(side)} does not exist: {year} is not a leap year, so February has 28 days."
        )
    name = _MONTH_NAMES[month - 1]
    raise EdtfError(f"{_q(side)} does not exist: {name} {year} has {last} days.")


def _q(text: str) -> str:
    """The offending text, quoted (and shortened when long) for a message."""
    return repr(text if len(text) <= 40 else text[:37] + "...")


# --- diagnosing texts that are not dates of the profile ---------------------------------------

_DRAFT_U = re.compile(r"[0-9u]{4}(?:-[0-9u]{2}){0,2}[?~%]?")
_TWO_LETTERS = re.compile(r"(?![XTZ]{2})[A-Za-z]{2}")  # not XX or the T and Z of a time
_BASIC = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})?([?~%]?)")
_SHORT_FIELDS = re.compile(r"([0-9]{4})-([0-9]{1,2})(?:-([0-9]{1,2}))?([?~%]?)")
_SHORT_YEAR = re.compile(r"([0-9]{1,3})((?:-[0-9X]{2}){0,2}[?~%]?)")
_DAY_FIRST = re.compile(r"([0-9]{1,2})[./]([0-9]{1,2})[./]([0-9]{4})")
_YEAR_FIRST = re.compile(r"([0-9]{4})[./]([0-9]{1,2})[./]([0-9]{1,2})")
_WORDY = tuple(
    re.compile(pattern, re.IGNORECASE | re.ASCII)
    for pattern in (
        r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{4})",
        r"(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})",
        r"(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{4})",
    )
)
_MONTH_WORDS = {name.lower(): n for n, name in enumerate(_MONTH_NAMES, 1)} | {
    name[:3].lower(): n for n, name in enumerate(_MONTH_NAMES, 1)
}
_SEASON_WORDS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}


def _surrounding_spaces(text: str) -> str | None:
    stripped = text.strip()
    if text == stripped:
        return None
    if not stripped:
        return "The date is empty; write a date such as 2025-05-28."
    hint = f": write {stripped}" if is_edtf(stripped) else ""
    return f"{_q(text)} has spaces around it; remove the spaces{hint}."


def _empty(text: str) -> str | None:
    return None if text else "The date is empty; write a date such as 2025-05-28."


def _draft_2012(text: str) -> str | None:
    sides = text.split("/")
    words = {"open": _OPEN, "unknown": ""}
    if any(side in words for side in sides):
        fixed = "/".join(words.get(side, side) for side in sides)
        return (
            f"{_q(text)} uses the 2012 draft syntax of EDTF; write '..' for an open end and "
            f"leave an unknown end empty: {_q(fixed)}."
        )
    if any("u" in side and _DRAFT_U.fullmatch(side) for side in sides):
        fixed = text.replace("u", "X")
        hint = f": {fixed}" if is_edtf(fixed) else ""
        return (
            f"{_q(text)} uses the 2012 draft syntax of EDTF; write X for an unspecified "
            f"digit{hint}."
        )
    return None


def _set(text: str) -> str | None:
    if text[0] not in "[{" and text[-1] not in "]}":
        return None
    return (
        f"{_q(text)} is a set of dates (EDTF Level 2), which is not supported; write one date "
        "or an interval, such as 2001/2002."
    )


def _free_text(text: str) -> str | None:
    if not _TWO_LETTERS.search(text):
        return None
    return _not_edtf(text)


def _inner_spaces(text: str) -> str | None:
    if not any(char.isspace() for char in text):
        return None
    joined = "".join(text.split())
    hint = f": write {joined}" if is_edtf(joined) else ""
    return f"{_q(text)} contains spaces; remove the spaces{hint}."


def _slashes(text: str) -> str | None:
    if text.count("/") < 2:
        return None
    if _DAY_FIRST.fullmatch(text) or _YEAR_FIRST.fullmatch(text):
        return _not_edtf(text)
    return (
        f"{_q(text)} has more than one '/'; an interval has exactly one, "
        "as in 2025-05-28/2025-05-30."
    )


_WHOLE_TEXT_CHECKS: tuple[Callable[[str], str | None], ...] = (
    _empty,
    _surrounding_spaces,
    _draft_2012,
    _set,
    _free_text,
    _inner_spaces,
    _slashes,
)


def _negative_year(side: str) -> str | None:
    if not (side.startswith("-") and side[1:2].isdigit()):
        return None
    return (
        f"{_q(side)} has a negative year (before the year 1): valid EDTF, but this tool does "
        "not support it."
    )


def _prefixed_year(side: str) -> str | None:
    if not re.match(r"[Yy]-?[0-9]", side):
        return None
    if "E" in side or "S" in side:
        return _level2(side, "an exponent or significant digits")
    return (
        f"{_q(side)} is a year written with a Y prefix: valid EDTF, but this tool does not "
        "support it; years go from 0001 to 9999."
    )


def _significant_digits(side: str) -> str | None:
    if not re.fullmatch(r"[0-9X]{4}S[0-9]+", side):
        return None
    return _level2(side, "significant digits")


def _level2(side: str, what: str) -> str:
    return f"{_q(side)} uses {what} (EDTF Level 2), which is not supported."


def _inner_qualifier(side: str) -> str | None:
    body = side.rstrip("?~%")
    marks = set(side) & set("?~%")
    inside = any(char in "?~%" for char in body)
    if not inside and len(side) - len(body) < 2:
        return None
    mark = "%" if "%" in marks or len(marks) > 1 else marks.pop()
    fixed = "".join(char for char in body if char not in "?~%") + mark
    hint = f": {fixed}" if is_edtf(fixed) else ""
    if inside:
        return (
            f"{_q(side)} has a qualifier inside the date (EDTF Level 2), which is not "
            f"supported; put a single ?, ~ or % at the end{hint}."
        )
    return (
        f"{_q(side)} has more than one qualifier; put a single one at the end (% means both "
        f"uncertain and approximate){hint}."
    )


def _basic_format(side: str) -> str | None:
    match = _BASIC.fullmatch(side)
    if match is None:
        return None
    year, month, day, mark = match.groups()
    fixed = f"{year}-{month}" + (f"-{day}" if day else "") + mark
    hint = f"write {fixed}" if is_edtf(fixed) else "write it with hyphens: YYYY-MM-DD"
    return f"{_q(side)} is written without hyphens; {hint}."


def _short_fields(side: str) -> str | None:
    match = _SHORT_FIELDS.fullmatch(side)
    if match is None:
        return None
    year, month, day, mark = match.groups()
    fixed = f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "") + mark
    hint = f": {fixed}" if is_edtf(fixed) else ""
    return f"{_q(side)} has a one-digit month or day; write months and days with two digits{hint}."


def _year_digits(side: str) -> str | None:
    if re.match(r"[0-9]{5}", side):
        return (
            f"{_q(side)} has a year after 9999, which EDTF writes with a Y prefix: valid EDTF, "
            "but this tool does not support it."
        )
    match = _SHORT_YEAR.fullmatch(side)
    if match is None:
        return None
    fixed = match.group(1).zfill(4) + match.group(2)
    hint = f", as in {fixed}" if is_edtf(fixed) else ""
    return f"{_q(side)} needs a four-digit year{hint}."


def _lowercase(side: str) -> str | None:
    upper = side.upper()
    if upper == side or not _SIDE.fullmatch(upper):
        return None
    hint = f": {upper}" if is_edtf(upper) else ""
    return f"{_q(side)} has lower-case letters; EDTF writes X, T and Z as capitals{hint}."


_SIDE_CHECKS: tuple[Callable[[str], str | None], ...] = (
    _negative_year,
    _prefixed_year,
    _significant_digits,
    _inner_qualifier,
    _basic_format,
    _short_fields,
    _year_digits,
    _lowercase,
)


def _diagnose(side: str) -> str:
    """Why `side` (one end, or a whole non-interval text) is not a date of the profile."""
    for check in _SIDE_CHECKS:
        message = check(side)
        if message is not None:
            return message
    return _not_edtf(side)


def _not_edtf(text: str) -> str:
    suggestion = _suggest(text)
    hint = suggestion or "a date such as 2025-05-28 (year-month-day)"
    return f"{_q(text)} is not a date in EDTF; write {hint}."


def _suggest(text: str) -> str | None:
    """The EDTF form of a date in words or in day/month/year digits, when it is clear."""
    for pattern in _WORDY:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        parts = match.groupdict()
        word, year, day = parts["month"].lower(), parts["year"], parts.get("day")
        if word in _SEASON_WORDS and day is None:
            return _if_valid(f"{year}-{_SEASON_WORDS[word]}")
        if word in _MONTH_WORDS:
            tail = f"-{int(day):02d}" if day else ""
            return _if_valid(f"{year}-{_MONTH_WORDS[word]:02d}{tail}")
    numbers = _DAY_FIRST.fullmatch(text)
    if numbers is not None:
        first, second, year = (int(part) for part in numbers.groups())
        day, month = (first, second) if first > 12 else (second, first)
        if max(first, second) > 12:
            return _if_valid(f"{year:04d}-{month:02d}-{day:02d}")
        return "the year first, then the month and the day, as in 2025-05-28"
    numbers = _YEAR_FIRST.fullmatch(text)
    if numbers is not None:
        year, month, day = (int(part) for part in numbers.groups())
        return _if_valid(f"{year:04d}-{month:02d}-{day:02d}")
    return None


def _if_valid(candidate: str) -> str | None:
    return candidate if is_edtf(candidate) else None


# --- display ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Words:
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
        month = _SEASONS[date.season][0]
    elif date.precision in (Precision.MONTH, Precision.DAY):
        month = _MONTH_NAMES[first.month - 1]
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


# --- gaps ------------------------------------------------------------------------------------


def days_between(a: EdtfDate, b: EdtfDate) -> int | None:
    """Days from `a`'s earliest day to `b`'s, when both have one."""
    if a.earliest is None or b.earliest is None:
        return None
    return (b.earliest - a.earliest).days


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
        count, unit = size // 365, "year"
    plural = "" if count == 1 else "s"
    return f"{count} {unit}{plural} {direction}"
