"""`diff_cases`: match the items of two versions of a case and compare them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from timeline.diff.chronology import chronology_places, classify_date, display
from timeline.diff.model import (
    SECTIONS,
    CaseDiff,
    Change,
    ChangeKind,
    FieldChange,
    Place,
    Version,
)
from timeline.diff.renames import pair_renames
from timeline.diff.standing import standing_changes
from timeline.diff.values import Translate, diff_values, translator
from timeline.model.base import Model
from timeline.model.case import Case, Event, Person
from timeline.model.describe import short_name
from timeline.model.vocab import Privacy

ITEM_SECTIONS = ("events", "people", "organizations", "charges", "sources", "conflicts")
WITHHELD = "[withheld]"
# A person who is initials-only in one version: only these fields are shown from the other.
_SHOWN_FIELDS = ("privacy", "roles")

Item = Any  # an Event, Person, Organization, Charge, Source or Conflict
Pair = tuple[str, Item, Item]


def diff_cases(
    old: Case, new: Case, *, old_version: Version | None = None, new_version: Version | None = None
) -> CaseDiff:
    """What changed from `old` to `new`, item by item, in a fixed order."""
    pairs, removed, added = _match(old, new)
    hidden = hidden_people(old, new)
    renames = {o.id: n.id for _, o, n in pairs if o.id != n.id}
    translate = translator(renames | {ref: WITHHELD for ref in hidden if ref not in renames})
    hide = translator(dict.fromkeys(hidden, WITHHELD))
    changes = [c for s, o, n in pairs if (c := _compare(s, o, n, translate)) is not None]
    changes = [_hidden(c, hidden) for c in changes]
    changes += [_hidden(_whole("removed", s, item, hide), hidden) for s, item in removed]
    changes += [_whole("added", section, item) for section, item in added]
    case_change = _compare_case(old, new, translate)
    if case_change is not None:
        changes.append(case_change)
    changes = _with_places(old, new, pairs, changes)
    # Someone who may now be initials-only under a new id is withheld everywhere,
    # the standings included.
    names = short_names(old, new, renames) | dict.fromkeys(hidden, WITHHELD)
    return CaseDiff.of(
        old_version or Version(id=old.id),
        new_version or Version(id=new.id),
        tuple(sorted(changes, key=_order(old, new))),
        names=names,
        standing=standing_changes(old, new, changes, names),
    )


def _party_ids(case: Case) -> list[str]:
    return [p.id for p in case.people] + [o.id for o in case.organizations]


def short_names(old: Case, new: Case, renames: dict[str, str]) -> dict[str, str]:
    """Each person's and organization's short name; the new version's wins, and initials
    win over any name: a person marked initials-only in either version, under either of
    their ids when the id was renamed, is named by the initials only."""
    names: dict[str, str] = {}
    initials: dict[str, str] = {}
    for case in (old, new):
        names.update((ref, short_name(case, ref)) for ref in _party_ids(case))
        initials.update((p.id, p.name) for p in case.people if p.privacy is Privacy.INITIALS)
    for old_id, new_id in renames.items():
        if new_id in initials:
            initials[old_id] = initials[new_id]
        elif old_id in initials:
            initials[new_id] = initials[old_id]
    return {**names, **initials}


def _match(
    old: Case, new: Case
) -> tuple[list[Pair], list[tuple[str, Item]], list[tuple[str, Item]]]:
    """Items paired by id, then renames among the rest; what is left was removed or added."""
    pairs: list[Pair] = []
    removed: list[tuple[str, Item]] = []
    added: list[tuple[str, Item]] = []
    for section in ITEM_SECTIONS:
        old_items = {item.id: item for item in getattr(old, section)}
        new_items = {item.id: item for item in getattr(new, section)}
        pairs += [
            (section, item, new_items[key]) for key, item in old_items.items() if key in new_items
        ]
        gone = [item for key, item in old_items.items() if key not in new_items]
        fresh = [item for key, item in new_items.items() if key not in old_items]
        renamed = pair_renames(gone, fresh)
        pairs += [(section, a, b) for a, b in renamed]
        paired = {a.id for a, _ in renamed} | {b.id for _, b in renamed}
        removed += [(section, item) for item in gone if item.id not in paired]
        added += [(section, item) for item in fresh if item.id not in paired]
    return pairs, removed, added


def _dump(item: Model, translate: Translate | None, **options: Any) -> dict[str, Any]:
    data: dict[str, Any] = item.model_dump(mode="json", **options)
    data.pop("id", None)
    return translate(data) if translate else data


def _compare(section: str, old: Item, new: Item, translate: Translate | None) -> Change | None:
    renamed = old.id != new.id
    if old == new and not renamed:
        return None
    fields = diff_values(_dump(old, translate), _dump(new, None))
    if not fields and not renamed:
        return None
    if section == "people":
        fields = _withhold(old, new, fields)
    dated = isinstance(old, Event) and old.date.text != new.date.text
    return Change(
        kind="renamed" if renamed else "changed",
        section=section,
        id=new.id,
        old_id=old.id if renamed else None,
        label=label_of(new, old),
        date=display(new) if isinstance(new, Event) else None,
        fields=tuple(fields),
        date_change=classify_date(old, new) if dated else None,
    )


def _compare_case(old: Case, new: Case, translate: Translate | None) -> Change | None:
    """The case's own fields (title, status, tags...), everything but its sections."""
    skip = set(ITEM_SECTIONS)
    before = old.model_dump(mode="json", exclude=skip)
    fields = diff_values(
        translate(before) if translate else before, new.model_dump(mode="json", exclude=skip)
    )
    if not fields:
        return None
    return Change(kind="changed", section="case", id=new.id, label=new.title, fields=tuple(fields))


