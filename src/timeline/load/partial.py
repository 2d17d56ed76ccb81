"""The rest of a case whose schema check failed, so that its other errors come in the same run.

When a file has a misspelt key, an impossible date and a wrong reference, a
contributor should learn all three at once, not the reference only after the
first two are fixed. So the parts that failed the schema are left out (the
unknown key itself; else the smallest list item around the error, such as one
participant or one event), the rest is validated again, and the rules run on
it. Their findings are kept unless the parts left out could have caused them:
a finding that names the id of an item left out, or an unused source (the
event citing it may be the one left out). Paths are mapped back to the file.

When an error is not inside a list item (a required top-level field such as
`title`), nothing can be left out and only the schema errors are reported.
"""

from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass, field
from typing import Any

from pydantic_core import ValidationError

from timeline.load.diagnostics import Finding, Path

# A rule whose finding a part left out can cause without naming it.
_UNSAFE_WHEN_PARTS_ARE_MISSING = frozenset({"TL502"})
_MAX_ROUNDS = 3


@dataclass(slots=True)
class Rest:
    """What is left of the data, and what was left out (paths as in the file)."""

    data: dict[str, Any]
    removed: dict[Path, set[int]] = field(default_factory=dict)
    removed_ids: set[str] = field(default_factory=set)

    def original(self, path: Path) -> Path:
        """A path in the rest, as a path in the file."""
        mapped: list[str | int] = []
        for part in path:
            index = part
            if isinstance(index, int):
                for gone in sorted(self.removed.get(tuple(mapped), ())):
                    if gone <= index:
                        index += 1
            mapped.append(index)
        return tuple(mapped)

    def keeps(self, finding: Finding) -> bool:
        if self.removed and finding.code in _UNSAFE_WHEN_PARTS_ARE_MISSING:
            return False
        return not any(f"'{item}'" in finding.message for item in self.removed_ids)


def rest_of(data: Any, error: ValidationError, validate: Any) -> tuple[Rest, Any] | None:
    """The data without the parts that failed, and what `validate` makes of it; or None."""
    if not isinstance(data, dict):
        return None
    rest = Rest(copy.deepcopy(data))
    for _ in range(_MAX_ROUNDS):
        if not _leave_out(rest, error):
            return None
        try:
            return rest, validate(rest.data)
        except ValidationError as again:
            error = again
    return None


def _leave_out(rest: Rest, error: ValidationError) -> bool:
    """Remove from `rest` what `error` is about; False when something cannot be removed."""
    details = error.errors(include_url=False)
    locs = [tuple(p for p in d["loc"] if isinstance(p, str | int)) for d in details]
    unknown = [loc for loc, d in zip(locs, details, strict=True) if d["type"] == "extra_forbidden"]
    items: list[Path] = []
    for loc, detail in zip(locs, details, strict=True):
        if detail["type"] == "extra_forbidden" or (
            detail["type"] == "missing" and _respell(rest.data, loc, unknown)
        ):
            continue
        last_index = max((i for i, part in enumerate(loc) if isinstance(part, int)), default=-1)
        if last_index < 0:
            return False  # a top-level field: the case cannot stand without it
        items.append(loc[: last_index + 1])
    for loc in unknown:
        parent = _at(rest.data, loc[:-1])
        if isinstance(parent, dict):
            parent.pop(loc[-1], None)
    _remove_items(rest, items)
    return True


def _respell(data: Any, loc: Path, unknown: list[Path]) -> bool:
    """A required key that is missing because it is misspelt (`titel`): use the misspelt one."""
    parent = _at(data, loc[:-1])
    keys = [str(u[-1]) for u in unknown if u[:-1] == loc[:-1]]
    close = difflib.get_close_matches(str(loc[-1]), keys, n=1, cutoff=0.6)
    if not close or not isinstance(parent, dict) or close[0] not in parent:
        return False
    parent[loc[-1]] = parent.pop(close[0])
    return True


def _remove_items(rest: Rest, items: list[Path]) -> None:
    # Deepest and last first, so that the indexes of the others still hold; an item
    # inside one that goes anyway is not removed on its own.
    chosen = sorted(set(items), key=lambda loc: (len(loc), loc[-1]), reverse=True)
    for loc in chosen:
        container = _at(rest.data, loc[:-1])
        index = loc[-1]
        inside_another = any(o != loc and loc[: len(o)] == o for o in chosen)
        if inside_another or not isinstance(container, list) or not isinstance(index, int):
            continue
        if index >= len(container):
            continue
        item = container.pop(index)
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            rest.removed_ids.add(item["id"])
        original = rest.original(loc)
        rest.removed.setdefault(original[:-1], set()).add(int(original[-1]))


def _at(data: Any, path: Path) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data
