"""`timeline list`: the cases of the data directory, as plain text, a rich table, or JSON."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

FIXTURES = Path(__file__).parent / "fixtures" / "show"
SGR = re.compile(r"\x1b\[[0-9;]*m")


def run(data: Path, *args: str, columns: int = 80, no_color: bool = False):  # type: ignore[no-untyped-def]
    env = {"COLUMNS": str(columns), "NO_COLOR": "1" if no_color else None, "TERM": "xterm-256color"}
    return CliRunner().invoke(app, ["--data-dir", str(data), "list", *args], env=env)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    for name in ("full.yaml", "tiny.yaml"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    return tmp_path


def test_plain_golden(data: Path) -> None:
    result = run(data)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "full: Editors <b>on trial</b> | [bold red]not markup[/]\n"
        "    8 events, autumn 2023 to October 2024?; appeal\n"
        "tiny: A tiny case\n"
        "    3 events, May 2025 to 30 May 2025; trial\n"
    )
    assert result.stderr == ""
    assert run(data, "--format", "plain").stdout == result.stdout


def test_json(data: Path) -> None:
    result = run(data, "--format", "json")
    assert result.exit_code == 0, result.stderr
    full, tiny = json.loads(result.stdout)
    assert full == {
        "id": "full",
        "file": str(data / "full.yaml"),
        "valid": True,
        "title": "Editors <b>on trial</b> | [bold red]not markup[/]",
        "status": "appeal",
        "status_label": None,
        "events": 8,
        "first_date": "2023-23",
        "first_date_display": "autumn 2023",
        "last_date": "2024-10?",
        "last_date_display": "October 2024?",
        "errors": 0,
        "warnings": 0,
    }
    assert (tiny["id"], tiny["first_date"], tiny["last_date"]) == ("tiny", "2025-05", "2025-05-30")


def test_rich_table(data: Path) -> None:
    result = run(data, "--format", "rich", no_color=True)
    assert result.exit_code == 0, result.stderr
    text = SGR.sub("", result.stdout)
    assert re.search(r"Case\s+Title\s+Events\s+Dates\s+Status", text)
    assert re.search(r"tiny\s+A tiny case\s+3\s+May 2025 to 30 May 2025\s+trial", text)
    assert "Editors <b>on trial</b>" in text  # markup stays text
    assert "─" in text


@pytest.mark.parametrize("fmt", ["plain", "rich", "json"])
def test_invalid_files_are_listed_not_fatal(data: Path, fmt: str) -> None:
    (data / "broken.yaml").write_text("format: 1\nid: broken\ntitle: [\n", encoding="utf-8")
    result = run(data, "--format", fmt, columns=300)
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    if fmt == "json":
        broken = json.loads(result.stdout)[0]
        assert (broken["id"], broken["valid"], broken["errors"], broken["title"]) == (
            "broken",
            False,
            1,
            None,
        )
        return
    text = SGR.sub("", result.stdout)
    assert (
        f"broken: {'INVALID (' if fmt == 'plain' else ''}1 error; see: timeline validate " in text
    )
    assert "tiny" in text


def test_unreadable_entries_are_skipped_with_a_notice(data: Path) -> None:
    (data / "loop.yaml").symlink_to(data / "loop.yaml")
    (data / "gone.yaml").symlink_to(data / "nowhere.yaml")
    result = run(data)
    assert result.exit_code == 0
    assert result.stdout.startswith("full: ")
    assert f"timeline: skipped {data / 'loop.yaml'}: " in result.stderr
    assert f"timeline: skipped {data / 'gone.yaml'}: " in result.stderr


def test_an_empty_directory(tmp_path: Path) -> None:
    result = run(tmp_path)
    assert result.exit_code == 0
    assert result.stdout == "No case files.\n"
    assert json.loads(run(tmp_path, "--format", "json").stdout) == []


def test_a_missing_data_directory_is_a_usage_error(tmp_path: Path) -> None:
    result = run(tmp_path / "nowhere")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def test_control_characters_in_titles_are_made_visible(data: Path) -> None:
    path = data / "tiny.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "title: A tiny case", 'title: "A \\e[2J tiny case"'
        ),
        encoding="utf-8",
    )
    for fmt in ("plain", "rich"):
        output = SGR.sub("", run(data, "--format", fmt).stdout)
        assert "A \\x1b[2J tiny case" in output
        assert "\x1b" not in output
    # JSON keeps the data as it is (escaped by JSON itself).
    assert json.loads(run(data, "--format", "json").stdout)[1]["title"] == "A \x1b[2J tiny case"
