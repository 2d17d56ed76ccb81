"""An ordinary case file straight from libyaml's events to plain values, without a node tree.

libyaml's composer builds one Python object per value, with two position marks
each, and the tree lives until the file is checked: for the 20,000-event
benchmark file (7.9 MB) that was 280 MiB of the 446 MiB peak. Positions are
only needed to report findings, and most files have none; so an ordinary text
is read from the parser's events, each dropped as soon as it is used, into the
dicts, lists and strings the models validate. The loader composes the node tree
(with its marks) only for a file that has something to report.

Anything out of the ordinary (a tag, an alias, a key that is not text, a
duplicate key, a document that is not one mapping, too deep a nesting, too many
values, a syntax error) makes `plain_values` give up: the loader then takes its
full path, which reports each of these with its position, exactly as before.
Plain values come out the same either way: scalars are the text written, but
`true`/`false` and `null`/`~`/empty (see `timeline.load.loader`).
"""

from __future__ import annotations

from typing import Any

import yaml

from timeline.load.diagnostics import Path

_SCALAR = yaml.ScalarEvent
_MAPPING = yaml.MappingStartEvent
_SEQUENCE = yaml.SequenceStartEvent
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
# The plain scalars that are typed (all others stay text), and the keys whose plain
# value may be a date that YAML 1.1 tools would turn into one (warned about).
NULLS = frozenset(("", "~", "null", "Null", "NULL"))
BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
DATE_KEYS = frozenset(("date", "published"))

# (the values, the plain scalars under a date key: their paths and texts)
Plain = tuple[dict[str, Any], list[tuple[Path, str]]]


class _Unusual(Exception):
    """The text needs the full loader: something in it is reported, or may be."""


def plain_values(parser: Any, max_depth: int, max_values: int) -> Plain | None:
    """The document of `parser` (a libyaml loader over the text) as plain values.

    None when the text is not an ordinary case file (see the module's docstring).
    `max_depth` and `max_values` are the loader's limits, past which it reports.
    """
    try:
        return _read(parser.get_event, max_depth, max_values)
    except (_Unusual, yaml.YAMLError, RecursionError):
        return None
    finally:
        parser.dispose()


def _read(next_event: Any, max_depth: int, max_values: int) -> Plain:
    if next_event().__class__ is not yaml.StreamStartEvent:
        raise _Unusual
    if next_event().__class__ is not yaml.DocumentStartEvent:
        raise _Unusual  # an empty text
    first = next_event()
    if first.__class__ is not _MAPPING or first.tag is not None:
        raise _Unusual  # the loader says what the document is instead
    root = _fill(next_event, {}, max_depth, max_values)
    if next_event().__class__ is not yaml.DocumentEndEvent:
        raise _Unusual
    if next_event().__class__ is not yaml.StreamEndEvent:
        raise _Unusual  # a second document
    return root


def _fill(next_event: Any, root: dict[str, Any], max_depth: int, max_values: int) -> Plain:  # noqa: C901, PLR0912, PLR0915
    """Events into `root` until the root mapping ends (one loop, no recursion: this is
    the hot path, a few hundred nanoseconds per value)."""
    parents: list[Any] = []  # the collections that hold the current one
    current: Any = root
    key: str | None = None  # in a mapping: the key read, waiting for its value
    dates: list[tuple[Path, str]] = []
    # One string object for each distinct text: keys, ids, terms and dates repeat
    # thousands of times in a large case, and the models keep the same objects.
    seen: dict[str, str] = {}
    same = seen.setdefault
    values = 1
    while True:
        event = next_event()
        kind = event.__class__
        values += 1
        if values > max_values:
            raise _Unusual
        if kind is _SCALAR:
            if event.tag is not None:
                raise _Unusual
            value: Any = same(event.value, event.value)
            if event.implicit[0]:  # plain: only these words are typed
                if value in NULLS:
                    value = None
                elif value in BOOLS:
                    value = BOOLS[value]
            if current.__class__ is list:
                current.append(value)
            elif key is None:
                if value.__class__ is not str or value in current:
                    raise _Unusual  # a key that is not text, or a duplicate
                key = value
            else:
                if key in DATE_KEYS and not event.style:
                    dates.append(((*_path(parents, current), key), event.value))
                elif event.style and key == "format" and current is root:
                    raise _Unusual  # `format: "1"`: the loader marks quoted text (TL208)
                current[key] = value
                key = None
        elif kind is _MAPPING or kind is _SEQUENCE:
            if event.tag is not None or len(parents) + 1 >= max_depth:
                raise _Unusual
            child: Any = {} if kind is _MAPPING else []
            if current.__class__ is list:
                current.append(child)
            elif key is None:
                raise _Unusual  # a mapping or a list as a key
            else:
                current[key] = child
                key = None
            parents.append(current)
            current = child
        elif kind in _ENDS:
            values -= 1  # an end is not a value
            if not parents:
                return root, dates
            current = parents.pop()
        else:
            raise _Unusual  # an alias


def _path(parents: list[Any], current: Any) -> Path:
    """Where `current` is: each collection's last item is the one being read."""
    chain = [*parents, current]
    return tuple(
        len(parent) - 1 if parent.__class__ is list else next(reversed(parent))
        for parent in chain[:-1]
    )
