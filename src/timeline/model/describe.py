"""Plain-English words for the parts of a case, shared by `show` and the exports.

Everything here returns plain text (no markup); renderers escape it for their
format. Initials-only people are only ever named by their initials.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from timeline.model.case import (
    Case,
    Conflict,
    Event,
    Group,
    Organization,
    Outcome,
    Participant,
    Person,
)
from timeline.model.durations import duration_words
from timeline.model.vocab import (
    FactStatus,
    OutcomeKind,
    ParticipantRole,
    Privacy,
    SentenceKind,
    Verdict,
)

_REGIMES = {
    "general": "general-regime penal colony",
    "strict": "strict-regime penal colony",
    "special": "special-regime penal colony",
    "settlement": "colony-settlement",
    "prison": "prison",
}


# Patronymic particles: "Makhabat Tajibek kyzy" is "Tajibek kyzy" in running text, never "kyzy".
PARTICLES = frozenset(
    ("kyzy", "kizi", "qizi", "gyzy", "kyzi", "uulu", "uly", "ulu", "ogly", "oglu", "ugli")
).union(("o'g'li", "ogli", "zade", "zoda"))


def short_name(case: Case, ref: str) -> str:
    """A compact name: a person's `short_name` or surname (with its particle), an
    organization's short alias, a group's name, initials as they are."""
    item = case.index.get(ref)
    if isinstance(item, Person):
        if item.privacy is Privacy.INITIALS or " " not in item.name.strip():
            return item.name
        if item.short_name:
            return item.short_name
        words = item.name.split()
        if words[-1].lower() in PARTICLES:
            return " ".join(words[-2:])
        return words[-1]
    if isinstance(item, Group):
        return item.name
    if isinstance(item, Organization):
        short = [
            alias.name
            for alias in item.aliases
            if len(alias.name) <= 12 and alias.lang in (None, "en")
        ]
        return short[0] if short else item.name
    return ref


def full_name(case: Case, ref: str) -> str:
    """The name as shown in lists of people (initials-only people: their initials)."""
    return case.display_name(ref)


def names(case: Case, refs: Iterable[str], *, short: bool = True) -> str:
    pick = short_name if short else full_name
    return ", ".join(pick(case, ref) for ref in refs)


def participants_words(case: Case, participants: Sequence[Participant]) -> str:
    """``Aleksandrov, Duulatov (detainee); GKNB (authority)``: who took part, by role."""
    by_role: dict[str, list[str]] = {}
    for participant in participants:
        role = participant.role
        words = (
            participant.label if role is ParticipantRole.OTHER and participant.label else role.words
        )
        by_role.setdefault(words, []).append(short_name(case, participant.ref))
    return "; ".join(f"{', '.join(names)} ({role})" for role, names in by_role.items())


def event_type_words(event: Event) -> str:
    return event.label if event.type.value == "other" and event.label else event.type.words


def upper_first(text: str) -> str:
    """The first letter in upper case, the rest as written ("UN statement", not "Un ...")."""
    return text[:1].upper() + text[1:]


# What a conflict's `field` is about, in words ("sources disagree on the term").
_CONFLICT_FIELDS = {
    "term": "the term",
    "sentence": "the kind of sentence",
    "verdict": "the verdict",
    "regime": "the regime",
    "released": "the release",
    "amount": "the amount",
    "acts_on": "which decisions it acted on",
    "date": "the date",
}


def conflict_topic(conflict: Conflict) -> str:
    """What a conflict is about: its description, else its field in words, else its id."""
    return conflict.description or (field_words(conflict.field) if conflict.field else conflict.id)


def field_words(field: str | None) -> str:
    """A conflict's `field` in words: ``the term``, ``which decisions it acted on``."""
    if not field:
        return "this"
    return _CONFLICT_FIELDS.get(field, field.replace("_", " "))


