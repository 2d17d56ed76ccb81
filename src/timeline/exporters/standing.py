"""Each defendant's standing for the exports: the same words as the header of `show`.

Every export carries the standing: Markdown a "Defendants" section, JSON a
`standing` object per defendant, CSV the standing of an event's subjects after it,
TimelineJS the title slide.
"""

from __future__ import annotations

from typing import NamedTuple

from timeline.model import describe
from timeline.model.case import Case, Event
from timeline.model.standing import Standing, fold, standings, steps_by_person
from timeline.model.standing_words import custody_words, standing_line, standing_words
from timeline.model.vocab import OutcomeKind, PersonRole


class DefendantLine(NamedTuple):
    person: str
    name: str
    words: str  # the standing, then the days in custody
    standing: str = ""  # the standing alone, for a table with a column of custody
    custody: str = ""  # "181 days in custody", or "none recorded"
    state: str = ""  # the procedural state in words: "convicted", "retrial pending"


def defendant_lines(case: Case) -> list[DefendantLine]:
    """The defendants, in file order, each with their standing in words."""
    found = standings(case)
    return [
        DefendantLine(
            person.id,
            describe.full_name(case, person.id),
            standing_line(case, found[person.id]),
            standing_words(case, found[person.id]),
            custody_words(found[person.id].custody) or "none recorded",
            found[person.id].state.words,
        )
        for person in case.people
        if PersonRole.DEFENDANT in person.roles and person.id in found
    ]


class StandingAfter:
    """Where the subjects of an event's decisions stand once it is decided (for CSV rows)."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self.steps = steps_by_person(case)

    def __call__(self, event: Event) -> list[tuple[str, Standing]]:
        people = self.case.expand(
            ref
            for outcome in event.outcomes
            if outcome.kind is OutcomeKind.DECISION
            for ref in outcome.subjects
        )
        found = []
        for person in people:
            steps = self.steps.get(person, [])
            last = max((i for i, step in enumerate(steps) if step.event is event), default=None)
            if last is not None:
                found.append((person, fold(person, steps[: last + 1])))
        return found
