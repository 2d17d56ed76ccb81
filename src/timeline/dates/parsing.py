"""Parsing a text into an `EdtfDate`, or an `EdtfError` that says what is wrong."""

from __future__ import annotations

import calendar
import datetime
import functools
import re

from timeline.dates.hints import diagnose, whole_text_problem
from timeline.dates.model import EdtfDate, EdtfError, shift_month
from timeline.dates.syntax import OPEN, SIDE, quoted
from timeline.dates.units import MONTH_NAMES, SEASONS, Precision

# The UTC offset may be hours only (`-04`), as ISO 8601 and EDTF allow.
_TIME = re.compile(r"([0-9]{2}):([0-9]{2}):([0-9]{2})(Z|[+-]([0-9]{2})(?::([0-9]{2}))?)?")
_TIME_WITHOUT_SECONDS = re.compile(r"[0-9]{2}:[0-9]{2}(?:Z|[+-][0-9]{2}(?::[0-9]{2})?)?")
_PLAIN = re.compile(r"[0-9]{4}(?:-[0-9]{2}){0,2}")
_YEAR_WITH_X = re.compile(r"[0-9]{3}X|[0-9]{2}XX")
_QUALIFIERS = {"": (False, False), "?": (True, False), "~": (False, True), "%": (True, True)}


@functools.lru_cache(maxsize=4096)
def parse(text: str) -> EdtfDate:
    """Parse a date of the supported EDTF profile; raise `EdtfError` for anything else."""
    if not isinstance(text, str):
        raise EdtfError(f"A date must be text, such as '2025-05-28', not {type(text).__name__}.")
    if text.startswith("[") and text.endswith("]") and ".." in text:
        return _parse_one_of(text)
    # The common dates (a year, a month, a day) have none of the mistakes looked for first.
    message = None if _PLAIN.fullmatch(text) else whole_text_problem(text, is_edtf)
    if message is not None:
        raise EdtfError(message)
    if "/" in text:
        return _parse_interval(text)
    if text == OPEN:
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
            f"{quoted(text)} has neither a known start nor a known end; give at least one date, "
            "as in 2025-05-28/.. or ../2025-05-28."
        )
    if start and end and start.earliest and end.latest and start.earliest > end.latest:
        raise EdtfError(
            f"{quoted(text)}: the interval ends before it starts; write the earlier date first: "
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
        open_start=first == OPEN,
        open_end=last == OPEN,
    )


def _parse_one_of(text: str) -> EdtfDate:
    """`[A..B]`: one day between A and B (EDTF's one of a set), not a span from A to B."""
    first, _, last = text[1:-1].partition("..")
    start, end = _parse_end(first, text), _parse_end(last, text)
    if start is None or end is None or ".." in last or "," in text:
        raise EdtfError(
            f"{quoted(text)}: only one range of days is supported in brackets, with both ends "
            "known, as in [2025-05-30..2025-09-17] (one day between the two)."
        )
    if start.earliest and end.latest and start.earliest > end.latest:
        raise EdtfError(
            f"{quoted(text)}: the range ends before it starts; write the earlier date first: "
            f"[{last}..{first}]."
        )
    return EdtfDate(
        text=text,
        earliest=start.earliest,
        latest=end.latest,
        precision=start.precision,
        uncertain=start.uncertain or end.uncertain,
        approximate=start.approximate or end.approximate,
        start=start,
        end=end,
        one_of=True,
    )


def _parse_end(side: str, text: str) -> EdtfDate | None:
    if side in ("", OPEN):
        return None
    try:
        date = _parse_side(side)
    except EdtfError as error:
        raise EdtfError(f"In {quoted(text)}: {error}") from None
    if date.time is not None:
        day = side.split("T", maxsplit=1)[0]
        raise EdtfError(
            f"{quoted(text)}: the ends of an interval cannot have a time of day in EDTF; "
            f"write the day only, as in {day}."
        )
    return date


def _parse_side(side: str) -> EdtfDate:
    """One date, not an interval."""
    match = SIDE.fullmatch(side)
    if match is None:
        raise EdtfError(diagnose(side, is_edtf))
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
    level2 = f"{quoted(side)} uses X in a way that is EDTF Level 2, which is not supported"
    if year == "0000":
        raise EdtfError(
            f"{quoted(side)} is the year 0000 (1 BC): valid EDTF, but this tool does not support "
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
            f"{quoted(side)} puts {qualifier} after a time of day, which EDTF does not allow; "
            f"qualify the day instead: {date_part}{qualifier}."
        )
    if day == "XX":
        raise EdtfError(
            f"{quoted(side)} gives a time of day for an unspecified day; remove the time."
        )
    match = _TIME.fullmatch(time)
    if match is None:
        if _TIME_WITHOUT_SECONDS.fullmatch(time):
            fixed = f"{date_part}T{time[:5]}:00{time[5:]}"
            raise EdtfError(f"{quoted(side)} has no seconds, which EDTF requires; write {fixed}.")
        raise EdtfError(
            f"{quoted(side)} has a time this tool cannot read; write hh:mm:ss, then optionally "
            "Z or an offset, as in 2025-05-30T14:00:00+06:00."
        )
    hour, minute, second, _, zone_hour, zone_minute = match.groups()
    limits = ((hour, 23), (minute, 59), (second, 59), (zone_hour, 23), (zone_minute, 59))
    if any(value is not None and int(value) > limit for value, limit in limits):
        raise EdtfError(f"{quoted(side)} has an impossible time of day.")


def _bounds(
    side: str, year: str, month: str | None, day: str | None
) -> tuple[datetime.date, datetime.date, Precision]:
    first_year = max(int(year.replace("X", "0")), datetime.MINYEAR)
    last_year = int(year.replace("X", "9"))
    if month is None or month == "XX":
        return datetime.date(first_year, 1, 1), datetime.date(last_year, 12, 31), Precision.YEAR
    number = int(month)
    if number in SEASONS:
        return _season_bounds(side, first_year, number, day)
    if 25 <= number <= 41:
        raise EdtfError(
            f"{quoted(side)} uses the season code {month}, which is EDTF Level 2 and not "
            "supported; only 21 (spring), 22 (summer), 23 (autumn) and 24 (winter) are."
        )
    if not 1 <= number <= 12:
        raise EdtfError(
            f"{quoted(side)} has month {month}, which does not exist; months go from 01 to 12 "
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
            f"{quoted(side)} gives a day after a season; a season cannot have a day: write "
            f"{side[:7]} or a full date such as {year:04d}-05-28."
        )
    first = datetime.date(year, SEASONS[season][1], 1)
    if season == 24 and year == datetime.MAXYEAR:
        raise EdtfError(
            f"{quoted(side)} ends after the year 9999, which this tool does not support."
        )
    return first, shift_month(first, 2, to_end=True), Precision.SEASON


def _day(side: str, year: int, month: int, day: int, last: int) -> datetime.date:
    if 1 <= day <= last:
        return datetime.date(year, month, day)
    if day == 0:
        raise EdtfError(f"{quoted(side)} has day 00, which does not exist; days start at 01.")
    if month == 2 and day == 29:
        raise EdtfError(
            f"{quoted(side)} does not exist: {year} is not a leap year, so February has 28 days."
        )
    name = MONTH_NAMES[month - 1]
    raise EdtfError(f"{quoted(side)} does not exist: {name} {year} has {last} days.")
