"""A defendant's standing and custody in plain English, and as a JSON-ready record.

``guilty, 5 years' imprisonment, general regime (17 September 2025); sentence
reduced on appeal to 3 years' probation (25 November 2025); released`` and
``181 days in custody``. Plain text: renderers escape it for their format.
"""

from __future__ import annotations

from timeline.model.case import Case, Event, Outcome
from timeline.model.custody import Custody, DayBounds
from timeline.model.describe import short_name
from timeline.model.durations import duration_days, duration_words
from timeline.model.standing import Standing, Step
from timeline.model.vocab import EventType, Liberty, SentenceKind, Verdict

_REGIMES = {
    "general": "general regime",
    "strict": "strict regime",
    "special": "special regime",
    "settlement": "colony-settlement",
    "prison": "prison",
}
_RELIEF = {
    Verdict.PARDONED: "pardoned",
    Verdict.AMNESTIED: "amnestied",
    Verdict.EXCHANGED: "released in a prisoner exchange",
}
# How heavy a kind of sentence is, to say "reduced" or "increased" on appeal.
_WEIGHT = {
    SentenceKind.IMPRISONMENT: 5,
    SentenceKind.HOUSE_ARREST: 4,
    SentenceKind.COMMUNITY_SERVICE: 3,
    SentenceKind.SUSPENDED: 2,
    SentenceKind.PROBATION: 2,
    SentenceKind.FINE: 1,
    SentenceKind.NONE: 0,
}


def when(event: Event) -> str:
    return event.date.display(inferred=[part.value for part in event.inferred])


def sentence_phrase(outcome: Outcome) -> str:
    """``5 years' imprisonment, general regime``, ``3 years' probation``, ``fine of 100 KGS``."""
    kind, term = outcome.sentence, outcome.term
    length = duration_words(term) if term else ""
    possessive = f"{length}'" if length.endswith("s") else f"{length}'s"
    if kind is None:
        return length
    if kind is SentenceKind.FINE:
        amount = " ".join(part for part in (outcome.amount, outcome.currency) if part)
        return f"fine of {amount}" if amount else "fine"
    if kind is SentenceKind.SUSPENDED:
        return f"suspended sentence of {length}" if length else "suspended sentence"
    words = (outcome.label or "other") if kind is SentenceKind.OTHER else kind.words
    phrase = f"{possessive} {words}" if length else words
    if kind is SentenceKind.IMPRISONMENT and outcome.regime is not None:
        regime = outcome.regime.value
        phrase += f", {_REGIMES.get(regime) or outcome.label or 'other regime'}"
    return phrase


def standing_words(case: Case, standing: Standing) -> str:
    """The standing in words: what is in force and since when, then relief and liberty."""
    parts = [part for part in (_verdict_part(standing), _annulment_part(standing)) if part]
    if not parts and standing.relief is None:
        parts.append(standing.state.words)
    if standing.relief is not None:
        parts.append(_relief_part(standing.relief))
    if standing.appeal is not None and standing.appeal.type is EventType.APPEAL:
        parts.append(f"appeal pending (filed {when(standing.appeal)})")
    elif standing.appeal is not None:
        parts.append("appeal to be heard again")
    parts += [_opinion_part(case, step) for step in standing.opinions]
    liberty = _liberty_part(standing)
    if liberty:
        parts.append(liberty)
    return "; ".join(parts)


def _verdict_part(standing: Standing) -> str:
    if standing.verdict is None or standing.set_by is None:
        return ""
    outcome, amended = standing.verdict_outcome, standing.amended_by
    first = outcome if outcome is not None and outcome.sentence else None
    if amended is None:
        first = standing.sentence or first
    sentence = sentence_phrase(first) if first and standing.verdict is Verdict.GUILTY else ""
    text = _overturning(outcome, standing.verdict) + standing.verdict.words
    text += f"{', ' + sentence if sentence else ''} ({when(standing.set_by)})"
    before, after = _split_upheld(standing)
    if before:
        text += ", " + _upheld(before)
    if amended is not None and standing.sentence is not None and standing.sentence is not first:
        change = _change(first, standing.sentence)
        text += f"; sentence {change}{_on_appeal(amended)} to "
        text += f"{sentence_phrase(standing.sentence)} ({when(amended)})"
    if after:
        text += ", " + _upheld(after)
    return text


def _overturning(outcome: Outcome | None, verdict: Verdict) -> str:
    if outcome is None or outcome.verdict is not Verdict.OVERTURNED:
        return ""
    return "conviction overturned: " if verdict is Verdict.ACQUITTED else "acquittal overturned: "


def _split_upheld(standing: Standing) -> tuple[tuple[Event, ...], tuple[Event, ...]]:
    """The decisions that upheld the verdict before the sentence was amended, and after."""
    if standing.amended_by is None:
        return standing.upheld_by, ()
    order = {id(step.event): index for index, step in enumerate(standing.steps)}
    pivot = order.get(id(standing.amended_by), 0)
    before = tuple(e for e in standing.upheld_by if order.get(id(e), 0) < pivot)
    return before, tuple(e for e in standing.upheld_by if order.get(id(e), 0) > pivot)


def _upheld(events: tuple[Event, ...]) -> str:
    dates = [when(event) for event in events]
    on_appeal = _on_appeal(events[0])
    if len(dates) == 1:
        return f"upheld{on_appeal} ({dates[0]})"
    return f"upheld{on_appeal} ({dates[0]}) and again ({', '.join(dates[1:])})"


def _on_appeal(event: Event) -> str:
    return " on appeal" if event.type is EventType.APPEAL_DECISION else ""


