"""The registry of a data repository: people, organizations, charges and sources that
every case may use by id, and how a case is resolved through it.

`resolve` is a pure function: it takes a case and the registry's items by id and
returns the case that every command sees, with the registry entries it uses added
after its own entries (so the case's own items keep their indices in the file).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from timeline.model import base, case, values, vocab
from timeline.model.base import EMPTY, Model
from timeline.model.case import Case, Charge, Organization, Person, PersonUse, Source
from timeline.model.compile import stored_schema
from timeline.model.references import CHARGE, EVENT, ORGANIZATION, PERSON, SOURCE, referenced
from timeline.model.vocab import OrganizationKind, Privacy

if TYPE_CHECKING:  # the types as pydantic reads them (see model/case.py)
    from typing import Annotated

    from pydantic import Field

    from timeline.model.values import FORMAT_VERSION

Item = Person | Organization | Charge | Source

SECTIONS: tuple[str, ...] = ("people", "organizations", "charges", "sources")
# What a placeholder for an unresolved reference is called: nothing about it is known,
# least of all whether its name may be shown.
UNKNOWN = "[unknown]"


class RegistryFile(Model):
    """One file of the registry: any of the four sections, with the format version."""

    format: Annotated[int, Field(ge=FORMAT_VERSION, le=FORMAT_VERSION)]
    people: list[Person] = EMPTY
    organizations: list[Organization] = EMPTY
    charges: list[Charge] = EMPTY
    sources: list[Source] = EMPTY


class Resolution(NamedTuple):
    """A case resolved through a registry: the case every command sees, the registry ids
    it uses, and the references that neither the case nor the registry define."""

    case: Case
    uses: frozenset[str]
    unresolved: tuple[str, ...] = ()


def section_of(item: Item) -> str:
    if isinstance(item, Person):
        return "people"
    if isinstance(item, Organization):
        return "organizations"
    return "charges" if isinstance(item, Charge) else "sources"


def resolve(
    case: Case,
    entries: Mapping[str, Item] | None,
    *,
    placeholders: bool = False,
    order: Mapping[str, int] | None = None,
) -> Resolution:
    """The case with the registry entries it uses added to its sections, in the order of
    `order` (their places in the registry), else by id.

    With `placeholders`, every reference that nothing defines becomes a stand-in whose
    name is withheld (a case file read away from its registry still shows and exports).
    """
    if not entries and not placeholders and not case.registry_people:
        return Resolution(case, frozenset())  # nothing to add: not even worth a look
    entries = entries or {}
    own = {item.id for section in SECTIONS for item in getattr(case, section)}
    own.update(group.id for group in case.groups)
    own.update(event.id for event in case.events)
    own.update(conflict.id for conflict in case.conflicts)
    used: dict[str, Item] = {}
    missing: dict[str, str] = {}
    pending = [(ref, kind) for ref, kind in references(case).items() if ref not in own]
    while pending:
        ref, kind = pending.pop()
        if ref in used:
            continue
        item = entries.get(ref)
        if item is None:
            # A reference that must be an organization (a court, an affiliation) decides.
            missing[ref] = kind if missing.get(ref, PERSON) == PERSON else missing[ref]
            continue
        used[ref] = item
        if isinstance(item, Person):  # the organizations a registry person belongs to
            pending.extend((a.org, ORGANIZATION) for a in item.affiliations if a.org not in own)
    if not used and not case.registry_people and not (placeholders and missing):
        return Resolution(case, frozenset(), tuple(sorted(missing)))
    uses = {use.ref: use for use in case.registry_people}
    added: dict[str, list[Item]] = {section: [] for section in SECTIONS}
    for ref in sorted(used, key=(lambda ref: (order.get(ref, -1), ref)) if order else None):
        item = used[ref]
        if isinstance(item, Person) and ref in uses:
            item = _in_case(item, uses[ref])
        added[section_of(item)].append(item)
    if placeholders:
        for ref in sorted(missing):
            stand_in = _placeholder(ref, missing[ref], uses.get(ref))
            added[section_of(stand_in)].append(stand_in)
    update = {section: [*getattr(case, section), *added[section]] for section in SECTIONS}
    resolved = case.model_copy(update={**update, "registry_people": []})
    # A copy keeps what the case had already worked out (its index, its chronology),
    # which no longer holds with the registry's entries added.
    for name in [n for n in vars(resolved) if isinstance(getattr(Case, n, None), cached_property)]:
        del resolved.__dict__[name]
    return Resolution(resolved, frozenset(used), tuple(sorted(missing)))


def widened(ids: set[str], *registries: Mapping[str, Item]) -> set[str]:
    """Changed registry ids with the entries that show them: a person whose affiliation
    names a changed organization changes in every case that uses the person."""
    found = set(ids)
    for entries in registries:
        for ref, item in entries.items():
            if isinstance(item, Person) and any(a.org in ids for a in item.affiliations):
                found.add(ref)
    return found


# The kind of stand-in for a reference of each kind (any other: a person).
_STAND_IN = {ORGANIZATION: ORGANIZATION, CHARGE: CHARGE, SOURCE: SOURCE}


def _in_case(person: Person, use: PersonUse) -> Person:
    """The registry's person with the part `use` gives them: roles (and their label) and a
    description replace the registry's where given."""
    changes: dict[str, object] = {}
    if use.roles:
        changes.update(roles=list(use.roles), label=use.label)
    if use.description is not None:
        changes["description"] = use.description
    return person.model_copy(update=changes)


def _placeholder(ref: str, kind: str, use: PersonUse | None) -> Item:
    if kind == CHARGE:
        return Charge(id=ref, code=UNKNOWN, article="?", title=UNKNOWN)
    if kind == SOURCE:
        return Source(id=ref, publisher=UNKNOWN, language="und")
    if kind == ORGANIZATION:
        return Organization(id=ref, name=UNKNOWN, kind=OrganizationKind.OTHER, label=UNKNOWN)
    roles = list(use.roles) if use is not None else []
    return Person(id=ref, name=UNKNOWN, privacy=Privacy.INITIALS, roles=roles)


def references(case: Case) -> dict[str, str]:
    """Every id the case refers to, with the kind of item a stand-in for it would be
    (a person unless a reference to it must name an organization, a charge or a source)."""
    kinds = {use.ref: PERSON for use in case.registry_people}
    for kind, ids in referenced(case).items():
        if kind != EVENT:  # events are the case's own
            stand_in = _STAND_IN.get(kind, PERSON)
            for ref in ids:
                if kinds.get(ref, PERSON) == PERSON:
                    kinds[ref] = stand_in
    return kinds


_modules = {"case": case, "registry": sys.modules[__name__], "values": values, "vocab": vocab}
base.bind(stored_schema("registry_file", _modules))