def sentence_words(outcome: Outcome) -> str:
    """``5 years, general-regime penal colony``, ``3 years probation``, ``fine of 1000 KGS``."""
    sentence = outcome.sentence
    if sentence is None:
        # A term with no kind (a request for "eight years") is still worth saying.
        return duration_words(outcome.term) if outcome.term else ""
    if sentence is SentenceKind.OTHER:
        kind = outcome.label or "other"
    elif sentence is SentenceKind.FINE:
        amount = " ".join(part for part in (outcome.amount, outcome.currency) if part)
        return f"fine of {amount}" if amount else "fine"
    else:
        kind = sentence.words
    term = duration_words(outcome.term) if outcome.term else ""
    if sentence is SentenceKind.IMPRISONMENT:
        regime = _REGIMES.get(outcome.regime.value, "") if outcome.regime else ""
        if outcome.regime and outcome.regime.value == "other":
            regime = outcome.label or "other regime"
        if not regime:  # "6 years imprisonment", not a bare "6 years"
            return f"{term} imprisonment".strip()
        return ", ".join(part for part in (term or "imprisonment", regime) if part)
    return f"{term} {kind}".strip()


def outcome_words(outcome: Outcome) -> str:
    """What was decided (or requested), without the names: ``guilty; 5 years, ...``."""
    parts = []
    if outcome.kind is OutcomeKind.REQUEST:
        parts.append("prosecution requested")
    if outcome.verdict is not None:
        is_other = outcome.verdict is Verdict.OTHER
        parts.append((outcome.label or "other") if is_other else outcome.verdict.words)
    sentence = sentence_words(outcome)
    if sentence:
        parts.append(sentence)
    if outcome.until is not None:
        parts.append(f"until {outcome.until.display()}")
    if outcome.retrial:
        parts.append("retrial ordered")
    if outcome.charges_added:
        parts.append("charges added: " + ", ".join(outcome.charges_added))
    if outcome.charges_dropped:
        parts.append("charges dropped: " + ", ".join(outcome.charges_dropped))
    # `released: false` says nothing more than before it could be unknown: files that
    # wrote it then must render as they did.
    if outcome.released:
        parts.append("released")
    text = "; ".join(parts)
    return text.replace("prosecution requested; ", "prosecution requested ", 1)


def outcome_line(case: Case, outcome: Outcome) -> str:
    """``Aleksandrov, Duulatov: guilty; 5 years, general-regime penal colony``."""
    return f"{names(case, outcome.subjects)}: {outcome_words(outcome)}"


def status_words(case: Case, event: Event) -> str | None:
    """How sure the fact is, in words; None for a confirmed fact."""
    status = event.status
    if status is FactStatus.CONFIRMED:
        return None
    if status is FactStatus.CONTESTED_BY_SOURCES:
        return "sources disagree"
    claimed = "claimed by " + names(case, event.attribution) if event.attribution else None
    disputed = "disputed by " + names(case, event.disputed_by) if event.disputed_by else None
    if status is FactStatus.CLAIMED and claimed:
        # A claim that someone denies says so: "claimed by X, disputed by Y".
        return ", ".join(part for part in (claimed, disputed) if part)
    if status is FactStatus.DISPUTED and disputed:
        return ", ".join(part for part in (claimed, disputed) if part)
    return status.words


def conflicts_about(case: Case, ref: str) -> list[str]:
    """The conflicts recorded about an item, as ``description (a: ...; b: ...)`` lines."""
    return [f"{what}: {'; '.join(claims)}" for what, claims in conflict_sides(case, ref)]


def conflict_sides(case: Case, ref: str) -> list[tuple[str, list[str]]]:
    """The conflicts about an item: what they are about, and each side as ``claim (sources)``."""
    found = []
    for conflict in case.conflicts_by_ref.get(ref, ()):
        claims = [
            f"{claim.claim} ({', '.join(c.ref for c in claim.sources)})"
            for claim in conflict.claims
        ]
        found.append((conflict_topic(conflict), claims))
    return found


def outcome_conflicts(case: Case, event: Event, outcome: Outcome) -> list[Conflict]:
    """The conflicts about one detail of this outcome: about the event, for one of its subjects."""
    subjects = set(case.expand(outcome.subjects))
    return [
        conflict
        for conflict in case.conflicts_by_ref.get(event.id, ())
        if conflict.subject is not None and conflict.subject in subjects
    ]


def related_words(case: Case) -> list[str]:
    """Each related case: ``kloop-liquidation (parallel: the civil case)``, or its id alone."""
    found = []
    for item in case.related:
        relation = item.relation
        kind = (item.label or "other") if relation and relation.value == "other" else None
        kind = kind or (relation.words if relation else None)
        detail = ": ".join(part for part in (kind, item.note) if part)
        found.append(f"{item.case} ({detail})" if detail else item.case)
    return found
