"""Help from the cache: the text `--help` prints, replayed without the CLI framework."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer

import timeline.cli
from timeline.__main__ import main
from timeline.cli import app
from timeline.cli.help import help_text
from timeline.store.cache import SUFFIX, help_entry

COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("argv", [["--help"], ["-h"]] + [[name, "--help"] for name in COMMANDS])
def test_the_help_made_for_the_cache_is_what_help_prints(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The console script, not CliRunner, whose help is wrapped at another width.
    monkeypatch.setenv("COLUMNS", "80")
    env = {**os.environ, "TIMELINE_NO_CACHE": "1"}
    printed = subprocess.run(
        [sys.executable, "-m", "timeline", *argv],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert printed.returncode == 0
    assert help_text(argv) == printed.stdout


@pytest.mark.parametrize(
    "argv",
    [[], ["show", "kloop"], ["--data-dir", "x", "--help"], ["show", "kloop", "--help"]],
)
def test_only_help_requests_have_a_help_text(argv: list[str]) -> None:
    assert help_text(argv) is None


def test_help_entries_are_named_by_the_command_line(_cache_dir: Path) -> None:
    first, again, other = (help_entry(a) for a in (["--help"], ["--help"], ["show", "-h"]))
    assert first is not None and again is not None and other is not None
    assert first.path == again.path != other.path
    assert help_entry(["show", "kloop"]) is None
    assert help_entry(["--data-dir", "/tmp", "--help"]) is None  # parsed by the CLI
    assert help_entry(["show", "--data-dir", "d", "--help"]) is None


def test_no_help_entry_without_a_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    assert help_entry(["--help"]) is None


def _main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    monkeypatch.setattr(sys, "argv", ["timeline", *argv])
    try:
        main()
    finally:
        gc.enable()  # main() turns the collector off for the rest of the process
    return capsys.readouterr().out


def test_a_second_help_is_replayed_without_the_cli(
    _cache_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _main(monkeypatch, capsys, "validate", "--help")
    assert first.startswith("Usage: timeline validate")
    assert len(list(_cache_dir.glob(f"*{SUFFIX}"))) == 1

    def no_cli(**_: object) -> None:
        raise AssertionError("the CLI ran again")

    monkeypatch.setattr(timeline.cli, "run", no_cli)
    assert _main(monkeypatch, capsys, "validate", "--help") == first
