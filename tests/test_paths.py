"""Paths and files: ids are never paths, odd entries in a data folder are reported and
skipped, and what the tool writes is never left half-written.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import MINIMAL
from timeline.cli import app

runner = CliRunner()


def invoke(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture
def cases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder with one valid case, `test-case`."""
    monkeypatch.delenv("TIMELINE_DATA_DIR", raising=False)
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "test-case.yaml").write_text(MINIMAL, encoding="utf-8")
    return folder


# --- an id is never a path ------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["show", "../../etc/passwd"],
        ["show", "/etc/passwd"],
        ["show", "..\\..\\etc\\passwd"],
        ["show", ""],
        ["show", "test-case/../../x"],
        ["export", "../../etc/passwd", "-f", "json"],
        ["export", "/etc/passwd"],
        ["new", "../evil", "-j", "KG"],
        ["new", "/tmp/evil", "-j", "KG"],
        ["new", "evil/../../x", "-j", "KG"],
        ["show", "test-case", "--person", "../../etc/passwd"],
        ["show", "test-case", "--type", "/etc/passwd"],
        ["log", "test-case", "--event", "/etc/passwd"],
        ["diff", "/etc/passwd"],
    ],
)
def test_a_path_where_an_id_is_expected_is_refused(cases: Path, args: list[str]) -> None:
    result = invoke("--data-dir", str(cases), *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("timeline: error: ")
    assert "Traceback" not in result.stderr
    assert not (cases.parent / "evil.yaml").exists()
    assert sorted(p.name for p in cases.iterdir()) == ["test-case.yaml"]


def test_the_refusal_says_what_an_id_is(cases: Path) -> None:
    result = invoke("--data-dir", str(cases), "show", "../../etc/passwd")
    assert result.stderr == (
        "timeline: error: '../../etc/passwd' is neither a case id (lowercase letters, digits, "
        "hyphens) nor a path to a .yaml file\n"
    )


def test_a_data_dir_that_is_a_file_is_refused(cases: Path) -> None:
    result = invoke("--data-dir", str(cases / "test-case.yaml"), "list")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr and result.stdout == ""


# --- odd entries in a data folder -----------------------------------------------------------


def _unreadable(folder: Path) -> str | None:
    """An entry even root cannot read: a link to /proc/self/mem (reading it fails with EIO)."""
    if not Path("/proc/self/mem").exists():
        return None
    (folder / "unreadable.yaml").symlink_to("/proc/self/mem")
    return "unreadable.yaml"


@pytest.fixture
def odd(cases: Path) -> dict[str, str]:
    """Entries named *.yaml that are not readable case files, and what is said of each."""
    (cases / "loop.yaml").symlink_to("loop.yaml")
    (cases / "dangling.yaml").symlink_to("missing.yaml")
    os.mkfifo(cases / "pipe.yaml")
    (cases / "folder.yaml").mkdir()
    expected = {
        "loop.yaml": "Too many levels of symbolic links",
        "dangling.yaml": "No such file or directory",
        "pipe.yaml": "a pipe, a device or a folder",
    }
    name = _unreadable(cases)
    if name:
        expected[name] = "Input/output error"
    return expected


def test_list_reports_and_skips_odd_entries(cases: Path, odd: dict[str, str]) -> None:
    result = invoke("--data-dir", str(cases), "list", "--format", "plain")
    assert result.exit_code == 0
    assert result.stdout.startswith("test-case: A test case")
    for name in odd:
        assert f"timeline: skipped {cases / name}: " in result.stderr, (name, result.stderr)
    assert f"timeline: skipped {cases / 'folder.yaml'}: not a file" in result.stderr


def test_validate_reports_and_skips_odd_entries(cases: Path, odd: dict[str, str]) -> None:
    result = run_bounded("validate", "--format", "text", str(cases))
    assert result.returncode == 2  # unreadable files
    assert "Traceback" not in result.stderr
    outside = "a symbolic link to a file outside the folder being checked; not followed"
    for name, reason in odd.items():
        if name == "unreadable.yaml":  # a link out of the folder: refused before reading
            assert f"{name}:1:1: error[TL112] {outside}" in result.stdout
            continue
        assert f"{name}:1:1: error[TL112] cannot read the file: " in result.stdout, name
        assert reason in result.stdout
    assert "folder.yaml" not in result.stdout  # a folder is walked, not read
    assert result.stdout.endswith(f"{len(odd) + 1} files, {len(odd)} errors, 0 warnings\n")


def run_bounded(*args: str, timeout: int = 20) -> subprocess.CompletedProcess[str]:
    """In a subprocess, so that a read that blocks fails the test instead of hanging it."""
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_a_pipe_given_by_name_is_not_read(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    result = run_bounded("validate", str(pipe))
    assert result.returncode == 2
    assert "error[TL112] cannot read the file: it is a pipe" in result.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_reported(cases: Path) -> None:
    locked = cases / "locked.yaml"
    locked.write_text(MINIMAL, encoding="utf-8")
    locked.chmod(0)
    result = invoke("validate", str(cases))
    assert result.exit_code == 2
    assert "locked.yaml:1:1: error[TL112] cannot read the file: Permission denied" in result.stdout


def test_validate_of_a_folder_does_not_read_outside_it(cases: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOKEN=hunter2\n", encoding="utf-8")
    (cases / "leak.yaml").symlink_to(secret)
    result = invoke("validate", str(cases))
    assert "hunter2" not in result.stdout
    assert (
        "leak.yaml:1:1: error[TL112] a symbolic link to a file outside the folder" in result.stdout
    )
    assert result.exit_code == 2


# --- writes are atomic ----------------------------------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_export_replaces_the_file_only_when_the_export_succeeded(
    cases: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline.exporters import EXPORTERS

    target = tmp_path / "out.csv"
    target.write_text("the previous export\n", encoding="utf-8")

    def broken(*args: object) -> None:
        raise RuntimeError("the exporter failed half-way")

    monkeypatch.setitem(EXPORTERS, "csv", broken)
    result = runner.invoke(app, ["--data-dir", str(cases), "export", "test-case", "-f", "csv",
                                 "-o", str(target)])  # fmt: skip
    assert isinstance(result.exception, RuntimeError)
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert _leftovers(tmp_path) == []


class _Interrupted(BaseException):
    """Stands for a Ctrl-C or a signal arriving in the middle of a write."""


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_an_interrupted_export_leaves_the_old_file_and_no_temporary_file(
    cases: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    target = tmp_path / "out.md"
    target.write_text("the previous export\n", encoding="utf-8")
    _interrupt(monkeypatch, step)
    with pytest.raises(_Interrupted):
        runner.invoke(
            app,
            ["--data-dir", str(cases), "export", "test-case", "-o", str(target)],
            catch_exceptions=False,
        )
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert _leftovers(tmp_path) == []


def _interrupt(monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    """Make `write_atomic` stop at `step`; for "write", after half the bytes are on disk."""
    if step == "write":
        real_fdopen = os.fdopen

        def half_then_stop(fd: int, mode: str) -> Any:
            handle = real_fdopen(fd, mode)

            class Half:
                def __enter__(self) -> Half:
                    return self

                def __exit__(self, *exc: object) -> None:
                    handle.close()

                def write(self, data: bytes) -> None:
                    handle.write(data[: len(data) // 2])
                    handle.flush()
                    raise _Interrupted

            return Half()

        monkeypatch.setattr(os, "fdopen", half_then_stop)
        return

    def stop(*args: object) -> None:
        raise _Interrupted

    monkeypatch.setattr(os, step, stop)


def test_export_into_a_missing_folder_is_a_clear_error(cases: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.md"
    result = invoke("--data-dir", str(cases), "export", "test-case", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"timeline: error: cannot write {target}")
    assert not target.parent.exists()


@pytest.mark.parametrize("step", ["write", "fsync", "link"])
def test_an_interrupted_new_writes_nothing(
    cases: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    _interrupt(monkeypatch, step)
    with pytest.raises(_Interrupted):
        runner.invoke(
            app,
            ["--data-dir", str(cases), "new", "fresh-case", "-j", "KG"],
            catch_exceptions=False,
        )
    assert sorted(p.name for p in cases.iterdir()) == ["test-case.yaml"]


def test_new_never_replaces_a_file(cases: Path) -> None:
    before = (cases / "test-case.yaml").read_bytes()
    result = invoke("--data-dir", str(cases), "new", "test-case", "-j", "KG")
    assert result.exit_code == 2
    assert "already exists; it was left untouched" in result.stderr
    assert (cases / "test-case.yaml").read_bytes() == before
    assert _leftovers(cases) == []


# --- git revisions are never options --------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["diff", "test-case@--output=PWNED", "test-case"],
        ["diff", "test-case@-p", "test-case"],
        ["diff", "data/cases/test-case.yaml@--upload-pack=touch PWNED"],
    ],
)
def test_a_revision_cannot_become_a_git_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    from test_diff_support import GitRepo

    monkeypatch.delenv("TIMELINE_DATA_DIR", raising=False)
    repo = GitRepo(tmp_path / "repo")
    repo.commit("Add the case", {"data/cases/test-case.yaml": MINIMAL})
    monkeypatch.chdir(repo.root)
    result = invoke(*[arg.replace("PWNED", str(tmp_path / "pwned")) for arg in args])
    assert result.exit_code == 2
    assert "unknown revision" in result.stderr
    assert not (tmp_path / "pwned").exists()
