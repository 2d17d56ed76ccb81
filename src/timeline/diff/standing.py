"""How a change moves where defendants stand: "standing of N.O. changed: ... -> ...".

Only the people named by the changed events (participants, outcome subjects) or whose
own entry changed are looked at, and only when a change can move a standing (a decision or
a custody event came, went, moved, or changed its outcomes or people). Folding a case's
decisions costs about a quarter of loading it, so a case of more than `WHOLE_CASE` events
is not folded: the diff says that the standing was not compared, instead of saying nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from timeline.diff.model import Change, StandingChange
from timeline.model.case import Case, Event, Person
from timeline.model.standing import standings
from timeline.model.standing_words import custody_words, standing_words

WHOLE_CASE = 2000  # past this many events (in either version), standings are not compared
# The fields of an event that standing and custody read; a new title moves nobody.
RELEVANT_FIELDS = {"date", "type", "outcomes", "participants", "after", "before"}
# Event types that move standing or custody without an outcome of their own.
RELEVANT_TYPES = {
    "detention", "arrest", "custody-extended", "transfer", "house-arrest", "release",
    "exchange", "pardon", "amnesty", "appeal", "wanted",
}  # fmt: skip


def standing_changes(
    old: Case, new: Case, changes: Iterable[Change], names: dict[str, str]
) -> tuple[StandingChange, ...] | None:
    """The standings that changed; None when they may have but the case is too large."""
    affected = _affected(old, new, changes)
    if not affected:
        return ()
    if max(len(old.events), len(new.events)) > WHOLE_CASE:
        return None
    before, after = _words(old, affected), _words(new, affected)
    order = [person.id for person in (*new.people, *old.people)]
    found = []
    for ref in sorted(affected, key=lambda ref: order.index(ref) if ref in order else 0):
        was, now = before.get(ref), after.get(ref)
        if was != now:
            found.append(StandingChange(ref, names.get(ref, ref), was, now))
    return tuple(found)


def _affected(old: Case, new: Case, changes: Iterable[Change]) -> set[str]:
    """The people whose standing the changes may move."""
    people = {person.id for person in (*old.people, *new.people)}
    found: set[str] = set()
    for change in changes:
        if change.section == "people":
            found.update(ref for ref in (change.id, change.old_id) if ref)
        elif change.section == "events" and _may_move(old, new, change):
            for case, ref in ((old, change.old_id or change.id), (new, change.id)):
                event = case.index.get(ref)
                if isinstance(event, Event):
                    found.update(_named(case, event))
    return found & people


def _may_move(old: Case, new: Case, change: Change) -> bool:
    """Whether an event's change can move a standing: a decision or a custody event that
    came, went, moved or changed its outcomes or people."""
    if change.kind == "changed" or (change.kind == "renamed" and change.fields):
        roots = {field.path.split(".")[0].split("[")[0] for field in change.fields}
        if not roots & RELEVANT_FIELDS:
            return False
    events = (old.index.get(change.old_id or change.id), new.index.get(change.id))
    return any(
        isinstance(e, Event) and (e.outcomes or e.type.value in RELEVANT_TYPES) for e in events
    )


def _named(case: Case, event: Event) -> tuple[str, ...]:
    refs = [participant.ref for participant in event.participants]
    refs += [ref for outcome in event.outcomes for ref in outcome.subjects]
    return case.expand(refs)


def _words(case: Case, people: set[str]) -> dict[str, str]:
    """Each person's standing and custody in words, as `timeline show` says them."""
    found = standings(case)
    words = {}
    for ref in people:
        standing = found.get(ref)
        if standing is None or not isinstance(case.index.get(ref), Person):
            continue
        held = custody_words(standing.custody)
        text = standing_words(case, standing)
        words[ref] = f"{text}; {held}" if held else text
    return words
