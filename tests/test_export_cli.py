"""`timeline export`: output, files, notices and exit codes through the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import MINIMAL
from test_export_support import EVERYTHING, FIXTURES, TEXT_FORMATS, export_text, load
from timeline.cli import app
from timeline.exporters import EXPORTERS

runner = CliRunner()
DATA = ["--data-dir", str(FIXTURES)]


@pytest.mark.parametrize("format", TEXT_FORMATS)
def test_stdout_is_the_library_export_byte_for_byte(format: str) -> None:
    first = runner.invoke(app, [*DATA, "export", "everything", "--format", format])
    second = runner.invoke(app, ["export", str(EVERYTHING), "-f", format])
    assert first.exit_code == 0, first.output
    assert first.stdout_bytes == export_text(load(), format).encode("utf-8")
    assert second.stdout_bytes == first.stdout_bytes


def test_markdown_is_the_default_and_mermaid_an_option() -> None:
    plain = runner.invoke(app, [*DATA, "export", "everything"])
    assert plain.exit_code == 0
    assert plain.stdout.startswith("# The State v. Example") and "```mermaid" not in plain.stdout
    diagram = runner.invoke(app, [*DATA, "export", "everything", "--mermaid"])
    assert "```mermaid\ntimeline\n" in diagram.stdout


def test_ics_notices_go_to_stderr() -> None:
    result = runner.invoke(app, [*DATA, "export", "everything", "-f", "ics"])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        "timeline: notice: left out 'founded' (autumn 2022): "
        "the date is not one day (--ics-spans exports it as a span)"
    )
    assert len(result.stderr.splitlines()) == 6
    assert "notice" not in result.stdout
    spans = runner.invoke(app, [*DATA, "export", "everything", "-f", "ics", "--ics-spans"])
    assert spans.stderr == (
        "timeline: notice: left out 'appeal' (1 October 2025 onwards): the date is open-ended\n"
    )


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "case.json"
    result = runner.invoke(app, [*DATA, "export", "everything", "-f", "json", "-o", str(target)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["case"]["id"] == "everything"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.json"]


def test_an_invalid_case_leaves_the_file_untouched(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(MINIMAL.replace("type: detention", "type: detained"), encoding="utf-8")
    target = tmp_path / "out.md"
    target.write_text("old report\n", encoding="utf-8")
    result = runner.invoke(app, ["export", str(broken), "-o", str(target)])
    assert result.exit_code == 1
    assert "broken.yaml" in result.stderr
    assert target.read_text(encoding="utf-8") == "old report\n"


def test_a_failing_export_leaves_the_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("exporter crashed")

    monkeypatch.setitem(EXPORTERS, "csv", broken)
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")
    result = runner.invoke(app, [*DATA, "export", "everything", "-f", "csv", "-o", str(target)])
    assert result.exit_code != 0 and isinstance(result.exception, RuntimeError)
    assert target.read_text(encoding="utf-8") == "old\n"


def test_a_failing_write_leaves_the_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    target = tmp_path / "out.ics"
    target.write_text("old\n", encoding="utf-8")
    result = runner.invoke(app, [*DATA, "export", "everything", "-f", "ics", "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"timeline: error: cannot write {target}: No space left on device\n"
    )
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.ics"]


def test_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "out.md"
    result = runner.invoke(app, [*DATA, "export", "everything", "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"timeline: error: cannot write {target}: ")
    assert "Traceback" not in result.output


def test_unknown_case_and_format() -> None:
    unknown = runner.invoke(app, [*DATA, "export", "everythin"])
    assert unknown.exit_code == 2
    assert "did you mean 'everything'?" in unknown.stderr
    assert "known cases: everything" in unknown.stderr
    bad = runner.invoke(app, [*DATA, "export", "everything", "-f", "pdf"])
    assert bad.exit_code == 2
    assert "pdf" in bad.stderr and "markdown" in bad.stderr


def test_only_the_chosen_exporter_is_imported() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from timeline.cli import app\n"
        f"result = CliRunner().invoke(app, ['export', {str(EVERYTHING)!r}, '-f', 'csv'])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('timeline.exporters'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == [
        "timeline.exporters",
        "timeline.exporters.common",
        "timeline.exporters.csv_export",
        "timeline.exporters.standing",  # shared by the formats, like `common`
    ]
