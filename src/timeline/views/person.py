"""What `timeline person` displays: one person across every case of the data directory.

A person is the same across cases when the id is the same (a registry entry's
id is shared by definition). The view is a `Chronology`, so that `show`'s
renderers lay it out: a header with who the person is and, under "Cases", each
case they appear in with their role and standing there; then the events that
involve them, merged across cases, each labelled with its case. Initials-only
people stay initials: if any case marks a person so, every case does.
"""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from timeline.errors import UsageError
from timeline.model import describe
from timeline.model.case import Case, Event, Person
from timeline.model.custody import Custody, Period, custody, total_days
from timeline.model.digest import CaseDigest, digest, display_date, involved
from timeline.model.standing import Standing, standings
from timeline.model.standing_words import (
    custody_words,
    days_words,
    standing_record,
    standing_words,
)
from timeline.model.vocab import PersonRole, Privacy
from timeline.views.chronology import Chronology, Defendant, Header, build_years, merge_events
from timeline.views.filters import NONE, match_person
from timeline.views.safe import clean, paragraphs

VERSION = 1


@dataclass(frozen=True, slots=True)
class Appearance:
    """A person in one case: the case, their entry there, their standing and custody."""

    case: Case
    person: Person
    roles: str
    standing: Standing | None
    custody: Custody | None

    @property
    def words(self) -> str:
        """``Title; role: defendant; standing: ...; 181 days in custody``."""
        parts = [self.case.title, f"role: {self.roles}"]
        if self.standing is not None:
            parts.append(f"standing: {standing_words(self.case, self.standing)}")
        held = custody_words(self.custody)
        if held:
            parts.append(held)
        return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class PersonView:
    """The person's chronology (for the terminal) and the same facts as a JSON record."""

    chronology: Chronology
    record: dict[str, Any]


def find_person(cases: Sequence[CaseDigest], query: str) -> str:
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


def cases_of(cases: Sequence[CaseDigest], ref: str) -> list[str]:
    """The ids of the cases a person appears in."""
    return [case.id for case in cases if any(person.id == ref for person in case.people)]


def build_person(cases: Sequence[Case], query: str) -> PersonView:
    """The person `query` names, across `cases` (in the order given)."""
    ref = find_person([digest(case) for case in cases], query)
    seen = [appearance(case, ref) for case in cases if any(p.id == ref for p in case.people)]
    private = any(a.person.privacy is Privacy.INITIALS for a in seen)
    person = next((a.person for a in seen if a.person.privacy is Privacy.INITIALS), seen[0].person)
    chosen = [(a.case, involving(a.case, ref)) for a in seen]
    pairs = merge_events(chosen)
    years = build_years(pairs, labelled=True)
    facts = [("Id", clean(ref))]
    aliases = () if private else _aliases(seen)
    if aliases:
        facts.append(("Also known as", ", ".join(clean(alias) for alias in aliases)))
    facts.append(("Events", f"{len(pairs)} in {_plural(len(seen), 'case')}"))
    total = total_custody(seen)
    if total:
        facts.append(("Custody", clean(total)))
    description = None if private else next((a.person.description for a in seen), None)
    rows = tuple(Defendant(clean(a.case.id), clean(a.words)) for a in seen)
    header = Header(
        clean(person.name), tuple(facts), paragraphs(description or ""), rows, roster="Cases"
    )
    chronology = Chronology(header, years, shown=len(pairs), total=len(pairs))
    about = {"id": ref, "name": person.name, "aliases": list(aliases), "description": description}
    return PersonView(chronology, _record(about, seen, pairs, total))


def involving(case: Case, ref: str) -> list[Event]:
    """The events of a case that name the person, themselves or through a group."""
    return [event for event in case.chronology if ref in involved(event, case)]


def appearance(case: Case, ref: str) -> Appearance:
    person = next(p for p in case.people if p.id == ref)
    roles = ", ".join(
        person.label if role is PersonRole.OTHER and person.label else role.words
        for role in person.roles
    )
    held = custody(case).get(ref)
    return Appearance(case, person, roles or "no role given", standings(case).get(ref), held)


def total_custody(seen: Sequence[Appearance]) -> str:
    """The days in custody added up across cases; "" when no case holds the person.

    Two cases may record the same detention (a case split in two, a parallel
    proceeding): when periods of different cases can overlap, the sum may count
    days twice, and the words say so.
    """
    held = [a.custody for a in seen if a.custody is not None and a.custody.periods]
    if len(held) <= 1:
        return custody_words(held[0]) if held else ""
    days = total_days(one.days for one in held)
    words = f"{days_words(days)} in custody across {_plural(len(held), 'case')}"
    if _overlapping(held):
        words += " (periods of different cases overlap: some days may be counted twice)"
    return words


def _overlapping(held: Sequence[Custody]) -> bool:
    spans = [(index, *period_span(p)) for index, one in enumerate(held) for p in one.periods]
    return any(a[0] != b[0] and a[1] <= b[2] and b[1] <= a[2] for a in spans for b in spans)


def period_span(period: Period) -> tuple[datetime.date, datetime.date]:
    """The widest days a period may cover (an open end runs on)."""
    start = period.start.earliest or datetime.date.min
    end = period.end.latest if period.end is not None else None
    return start, end or datetime.date.max


def _aliases(seen: Sequence[Appearance]) -> tuple[str, ...]:
    names = (alias.name for a in seen for alias in a.person.aliases)
    return tuple(dict.fromkeys(names))


def _plural(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def _record(
    about: dict[str, Any],
    seen: Sequence[Appearance],
    pairs: Sequence[tuple[Case, Event]],
    total: str,
) -> dict[str, Any]:
    """The JSON document of `timeline person --format json` (README, "Across cases")."""
    return {
        "version": VERSION,
        "person": about,
        "custody": total or None,
        "cases": [
            {
                "id": a.case.id,
                "title": a.case.title,
                "roles": [role.value for role in a.person.roles],
                "standing": standing_record(a.case, a.standing) if a.standing else None,
                "custody": custody_words(a.custody) or None,
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
