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


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_plain_metavars(command):
    """`CASE`, `[PATH]...`: never `{case}`, `{CASE}` or an internal type like `<list[Path]>`."""
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    for internal in ("{", "<list", "<str>", "<Path>", "<path>", "<dir>", "<case>"):
        assert internal not in result.stdout, (command, internal, result.stdout)
    usage = result.stdout.splitlines()[0]
    assert usage.startswith(f"Usage: timeline {command} [OPTIONS]")
    assert "case" not in usage.split("[OPTIONS]")[1]  # one spelling: CASE


def test_usage_lines() -> None:
    def usage(*args: str) -> str:
        return CliRunner().invoke(app, [*args, "--help"]).stdout.splitlines()[0]

    assert usage("show") == "Usage: timeline show [OPTIONS] CASE"
    assert usage("export") == "Usage: timeline export [OPTIONS] [CASE]"  # or --all
    assert usage("person") == "Usage: timeline person [OPTIONS] P"
    assert usage("search") == "Usage: timeline search [OPTIONS] TEXT..."
    assert usage("diff") == "Usage: timeline diff [OPTIONS] OLD [NEW]"
    assert usage("validate") == "Usage: timeline validate [OPTIONS] [PATH]..."


def test_a_bad_choice_is_reported_without_pydantic_words() -> None:
    result = CliRunner().invoke(app, ["export", "kloop", "--format", "pdf"])
    assert result.exit_code == 2
    assert "Value error" not in result.stderr
    assert "'pdf' is not one of 'markdown'" in result.stderr


def test_shell_completion_is_offered() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert "--install-completion" in result.stdout
    assert "--show-completion" in result.stdout


def test_case_ids_complete(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for stem in ("kloop", "kloop-appeal", "other"):
        (tmp_path / f"{stem}.yaml").write_text("format: 1\n", encoding="utf-8")
    env = {
        "_TIMELINE_COMPLETE": "complete_bash",
        "COMP_WORDS": "timeline show klo",
        "COMP_CWORD": "2",
        "TIMELINE_DATA_DIR": str(tmp_path),
    }
    result = CliRunner().invoke(app, [], env=env, prog_name="timeline")
    assert result.stdout.split() == ["kloop", "kloop-appeal"]


def test_readme_says_which_python_is_needed() -> None:
    import tomllib

    needed = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "requires-python"
    ]
    assert needed == ">=3.11"
    assert "Python 3.11 or\nnewer" in README.split("## Commands")[0]


def test_the_pre_commit_snippet_is_pinned_to_a_commit_that_exists() -> None:
    """The `rev:` of the README's pre-commit snippet is a commit of this repository that has
    the hook (`.pre-commit-hooks.yaml`)."""
    import re
    import subprocess

    (rev,) = re.findall(r"^\s+rev: (\S+)$", README, flags=re.MULTILINE)
    assert re.fullmatch(r"[0-9a-f]{40}", rev)
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout: the commit cannot be looked up")
    shown = subprocess.run(
        ["git", "show", f"{rev}:.pre-commit-hooks.yaml"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert shown.returncode == 0, shown.stderr
    assert "id: timeline-validate" in shown.stdout
