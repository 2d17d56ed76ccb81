"""Global options (`--data-dir`, `--version`) are accepted after the command too."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from conftest import MINIMAL
from timeline import __version__
from timeline.cli import app
from timeline.store.repository import global_options_first

runner = CliRunner()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["new", "x", "-j", "KG", "--data-dir", "d"], ["--data-dir", "d", "new", "x", "-j", "KG"]),
        (["show", "x", "--data-dir=d"], ["--data-dir=d", "show", "x"]),
        (
            ["--data-dir", "a", "list", "--data-dir", "b"],
            ["--data-dir", "b", "--data-dir", "a", "list"],
        ),
        (["list", "--version"], ["--version", "list"]),
        (["new", "--", "--data-dir", "d"], ["new", "--", "--data-dir", "d"]),
        (["show", "kloop"], ["show", "kloop"]),
        (["--data-dir"], ["--data-dir"]),
        ([], []),
    ],
)
def test_global_options_move_before_the_command(argv: list[str], expected: list[str]) -> None:
    assert global_options_first(argv) == expected


def test_new_with_data_dir_after_the_command(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["new", "my-case", "-j", "KG", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "my-case.yaml").is_file()


def test_validate_and_show_with_data_dir_after_the_command(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "test-case.yaml").write_text(MINIMAL, encoding="utf-8")
    checked = runner.invoke(app, ["validate", "--format", "text", f"--data-dir={tmp_path}"])
    assert checked.exit_code == 0, checked.output
    assert checked.stdout == f"1 file in {tmp_path}, 0 errors, 0 warnings\n"
    shown = runner.invoke(app, ["show", "test-case", "--no-cache", "--data-dir", str(tmp_path)])
    assert shown.exit_code == 0, shown.output
    assert "A test case" in shown.stdout


def test_version_after_the_command() -> None:
    result = runner.invoke(app, ["list", "--version"])
    assert result.exit_code == 0
    assert result.stdout == f"timeline {__version__}\n"
