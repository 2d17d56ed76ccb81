"""Events whose date is unknown, placed by the events they come `after` or `before`.

An event may leave out `date` when it names anchors. Its date becomes an unknown
date with the anchors' bounds ("date unknown, after 25 February 2025"), and the
chronology puts it right after its latest `after` anchor, or right before its
earliest `before` anchor.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING

from timeline import dates

if TYPE_CHECKING:  # the case module imports this one
    from timeline.model.case import Event


def placed(events: Sequence[Event]) -> list[Event]:
    """The events, each of unknown date given the bounds of its anchors."""
    by_id = {event.id: event for event in events}
    return [
        event.model_copy(update={"date": _anchored(event, by_id)}) if event.date.unknown else event
        for event in events
    ]


def _anchored(event: Event, by_id: dict[str, Event]) -> dates.EdtfDate:
    afters = [_known(by_id[ref]) for ref in event.after if ref in by_id]
    befores = [_known(by_id[ref]) for ref in event.before if ref in by_id]
    after = max(
        (d for d in afters if d is not None and d.earliest),
        key=lambda d: d.earliest or datetime.date.min,
        default=None,
    )
    before = min(
        (d for d in befores if d is not None and d.latest),
        key=lambda d: d.latest or datetime.date.max,
        default=None,
    )
    return dates.unknown_between(after, before)


def _known(anchor: Event) -> dates.EdtfDate | None:
    # An anchor of unknown date lends only its own `after` (one step: no chains to follow).
    return anchor.date.start if anchor.date.unknown else anchor.date


def chronology(events: Sequence[Event]) -> tuple[Event, ...]:
    """Known dates by `sort_key` then file order; each unknown one beside its anchor."""
    order = sorted((e for e in events if not e.date.unknown), key=lambda e: e.date.sort_key())
    waiting = [event for event in events if event.date.unknown]
    # Anchors may themselves be unknown: place in rounds, the rest at the end.
    for _ in range(len(waiting)):
        if not waiting:
            break
        waiting = [event for event in waiting if not _insert(order, event)]
    return tuple(order + waiting)


def _insert(order: list[Event], event: Event) -> bool:
    positions = {item.id: index for index, item in enumerate(order)}
    afters = [positions[ref] for ref in event.after if ref in positions]
    if afters:
        order.insert(max(afters) + 1, event)
        return True
    befores = [positions[ref] for ref in event.before if ref in positions]
    if befores:
        order.insert(min(befores), event)
        return True
    return False
