"""Events do not happen in the future: an event whose earliest possible day is after
today is an error (a planned hearing is recorded once it has happened).

Fails (today being 2026-11-28)::

    - {id: hearing, date: "2027-01", type: hearing, ...}   # TL403
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.load.diagnostics import Finding
from timeline.model.case import Case

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL403"


def check(case: Case, context: Context) -> Iterator[Finding]:
    for i, event in enumerate(case.events):
        earliest = event.date.earliest
        if earliest is not None and earliest > context.today:
            yield Finding(
                CODE,
                f"'{event.id}' is dated {event.date.display()}, after today "
                f"({context.today.isoformat()})",
                ("events", i, "date"),
                "record events once they have happened",
            )