def _change(before: Outcome | None, after: Outcome) -> str:
    if before is None or before.sentence is None or after.sentence is None:
        return "changed"
    old, new = _WEIGHT.get(before.sentence, 3), _WEIGHT.get(after.sentence, 3)
    if old == new and before.term and after.term:
        old, new = duration_days(before.term), duration_days(after.term)
    return "reduced" if new < old else "increased" if new > old else "changed"


def _annulment_part(standing: Standing) -> str:
    step = standing.annulment
    if step is None or standing.verdict is not None:
        return ""
    annulled = [s for s in standing.steps if s.annulled_by is step.event and s.outcome]
    verdicts = {s.outcome.verdict for s in annulled if s.outcome}
    convicted = Verdict.GUILTY in verdicts or any(s.effect == "sentence" for s in annulled)
    acquitted = Verdict.ACQUITTED in verdicts
    what = "conviction" if convicted else "acquittal" if acquitted else "earlier decisions"
    overturned = step.outcome is not None and step.outcome.verdict is Verdict.OVERTURNED
    verb = "set aside" if overturned else "annulled"
    text = f"{what} {verb} ({when(step.event)})"
    return text + "; retrial pending" if standing.retrial else text


def _relief_part(step: Step) -> str:
    verdict = step.outcome.verdict if step.outcome else None
    words = (_RELIEF.get(verdict) or verdict.words) if verdict else "relief"
    return f"{words} ({when(step.event)})"


def _opinion_part(case: Case, step: Step) -> str:
    bodies = [p.ref for p in step.event.participants if p.role.value in ("court", "authority")]
    body = short_name(case, bodies[0]) if bodies else "an international body"
    found = step.outcome is not None and step.outcome.verdict is Verdict.VIOLATION
    return f"{body} found {'a violation' if found else 'no violation'} ({when(step.event)})"


def _liberty_part(standing: Standing) -> str:
    held = standing.custody
    if held is None or not held.periods:
        return ""
    if held.liberty is Liberty.AT_LIBERTY:
        return "" if standing.relief is not None else "released"
    last = held.periods[-1]
    place = "in custody" if held.liberty is Liberty.IN_CUSTODY else "under house arrest"
    return f"{place} since {last.start.display()}"


def standing_line(case: Case, standing: Standing) -> str:
    """The standing, then the days in custody: what `show` and the exports print."""
    words, held = standing_words(case, standing), custody_words(standing.custody)
    return f"{words}; {held}" if held else words


def days_words(days: DayBounds) -> str:
    """``181 days``, ``181-185 days``, ``at least 200 days``, ``up to 20 days``."""
    if days.high is None:
        return f"at least {days.low} day{'' if days.low == 1 else 's'}"
    if days.high == days.low:
        return f"{days.low} day{'' if days.low == 1 else 's'}"
    if days.low == 0:  # released some day that may be the day of the detention
        return f"up to {days.high} day{'' if days.high == 1 else 's'}"
    return f"{days.low}-{days.high} days"


def custody_words(held: Custody | None) -> str:
    """``181 days in custody``; ``60 days under house arrest``; "" when never held."""
    if held is None or not held.periods:
        return ""
    parts = []
    if any(p.kind is Liberty.IN_CUSTODY for p in held.periods):
        parts.append(f"{days_words(held.days)} in custody")
    if any(p.kind is Liberty.HOUSE_ARREST for p in held.periods):
        parts.append(f"{days_words(held.house_arrest_days)} under house arrest")
    return ", ".join(parts)


def standing_record(case: Case, standing: Standing) -> dict[str, object]:
    """The standing as JSON-ready data (the `standing` object of the JSON export)."""
    sentence = standing.sentence
    return {
        "state": standing.state.value,
        "words": standing_words(case, standing),
        "verdict": standing.verdict.value if standing.verdict else None,
        "sentence": _sentence_record(sentence) if sentence else None,
        "set_by": _event_ref(standing.set_by),
        "amended_by": _event_ref(standing.amended_by),
        "upheld_by": [event.id for event in standing.upheld_by],
        "relief": _step_record(standing.relief),
        "annulled": [step.event.id for step in standing.steps if step.annulled_by],
        "retrial": standing.retrial,
        "appeal": _event_ref(standing.appeal),
        "charges": list(standing.charges),
        "opinions": [_step_record(step) for step in standing.opinions],
        "custody": _custody_record(standing.custody),
    }


def _event_ref(event: Event | None) -> str | None:
    return event.id if event else None


def _sentence_record(outcome: Outcome) -> dict[str, object]:
    return {
        "sentence": outcome.sentence.value if outcome.sentence else None,
        "term": outcome.term,
        "regime": outcome.regime.value if outcome.regime else None,
        "amount": outcome.amount,
        "currency": outcome.currency,
        "words": sentence_phrase(outcome),
    }


def _step_record(step: Step | None) -> dict[str, object] | None:
    if step is None or step.outcome is None:
        return None
    verdict = step.outcome.verdict
    return {"event": step.event.id, "verdict": verdict.value if verdict else None}


def _custody_record(held: Custody | None) -> dict[str, object]:
    if held is None:
        held = Custody("")
    return {
        "liberty": held.liberty.value if held.liberty else None,
        "days": {"low": held.days.low, "high": held.days.high},
        "house_arrest_days": {
            "low": held.house_arrest_days.low,
            "high": held.house_arrest_days.high,
        },
        "periods": [
            {
                "kind": period.kind.value,
                "start": period.start.text or None,
                "end": period.end.text or None if period.end else None,
                "started_by": period.started_by.id,
                "ended_by": _event_ref(period.ended_by),
                "days": {"low": period.days.low, "high": period.days.high},
            }
            for period in held.periods
        ],
        "words": custody_words(held),
    }
