"""Custody cannot end before it begins: a measure's `until` does not come before the
decision that ordered it, and no release is dated before the custody it ends.

Only a warning. Steps the sources skip (a release nobody reported, a second arrest
while held) are not reported: they happen, and the days are counted from what the
file says.

Fails::

    - id: remanded
      date: "2024-01-18"
      outcomes: [{subjects: [ann], sentence: pretrial-detention, until: "2023-03-13"}]   # TL407
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.dates import Relation
from timeline.load.checks.lookup import event_positions
from timeline.load.diagnostics import Finding
from timeline.model.case import Case
from timeline.model.custody import custody

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL407"


def check(case: Case, context: Context) -> Iterator[Finding]:
    for i, event in enumerate(case.events):
        for j, outcome in enumerate(event.outcomes):
            if outcome.until is not None and outcome.until.compare(event.date) is Relation.BEFORE:
                yield Finding(
                    CODE,
                    f"the measure of '{event.id}' ({event.date.display()}) ends on "
                    f"{outcome.until.display()}, before it was ordered",
                    ("events", i, "outcomes", j, "until"),
                    "check the two dates",
                )
    # Resolved: a registry person detained in this case has custody here too. (The same
    # case object the outputs ask about next, so they find its custody computed.)
    for person, held in custody(context.resolved or case).items():
        for event, problem in held.problems:
            yield Finding(
                CODE,
                f"'{person}' {problem} in '{event.id}' ({event.date.display()})",
                ("events", event_positions(case)[event.id], "date"),
                "add the missing release or detention, or check the dates",
            )
