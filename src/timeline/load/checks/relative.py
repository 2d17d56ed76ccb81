"""A relative date ("two days later") agrees with the dates of both events.

`relative: {event: ID, offset: P2D}` says the source dates this event by its
distance from another. When both dates are precise enough to tell, the offset
must match; otherwise the relation is only recorded.

Fails::

    - {id: arrested, date: "2025-05-28", ...}
    - {id: custody, date: "2025-05-31",             # TL404: 3 days, not 2
       relative: {event: arrested, offset: P2D, source_text: two days later}, ...}
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from timeline.load.checks.lookup import events_by_id
from timeline.load.diagnostics import Finding
from timeline.model.case import Case
from timeline.model.durations import PARTS

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL404"
_UNITS = {"Y": "years", "M": "months", "W": "weeks", "D": "days"}


def shifted(day: date, offset: str) -> date | None:
    """`day` moved forward by an ISO 8601 duration; None when that is past the year 9999."""
    try:
        amounts = {_UNITS[unit]: int(number) for number, unit in PARTS.findall(offset)}
        return day + relativedelta(**amounts)  # type: ignore[arg-type]
    except (OverflowError, ValueError):  # past 9999-12-31, or more digits than an int takes
        return None


def check(case: Case, context: Context) -> Iterator[Finding]:
    events = events_by_id(case)
    for i, event in enumerate(case.events):
        relation = event.relative
        anchor = events.get(relation.event) if relation else None
        if relation is None or anchor is None:
            continue
        start = anchor.date.earliest
        if start is None or anchor.date.earliest != anchor.date.latest:
            continue  # the anchor is not a single day: nothing definite to compare
        expected = shifted(start, relation.offset)
        low, high = event.date.widened()
        if expected is None or (
            (low is not None and expected < low) or (high is not None and expected > high)
        ):
            when = expected.isoformat() if expected else "past the end of the calendar"
            yield Finding(
                CODE,
                f"'{event.id}' is dated {event.date.display()}, but {relation.offset} after "
                f"'{anchor.id}' ({anchor.date.display()}) is {when}",
                ("events", i, "relative", "offset"),
                "fix the date or the offset",
            )