def hidden_people(old: Case, new: Case) -> set[str]:
    """Named people of `old` who may be someone `new` made initials-only under a new id.

    When the new version has an initials-only person that the old one does not have
    under that id, any person of the old version whose id is gone may be them: what
    the old version says of each (name, aliases, description, the id itself) is
    withheld, since which one it is cannot be known.
    """
    old_ids = {person.id for person in old.people}
    if not any(p.privacy is Privacy.INITIALS and p.id not in old_ids for p in new.people):
        return set()
    new_ids = {person.id for person in new.people}
    return {p.id for p in old.people if p.id not in new_ids and p.privacy is not Privacy.INITIALS}


def _hidden(change: Change, hidden: set[str]) -> Change:
    """A change of a person who may now be initials-only, with nothing of their old self."""
    old_id = change.id if change.kind == "removed" else change.old_id
    if change.section != "people" or old_id not in hidden:
        return change
    fields = tuple(
        field
        if field.path.split(".")[0].split("[")[0] in _SHOWN_FIELDS
        else FieldChange(field.path, None if field.old is None else WITHHELD, field.new)
        for field in change.fields
    )
    if change.kind == "removed":
        return replace(change, id=WITHHELD, label=WITHHELD, fields=fields)
    return replace(change, old_id=WITHHELD, fields=fields)


def _whole(
    kind: ChangeKind, section: str, item: Item, translate: Translate | None = None
) -> Change:
    """An added or removed item, with all its fields that are not defaults."""
    data = _dump(item, translate, exclude_defaults=True)
    side = "old" if kind == "removed" else "new"
    return Change(
        kind=kind,
        section=section,
        id=item.id,
        label=label_of(item),
        date=display(item) if isinstance(item, Event) else None,
        fields=tuple(FieldChange(key, **{side: value}) for key, value in data.items()),
    )


def _withhold(old: Person, new: Person, fields: list[FieldChange]) -> list[FieldChange]:
    """Never show what a version that names an initials-only person says about them."""
    old_named = old.privacy is not Privacy.INITIALS
    new_named = new.privacy is not Privacy.INITIALS
    if old_named == new_named:
        return fields
    result = []
    for field in fields:
        if field.path.split(".")[0].split("[")[0] in _SHOWN_FIELDS:
            result.append(field)
            continue
        old_value = WITHHELD if old_named and field.old is not None else field.old
        new_value = WITHHELD if new_named and field.new is not None else field.new
        result.append(FieldChange(field.path, old_value, new_value))
    return result


def label_of(item: Item, other: Item = None) -> str:
    """A title or name to show next to an id (an initials-only person: the initials)."""
    if isinstance(item, Person):
        if isinstance(other, Person) and Privacy.INITIALS in (item.privacy, other.privacy):
            return item.name if item.privacy is Privacy.INITIALS else other.name
        return item.name
    for attribute in ("title", "name", "description", "publisher", "field"):
        value = getattr(item, attribute, None)
        if value:
            return str(value)
    return str(item.id)


def _with_places(old: Case, new: Case, pairs: list[Pair], changes: list[Change]) -> list[Change]:
    """Add the new neighbours of events whose date change moved them past other events."""
    dated = {c.id for c in changes if c.date_change is not None}
    if not dated:
        return changes
    matched = {o.id: n.id for section, o, n in pairs if section == "events"}
    places = chronology_places(old, new, matched, dated)
    return [_placed(change, places.get(change.id)) for change in changes]


def _placed(change: Change, place: Place | None) -> Change:
    if place is None or change.date_change is None:
        return change
    return replace(change, date_change=replace(change.date_change, place=place))


def _order(old: Case, new: Case) -> Callable[[Change], tuple[Any, ...]]:
    """Events by date (the new one; a removed event's old one), then id; then the sections."""
    rank = {section: i for i, section in enumerate(SECTIONS)}
    old_events = {event.id: event for event in old.events}
    new_events = {event.id: event for event in new.events}

    def key(change: Change) -> tuple[Any, ...]:
        if change.section != "events":
            return (rank[change.section], (), change.id)
        events = old_events if change.kind == "removed" else new_events
        return (0, events[change.id].date.sort_key(), change.id)

    return key
