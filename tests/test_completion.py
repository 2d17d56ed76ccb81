"""Shell completion answered before typer is imported: the same words as typer's own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.cli import run
from timeline.cli.completion import table
from timeline.store import completion
from timeline.store.completion import answer
from timeline.store.completion_table import TABLE
from timeline.store.repository import case_ids, data_dir

REPO = Path(__file__).resolve().parents[1]

# Command lines as typed, up to the cursor (the last word is the one being completed).
LINES = [
    "timeline ",
    "timeline s",
    "timeline x",
    "timeline -",
    "timeline --",
    "timeline --d",
    "timeline show ",
    "timeline show k",
    "timeline show kloop-",
    "timeline show nothing",
    "timeline show -",
    "timeline show --",
    "timeline show --f",
    "timeline show kloop ",
    "timeline show kloop -",
    "timeline show kloop --type ",
    "timeline show kloop --format ",
    "timeline show kloop --format r",
    "timeline show kloop --format rich --",
    "timeline show kloop -f json -",
    "timeline show kloop --no-cache --",
    "timeline show -h ",
    "timeline export ",
    "timeline export kloop --format ",
    "timeline export kloop --format M",
    "timeline export kloop --format markdown -",
    "timeline export --all -",
    "timeline validate ",
    "timeline validate data/",
    "timeline validate a.yaml b.yaml -",
    "timeline diff ",
    "timeline diff kloop ",
    "timeline log k",
    "timeline list -",
    "timeline schema --",
    "timeline new ",
    "timeline init ",
    "timeline person ",
    "timeline search --",
    "timeline list ",
    "timeline show 'kl",
    'timeline show "kloop',
    "timeline show kloop extra ",
]
# What the table leaves to typer: `=`, `--`, global options, unknown options.
LEFT_TO_TYPER = [
    "timeline show kloop --format=",
    "timeline show --format=j",
    "timeline --data-dir data/cases show ",
    "timeline show kloop --data-dir data/cases ",
    "timeline show -- ",
    "timeline show kloop --nope ",
]
LINES += LEFT_TO_TYPER


def _environ(shell: str, line: str) -> dict[str, str]:
    if shell == "zsh":
        return {"_TIMELINE_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line}
    words = line.split(" ")
    return {
        "_TIMELINE_COMPLETE": "complete_bash",
        "COMP_WORDS": line,
        "COMP_CWORD": str(len(words) - 1),
    }


def _typer_says(environ: dict[str, str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    with pytest.MonkeyPatch.context() as patch:
        for name, value in environ.items():
            patch.setenv(name, value)
        patch.setattr(sys, "argv", ["timeline"])
        with pytest.raises(SystemExit):
            run()
    return capsys.readouterr().out


@pytest.fixture(autouse=True)
def _terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("TIMELINE_DATA_DIR", raising=False)
    monkeypatch.delenv("TERMINAL_WIDTH", raising=False)
    monkeypatch.setenv("TERM", "xterm")


def test_the_table_is_the_applications() -> None:
    assert table() == TABLE


@pytest.mark.parametrize("shell", ["bash", "zsh"])
@pytest.mark.parametrize("line", LINES)
def test_the_fast_path_says_what_typer_says(
    shell: str, line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    environ = _environ(shell, line)
    fast = answer({**os.environ, **environ})
    if line in LEFT_TO_TYPER:
        assert fast is None
    else:
        assert fast is not None
        assert fast == _typer_says(environ, capsys)


def test_a_help_wider_than_the_terminal_is_left_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    environ = {**os.environ, **_environ("zsh", "timeline --")}
    assert answer(environ) is not None
    environ["COLUMNS"] = "40"  # typer would wrap the help of --data-dir
    assert answer(environ) is None
    assert answer({**environ, **_environ("bash", "timeline --")}) is not None


def test_case_ids_are_the_data_directorys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("b.yaml", "a.yml", "notes.txt", ".yaml"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "folder.yaml").mkdir()
    for folder in (None, tmp_path):  # the repository's data/cases, then the environment's
        if folder is not None:
            monkeypatch.setenv("TIMELINE_DATA_DIR", str(folder))
        assert completion.case_ids() == list(case_ids(data_dir()))
    assert completion.case_ids() == ["a", "b"]
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(tmp_path / "missing"))
    assert completion.case_ids() == []
    monkeypatch.chdir(tmp_path)  # no data/cases here: the bundled cases
    monkeypatch.delenv("TIMELINE_DATA_DIR")
    assert completion.case_ids() == list(case_ids(data_dir()))
    assert "kloop" in completion.case_ids()


WORDS = st.sampled_from(
    [
        "show", "export", "validate", "diff", "list", "kloop", "k", "-", "--", "-f", "--format",
        "--type", "json", "rich", "--all", "--no-cache", "-h", "--data-dir", "=", "--format=",
        "'", '"', "x y", "é", "",
    ]
)  # fmt: skip


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=st.lists(WORDS, max_size=5), shell=st.sampled_from(["bash", "zsh"]))
def test_any_command_line_gets_typers_answer_or_none(
    words: list[str], shell: str, capsys: pytest.CaptureFixture[str]
) -> None:
    line = " ".join(["timeline", *words])
    environ = _environ(shell, line)
    fast = answer({**os.environ, **environ})
    if fast is not None:
        assert fast == _typer_says(environ, capsys)


@pytest.mark.parametrize(
    "environ",
    [
        {"COMP_WORDS": "timeline show ", "COMP_CWORD": "many"},
        {"COMP_CWORD": "1"},
        {"COMP_WORDS": "timeline show", "COMP_CWORD": "-3"},
    ],
)
def test_a_malformed_request_is_no_traceback_of_the_fast_path(environ: dict[str, str]) -> None:
    assert answer({"_TIMELINE_COMPLETE": "complete_bash", **environ}) in (None, "\n")


def test_the_console_script_answers_without_typer() -> None:
    environ = {**os.environ, **_environ("bash", "timeline show k"), "TIMELINE_DATA_DIR": ""}
    code = "import sys, runpy; runpy.run_module('timeline', run_name='__main__'); "
    code += "sys.stderr.write(str('typer' in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code],
        check=False,
        capture_output=True,
        text=True,
        env=environ,
        cwd=REPO,
    )
    assert done.returncode == 0
    assert done.stdout == "kloop\nkloop-extremism\nkloop-liquidation\n"
    assert done.stderr == "False"


def test_source_and_other_shells_are_left_to_typer() -> None:
    for instruction in ("source_bash", "complete_fish", "complete_powershell", ""):
        assert answer({"_TIMELINE_COMPLETE": instruction}) is None
