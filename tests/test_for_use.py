"""A command that reads a case for its chronology (show, export, diff) validates it
without the rules that can only warn, since it shows no warnings; a file that is not
valid still gets its whole report, warnings included, as `validate` gives it."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import MINIMAL, TODAY
from timeline.cli import app
from timeline.load.validation import FileReport, for_use, validate_file

# Two warnings: an event that cites no source (TL501), a date YAML reads as a date (TL206).
WARNED = (
    MINIMAL
    + """\
  - id: hearing
    date: 2025-10-01
    type: hearing
    title: A hearing
"""
)
# ...and an error: an event said to come after the verdict, dated before it (TL401).
BROKEN = (
    WARNED
    + """\
  - id: appeal
    date: "2025-01-01"
    type: appeal
    title: An appeal
    after: [verdict]
    sources: [src]
"""
)


def _reports(tmp_path: Path, text: str) -> tuple[FileReport, FileReport]:
    path = tmp_path / "test-case.yaml"
    path.write_text(text, encoding="utf-8")
    validate = partial(validate_file, path, today=TODAY)
    return validate(), for_use(validate)


def _codes(report: FileReport) -> list[str]:
    return sorted(d.code for d in report.diagnostics)


def test_a_valid_file_is_read_without_its_warnings(tmp_path: Path) -> None:
    whole, used = _reports(tmp_path, WARNED)
    assert whole.valid and _codes(whole) == ["TL206", "TL501"]
    assert used.valid and used.diagnostics == []
    assert used.case == whole.case


def test_an_invalid_file_gets_its_whole_report(tmp_path: Path) -> None:
    whole, used = _reports(tmp_path, BROKEN)
    assert not used.valid
    assert _codes(used) == ["TL206", "TL401", "TL501"]
    assert used.diagnostics == whole.diagnostics


@pytest.mark.parametrize("command", [["show"], ["export", "--format", "json"]])
def test_a_command_prints_the_whole_report_of_an_invalid_case(
    tmp_path: Path, command: list[str]
) -> None:
    (tmp_path / "test-case.yaml").write_text(BROKEN, encoding="utf-8")
    result = CliRunner().invoke(app, ["--data-dir", str(tmp_path), *command, "test-case"])
    assert result.exit_code == 1
    for code in ("TL206", "TL401", "TL501"):
        assert code in result.output
