"""ISO 8601 durations as used for sentence terms (``P5Y``, ``P2M``, ``P3Y6M``)."""

from __future__ import annotations

import re

# At least one part, in order, of at most five digits (a term is years, not millennia);
# written without look-ahead for pydantic's regex engine.
_N = r"\d{1,5}"
DURATION_PATTERN = (
    rf"^P(?:{_N}Y(?:{_N}M)?(?:{_N}W)?(?:{_N}D)?|{_N}M(?:{_N}W)?(?:{_N}D)?|{_N}W(?:{_N}D)?|{_N}D)$"
)
# The lookbehind starts an attempt only where a run of digits starts: without it, a
# term of n digits and no unit was scanned from each of its n positions.
PARTS = re.compile(r"(?<!\d)(\d+)([YMWD])")
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}
_DAYS = {"Y": 365, "M": 30, "W": 7, "D": 1}


def duration_words(term: str) -> str:
    """``P3Y6M`` -> ``3 years 6 months``; ``P1Y`` -> ``1 year``."""
    words = []
    for number, unit in PARTS.findall(term):
        name = _UNITS[unit]
        words.append(f"{int(number)} {name}{'' if int(number) == 1 else 's'}")
    return " ".join(words) or term


def duration_days(term: str) -> int:
    """Days in a term, counting a month as 30 days and a year as 365 (for comparisons only)."""
    return sum(int(number) * _DAYS[unit] for number, unit in PARTS.findall(term))


def exact_days(term: str) -> int | None:
    """Days in a term made of days and weeks only; None when months or years make it vague."""
    if re.search(r"[YM]", term):
        return None
    return duration_days(term)
