"""A decision that acts on earlier ones (`acts_on`) names events that decided something
for at least one of its subjects, and that do not come after it.

Fails::

    - {id: verdict, date: "2025-09-17", outcomes: [{subjects: [ann], verdict: guilty}]}
    - id: annulment
      date: "2025-05-01"
      outcomes: [{subjects: [ann], verdict: annulled, acts_on: [verdict]}]   # TL406
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.dates import Relation
from timeline.load.checks.lookup import events_by_id
from timeline.load.diagnostics import Finding
from timeline.model.case import Case, Event
from timeline.model.vocab import OutcomeKind

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL406"


def check(case: Case, context: Context) -> Iterator[Finding]:
    events = events_by_id(case)
    for i, event in enumerate(case.events):
        for j, outcome in enumerate(event.outcomes):
            if not outcome.acts_on:
                continue
            subjects = set(case.expand(outcome.subjects))
            for k, ref in enumerate(outcome.acts_on):
                target = events.get(ref)
                if target is None:
                    continue  # TL302 says so
                problem = _problem(case, event, target, subjects)
                if problem:
                    yield Finding(CODE, problem, ("events", i, "outcomes", j, "acts_on", k))


def _problem(case: Case, event: Event, target: Event, subjects: set[str]) -> str | None:
    if target.id == event.id:
        return f"'{event.id}' cannot act on itself"
    if event.date.compare(target.date) is Relation.BEFORE:
        return (
            f"'{event.id}' ({event.date.display()}) acts on '{target.id}' "
            f"({target.date.display()}), which comes after it"
        )
    decided = {
        person
        for outcome in target.outcomes
        if outcome.kind is OutcomeKind.DECISION
        for person in case.expand(outcome.subjects)
    }
    if not decided & subjects:
        return f"'{target.id}' decided nothing for the subjects of this outcome"
    return None
