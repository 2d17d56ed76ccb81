"""What `timeline person` displays: one person across every case of the data directory.

A person is the same across cases when the id is the same (a registry entry's
id is shared by definition). The view is a `Chronology`, so that `show`'s
renderers lay it out: a header with who the person is and, under "Cases", each
case they appear in with their role and standing there; then the events that
involve them, merged across cases, each labelled with its case. Initials-only
people stay initials: if any case marks a person so, every case does.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from timeline.errors import UsageError
from timeline.model import describe
from timeline.model.case import Case, Event, Person
from timeline.model.vocab import PersonRole, Privacy
from timeline.views.chronology import (
    Chronology,
    Defendant,
    Header,
    build_years,
    current_outcome,
    decisions_by_person,
    merge_events,
)
from timeline.views.filters import NONE, match_person
from timeline.views.query import display_date, involved
from timeline.views.safe import clean, paragraphs

VERSION = 1


@dataclass(frozen=True, slots=True)
class Appearance:
    """A person in one case: the case, their entry there, and their standing in words."""

    case: Case
    person: Person
    roles: str
    standing: str


@dataclass(frozen=True, slots=True)
class PersonView:
    """The person's chronology (for the terminal) and the same facts as a JSON record."""

    chronology: Chronology
    record: dict[str, Any]


def find_person(cases: Sequence[Case], query: str) -> str:
    """The id of the one person `query` names best; none or several is a `UsageError`."""
    best: dict[str, int] = {}
    names: dict[str, str] = {}
    for case in cases:
        for person in case.people:
            names.setdefault(person.id, person.name)
            score = match_person(person, query)
            if score != NONE:
                best[person.id] = max(score, best.get(person.id, NONE))
    top = max(best.values(), default=NONE)
    found = sorted(ref for ref, score in best.items() if score == top and top != NONE)
    if len(found) == 1:
        return found[0]
    listing = "\n".join(f"  {ref}: {clean(names[ref])}" for ref in (found or sorted(names)))
    if found:
        raise UsageError(f"several people match '{query}'; give an id:\n{listing}")
    close = difflib.get_close_matches(query.lower(), list(names), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    raise UsageError(f"no person matches '{query}'{hint}\npeople:\n{listing}")


def build_person(cases: Sequence[Case], query: str) -> PersonView:
    """The person `query` names, across `cases` (in the order given)."""
    ref = find_person(cases, query)
    seen = [appearance(case, ref) for case in cases if any(p.id == ref for p in case.people)]
    private = any(a.person.privacy is Privacy.INITIALS for a in seen)
    person = next((a.person for a in seen if a.person.privacy is Privacy.INITIALS), seen[0].person)
    chosen = [(a.case, [e for e in a.case.chronology if ref in involved(e)]) for a in seen]
    pairs = merge_events(chosen)
    years = build_years(pairs, labelled=True)
    facts = [("Id", clean(ref))]
    aliases = () if private else _aliases(seen)
    if aliases:
        facts.append(("Also known as", ", ".join(clean(alias) for alias in aliases)))
    facts.append(("Events", f"{len(pairs)} in {_plural(len(seen), 'case')}"))
    description = None if private else next((a.person.description for a in seen), None)
    rows = tuple(Defendant(clean(a.case.id), clean(_case_words(a))) for a in seen)
    header = Header(
        clean(person.name), tuple(facts), paragraphs(description or ""), rows, roster="Cases"
    )
    chronology = Chronology(header, years, shown=len(pairs), total=len(pairs))
    about = {"id": ref, "name": person.name, "aliases": list(aliases), "description": description}
    return PersonView(chronology, _record(about, seen, pairs))


def appearance(case: Case, ref: str) -> Appearance:
    person = next(p for p in case.people if p.id == ref)
    roles = ", ".join(
        person.label if role is PersonRole.OTHER and person.label else role.words
        for role in person.roles
    )
    decisions = decisions_by_person(case).get(ref, [])
    defendant = PersonRole.DEFENDANT in person.roles
    standing = current_outcome(decisions) if decisions or defendant else ""
    return Appearance(case, person, roles or "no role given", standing)


def _case_words(seen: Appearance) -> str:
    parts = [seen.case.title, f"role: {seen.roles}"]
    if seen.standing:
        parts.append(f"standing: {seen.standing}")
    return "; ".join(parts)


def _aliases(seen: Sequence[Appearance]) -> tuple[str, ...]:
    names = (alias.name for a in seen for alias in a.person.aliases)
    return tuple(dict.fromkeys(names))


def _plural(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def _record(
    about: dict[str, Any], seen: Sequence[Appearance], pairs: Sequence[tuple[Case, Event]]
) -> dict[str, Any]:
    """The JSON document of `timeline person --format json` (README, "Across cases")."""
    return {
        "version": VERSION,
        "person": about,
        "cases": [
            {
                "id": a.case.id,
                "title": a.case.title,
                "roles": [role.value for role in a.person.roles],
                "standing": a.standing or None,
            }
            for a in seen
        ],
        "events": [
            {
                "case": case.id,
                "id": event.id,
                "date": event.date.text,
                "display_date": display_date(event),
                "type": event.type.value,
                "title": event.title,
                "key": event.key,
                "people": describe.participants_words(case, event.participants) or None,
            }
            for case, event in pairs
        ],
    }
