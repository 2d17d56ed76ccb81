"""What to show: the events of a case that pass some filters, and the cases of a folder.

`select_events` is what `timeline show` filters with. A date filter keeps every
event whose date *can* fall in the range: "May 2025" is kept by
``--from 2025-05-20``, and an interval is kept when it overlaps the range.
`summarize_cases` gives one `CaseSummary` per case file of a folder, for
`timeline list`; a file that does not validate becomes a summary with its error
count rather than an exception.
"""

from __future__ import annotations

import datetime
import difflib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from timeline import dates
from timeline.errors import UsageError
from timeline.model.case import Case, Event, Organization, Person
from timeline.model.digest import display_date, involved
from timeline.model.vocab import EventType
from timeline.views.filters import CaseFilter


def parse_bound(text: str, option: str) -> dates.EdtfDate:
    """An EDTF date given on the command line; a bad one is a `UsageError`."""
    try:
        return dates.parse(text)
    except dates.EdtfError as error:
        raise UsageError(f"{option} {text!r}: {error}") from None


class ShowFilters(NamedTuple):
    """The filters of `timeline show` and `timeline export`, as given on the command line.

    `people` are ids, names, aliases or initials (see `person_id`).
    """

    from_: str | None = None
    to: str | None = None
    types: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    key_only: bool = False

    def options(self) -> dict[str, Any]:
        """The keyword arguments of `select_events`."""
        return {
            "from_": self.from_,
            "to": self.to,
            "types": self.types,
            "people": self.people,
            "key_only": self.key_only,
        }

    @property
    def active(self) -> bool:
        return bool(self.from_ or self.to or self.types or self.people or self.key_only)

    def words(self) -> str:
        """The filters as options: ``--from 2025-09 --type verdict --key``."""
        parts = [f"--from {self.from_}"] if self.from_ else []
        parts += [f"--to {self.to}"] if self.to else []
        parts += [f"--type {name}" for name in self.types]
        parts += [f"--person {person}" for person in self.people]
        parts += ["--key"] if self.key_only else []
        return " ".join(parts)


def select_events(
    case: Case,
    *,
    from_: str | dates.EdtfDate | None = None,
    to: str | dates.EdtfDate | None = None,
    types: Iterable[str] = (),
    people: Iterable[str] = (),
    key_only: bool = False,
    check_people: bool = True,
) -> list[Event]:
    """The events of `case.chronology` that pass every filter given.

    Several types (or people) keep an event that matches any of them; the
    filters of different kinds must all hold. A person the case does not name
    is a `UsageError`, unless `check_people` is false (the caller checked them
    against several cases).
    """
    start = parse_bound(from_, "--from") if isinstance(from_, str) else from_
    end = parse_bound(to, "--to") if isinstance(to, str) else to
    _check_range(start, end)
    wanted_types = _check_types(types)
    wanted_people = _check_people(case, people) if check_people else set(people)
    return [
        event
        for event in case.chronology
        if (not key_only or event.key)
        and (not wanted_types or event.type.value in wanted_types)
        and (not wanted_people or not wanted_people.isdisjoint(involved(event, case)))
        and can_fall_in(event.date, start, end)
    ]


def can_fall_in(
    date: dates.EdtfDate, start: dates.EdtfDate | None, end: dates.EdtfDate | None
) -> bool:
    """True when some day of `date` may lie between `start` and `end`.

    The date's bounds are widened for its qualifiers ("c. May 2025" may be in
    June), and open or unknown ends never exclude anything.
    """
    low, high = date.widened()
    if start is not None and start.earliest is not None and high is not None:
        return high >= start.earliest and _not_after(low, end)
    return _not_after(low, end)


def _not_after(low: datetime.date | None, end: dates.EdtfDate | None) -> bool:
    return end is None or end.latest is None or low is None or low <= end.latest


def _check_range(start: dates.EdtfDate | None, end: dates.EdtfDate | None) -> None:
    if start is None or end is None or start.earliest is None or end.latest is None:
        return
    if start.earliest > end.latest:
        raise UsageError(f"--from {start.text} is after --to {end.text}")


def _check_types(types: Iterable[str]) -> set[str]:
    known = [term.value for term in EventType]
    wanted = set(types)
    for name in sorted(wanted):
        if name not in known:
            raise UsageError(
                f"unknown event type '{name}'{_did_you_mean(name, known)}"
                f"\nevent types: {', '.join(known)}"
            )
    return wanted


def _check_people(case: Case, people: Iterable[str], others: Iterable[Case] = ()) -> set[str]:
    """The ids of the people asked for (ids, names, aliases or initials) in `case` (or in
    `others`); a group stands for its members too."""
    cases = [case, *others]
    wanted = {person_id(cases, text) for text in people}
    return wanted.union(*(c.expand(wanted) for c in cases))


