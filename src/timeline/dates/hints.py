"""Why a text is not a date of the profile, and how to write it instead.

The parser asks here only about texts it cannot read, and about a few mistakes
that must be caught before it tries (an empty text, spaces, the 2012 draft's
`unknown`/`open`/`u`, sets, several slashes).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from timeline.dates.syntax import OPEN, SIDE, quoted
from timeline.dates.units import MONTH_NAMES

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
        r"(?<![a-z])(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})",
        r"(?<![a-z])(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{4})",
    )
)
_MONTH_WORDS = {name.lower(): n for n, name in enumerate(MONTH_NAMES, 1)} | {
    name[:3].lower(): n for n, name in enumerate(MONTH_NAMES, 1)
}
Parses = Callable[[str], bool]  # the parser's own test, asked whether a suggested fix is a date
Check = Callable[[str, Parses], str | None]

_SEASON_WORDS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}


def _surrounding_spaces(text: str, parses: Parses) -> str | None:
    stripped = text.strip()
    if text == stripped:
        return None
    if not stripped:
        return "The date is empty; write a date such as 2025-05-28."
    hint = f": write {stripped}" if parses(stripped) else ""
    return f"{quoted(text)} has spaces around it; remove the spaces{hint}."


def _empty(text: str, parses: Parses) -> str | None:
    return None if text else "The date is empty; write a date such as 2025-05-28."


def _draft_2012(text: str, parses: Parses) -> str | None:
    sides = text.split("/")
    words = {"open": OPEN, "unknown": ""}
    if any(side in words for side in sides):
        fixed = "/".join(words.get(side, side) for side in sides)
        return (
            f"{quoted(text)} uses the 2012 draft syntax of EDTF; write '..' for an open end and "
            f"leave an unknown end empty: {quoted(fixed)}."
        )
    if any("u" in side and _DRAFT_U.fullmatch(side) for side in sides):
        fixed = text.replace("u", "X")
        hint = f": {fixed}" if parses(fixed) else ""
        return (
            f"{quoted(text)} uses the 2012 draft syntax of EDTF; write X for an unspecified "
            f"digit{hint}."
        )
    return None


def _set(text: str, parses: Parses) -> str | None:
    if text[0] not in "[{" and text[-1] not in "]}":
        return None
    return (
        f"{quoted(text)} is a set of dates (EDTF Level 2), which is not supported; write one date, "
        "an interval such as 2001/2002, or one day of a range such as [2001-05-01..2001-06-30]."
    )


def _free_text(text: str, parses: Parses) -> str | None:
    if not _TWO_LETTERS.search(text):
        return None
    return _not_edtf(text, parses)


def _inner_spaces(text: str, parses: Parses) -> str | None:
    if not any(char.isspace() for char in text):
        return None
    joined = "".join(text.split())
    hint = f": write {joined}" if parses(joined) else ""
    return f"{quoted(text)} contains spaces; remove the spaces{hint}."


def _slashes(text: str, parses: Parses) -> str | None:
    if text.count("/") < 2:
        return None
    if _DAY_FIRST.fullmatch(text) or _YEAR_FIRST.fullmatch(text):
        return _not_edtf(text, parses)
    return (
        f"{quoted(text)} has more than one '/'; an interval has exactly one, "
        "as in 2025-05-28/2025-05-30."
    )


_WHOLE_TEXT_CHECKS: tuple[Check, ...] = (
    _empty,
    _surrounding_spaces,
    _draft_2012,
    _set,
    _free_text,
    _inner_spaces,
    _slashes,
)


def _negative_year(side: str, parses: Parses) -> str | None:
    if not (side.startswith("-") and side[1:2].isdigit()):
        return None
    return (
        f"{quoted(side)} has a negative year (before the year 1): valid EDTF, but this tool does "
        "not support it."
    )


def _prefixed_year(side: str, parses: Parses) -> str | None:
    if not re.match(r"[Yy]-?[0-9]", side):
        return None
    if "E" in side or "S" in side:
        return _level2(side, "an exponent or significant digits")
    return (
        f"{quoted(side)} is a year written with a Y prefix: valid EDTF, but this tool does not "
        "support it; years go from 0001 to 9999."
    )


def _significant_digits(side: str, parses: Parses) -> str | None:
    if not re.fullmatch(r"[0-9X]{4}S[0-9]+", side):
        return None
    return _level2(side, "significant digits")


def _level2(side: str, what: str) -> str:
    return f"{quoted(side)} uses {what} (EDTF Level 2), which is not supported."


def _inner_qualifier(side: str, parses: Parses) -> str | None:
    body = side.rstrip("?~%")
    marks = set(side) & set("?~%")
    inside = any(char in "?~%" for char in body)
    if not inside and len(side) - len(body) < 2:
        return None
    mark = "%" if "%" in marks or len(marks) > 1 else marks.pop()
    fixed = "".join(char for char in body if char not in "?~%") + mark
    hint = f": {fixed}" if parses(fixed) else ""
    if inside:
        return (
            f"{quoted(side)} has a qualifier inside the date (EDTF Level 2), which is not "
            f"supported; put a single ?, ~ or % at the end{hint}."
        )
    return (
        f"{quoted(side)} has more than one qualifier; put a single one at the end (% means both "
        f"uncertain and approximate){hint}."
    )


def _basic_format(side: str, parses: Parses) -> str | None:
    match = _BASIC.fullmatch(side)
    if match is None:
        return None
    year, month, day, mark = match.groups()
    fixed = f"{year}-{month}" + (f"-{day}" if day else "") + mark
    hint = f"write {fixed}" if parses(fixed) else "write it with hyphens: YYYY-MM-DD"
    return f"{quoted(side)} is written without hyphens; {hint}."


def _short_fields(side: str, parses: Parses) -> str | None:
    match = _SHORT_FIELDS.fullmatch(side)
    if match is None:
        return None
    year, month, day, mark = match.groups()
    fixed = f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "") + mark
    hint = f": {fixed}" if parses(fixed) else ""
    return (
        f"{quoted(side)} has a one-digit month or day; write months and days with two digits{hint}."
    )


def _year_digits(side: str, parses: Parses) -> str | None:
    if re.match(r"[0-9]{5}", side):
        return (
            f"{quoted(side)} has a year after 9999, which EDTF writes with a Y prefix: valid EDTF, "
            "but this tool does not support it."
        )
    match = _SHORT_YEAR.fullmatch(side)
    if match is None:
        return None
    fixed = match.group(1).zfill(4) + match.group(2)
    hint = f", as in {fixed}" if parses(fixed) else ""
    return f"{quoted(side)} needs a four-digit year{hint}."


def _lowercase(side: str, parses: Parses) -> str | None:
    upper = side.upper()
    if upper == side or not SIDE.fullmatch(upper):
        return None
    hint = f": {upper}" if parses(upper) else ""
    return f"{quoted(side)} has lower-case letters; EDTF writes X, T and Z as capitals{hint}."


_SIDE_CHECKS: tuple[Check, ...] = (
    _negative_year,
    _prefixed_year,
    _significant_digits,
    _inner_qualifier,
    _basic_format,
    _short_fields,
    _year_digits,
    _lowercase,
)


def whole_text_problem(text: str, parses: Parses) -> str | None:
    """A mistake to catch before parsing (an empty text, spaces, the 2012 draft, sets...)."""
    for check in _WHOLE_TEXT_CHECKS:
        message = check(text, parses)
        if message is not None:
            return message
    return None


def diagnose(side: str, parses: Parses) -> str:
    """Why `side` (one end, or a whole non-interval text) is not a date of the profile.

    `parses` is the parser's own test, asked whether a suggested fix is a date
    (passed in, since the parser imports this module).
    """
    for check in _SIDE_CHECKS:
        message = check(side, parses)
        if message is not None:
            return message
    return _not_edtf(side, parses)


def _not_edtf(text: str, parses: Parses) -> str:
    suggestion = _suggest(text, parses)
    hint = suggestion or "a date such as 2025-05-28 (year-month-day)"
    return f"{quoted(text)} is not a date in EDTF; write {hint}."


def _suggest(text: str, parses: Parses) -> str | None:
    """The EDTF form of a date in words or in day/month/year digits, when it is clear."""
    for pattern in _WORDY:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        parts = match.groupdict()
        word, year, day = parts["month"].lower(), parts["year"], parts.get("day")
        if word in _SEASON_WORDS and day is None:
            return _if_valid(parses, f"{year}-{_SEASON_WORDS[word]}")
        if word in _MONTH_WORDS:
            tail = f"-{int(day):02d}" if day else ""
            return _if_valid(parses, f"{year}-{_MONTH_WORDS[word]:02d}{tail}")
    numbers = _DAY_FIRST.fullmatch(text)
    if numbers is not None:
        first, second, year = (int(part) for part in numbers.groups())
        day, month = (first, second) if first > 12 else (second, first)
        if max(first, second) > 12:
            return _if_valid(parses, f"{year:04d}-{month:02d}-{day:02d}")
        return "the year first, then the month and the day, as in 2025-05-28"
    numbers = _YEAR_FIRST.fullmatch(text)
    if numbers is not None:
        year, month, day = (int(part) for part in numbers.groups())
        return _if_valid(parses, f"{year:04d}-{month:02d}-{day:02d}")
    return None


def _if_valid(parses: Parses, candidate: str) -> str | None:
    return candidate if parses(candidate) else None
