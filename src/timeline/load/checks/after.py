"""An event that lists another in `after` must not definitely come before it, and one
that lists another in `before` must not definitely come after it.

Dates are compared with their bounds widened for `~`, `?` and `%`, so only a
definite contradiction is an error: "July 2025" after "2025-07-15" is fine.

Fails::

    - {id: verdict, date: "2025-09-17", after: [appeal], ...}
    - {id: appeal, date: "2025-10-08", ...}   # TL401 on verdict.after

An event after itself, or events after each other in a loop, are errors too
(their dates cannot disagree with an order that has no first event):

    - {id: hearing, date: "2025-09", after: [hearing], ...}   # TL401
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.dates import Relation
from timeline.load.checks.lookup import event_positions, events_by_id
from timeline.load.diagnostics import Finding
from timeline.model.case import Case, Event

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL401"


def check(case: Case, context: Context) -> Iterator[Finding]:
    events = events_by_id(case)
    ordered = [(i, event) for i, event in enumerate(case.events) if event.after or event.before]
    for i, event in ordered:
        for j, ref in enumerate(event.after):
            earlier = events.get(ref)
            if earlier is None:
                continue
            if event.date.compare(earlier.date) is Relation.BEFORE:
                yield Finding(
                    CODE,
                    f"'{event.id}' ({event.date.display()}) is listed after '{ref}' "
                    f"({earlier.date.display()}) but comes before it",
                    ("events", i, "after", j),
                    "fix one of the dates, or remove the ordering",
                )
        for j, ref in enumerate(event.before):
            later = events.get(ref)
            if later is not None and event.date.compare(later.date) is Relation.AFTER:
                yield Finding(
                    CODE,
                    f"'{event.id}' ({event.date.display()}) is listed before '{ref}' "
                    f"({later.date.display()}) but comes after it",
                    ("events", i, "before", j),
                    "fix one of the dates, or remove the ordering",
                )
    yield from _loops(case, ordered)


Edge = tuple[int, tuple[str | int, ...]]  # the later event, and where the file says so


def _loops(case: Case, ordered: list[tuple[int, Event]]) -> Iterator[Finding]:
    """The orderings (`after`, `before`) that close a loop: a depth-first walk from each
    event that has a later one, linear in the orderings (the other events cannot be on
    a loop)."""
    index = event_positions(case)
    later: dict[int, list[Edge]] = {}
    for i, event in ordered:
        for j, ref in enumerate(event.after):
            if ref in index:
                later.setdefault(index[ref], []).append((i, ("events", i, "after", j)))
        for j, ref in enumerate(event.before):
            if ref in index:
                later.setdefault(i, []).append((index[ref], ("events", i, "before", j)))
    state: dict[int, int] = {}  # absent: not seen, 1: on the current path, 2: done
    for start in sorted(later):
        if start in state:
            continue
        state[start] = 1
        path = [(start, 0)]
        while path:
            node, k = path[-1]
            edges = later.get(node, [])
            if k == len(edges):
                state[node] = 2
                path.pop()
                continue
            path[-1] = (node, k + 1)
            target, where = edges[k]
            seen = state.get(target)
            if seen == 1:
                yield _loop(case, node, target, where)
            elif seen is None:
                state[target] = 1
                path.append((target, 0))


def _loop(case: Case, node: int, target: int, where: tuple[str | int, ...]) -> Finding:
    first, second = case.events[node].id, case.events[target].id
    message = (
        f"'{first}' is ordered {where[2]} itself"
        if node == target
        else f"'{first}' and '{second}' are ordered in a loop (by `after` and `before`)"
    )
    return Finding(CODE, message, where, "remove one of the orderings")
