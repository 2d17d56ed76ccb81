"""Field-level changes between two JSON values of an item (from `model_dump(mode="json")`).

Lists are multisets: their order carries no meaning in a case file. Members
that refer to an item (a participant's or citation's `ref`, an affiliation's
`org`, an outcome's kind and subjects) are paired by that reference and
compared field by field (`participants[aleksandrov].role`); other members are
reported as added (`old` null) or removed (`new` null). Linear in the size of
the values.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from timeline.diff.model import FieldChange

# Keys whose values are ids of other items: renamed ids are translated before comparing.
REF_KEYS = frozenset(
    {
        "ref",
        "subjects",
        "charges",
        "attribution",
        "disputed_by",
        "after",
        "about",
        "org",
        "event",
        "court",
    }
)

Translate = Callable[[Any], Any]


def diff_values(old: Any, new: Any, path: str = "") -> list[FieldChange]:
    """The changes from `old` to `new`, in the order of their fields."""
    out: list[FieldChange] = []
    _diff_into(out, path, old, new)
    return out


def _diff_into(out: list[FieldChange], path: str, old: Any, new: Any) -> None:
    if old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in dict.fromkeys([*old, *new]):
            _diff_into(out, f"{path}.{key}" if path else key, old.get(key), new.get(key))
    elif isinstance(old, list) and isinstance(new, list):
        _diff_list(out, path, old, new)
    else:
        out.append(FieldChange(path, old, new))


def member_key(member: Any) -> str | None:
    """What identifies a list member across versions: the item it refers to, if any."""
    if not isinstance(member, dict):
        return None
    if "ref" in member:
        return str(member["ref"])
    if "org" in member:
        return str(member["org"])
    if "subjects" in member:
        return f"{member.get('kind', 'decision')}:{','.join(sorted(member['subjects']))}"
    return None


def _groups(members: list[Any]) -> dict[str | None, list[Any]]:
    groups: dict[str | None, list[Any]] = {}
    for member in members:
        groups.setdefault(member_key(member), []).append(member)
    return groups


def _diff_list(out: list[FieldChange], path: str, old: list[Any], new: list[Any]) -> None:
    old_groups, new_groups = _groups(old), _groups(new)
    for key in dict.fromkeys([*old_groups, *new_groups]):
        before, after = old_groups.get(key, []), new_groups.get(key, [])
        if key is not None and len(before) == 1 and len(after) == 1:
            _diff_into(out, f"{path}[{key}]", before[0], after[0])
        else:
            _diff_multiset(out, path, before, after)


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _diff_multiset(out: list[FieldChange], path: str, old: list[Any], new: list[Any]) -> None:
    spare = Counter(_canonical(member) for member in new)
    removed = []
    for member in old:
        text = _canonical(member)
        if spare[text] > 0:
            spare[text] -= 1
        else:
            removed.append(member)
    out += [FieldChange(path, old=compact(member)) for member in removed]
    for member in new:  # what is still spare was added (the first ones, in file order)
        text = _canonical(member)
        if spare[text] > 0:
            spare[text] -= 1
            out.append(FieldChange(path, new=compact(member)))


def compact(value: Any) -> Any:
    """A value without its empty keys (null), as the file would say it."""
    if isinstance(value, dict):
        return {key: compact(v) for key, v in value.items() if v is not None}
    if isinstance(value, list):
        return [compact(v) for v in value]
    return value


def translator(renames: dict[str, str]) -> Translate | None:
    """A function that rewrites references to renamed ids, so that a rename is one change."""
    if not renames:
        return None

    def translate(value: Any, key: str | None = None) -> Any:
        if isinstance(value, dict):
            return {k: translate(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [translate(v, key) for v in value]
        if key in REF_KEYS and isinstance(value, str):
            return renames.get(value, value)
        return value

    return translate
