"""The safe loader: every broken file is a diagnostic at the right spot, never a traceback."""

from __future__ import annotations

import time

import pytest

from conftest import MINIMAL, validate_text
from timeline.load.limits import MAX_FILE_BYTES
from timeline.load.loader import parse_document


def test_minimal_case_is_valid(diagnose):
    assert diagnose(MINIMAL) == []


def test_scalars_stay_text():
    doc = parse_document(b"a: NO\nb: 0123\nc: 1:30\nd: 2025-05-28\ne: true\nf: ~\ng:\n", "x.yaml")
    assert doc.data == {
        "a": "NO",
        "b": "0123",
        "c": "1:30",
        "d": "2025-05-28",
        "e": True,
        "f": None,
        "g": None,
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["TL103@1:1"]),
        ("# only a comment\n", ["TL103@1:1"]),
        ("~\n", ["TL103@1:1"]),
        ("- a\n- b\n", ["TL104@1:1"]),
        ("just text\n", ["TL104@1:1"]),
        ("a: 1\n---\nb: 2\n", ["TL105@2:1"]),
        ("a: 1\nb: [1, 2\n", ["TL101@2:4"]),  # where the bracket opened
        ("a: 'open\n", ["TL101@1:4"]),
        ("a:\n\tb: 1\n", ["TL101@2:1"]),
        ("a: &x [1]\nb: *x\n", ["TL107@2:4"]),
        ("a: !!python/object/apply:os.system [echo hi]\n", ["TL110@1:4"]),
        ("a: !custom x\n", ["TL110@1:4"]),
        ("format: 1\nformat: 1\n", ["TL106@2:1"]),
    ],
)
def test_broken_yaml(diagnose, text, expected):
    assert diagnose(text) == expected


def test_duplicate_key_points_at_second_key(diagnose):
    text = MINIMAL.replace("title: A test case\n", "title: A test case\ntitle: Again\n")
    assert diagnose(text) == ["TL106@4:1"]


def test_alias_bomb_is_refused_quickly(diagnose):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    start = time.monotonic()
    found = diagnose("\n".join(lines) + "\n")
    assert time.monotonic() - start < 5
    assert found[0] == "TL107@2:8"
    assert {code.split("@")[0] for code in found} == {"TL107"}


def test_deep_nesting(diagnose):
    assert diagnose("a: " + "[" * 100_000 + "]" * 100_000 + "\n")[0].startswith("TL108@1:")
    block = "".join(" " * i + "k:\n" for i in range(2000)) + " " * 2000 + "v\n"
    assert diagnose(block)[0].startswith("TL108@")
    moderate = "a: " + "[" * 100 + "]" * 100 + "\n"
    assert diagnose(moderate)[0].startswith("TL108@1:")


def test_binary_and_encodings(diagnose):
    assert diagnose(b"\x89PNG\r\n\x1a\n\x00\x00\x00") == ["TL102@3:1"]
    assert diagnose(b"title: caf\xe9\n") == ["TL102@1:11"]
    assert diagnose("format: 1\n".encode("utf-16")) == ["TL102@1:1"]


def test_byte_order_mark_is_a_warning(diagnose):
    assert diagnose(b"\xef\xbb\xbf" + MINIMAL.encode()) == ["TL111@1:1"]


def test_control_character(diagnose):
    assert diagnose("a: b\x07c\n") == ["TL101@1:5"]


def test_too_large(diagnose):
    assert diagnose(b"a: " + b"x" * (MAX_FILE_BYTES + 1)) == ["TL109@1:1"]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_positions_count_lines_as_an_editor_does(diagnose, separator):
    # libyaml ends a line at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR; editors do not.
    text = f'format: 1\ntitle: "a{separator}b{separator}c"\nid: x\ntitle: again\nbad: [\n'
    assert diagnose(text) == ["TL101@6:1"]  # the end of the file, after line 5
    assert diagnose(text.removesuffix("bad: [\n")) == ["TL106@4:1"]
    unclosed = f'format: 1\ntitle: "a{separator}b"\nsummary: [\n'
    assert diagnose(unclosed) == ["TL101@4:1"]
    opened = f'format: 1\ntitle: "a{separator}b"\nsummary: [a\n'
    assert diagnose(opened) == ["TL101@3:10"]  # where the bracket opened


def test_an_unclosed_bracket_names_where_it_opened_and_where_it_broke(tmp_path):
    text = "format: 1\nid: x\ntags: {a: 1,\n  b: 2\njurisdiction: KG\n"
    (error,) = validate_text(tmp_path, text).diagnostics
    assert (error.code, error.span.line, error.span.column) == ("TL101", 3, 7)
    assert error.message == (
        "YAML syntax error: the '{' opened here is not closed "
        "(at line 5, column 13: did not find expected ',' or '}')"
    )
    assert error.hint == "add '}' where the mapping ends, or a comma"


def test_a_duplicate_key_names_the_first_one(tmp_path):
    text = "format: 1\nid: x\ntitle: X\nstatus: ongoing\ntitle: Y\n"
    (duplicate,) = validate_text(tmp_path, text).diagnostics
    assert (duplicate.code, duplicate.span.line) == ("TL106", 5)
    assert duplicate.message == "duplicate key 'title' (first at line 3, column 1)"


def test_an_excerpt_is_the_line_an_editor_shows(tmp_path):
    report = validate_text(tmp_path, 'format: 1\ntitle: "a\u2028b"\ntitle: again\n')
    (duplicate,) = [d for d in report.diagnostics if d.code == "TL106"]
    assert (duplicate.span.line, duplicate.span.column) == (3, 1)
    assert duplicate.excerpt == "title: again"
