"""Schema diagnostics (TL2xx): unknown keys with a hint, missing keys, types, vocabularies."""

from __future__ import annotations

import pytest

from conftest import MINIMAL, validate_text


def _one(tmp_path, text):
    report = validate_text(tmp_path, text)
    assert len(report.diagnostics) == 1, report.diagnostics
    return report.diagnostics[0]


def test_unknown_key_points_at_key_with_hint(tmp_path):
    d = _one(tmp_path, MINIMAL.replace("    title: Verdict\n", "    titel: Verdict\n"))
    assert (d.code, d.line, d.column, d.path) == ("TL201", 25, 5, "events[1].titel")
    assert d.hint == "did you mean 'title'?"
    assert d.span.end_column == 10


def test_unknown_top_level_key(tmp_path):
    d = _one(tmp_path, MINIMAL.replace("status: ongoing\n", "status: ongoing\nsumary: x\n"))
    assert (d.code, d.line, d.column, d.hint) == ("TL201", 6, 1, "did you mean 'summary'?")


def test_missing_key_points_at_mapping(tmp_path):
    d = _one(tmp_path, MINIMAL.replace("    title: Ann detained\n", ""))
    assert (d.code, d.line, d.path) == ("TL202", 16, "events[0]")
    assert "title" in d.message


def test_wrong_type(tmp_path):
    d = _one(
        tmp_path,
        MINIMAL.replace("tags", "x").replace("status: ongoing\n", "status: ongoing\ntags: press\n"),
    )
    assert (d.code, d.line, d.column) == ("TL203", 6, 7)


def test_bad_id(tmp_path):
    text = MINIMAL.replace("id: detained", "id: Detained").replace("[detained]", "[Detained]")
    report = validate_text(tmp_path, text)
    assert [(d.code, d.line, d.column) for d in report.diagnostics] == [
        ("TL204", 16, 9),
        ("TL204", 26, 13),
    ]
    assert all("lowercase" in d.message for d in report.diagnostics)


def test_invalid_date(tmp_path):
    d = _one(tmp_path, MINIMAL.replace('"2025-09-17"', '"2023-02-29"'))
    assert (d.code, d.line, d.column, d.path) == ("TL205", 23, 11, "events[1].date")
    assert "leap" in d.message


def test_unquoted_date_is_a_warning(tmp_path):
    report = validate_text(tmp_path, MINIMAL.replace('"2025-09-17"', "2025-09-17"))
    assert [(d.code, d.line, d.column, str(d.severity)) for d in report.diagnostics] == [
        ("TL206", 23, 11, "warning")
    ]
    assert report.valid


def test_unknown_term_with_hint(tmp_path):
    d = _one(tmp_path, MINIMAL.replace("type: detention", "type: detension"))
    assert (d.code, d.line, d.hint) == ("TL207", 18, "did you mean 'detention'?")


def test_format_version(tmp_path):
    d = _one(tmp_path, MINIMAL.replace("format: 1", "format: 2"))
    assert (d.code, d.line, d.column) == ("TL208", 1, 9)


@pytest.mark.parametrize("written", ["yes", "no", "on", "off", "1", "0", '"true"', "Y"])
def test_a_flag_is_true_or_false_and_nothing_else(tmp_path, written):
    d = _one(
        tmp_path,
        MINIMAL.replace("    title: Verdict\n", f"    title: Verdict\n    key: {written}\n"),
    )
    assert (d.code, d.line, d.column, d.path) == ("TL203", 26, 10, "events[1].key")
    assert "true or false" in d.message


@pytest.mark.parametrize("written", ["true", "True", "false", "FALSE"])
def test_true_and_false_are_flags(tmp_path, written):
    assert validate_text(
        tmp_path,
        MINIMAL.replace("    title: Verdict\n", f"    title: Verdict\n    key: {written}\n"),
    ).valid
