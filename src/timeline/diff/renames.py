"""Rename detection: a removed and an added item of one section that are clearly the same.

Only items left unmatched by id are compared. Events pair when they have the
same date text and type and titles with a difflib ratio of at least 0.6; other
items when their names (a charge's code, article and title; a source's URL, or
its publisher and title) have a ratio of at least 0.8. The best pairs are taken
first; ties are broken by id, so the result does not depend on file order.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Any

from timeline.models import Charge, Conflict, Event, Source

EVENT_RATIO = 0.6
NAME_RATIO = 0.8
# Above this many candidate pairs in one group, only identical names pair (stays linear).
MAX_PAIRS = 250_000


def rename_label(item: Any) -> str:
    """The text whose similarity says that two items are the same."""
    if isinstance(item, Event):
        return item.title
    if isinstance(item, Charge):
        return f"{item.code} {item.article} {item.part or ''} {item.title}"
    if isinstance(item, Source):
        return item.url or f"{item.publisher} {item.title or ''}"
    if isinstance(item, Conflict):
        return item.description or f"{item.field or ''} {' '.join(sorted(item.about))}"
    return str(getattr(item, "name", item.id))


def _group_key(item: Any) -> tuple[str, ...]:
    if isinstance(item, Event):
        return (item.date.text, item.type.value)
    return ()


def _candidates(
    gone: Sequence[Any], fresh: Sequence[Any], threshold: float
) -> list[tuple[float, str, str]]:
    labels = {item.id: rename_label(item) for item in (*gone, *fresh)}
    if len(gone) * len(fresh) > MAX_PAIRS:
        by_label: dict[str, list[str]] = {}
        for item in fresh:
            by_label.setdefault(labels[item.id], []).append(item.id)
        return [(1.0, a.id, b) for a in gone for b in by_label.get(labels[a.id], [])]
    found = []
    for a in gone:
        for b in fresh:
            matcher = SequenceMatcher(None, labels[a.id], labels[b.id], autojunk=False)
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            score = matcher.ratio()
            if score >= threshold:
                found.append((score, a.id, b.id))
    return found


def pair_renames(gone: Sequence[Any], fresh: Sequence[Any]) -> list[tuple[Any, Any]]:
    """Pairs (old item, new item) among removed and added items of one section."""
    if not gone or not fresh:
        return []
    groups: dict[tuple[str, ...], tuple[list[Any], list[Any]]] = {}
    for item in gone:
        groups.setdefault(_group_key(item), ([], []))[0].append(item)
    for item in fresh:
        groups.setdefault(_group_key(item), ([], []))[1].append(item)
    threshold = EVENT_RATIO if isinstance(gone[0], Event) else NAME_RATIO
    candidates = []
    for old_items, new_items in groups.values():
        if old_items and new_items:
            candidates += _candidates(old_items, new_items, threshold)
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    by_id = {item.id: item for item in (*gone, *fresh)}
    used: set[str] = set()
    pairs = []
    for _score, old_id, new_id in candidates:
        if old_id not in used and new_id not in used:
            used.update((old_id, new_id))
            pairs.append((by_id[old_id], by_id[new_id]))
    return sorted(pairs, key=lambda pair: pair[1].id)
