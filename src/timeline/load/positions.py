"""Where things are in a case file: lines, spans and excerpts as an editor shows them,
and the node of the YAML tree that a finding's path leads to.

All of it runs only when something is reported, so a valid file pays nothing here
beyond parsing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from timeline.load.diagnostics import Path, Span

EXCERPT = 300  # characters of a line shown under a diagnostic
EXCERPT_LEAD = 60  # shown before the spot, when the spot is further along a long line
_SCAN_KEYS = 32  # mappings with more keys are indexed while locating findings
_EDITOR_BREAK = re.compile(r"\r\n|\r|\n")
# libyaml also ends a line at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR (as YAML 1.1
# says); editors and GitHub do not.
_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_UNUSUAL_BREAKS = "\x85\u2028\u2029"

# The keys of each mapping node already searched while locating findings (by `id`), so
# that many findings in one large mapping cost linear, not quadratic, time.
KeyIndex = dict[int, dict[str, tuple[Node, Node]]]


class TextPositions:
    """Lines, spans and excerpts of one text, each worked out on first use."""

    __slots__ = ("_lines", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: list[str] | None = None
        # Where libyaml's lines and an editor's start, when they differ (else empty).
        self._starts: tuple[list[int], list[int]] | None = None

    def line(self, number: int) -> str:
        """The text of a 1-based line, as an editor counts lines ("" past the end)."""
        if self._lines is None:
            self._lines = _EDITOR_BREAK.split(self.text)
        return self._lines[number - 1] if 0 < number <= len(self._lines) else ""

    def node_span(self, node: Node) -> Span:
        return self.mark_span(node.start_mark, node.end_mark)

    def mark_span(self, start: Any, end: Any) -> Span:
        """The span between two libyaml marks, in lines and columns as an editor counts them.

        In a text with a line break that only YAML 1.1 knows (pasted news text has
        them), a position is moved to the line an editor shows it on.
        """
        span = _mark_span(start, end)
        if self._starts is None:
            unusual = any(ch in self.text for ch in _UNUSUAL_BREAKS)
            self._starts = (
                (_line_starts(self.text, _YAML_BREAK), _line_starts(self.text, _EDITOR_BREAK))
                if unusual
                else ([], [])
            )
        yaml_starts, editor_starts = self._starts
        if not yaml_starts:
            return span
        line, column = _moved(span.line, span.column, yaml_starts, editor_starts)
        end_line, end_column = _moved(span.end_line, span.end_column, yaml_starts, editor_starts)
        return Span(line, column, end_line, end_column)

    def offset_span(self, offset: int) -> Span:
        """The one-character span at a character offset."""
        line = self.text.count("\n", 0, offset) + 1
        column = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return Span(line, column, line, column + 1)

    def excerpt(self, span: Span) -> tuple[str | None, int]:
        """At most `EXCERPT` characters of the span's line around its start, and the
        column they start at (None for a blank line)."""
        text = self.line(span.line)
        if not text.strip():
            return None, 1
        start = 1 if span.column <= EXCERPT - EXCERPT_LEAD else span.column - EXCERPT_LEAD
        return text[start - 1 : start - 1 + EXCERPT], start


def byte_span(raw: bytes, offset: int) -> Span:
    """The one-character span at a byte offset of UTF-8 (or broken UTF-8) bytes."""
    line = raw.count(b"\n", 0, offset) + 1
    start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[start:offset].decode("utf-8", "replace")) + 1
    return Span(line, column, line, column + 1)


def find_node(root: Node, path: Path, keys: KeyIndex) -> tuple[Node, Node | None]:
    """The deepest node along `path`, and the key node that leads to it (if any)."""
    node, key = root, None
    for part in path:
        child = _child(node, part, keys)
        if child is None:
            break
        key, node = child
    return node, key


def _child(node: Node, part: str | int, keys: KeyIndex) -> tuple[Node | None, Node] | None:
    if isinstance(node, MappingNode) and isinstance(part, str):
        if len(node.value) <= _SCAN_KEYS:
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode) and key_node.value == part:
                    return key_node, value_node
            return None
        index = keys.get(id(node))
        if index is None:
            index = keys[id(node)] = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode):
                    index.setdefault(key_node.value, (key_node, value_node))
        return index.get(part)
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return None, node.value[part]
    return None


def path_of(root: Node, target: Node) -> Path:
    """The path of a node in the tree (used only while reporting)."""
    return paths_of(root, [target]).get(id(target), ())


def paths_of(root: Node, targets: list[Node]) -> dict[int, Path]:
    """The paths of several nodes (by `id`), found in one walk of the tree."""
    wanted = {id(target) for target in targets}
    found: dict[int, Path] = {}
    stack: list[tuple[Node, Path]] = [(root, ())]
    while stack and len(found) < len(wanted):
        node, path = stack.pop()
        if id(node) in wanted:
            found[id(node)] = path
        stack.extend(_children(node, path))
    return found


def _children(node: Node, path: Path) -> Iterator[tuple[Node, Path]]:
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode):
                yield value_node, (*path, key_node.value)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            yield item, (*path, index)


def _mark_span(start: Any, end: Any) -> Span:
    line, column = start.line + 1, start.column + 1
    if end is None or end.line < start.line:
        return Span(line, column, line, column + 1)
    # A block collection ends at the start of the next line; keep the end on content.
    end_line, end_column = end.line + 1, end.column + 1
    if end_column == 1 and end_line > line:
        end_line, end_column = end_line - 1, column + 1
    return Span(
        line, column, end_line, max(end_column, column + 1) if end_line == line else end_column
    )


def _line_starts(text: str, breaks: re.Pattern[str]) -> list[int]:
    return [0, *(match.end() for match in breaks.finditer(text))]


def _moved(
    line: int, column: int, yaml_starts: list[int], editor_starts: list[int]
) -> tuple[int, int]:
    """A 1-based position in libyaml's lines, in an editor's lines."""
    offset = yaml_starts[min(line, len(yaml_starts)) - 1] + column - 1
    editor_line = bisect.bisect_right(editor_starts, offset)
    return editor_line, offset - editor_starts[editor_line - 1] + 1
