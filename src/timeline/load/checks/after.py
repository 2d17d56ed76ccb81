"""An event that lists another in `after` must not definitely come before it, and one
that lists another in `before` must not definitely come after it.

Dates are compared with their bounds widened for `~`, `?` and `%`, so only a
definite contradiction is an error: "July 2025" after "2025-07-15" is fine.

Fails::

    - {id: verdict, date: "2025-09-17", after: [appeal], ...}
    - {id: appeal, date: "2025-10-08", ...}   # TL401 on verdict.after
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.dates import Relation
from timeline.load.checks.lookup import events_by_id
from timeline.load.diagnostics import Finding
from timeline.model.case import Case

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL401"


def check(case: Case, context: Context) -> Iterator[Finding]:
    events = events_by_id(case)
    for i, event in enumerate(case.events):
        for j, ref in enumerate(event.after):
            earlier = events.get(ref)
            if earlier is None:
                continue
            if event.date.compare(earlier.date) is Relation.BEFORE:
                yield Finding(
                    CODE,
                    f"'{event.id}' ({event.date.display()}) is listed after '{ref}' "
                    f"({earlier.date.display()}) but comes before it",
                    ("events", i, "after", j),
                    "fix one of the dates, or remove the ordering",
                )
        for j, ref in enumerate(event.before):
            later = events.get(ref)
            if later is not None and event.date.compare(later.date) is Relation.AFTER:
                yield Finding(
                    CODE,
                    f"'{event.id}' ({event.date.display()}) is listed before '{ref}' "
                    f"({later.date.display()}) but comes after it",
                    ("events", i, "before", j),
                    "fix one of the dates, or remove the ordering",
                )
