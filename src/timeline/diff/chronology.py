"""Date changes: how a date changed, and whether an event moved past other events."""

from __future__ import annotations

from timeline.dates import EdtfDate, days_between
from timeline.diff.model import DateChange, DateKind, Place
from timeline.model.case import Case, Event


def display(event: Event) -> str:
    return event.date.display(inferred=[part.value for part in event.inferred])


def _inside(inner: EdtfDate, outer: EdtfDate) -> bool:
    """Whether `inner`'s bounds lie within `outer`'s (an open end is unbounded)."""
    low = outer.earliest is None or (
        inner.earliest is not None and inner.earliest >= outer.earliest
    )
    high = outer.latest is None or (inner.latest is not None and inner.latest <= outer.latest)
    return low and high


def _sharpness(date: EdtfDate) -> tuple[int, int]:
    """Finer precision, then fewer qualifiers (`?`, `~`), is sharper."""
    return date.precision.rank, -(int(date.uncertain) + int(date.approximate))


def date_kind(a: EdtfDate, b: EdtfDate) -> tuple[DateKind, int | None]:
    """refined: inside the old bounds and more precise; coarsened: the reverse; moved: the
    bounds do not nest (with the shift of the earliest bound in days); changed: otherwise.
    """
    narrower, wider = _inside(b, a), _inside(a, b)
    if narrower and wider:  # the same bounds: compare precision and qualifiers
        if _sharpness(b) != _sharpness(a):
            return ("refined" if _sharpness(b) > _sharpness(a) else "coarsened"), None
        return "changed", None
    if narrower:
        return "refined", None
    if wider:
        return "coarsened", None
    shift = days_between(a, b)
    return ("changed", None) if shift is None else ("moved", shift)


def classify_date(old: Event, new: Event) -> DateChange:
    kind, shift = date_kind(old.date, new.date)
    return DateChange(
        kind=kind,
        # An unknown date has no text in the file: say so rather than print nothing.
        old=old.date.text or "no date",
        new=new.date.text or "no date",
        old_display=display(old),
        new_display=display(new),
        shift_days=shift,
    )


def chronology_places(
    old: Case, new: Case, matched: dict[str, str], dated: set[str]
) -> dict[str, Place]:
    """The new neighbours of each event of `dated` (new ids) whose place changed.

    An event's place is the set of matched events (present in both versions) that
    come before it in the chronology; added and removed events do not count, nor
    does the order of the file. Linear: the event at position k of the new order
    (among matched events) keeps its place iff it was at position k of the old
    order and the k events before it all come from old positions below k.
    """
    old_rank: dict[str, int] = {}
    for event in old.chronology:
        if event.id in matched:
            old_rank[matched[event.id]] = len(old_rank)
    order = [event.id for event in new.chronology]
    places: dict[str, Place] = {}
    highest, k = -1, 0
    for position, event_id in enumerate(order):
        rank = old_rank.get(event_id)
        if rank is None:
            continue
        if event_id in dated and not (rank == k and highest == k - 1):
            places[event_id] = Place(
                after=order[position - 1] if position > 0 else None,
                before=order[position + 1] if position + 1 < len(order) else None,
            )
        highest, k = max(highest, rank), k + 1
    return places
