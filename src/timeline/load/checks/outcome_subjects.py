"""A person that a decision on guilt, sentence or a measure names is a defendant or a
suspect of the case (directly or as a member of a group): has the role, or was
detained, arrested, charged or placed under a measure by an event of the case.

Decisions that only uphold, and requests, are not checked: a designation upheld for
a journalist who is not prosecuted is not a mistake.

Fails::

    people:
      - {id: umetalieva, name: Cholponai Umetalieva, roles: [judge]}
    events:
      - id: verdict
        outcomes: [{subjects: [umetalieva], verdict: guilty}]   # TL306
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.load.diagnostics import Finding
from timeline.model.case import Case, Outcome, Person
from timeline.model.custody import AFFECTED_ROLES
from timeline.model.vocab import EventType, OutcomeKind, PersonRole, Verdict

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL306"
_PROSECUTED = {PersonRole.DEFENDANT, PersonRole.SUSPECT}
_NOT_CHECKED = {Verdict.UPHELD, Verdict.VIOLATION, Verdict.NO_VIOLATION, Verdict.OTHER}
_STARTS = {
    EventType.DETENTION,
    EventType.ARREST,
    EventType.PRETRIAL_MEASURE,
    EventType.CHARGE,
    EventType.INDICTMENT,
}


def _prosecuted(case: Case) -> set[str]:
    found = {p.id for p in case.people if _PROSECUTED & set(p.roles)}
    for event in case.events:
        if event.type in _STARTS:
            refs = [p.ref for p in event.participants if p.role in AFFECTED_ROLES]
            found.update(case.expand(refs))
    return found


def check(case: Case, context: Context) -> Iterator[Finding]:
    prosecuted: set[str] | None = None  # built on the first decision that needs it
    for i, event in enumerate(case.events):
        for j, outcome in enumerate(event.outcomes):
            if not _decides(outcome):
                continue
            prosecuted = _prosecuted(case) if prosecuted is None else prosecuted
            for k, ref in enumerate(outcome.subjects):
                for person in case.members(ref):
                    item = case.index.get(person)
                    if isinstance(item, Person) and person not in prosecuted:
                        yield Finding(
                            CODE,
                            f"'{person}' is named in a decision of '{event.id}' but is not a "
                            "defendant or suspect of the case",
                            ("events", i, "outcomes", j, "subjects", k),
                            f"add `defendant` to the roles of '{person}', or name someone else",
                        )


def _decides(outcome: Outcome) -> bool:
    if outcome.kind is OutcomeKind.REQUEST:
        return False
    if outcome.verdict is not None:
        return outcome.verdict not in _NOT_CHECKED
    return outcome.sentence is not None or outcome.term is not None
