"""Rename detection: a removed and an added item of one section that are clearly the same.

Only items left unmatched by id are compared. Events pair when they have the
same date text and type and titles with a difflib ratio of at least 0.6, or, when
the date moved too, such titles and the same type, people, outcomes, charges and
sources (`event_body`); other
items when their names (a charge's code, article and title; a source's URL, or
its publisher and title) have a ratio of at least 0.8. Identical names pair
first (in linear time); then the best fuzzy pairs, ties broken by id, so that the
result does not depend on file order. Fuzzy comparisons have a budget per diff,
counted in pairs of characters (what one comparison costs at worst), and compare
at most the first `MAX_LABEL` characters of each label.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Any

from timeline.model.case import Charge, Conflict, Event, Source

EVENT_RATIO = 0.6
NAME_RATIO = 0.8
# How much fuzzy comparing one diff may do in all: the sum, over the pairs compared, of
# the product of their lengths (difflib is quadratic at worst). That is 10,000 pairs of
# 80-character titles; past it, only identical names pair. Counting pairs alone let two
# versions with 16,000-character titles take 213 s.
BUDGET = 10_000 * 80 * 80
# Two labels that agree on this many first characters are as similar as a rename needs.
MAX_LABEL = 200


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


def event_body(event: Event) -> str:
    """What stays of an event when its id, date and wording change: type, people, outcomes,
    charges, sources (a key: exact, so that pairing stays linear)."""
    data = event.model_dump(
        mode="json", include={"type", "participants", "outcomes", "charges", "sources"}
    )
    return repr(sorted(data.items()))


def _group_key(item: Any) -> tuple[str, ...]:
    if isinstance(item, Event):
        return (item.date.text, item.type.value)
    return ()


Pair = tuple[Any, Any]


def _exact(gone: list[Any], fresh: list[Any]) -> tuple[list[Pair], list[Any], list[Any]]:
    """Pairs with identical labels (in id order), and what is left on each side."""
    waiting: dict[str, list[Any]] = {}
    for item in sorted(fresh, key=lambda item: item.id):
        waiting.setdefault(rename_label(item), []).append(item)
    pairs, left = [], []
    for item in sorted(gone, key=lambda item: item.id):
        same = waiting.get(rename_label(item))
        if same:
            pairs.append((item, same.pop(0)))
        else:
            left.append(item)
    paired = {id(b) for _, b in pairs}
    return pairs, left, [item for item in fresh if id(item) not in paired]


def _cost(gone: list[Any], fresh: list[Any]) -> int:
    """What comparing every pair may cost at worst, in pairs of characters."""
    return sum(len(_short(a)) + 1 for a in gone) * sum(len(_short(b)) + 1 for b in fresh)


def _short(item: Any) -> str:
    return rename_label(item)[:MAX_LABEL]


def _similar(gone: list[Any], fresh: list[Any], threshold: float) -> list[Pair]:
    """The best pairs by difflib ratio at or above `threshold`, best first, ties by id."""
    found = []
    fresh_labels = [(b, _short(b)) for b in fresh]
    for a in gone:
        a_label = _short(a)
        for b, b_label in fresh_labels:
            matcher = SequenceMatcher(None, a_label, b_label, autojunk=False)
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            score = matcher.ratio()
            if score >= threshold:
                found.append((score, a, b))
    found.sort(key=lambda c: (-c[0], c[1].id, c[2].id))
    used: set[str] = set()
    pairs = []
    for _score, a, b in found:
        if a.id not in used and b.id not in used:
            used.update((a.id, b.id))
            pairs.append((a, b))
    return pairs


def pair_renames(gone: Sequence[Any], fresh: Sequence[Any]) -> list[Pair]:
    """Pairs (old item, new item) among the removed and added items of one section."""
    if not gone or not fresh:
        return []
    groups: dict[tuple[str, ...], tuple[list[Any], list[Any]]] = {}
    for item in gone:
        groups.setdefault(_group_key(item), ([], []))[0].append(item)
    for item in fresh:
        groups.setdefault(_group_key(item), ([], []))[1].append(item)
    threshold = EVENT_RATIO if isinstance(gone[0], Event) else NAME_RATIO
    budget = BUDGET
    pairs: list[Pair] = []
    for key in sorted(groups):
        old_items, new_items = groups[key]
        exact, old_left, new_left = _exact(old_items, new_items)
        pairs += exact
        cost = _cost(old_left, new_left) if old_left and new_left else 0
        if cost and cost <= budget:
            budget -= cost
            pairs += _similar(old_left, new_left, threshold)
    if isinstance(gone[0], Event):
        pairs += _moved(gone, fresh, pairs, budget)
    return sorted(pairs, key=lambda pair: pair[1].id)


def _moved(gone: Sequence[Any], fresh: Sequence[Any], pairs: list[Pair], budget: int) -> list[Pair]:
    """Events still unpaired whose date moved as their id changed: the same type, people,
    outcomes, charges and sources (`event_body`), and titles that pass the ordinary test."""
    paired = {id(item) for pair in pairs for item in pair}
    groups: dict[str, tuple[list[Any], list[Any]]] = {}
    for side, items in enumerate((gone, fresh)):
        for item in items:
            if id(item) not in paired:
                groups.setdefault(event_body(item), ([], []))[side].append(item)
    found: list[Pair] = []
    for key in sorted(groups):
        old_left, new_left = groups[key]
        cost = len(old_left) * len(new_left)
        if cost and cost <= budget:
            budget -= cost
            found += _similar(old_left, new_left, EVENT_RATIO)
    return found
