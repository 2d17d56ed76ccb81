"""`timeline validate` and `timeline schema` through the CLI: outputs and exit codes."""

from __future__ import annotations

import json
import os
import re

from typer.testing import CliRunner

from conftest import DATA, MINIMAL
from timeline.cli import app

runner = CliRunner()
BROKEN = MINIMAL.replace("{ref: ann, role: detainee}", "{ref: anne, role: detainee}")


def _write(tmp_path, text, stem="test-case"):
    path = tmp_path / f"{stem}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_file_exits_0(tmp_path):
    result = runner.invoke(app, ["validate", str(_write(tmp_path, MINIMAL))])
    assert result.exit_code == 0
    assert result.stdout == "1 file, 0 errors, 0 warnings\n"


def test_text_report(tmp_path):
    path = _write(tmp_path, BROKEN)
    result = runner.invoke(app, ["validate", "--format", "text", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    message = "'anne' is not the id of any person or organization in this case"
    assert lines[0] == f"{path}:20:26: error[TL302] {message}"
    assert lines[1] == "  = hint: did you mean 'ann'?"
    assert (
        lines[2]
        == "  20 |     participants: [{ref: anne, role: detainee}, {ref: no, role: detainee}]"
    )
    assert lines[3] == "     |                          ^^^^"
    assert lines[-1] == "1 file, 1 error, 0 warnings"


def test_json_report(tmp_path):
    path = _write(tmp_path, BROKEN)
    result = runner.invoke(
        app, ["validate", "--format", "json", str(path), str(_write(tmp_path, MINIMAL, "ok"))]
    )
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["version"] == 1 and document["valid"] is False
    assert document["summary"] == {"files": 2, "errors": 2, "warnings": 0}
    first = document["diagnostics"][0]
    assert set(first) == {
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "severity",
        "code",
        "path",
        "message",
        "hint",
    }
    assert (first["line"], first["column"], first["end_column"], first["path"]) == (
        20,
        26,
        30,
        "events[0].participants[0].ref",
    )


def test_github_report(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    weird = tmp_path / "we,ird:dir"
    weird.mkdir()
    path = _write(weird, BROKEN.replace("Ann detained", "100% done"))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::group::")
    assert re.fullmatch(r"::stop-commands::[0-9a-f]{16}", lines[1])
    command = lines[-1]
    escaped = str(path).replace(":", "%3A").replace(",", "%2C")
    assert command.startswith(f"::error file={escaped},line=20,col=26,endLine=20,endColumn=30,")
    assert "title=TL302 unresolved-reference::" in command
    assert command.endswith("%0Adid you mean 'ann'?")
    assert "| TL302 |" in summary.read_text()


def test_strict_fails_on_warnings(tmp_path):
    path = _write(tmp_path, MINIMAL.replace('"2025-09-17"', "2025-09-17"))
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 0
    assert runner.invoke(app, ["validate", "--strict", str(path)]).exit_code == 1


def test_missing_path_exits_2(tmp_path):
    result = runner.invoke(app, ["validate", str(tmp_path / "no-such.yaml")])
    assert result.exit_code == 2
    assert "no such file or folder" in result.stderr


def test_folder_keeps_going_after_a_bad_file(tmp_path):
    _write(tmp_path, "a: [\n", "broken")
    _write(tmp_path, MINIMAL)
    result = runner.invoke(app, ["validate", "--format", "json", str(tmp_path)])
    document = json.loads(result.stdout)
    assert document["summary"] == {"files": 2, "errors": 1, "warnings": 0}


def test_bad_format_is_a_usage_error(tmp_path):
    assert runner.invoke(app, ["validate", "--format", "xml", str(tmp_path)]).exit_code == 2


def test_shipped_data_validates():
    result = runner.invoke(app, ["validate", "--strict", str(DATA)])
    assert result.exit_code == 0, result.stdout


def test_schema_is_json_and_in_sync():
    from conftest import REPO

    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    assert (REPO / "schema" / "case.schema.json").read_text(encoding="utf-8") == result.stdout


def test_version():
    from timeline import __version__

    result = runner.invoke(app, ["--version"])
    assert result.stdout == f"timeline {__version__}\n"


def test_format_choices_are_the_registry():
    import typing

    from timeline.cli.validate import Format
    from timeline.views.reports import REPORTERS

    assert typing.get_args(Format) == ("auto", *REPORTERS)


# --- the excerpt and its caret --------------------------------------------------------------


def _printed(text: str) -> tuple[str, str, str]:
    """The location line, the excerpt line and the caret line of the first diagnostic."""
    from timeline.load.validation import validate_bytes
    from timeline.views.reports import format_diagnostic

    (diagnostic, *_) = validate_bytes(text.encode("utf-8"), "case.yaml").diagnostics
    location, *rest = format_diagnostic(diagnostic).splitlines()
    excerpt, caret = rest[-2:]
    return location, excerpt, caret


def test_the_caret_stays_under_the_spot_after_a_character_written_out() -> None:
    location, excerpt, caret = _printed('format: 1\ntitle: "\u202eab" x\n')
    assert location.startswith("case.yaml:2:")
    column = int(location.split(":")[2])
    assert excerpt == '  2 | title: "\\u202eab" x'
    assert excerpt[caret.index("^")] == "x"
    assert column == len('title: "\u202eab" x')


def test_a_spot_far_along_a_long_line_is_shown_with_its_surroundings() -> None:
    location, excerpt, caret = _printed('format: 1\ntitle: "' + "x" * 5000 + '", bad: 1\n')
    assert location.startswith("case.yaml:2:5010:")
    assert excerpt.startswith("  2 | …") and excerpt.endswith('", bad: 1')
    assert len(caret) < 100
    assert excerpt[caret.index("^")] == ","


def test_the_caret_counts_wide_characters_as_two_cells() -> None:
    _, excerpt, caret = _printed('format: 1\ntitle: "记者👩\u0301" x\n')
    assert excerpt == '  2 | title: "记者👩\u0301" x'
    # Before the x: 'title: "' (8 cells), two CJK characters (4), an emoji (2), a
    # combining accent (0), then '" ' (2).
    assert caret.index("^") == len("  2 | ") + 8 + 4 + 2 + 0 + 2


def test_bare_validate_names_the_data_directory(tmp_path, monkeypatch):
    (tmp_path / "data" / "cases").mkdir(parents=True)
    _write(tmp_path / "data" / "cases", MINIMAL)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TIMELINE_DATA_DIR", raising=False)
    result = runner.invoke(app, ["validate", "--format", "text"])
    assert result.exit_code == 0, result.output
    folder = os.path.join("data", "cases")
    assert result.stdout == f"1 file in {folder}, 0 errors, 0 warnings\n"
    assert result.stderr == ""


def test_bare_validate_outside_a_data_repository_says_it_checks_the_bundled_cases(
    tmp_path, monkeypatch
):
    from timeline.store.repository import bundled_dir

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TIMELINE_DATA_DIR", raising=False)
    result = runner.invoke(app, ["validate", "--format", "text"])
    assert result.exit_code == 0, result.output
    assert "the example cases bundled with timeline are checked" in result.stderr
    assert "timeline init" in result.stderr
    assert result.stdout.endswith(
        f" in {bundled_dir()} (the bundled examples), 0 errors, 0 warnings\n"
    )


def test_the_same_file_given_twice_is_counted_once(tmp_path, monkeypatch):
    folder = tmp_path / "data" / "cases"
    folder.mkdir(parents=True)
    _write(folder, BROKEN)
    (tmp_path / "link.yaml").symlink_to(folder / "test-case.yaml")
    monkeypatch.chdir(tmp_path)
    args = ["data/cases/../cases/test-case.yaml", "data/cases/test-case.yaml", "data/cases"]
    result = runner.invoke(app, ["validate", "--format", "text", *args, "link.yaml"])
    assert result.exit_code == 1
    assert result.stdout.endswith("\n1 file, 1 error, 0 warnings\n")
    assert result.stdout.startswith("data/cases/../cases/test-case.yaml:20:26: error[TL302]")
