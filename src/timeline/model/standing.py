"""Each defendant's standing: one pure function folds their decisions in date order.

A decision is an outcome that is not a request, by any authority. In chronology
order, per person:

- `guilty`, `acquitted`, `dismissed` (or a sentence without a verdict) set what is
  in force; `upheld` keeps it; `amended` replaces the sentence; `overturned`
  reverses the verdict (or, with `retrial: true`, leaves nothing in force);
- `annulled` removes what it acts on (`acts_on`, or else every earlier decision on
  guilt and sentence), and what is left is folded again;
- `pardoned`, `amnestied`, `exchanged` change liberty without erasing a conviction;
- an international body's `violation`/`no-violation` is kept as an opinion only;
- an `appeal` event makes an appeal pending until the next decision.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import NamedTuple

from timeline.model.case import Case, Event, Outcome, Person
from timeline.model.custody import Custody, custody
from timeline.model.memo import last_case
from timeline.model.vocab import (
    EventType,
    OutcomeKind,
    ParticipantRole,
    PersonRole,
    ProceduralState,
    SentenceKind,
    Verdict,
)

MEASURES = {
    SentenceKind.PRETRIAL_DETENTION,
    SentenceKind.HOUSE_ARREST,
    SentenceKind.BAIL,
    SentenceKind.RECOGNIZANCE,
}
RELIEF = {Verdict.PARDONED, Verdict.AMNESTIED, Verdict.EXCHANGED}
OPINIONS = {Verdict.VIOLATION, Verdict.NO_VIOLATION}
FINAL = {Verdict.GUILTY, Verdict.ACQUITTED, Verdict.DISMISSED}
# The effects that make someone a party whose standing is worth stating.
_DECIDING = {v.value for v in FINAL | RELIEF} | {"sentence", "amended", "overturned", "annulled"}
_APPELLANTS = {ParticipantRole.APPELLANT, ParticipantRole.DEFENDANT, ParticipantRole.SUBJECT}
_STATES = {
    Verdict.GUILTY: ProceduralState.CONVICTED,
    Verdict.ACQUITTED: ProceduralState.ACQUITTED,
    Verdict.DISMISSED: ProceduralState.DISMISSED,
    Verdict.PARDONED: ProceduralState.PARDONED,
    Verdict.AMNESTIED: ProceduralState.AMNESTIED,
    Verdict.EXCHANGED: ProceduralState.EXCHANGED,
}


class Step(NamedTuple):
    """One decision as applied to one person (or an appeal or wanted notice: no outcome)."""

    event: Event
    outcome: Outcome | None
    effect: str
    annulled_by: Event | None = None


class Standing(NamedTuple):
    """Where one person stands after every decision of the case."""

    person: str
    state: ProceduralState
    verdict: Verdict | None = None
    sentence: Outcome | None = None
    set_by: Event | None = None
    verdict_outcome: Outcome | None = None
    amended_by: Event | None = None
    upheld_by: tuple[Event, ...] = ()
    relief: Step | None = None
    annulment: Step | None = None
    retrial: bool = False
    appeal: Event | None = None
    charges: tuple[str, ...] = ()
    opinions: tuple[Step, ...] = ()
    steps: tuple[Step, ...] = ()
    custody: Custody | None = None


@last_case
def standings(case: Case) -> Mapping[str, Standing]:
    """The standing of every defendant or suspect, and of every person a decision names."""
    steps = steps_by_person(case)
    held = custody(case)
    found = {}
    for person in case.people:
        decided = any(step.effect in _DECIDING for step in steps.get(person.id, ()))
        if decided or _is_defendant(person):
            found[person.id] = fold(
                person.id, steps.get(person.id, []), held.get(person.id, Custody(person.id))
            )
    return MappingProxyType(found)


def annulments(
    case: Case, found: Mapping[str, Standing] | None = None
) -> dict[tuple[str, str], Event]:
    """(event id, person id) of every annulled outcome -> the event that annulled it
    (from `found`, the case's `standings`, when the caller has them already)."""
    return {
        (step.event.id, person): step.annulled_by
        for person, standing in (standings(case) if found is None else found).items()
        for step in standing.steps
        if step.annulled_by is not None
    }


def steps_by_person(case: Case) -> dict[str, list[Step]]:
    """Each person's steps (decisions, appeals, wanted notices) in chronology order."""
    found: dict[str, list[Step]] = {}
    for event in case.chronology:
        for person, step in _event_steps(case, event):
            found.setdefault(person, []).append(step)
    return found


def _event_steps(case: Case, event: Event) -> Iterator[tuple[str, Step]]:
    decided = False
    for outcome in event.outcomes:
        if outcome.kind is OutcomeKind.REQUEST:
            continue
        decided = True
        for person in case.expand(outcome.subjects):
            if isinstance(case.index.get(person), Person):
                yield person, Step(event, outcome, _effect(outcome))
    if decided or event.type not in (EventType.APPEAL, EventType.WANTED):
        return
    named = [p.ref for p in event.participants if p.role in _APPELLANTS]
    people = [p for p in case.expand(named) if isinstance(case.index.get(p), Person)]
    # An appeal that names nobody concerns everyone with a decision in force (see `_replay`).
    for person in people or [p.id for p in case.people if _is_defendant(p)]:
        yield person, Step(event, None, event.type.value)


def _is_defendant(person: Person) -> bool:
    return bool({PersonRole.DEFENDANT, PersonRole.SUSPECT} & set(person.roles))


def _effect(outcome: Outcome) -> str:
    if outcome.verdict is not None:
        return outcome.verdict.value
    if outcome.sentence in MEASURES:
        return "measure"
    if outcome.sentence is not None or outcome.term is not None:
        return "sentence"
    return "charges" if outcome.charges_added or outcome.charges_dropped else "other"


def fold(person: str, steps: list[Step], held: Custody | None = None) -> Standing:
    """A person's standing from their steps in date order (see the module docstring),
    with their custody `held`."""
    applied: list[Step] = []
    done: list[Step] = []  # the same steps as `applied`, with their annulments marked
    for step in steps:
        if step.effect == Verdict.ANNULLED.value:
            targets = {id(target) for target in _annulled_targets(step, applied)}
            applied = [s for s in applied if id(s) not in targets]
            done = [s._replace(annulled_by=step.event) if id(s) in targets else s for s in done]
        applied.append(step)
        done.append(step)
    state, charges = _replay(person, applied)
    # One copy with everything derived at the end (a copy per field costs a third of the fold).
    return state._replace(state=_state_of(state), charges=charges, steps=tuple(done), custody=held)


def _annulled_targets(step: Step, applied: list[Step]) -> list[Step]:
    named = step.outcome.acts_on if step.outcome else []
    if named:
        return [s for s in applied if s.event.id in named]
    merits = {v.value for v in FINAL} | {"sentence", "upheld", "amended", "overturned"}
    return [s for s in applied if s.effect in merits]


def _replay(person: str, steps: list[Step]) -> tuple[Standing, tuple[str, ...]]:
    """The standing after `steps` (its final procedural state not yet derived), and the
    charges left standing."""
    state = Standing(person, ProceduralState.AWAITING_TRIAL)
    charges: list[str] = []
    for step in steps:
        state = _apply(state, step)
        if step.outcome is not None:
            charges += [c for c in step.outcome.charges_added if c not in charges]
            charges = [c for c in charges if c not in step.outcome.charges_dropped]
    return state, tuple(charges)


def _apply(state: Standing, step: Step) -> Standing:  # noqa: PLR0911 - one branch per effect
    outcome, effect = step.outcome, step.effect
    if outcome is None:
        if effect == EventType.APPEAL.value and state.verdict is not None:
            return state._replace(appeal=step.event)
        # A wanted notice is remembered in `state` until the end (see `_state_of`).
        at_large = effect == EventType.WANTED.value
        return state._replace(state=ProceduralState.AT_LARGE) if at_large else state
    if effect in {v.value for v in FINAL} or (effect == "sentence" and state.verdict is None):
        return _set(state, step, outcome.verdict or Verdict.GUILTY)
    if effect == "sentence":  # sentenced after the verdict, by a decision of its own
        return state._replace(sentence=outcome, appeal=None)
    if effect == Verdict.AMENDED.value and state.verdict is not None:
        has_sentence = outcome.sentence is not None or outcome.term is not None
        return state._replace(
            sentence=outcome if has_sentence else state.sentence,
            amended_by=step.event,
            appeal=None,
        )
    if effect == Verdict.UPHELD.value and state.verdict is not None:
        return state._replace(upheld_by=(*state.upheld_by, step.event), appeal=None)
    if effect == Verdict.OVERTURNED.value:
        return _overturn(state, step, outcome)
    if effect == Verdict.ANNULLED.value:
        rehearing = step.event if outcome.retrial and state.verdict is not None else None
        return state._replace(annulment=step, retrial=outcome.retrial is True, appeal=rehearing)
    if outcome.verdict in RELIEF:
        return state._replace(relief=step)
    if outcome.verdict in OPINIONS:
        return state._replace(opinions=(*state.opinions, step))
    return state


def _set(state: Standing, step: Step, verdict: Verdict) -> Standing:
    outcome = step.outcome
    has_sentence = outcome is not None and (outcome.sentence or outcome.term)
    keep = verdict is Verdict.GUILTY and has_sentence
    return Standing(
        state.person,
        state.state,
        opinions=state.opinions,
        verdict=verdict,
        sentence=outcome if keep else None,
        set_by=step.event,
        verdict_outcome=outcome,
    )


def _overturn(state: Standing, step: Step, outcome: Outcome) -> Standing:
    if outcome.retrial:
        cleared = Standing(state.person, state.state, opinions=state.opinions)
        return cleared._replace(retrial=True, annulment=step)
    reversed_to = (
        Verdict.GUILTY if state.verdict in (Verdict.ACQUITTED, Verdict.DISMISSED) else None
    )
    return _set(state, step, reversed_to or Verdict.ACQUITTED)


def _state_of(standing: Standing) -> ProceduralState:
    verdict = standing.verdict
    if standing.relief is not None and standing.relief.outcome is not None:
        relief = standing.relief.outcome.verdict
        if relief is not None and verdict in (None, Verdict.GUILTY):
            return _STATES[relief]
    if standing.appeal is not None:
        return ProceduralState.APPEAL_PENDING
    if verdict is not None:
        return _STATES[verdict]
    if standing.retrial:
        return ProceduralState.RETRIAL_PENDING
    if standing.annulment is not None:
        return ProceduralState.ANNULLED
    if standing.state is ProceduralState.AT_LARGE:
        return ProceduralState.AT_LARGE
    return ProceduralState.AWAITING_TRIAL
