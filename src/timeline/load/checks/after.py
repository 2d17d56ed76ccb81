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
from timeline.load.checks.lookup import events_by_id
from timeline.load.diagnostics import Finding
from timeline.model.case import Case

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL401"


def check(case: Case, context: Context) -> Iterator[Finding]:
    events = events_by_id(case)
    for i, event in enumerate(case.events):
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
    yield from _loops(case)


Edge = tuple[int, tuple[str | int, ...]]  # the later event, and where the file says so


def _loops(case: Case) -> Iterator[Finding]:
    """The orderings (`after`, `before`) that close a loop: a depth-first walk, linear."""
    index = {event.id: i for i, event in enumerate(case.events)}
    later: list[list[Edge]] = [[] for _ in case.events]
    for i, event in enumerate(case.events):
        for j, ref in enumerate(event.after):
            if ref in index:
                later[index[ref]].append((i, ("events", i, "after", j)))
        for j, ref in enumerate(event.before):
            if ref in index:
                later[i].append((index[ref], ("events", i, "before", j)))
    state = [0] * len(case.events)  # 0: not seen, 1: on the current path, 2: done
    for start in range(len(case.events)):
        if state[start]:
            continue
        state[start] = 1
        path = [(start, 0)]
        while path:
            node, k = path[-1]
            if k == len(later[node]):
                state[node] = 2
                path.pop()
                continue
            path[-1] = (node, k + 1)
            target, where = later[node][k]
            if state[target] == 1:
                yield _loop(case, node, target, where)
            elif state[target] == 0:
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
