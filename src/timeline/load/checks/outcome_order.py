"""No verdict, sentence or appeal for a person before that person's first
detention, arrest, pretrial measure or charge (when the case records one).

Fails::

    - {id: detained, date: "2025-05-28", type: detention,
       participants: [{ref: aleksandrov, role: detainee}], ...}
    - {id: verdict, date: "2025-05-01", type: verdict,   # TL402
       outcomes: [{subjects: [aleksandrov], verdict: guilty}], ...}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.dates import Relation
from timeline.load.diagnostics import Finding
from timeline.model.case import Case, Event
from timeline.model.vocab import EventType

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL402"
STARTS = {EventType.DETENTION, EventType.ARREST, EventType.PRETRIAL_MEASURE, EventType.CHARGE}
LATER = {EventType.VERDICT, EventType.SENTENCE, EventType.APPEAL, EventType.APPEAL_DECISION}


def _people(case: Case, event: Event) -> tuple[str, ...]:
    refs = [participant.ref for participant in event.participants]
    for outcome in event.outcomes:
        refs.extend(outcome.subjects)
    return case.expand(refs)


def check(case: Case, context: Context) -> Iterator[Finding]:
    first: dict[str, Event] = {}
    for event in case.chronology:
        if event.type in STARTS:
            for person in _people(case, event):
                first.setdefault(person, event)
    for i, event in enumerate(case.events):
        if event.type not in LATER:
            continue
        for person in sorted(_people(case, event)):
            start = first.get(person)
            if start is not None and event.date.compare(start.date) is Relation.BEFORE:
                yield Finding(
                    CODE,
                    f"the {event.type.words} '{event.id}' ({event.date.display()}) concerns "
                    f"'{person}' before their first {start.type.words} "
                    f"'{start.id}' ({start.date.display()})",
                    ("events", i, "date"),
                )
