"""The docs cannot drift from the CLI: every command has examples and is in the README."""

from __future__ import annotations

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from conftest import REPO
from timeline.cli import app
from timeline.cli.app import COMMAND_ORDER

COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_the_documented_order_covers_every_command():
    assert sorted(COMMAND_ORDER) == COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_an_example(command):
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert "Example" in result.stdout, result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_documents_the_command(command):
    assert f"timeline {command}" in README


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_mentions_every_long_option(command):
    group = get_command(app)
    options = [
        opt
        for param in group.commands[command].params  # type: ignore[attr-defined]
        for opt in param.opts
        if opt.startswith("--") and opt != "--help"
    ]
    docs = README + "".join(p.read_text(encoding="utf-8") for p in (REPO / "docs").glob("*.md"))
    missing = [opt for opt in options if opt not in docs]
    assert not missing, f"{command}: {missing} not in README.md or docs/"