def person_id(cases: Sequence[Case], text: str) -> str:
    """The id of the person, organization or group that `text` names: an id, a name, an
    alias or initials, compared without case, accents or punctuation ("n.o." is "N.O.").

    No match, or a name that fits several, is a `UsageError` listing who there is.
    """
    keys: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for case in cases:
        for ref, words in _name_keys(case).items():
            keys.setdefault(ref, set()).update(words)
            names.setdefault(ref, case.display_name(ref))
    wanted = _name_key(text)
    found = [ref for ref, words in keys.items() if wanted in words]
    if len(found) == 1:
        return found[0]
    where = ("case" if len(cases) == 1 else "cases") + " '" + "', '".join(c.id for c in cases)
    if found:
        choices = ", ".join(f"{ref} ({names[ref]})" for ref in found)
        raise UsageError(f"'{text}' names several in {where}': {choices}; give an id")
    everyone = ", ".join(f"{ref} ({name})" for ref, name in names.items())
    raise UsageError(
        f"no person or organization '{text}' in {where}'{_did_you_mean(text, list(keys))}"
        f"\npeople and organizations: {everyone}"
    )


def _name_keys(case: Case) -> dict[str, set[str]]:
    """Every person's, organization's and group's id, name and aliases, as comparison keys."""
    keys: dict[str, set[str]] = {}
    items: list[Person | Organization] = [*case.people, *case.organizations]
    for item in items:
        words = [item.id, item.name, *(alias.name for alias in item.aliases)]
        keys[item.id] = {_name_key(word) for word in words} - {""}
    for group in case.groups:
        keys[group.id] = {_name_key(group.id), _name_key(group.name)} - {""}
    return keys


def _name_key(text: str) -> str:
    """Letters and digits only, lower case, no accents: "N. O." and "n.o." -> "no"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def select_related_events(
    cases: Sequence[Case], *, people: Iterable[str] = (), **filters: Any
) -> list[tuple[Case, list[Event]]]:
    """Each case with its events that pass the filters of `select_events`.

    A person must be named by one of the cases, not necessarily by each.
    """
    wanted = _check_people(cases[0], people, cases[1:])
    return [
        (case, select_events(case, people=wanted, check_people=False, **filters)) for case in cases
    ]


def _did_you_mean(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


# --- the cases of a folder -----------------------------------------------------------------


class CaseSummary(NamedTuple):
    """One line of `timeline list`: a valid case's facts, or an invalid file's error count."""

    id: str
    file: str
    title: str | None = None
    status: str | None = None  # the vocabulary term, such as ``convicted``
    status_label: str | None = None
    events: int = 0
    first: dates.EdtfDate | None = None
    last: dates.EdtfDate | None = None
    first_display: str | None = None
    last_display: str | None = None
    errors: int = 0
    warnings: int = 0

    @property
    def valid(self) -> bool:
        return self.title is not None and self.errors == 0


@dataclass(slots=True)
class Catalog:
    """The summaries of a folder's cases, and notices about entries that were skipped."""

    cases: list[CaseSummary] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def summarize_cases(directory: Path, filters: CaseFilter | None = None) -> Catalog:
    """Validate every case file of `directory` and summarize it, in id order.

    With `filters`, only the valid cases they keep are listed; invalid files,
    which no filter can judge, are then left out with a notice.
    """
    from timeline.store.collection import read_cases

    collection = read_cases(directory)
    catalog = Catalog(notices=collection.notices)
    if filters is not None and filters.active:
        catalog.notices += collection.invalid_notices()
        for loaded in collection.cases:
            if filters.keeps(loaded.case):
                catalog.cases.append(summarize(loaded.path, loaded.case))
        return catalog
    for path, report in collection.reports:
        catalog.cases.append(summarize(path, report.case, report.errors, report.warnings))
    return catalog


def summarize(path: Path, case: Case | None, errors: int = 0, warnings: int = 0) -> CaseSummary:
    if case is None or errors:
        return CaseSummary(id=path.stem, file=str(path), errors=errors, warnings=warnings)
    chronology = case.chronology
    first = chronology[0] if chronology else None
    last = chronology[-1] if chronology else None
    return CaseSummary(
        id=case.id,
        file=str(path),
        title=case.title,
        status=case.status.value,
        status_label=case.status_label,
        events=len(chronology),
        first=first.date if first else None,
        last=last.date if last else None,
        first_display=display_date(first) if first else None,
        last_display=display_date(last) if last else None,
        warnings=warnings,
    )
