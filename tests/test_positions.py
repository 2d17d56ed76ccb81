"""Positions as an editor shows them: lines, spans, excerpts, and the node a path leads to."""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from timeline.load.diagnostics import Span
from timeline.load.positions import (
    EXCERPT,
    EXCERPT_LEAD,
    TextPositions,
    byte_span,
    find_node,
    path_of,
    paths_of,
)


def _compose(text: str) -> yaml.Node:
    return yaml.compose(text, Loader=yaml.CSafeLoader)


def test_lines_are_split_where_an_editor_splits_them() -> None:
    where = TextPositions("a: 1\r\nb: 2\rc: 3\nd: x\u2028y\x85z\n")
    assert [where.line(n) for n in range(1, 6)] == ["a: 1", "b: 2", "c: 3", "d: x\u2028y\x85z", ""]
    assert where.line(0) == where.line(99) == ""


def test_a_span_after_a_yaml_only_line_break_is_on_the_editor_line() -> None:
    text = 'a: "x\u2028y\u2029z"\nb: 2\n'
    root = _compose(text)
    key_b = root.value[1][0]
    assert (key_b.start_mark.line, key_b.start_mark.column) == (3, 0)  # libyaml's count
    assert TextPositions(text).node_span(key_b) == Span(2, 1, 2, 2)


def test_a_span_inside_a_line_with_separators_keeps_its_column() -> None:
    text = 'a: "x\u2028y"\nb: [1, 22]\n'
    twenty_two = _compose(text).value[1][1].value[1]
    assert TextPositions(text).node_span(twenty_two) == Span(2, 8, 2, 10)


def test_spans_are_left_alone_in_an_ordinary_text() -> None:
    text = "a:\n  - 1\n  - 22\n"
    twenty_two = _compose(text).value[0][1].value[1]
    assert TextPositions(text).node_span(twenty_two) == Span(3, 5, 3, 7)


@given(st.lists(st.text(alphabet=st.sampled_from("ab \u2028\u2029\x85é"), max_size=8), min_size=1))
def test_every_value_is_found_on_the_editor_line_that_holds_it(values: list[str]) -> None:
    text = "".join(f'k{i}: "{value}"\n' for i, value in enumerate(values))
    where = TextPositions(text)
    for key, _ in _compose(text).value:
        span = where.node_span(key)
        assert where.line(span.line)[span.column - 1 :].startswith(key.value + ":")


def test_an_offset_span_counts_newlines_only() -> None:
    assert TextPositions("ab\ncd\u2028ef").offset_span(7) == Span(2, 5, 2, 6)


def test_a_byte_span_counts_characters_not_bytes() -> None:
    raw = "a: é\nb: ü\xff".encode("utf-8", "surrogateescape")
    assert byte_span(raw, raw.index(b"\xc3\xbc") + 2) == Span(2, 5, 2, 6)


def test_an_excerpt_of_a_short_line_starts_at_its_first_column() -> None:
    where = TextPositions("title: x\n")
    assert where.excerpt(Span(1, 8, 1, 9)) == ("title: x", 1)
    assert where.excerpt(Span(2, 1, 2, 2)) == (None, 1)


def test_an_excerpt_far_along_a_long_line_is_a_window_around_the_spot() -> None:
    line = "".join(chr(ord("a") + n % 26) for n in range(5000))
    column = 4000
    text, start = TextPositions(line).excerpt(Span(1, column, 1, column + 1))
    assert start == column - EXCERPT_LEAD
    assert text == line[start - 1 : start - 1 + EXCERPT]
    assert text[column - start] == line[column - 1]


def test_a_path_leads_to_its_node_and_its_key() -> None:
    root = _compose("events:\n  - id: a\n    participants: [{ref: x}]\n")
    node, key = find_node(root, ("events", 0, "participants", 0, "ref"), {})
    assert (node.value, key.value if key else None) == ("x", "ref")
    node, key = find_node(root, ("events", 5, "id"), {})  # stops at the deepest node found
    assert node.tag.endswith("seq") and key is not None and key.value == "events"


def test_a_large_mapping_is_indexed_once() -> None:
    text = "".join(f"k{i}: {i}\n" for i in range(100))
    root = _compose(text)
    keys: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = {}
    assert find_node(root, ("k42",), keys)[0].value == "42"
    assert len(keys[id(root)]) == 100
    assert find_node(root, ("k99",), keys)[0].value == "99"


def test_paths_of_several_nodes_in_one_walk() -> None:
    root = _compose("a: [x, {b: y}]\nc: z\n")
    x = root.value[0][1].value[0]
    y = root.value[0][1].value[1].value[0][1]
    z = root.value[1][1]
    assert paths_of(root, [x, y, z]) == {id(x): ("a", 0), id(y): ("a", 1, "b"), id(z): ("c",)}
    assert path_of(root, root) == ()
