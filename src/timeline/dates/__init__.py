"""Layer 1, dates: the EDTF profile. Imports only the standard library.

The EDTF profile of timeline: parse dates, give their bounds, compare and display them.

Supported: all of EDTF Level 0 (`2025`, `2025-05`, `2025-05-28`,
`2025-05-30T14:00:00+06:00`, intervals `A/B`) and, from Level 1, the qualifiers
`?` `~` `%` at the end of a date, `X` for trailing unspecified digits, seasons
21-24 and open (`..`) or unknown (empty) interval ends; from Level 2, one day of a
range `[A..B]` (a single day between A and B, not a span). Anything else raises
`EdtfError`, whose message says what is wrong and, where it can, how to write
the date instead.
"""

from timeline.dates.model import EdtfDate, EdtfError, Relation, days_between, unknown_between
from timeline.dates.parsing import is_edtf, parse
from timeline.dates.units import Precision
from timeline.dates.words import humanize_gap

__all__ = [
    "EdtfDate",
    "EdtfError",
    "Precision",
    "Relation",
    "days_between",
    "humanize_gap",
    "is_edtf",
    "parse",
    "unknown_between",
]
