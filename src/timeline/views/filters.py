"""Which cases and people a query names: `timeline list`'s filters and person look-up.

A person is named by id, name, alias or initials, case- and accent-insensitive
(see `folding`): `aleksandrov`, `Aleksandr Aleksandrov`, `александр
александров` and, for an initials-only person, `N.O.` or `no`. When nothing
matches exactly, a query whose every word is in a name or alias matches
(`temirov` finds Bolot Temirov). Initials-only people have nothing but their
initials, so nothing else can find them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from timeline.errors import UsageError
from timeline.model.case import Case, Person
from timeline.model.digest import NamedDigest, named
from timeline.model.folding import fold, initials, words
from timeline.model.vocab import CaseStatus

EXACT, PARTIAL, NONE = 2, 1, 0


def match_person(person: NamedDigest, query: str) -> int:
    """How well `query` names `person`: `EXACT`, `PARTIAL` (every word in a name) or `NONE`."""
    if query.strip().lower() == person.id:
        return EXACT
    if fold(query).strip() in person.names or _by_initials(person, query):
        return EXACT
    wanted = words(query)
    if wanted and any(all(word in name for word in wanted) for name in person.names):
        return PARTIAL
    return NONE


def _by_initials(person: NamedDigest, query: str) -> bool:
    """``N.O.`` names the initials-only N.O.; ``A.A.`` (with dots) names Aleksandr Aleksandrov."""
    if person.private:
        return bool(initials(query)) and initials(query) == initials(person.name)
    if "." not in query:
        return False
    return initials(query) == "".join(word[:1] for word in person.names[0].split())


class CaseFilter(NamedTuple):
    """`timeline list`'s filters: several values of one option keep a case matching any."""

    statuses: tuple[str, ...] = ()
    jurisdictions: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    people: tuple[str, ...] = ()

    @classmethod
    def checked(
        cls,
        statuses: Iterable[str] = (),
        jurisdictions: Iterable[str] = (),
        tags: Iterable[str] = (),
        people: Iterable[str] = (),
    ) -> CaseFilter:
        """The filters of the command line; an unknown status is a `UsageError`."""
        known = [term.value for term in CaseStatus]
        for status in statuses:
            if status not in known:
                raise UsageError(f"unknown status '{status}'\ncase statuses: {', '.join(known)}")
        return cls(
            tuple(statuses),
            tuple(code.strip().upper() for code in jurisdictions),
            tuple(fold(tag) for tag in tags),
            tuple(people),
        )

    @property
    def active(self) -> bool:
        return bool(self.statuses or self.jurisdictions or self.tags or self.people)

    def keeps(self, case: Case) -> bool:
        """True when the case passes every filter given."""
        return (
            (not self.statuses or case.status.value in self.statuses)
            and (not self.jurisdictions or case.jurisdiction in self.jurisdictions)
            and (not self.tags or any(tag in self.tags for tag in case.tags))
            and (not self.people or any(self._names(person) for person in case.people))
        )

    def _names(self, person: Person) -> bool:
        names = named(person)
        return any(match_person(names, query) for query in self.people)
