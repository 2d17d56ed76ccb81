"""The cache of `timeline show`: a replay is the same output; anything that changes it misses."""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from typer.testing import CliRunner

import timeline.store.cache
import timeline.store.repository
from conftest import DATA
from test_bad_corpus import run_timeline
from timeline.__main__ import main
from timeline.cli import app
from timeline.store.cache import SUFFIX, _show_command, cache_dir, prune, show_entry

TINY = Path(__file__).parent / "fixtures" / "show" / "tiny.yaml"


class Run(NamedTuple):
    code: int
    stdout: str
    stderr: str


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    shutil.copy(TINY, folder / "tiny.yaml")
    return folder


@pytest.fixture
def run(
    data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[object]:
    """`run(*args)`: the console script in this process, `--data-dir` given first."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)

    def command(*args: str) -> Run:
        monkeypatch.setattr(sys, "argv", ["timeline", "--data-dir", str(data), *args])
        code = 0
        try:
            main()
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        finally:
            gc.enable()  # main() turns the collector off for the rest of the process
        out, err = capsys.readouterr()
        return Run(code, out, err)

    yield command


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []


def test_a_second_show_is_replayed_without_validating(
    run, _cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run("show", "tiny")
    assert first.code == 0, first.stderr
    assert "Ann and N.O. detained" in first.stdout
    assert len(entries(_cache_dir)) == 1

    def no_validation(*args: object) -> None:
        raise AssertionError("validated again")

    monkeypatch.setattr(timeline.store.repository, "load_case", no_validation)
    assert run("show", "tiny") == first


def test_an_edited_file_is_shown_afresh(run, data: Path, _cache_dir: Path) -> None:
    assert "Ann and N.O. detained" in run("show", "tiny").stdout
    path = data / "tiny.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Ann and N.O. detained", "Ann and N.O. arrested"), "utf-8")
    again = run("show", "tiny")
    assert "Ann and N.O. arrested" in again.stdout
    assert "Ann and N.O. detained" not in again.stdout
    assert len(entries(_cache_dir)) == 2


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--key"], {}),
        (["--sources"], {}),
        (["--from", "2025-05-30"], {}),
        (["--format", "rich"], {}),
        (["--format", "rich"], {"NO_COLOR": "1"}),
        ([], {"COLUMNS": "50"}),
    ],
)
def test_each_option_and_terminal_has_its_own_entry(
    run,
    _cache_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    env: dict[str, str],
) -> None:
    base = run("show", "tiny")

    def varied() -> Run:
        with monkeypatch.context() as patch:
            for name, value in env.items():
                patch.setenv(name, value)
            return run("show", "tiny", *args)

    first = varied()
    assert first.code == 0, first.stderr
    assert first.stdout != base.stdout
    assert len(entries(_cache_dir)) == 2
    assert varied() == first
    assert run("show", "tiny") == base
    assert len(entries(_cache_dir)) == 2


def test_styled_output_is_replayed_with_its_escapes(run, _cache_dir: Path) -> None:
    first = run("show", "tiny", "--format", "rich")
    assert "\x1b[" in first.stdout
    assert run("show", "tiny", "--format", "rich") == first
    assert len(entries(_cache_dir)) == 1


def test_the_same_case_id_in_another_folder_is_another_entry(
    run, data: Path, tmp_path: Path, _cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("show", "tiny")
    other = tmp_path / "other"
    other.mkdir()
    text = TINY.read_text(encoding="utf-8")
    (other / "tiny.yaml").write_text(text.replace("Ann and N.O. detained", "Elsewhere"), "utf-8")
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(other))
    monkeypatch.setattr(sys, "argv", ["timeline", "show", "tiny"])
    try:
        with pytest.raises(SystemExit, match="0"):
            main()
    finally:
        gc.enable()
    assert len(entries(_cache_dir)) == 2
    here, there = (
        show_entry(["show", "tiny"]),
        show_entry(["--data-dir", str(data), "show", "tiny"]),
    )
    assert here is not None and there is not None
    assert here.path != there.path


def test_a_case_that_does_not_validate_is_never_cached(run, data: Path, _cache_dir: Path) -> None:
    path = data / "tiny.yaml"
    path.write_text(path.read_text("utf-8").replace("type: search", "type: serach"), "utf-8")
    for _ in range(2):
        result = run("show", "tiny")
        assert result.code == 1
        assert "serach" in result.stderr
    assert entries(_cache_dir) == []


@pytest.mark.parametrize(
    "args",
    [
        ["show", "tiny", "--from", "May 2025"],  # not a date: a usage error
        ["show", "tiny", "--person", "nobody"],
        ["show", "tiny", "--help"],
        ["show", "tiny", "--no-such-option"],
        ["show", "tiny", "another"],
    ],
)
def test_only_a_chronology_that_was_shown_is_cached(run, _cache_dir: Path, args: list[str]) -> None:
    first = run(*args)
    assert run(*args) == first
    assert entries(_cache_dir) == []


def test_an_unknown_case_is_reported_by_the_command(run, _cache_dir: Path) -> None:
    result = run("show", "tinny")
    assert result.code == 2
    assert "did you mean 'tiny'?" in result.stderr
    assert entries(_cache_dir) == []


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--no-cache"], {}),
        ([], {"TIMELINE_NO_CACHE": "1"}),
        ([], {"TIMELINE_CACHE_DIR": ""}),
    ],
)
def test_the_cache_can_be_turned_off(
    run,
    _cache_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    env: dict[str, str],
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    first = run("show", "tiny", *args)
    assert first.code == 0, first.stderr
    assert "Ann and N.O. detained" in first.stdout
    assert run("show", "tiny", *args) == first
    assert entries(_cache_dir) == []


def test_the_library_interface_writes_no_cache(data: Path, _cache_dir: Path) -> None:
    result = CliRunner().invoke(app, ["--data-dir", str(data), "show", "tiny"])
    assert result.exit_code == 0, result.stderr
    assert entries(_cache_dir) == []


def test_a_cache_folder_that_cannot_be_made_is_passed_over(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(blocker / "cache"))
    for _ in range(2):
        result = run("show", "tiny")
        assert (result.code, result.stderr) == (0, "")
        assert "Ann and N.O. detained" in result.stdout


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # cut short
        lambda raw: raw.replace(b"Ann", b"Bob"),  # altered
        lambda raw: b"",  # empty
        lambda raw: raw.split(b"\n", 1)[1],  # no header
        lambda raw: raw + b"\xff",  # not UTF-8
    ],
)
def test_an_entry_that_is_not_intact_is_a_miss(run, _cache_dir: Path, damage) -> None:  # type: ignore[no-untyped-def]
    expected = run("show", "tiny")
    [entry] = entries(_cache_dir)
    intact = entry.read_bytes()
    entry.write_bytes(damage(intact))
    assert run("show", "tiny") == expected
    assert entry.read_bytes() == intact  # written anew


def test_the_day_and_the_code_are_part_of_the_key(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = ["--data-dir", str(data), "show", "tiny"]
    today = show_entry(argv)

    monkeypatch.setattr(timeline.store.cache, "_today", lambda: "2099-01-01")
    tomorrow = show_entry(argv)
    monkeypatch.undo()
    monkeypatch.setattr(timeline.store.cache, "code_fingerprint", lambda: "another release")
    other_code = show_entry(argv)
    paths = {e.path for e in (today, tomorrow, other_code) if e is not None}
    assert len(paths) == 3


def test_the_terminal_is_part_of_the_key(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    argv = ["--data-dir", str(data), "show", "tiny"]
    seen = set()
    for term in ("xterm", "xterm-256color", "dumb"):
        monkeypatch.setenv("TERM", term)
        entry = show_entry(argv)
        assert entry is not None
        seen.add(entry.path)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    on_a_terminal = show_entry(argv)
    assert on_a_terminal is not None
    assert on_a_terminal.path not in seen
    assert len(seen) == 3


def test_an_edit_to_the_code_changes_the_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "timeline"
    package.mkdir()
    module = package / "cache.py"
    module.write_text("# a module\n", encoding="utf-8")
    monkeypatch.setattr(timeline.store.cache, "__file__", str(module))
    timeline.store.cache.code_fingerprint.cache_clear()
    try:
        before = timeline.store.cache.code_fingerprint()
        (package / "views.py").write_text("# another\n", encoding="utf-8")
        timeline.store.cache.code_fingerprint.cache_clear()
        assert timeline.store.cache.code_fingerprint() != before
    finally:
        timeline.store.cache.code_fingerprint.cache_clear()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["show", "kloop"], (None, "kloop")),
        (["show", "kloop", "--key", "-f", "plain"], (None, "kloop")),
        (["show", "data/cases/kloop.yaml"], (None, "data/cases/kloop.yaml")),
        (["--data-dir", "cases", "show", "kloop"], ("cases", "kloop")),
        (["--data-dir=cases", "show", "kloop", "--sources"], ("cases", "kloop")),
        (["show", "kloop", "--data-dir", "cases"], ("cases", "kloop")),  # as the CLI reads it
        (["show", "kloop", "--data-dir=cases", "--key"], ("cases", "kloop")),
        (["show", "kloop", "--no-cache"], None),
        (["show", "--key", "kloop"], None),  # left to the CLI
        (["show"], None),
        (["export", "kloop"], None),
        (["--data-dir"], None),
        ([], None),
    ],
)
def test_which_command_lines_are_cached(argv: list[str], expected: object) -> None:
    assert _show_command(argv) == expected


def test_the_least_recently_used_entries_and_abandoned_writes_are_pruned(tmp_path: Path) -> None:
    def name(n: int) -> str:
        return f"{n:064x}{SUFFIX}"

    for age in range(5):
        entry = tmp_path / name(age)
        entry.write_text(str(age), encoding="utf-8")
        os.utime(entry, ns=(0, (100 - age) * 10**9))  # 0 is the newest
    (tmp_path / "notes.txt").write_text("not an entry", encoding="utf-8")
    abandoned = tmp_path / f".{name(0)}.abc123.tmp"
    abandoned.write_text("half", encoding="utf-8")
    os.utime(abandoned, ns=(0, 0))
    in_progress = tmp_path / f".{name(1)}.def456.tmp"
    in_progress.write_text("being written", encoding="utf-8")
    prune(tmp_path, keep=3)
    assert [p.name for p in entries(tmp_path)] == [name(n) for n in range(3)]
    assert (tmp_path / "notes.txt").exists()
    assert not abandoned.exists()
    assert in_progress.exists()


def test_pruning_never_removes_files_the_cache_did_not_make(tmp_path: Path) -> None:
    # $TIMELINE_CACHE_DIR may name a folder of the user's own files.
    theirs = [f"report-{n}{SUFFIX}" for n in range(300)] + ["build.tmp", ".draft.out.x.tmp"]
    for name in theirs:
        (tmp_path / name).write_text("mine", encoding="utf-8")
        os.utime(tmp_path / name, ns=(0, 0))  # old
    prune(tmp_path, keep=0)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(theirs)


def test_a_replay_marks_the_entry_recently_used(run, _cache_dir: Path) -> None:
    run("show", "tiny")
    [entry] = entries(_cache_dir)
    os.utime(entry, ns=(0, 0))
    run("show", "tiny")
    assert entry.stat().st_mtime_ns > 0


def test_where_the_cache_lives(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("TIMELINE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "timeline"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "timeline"
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    monkeypatch.setenv("TIMELINE_NO_CACHE", "0")
    assert cache_dir() == tmp_path / "mine"
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    assert cache_dir() is None


def _console_script(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys\n"
        f"sys.argv = ['timeline', *{list(args)!r}]\n"
        "from timeline.__main__ import main\n"
        "try:\n    main()\nfinally:\n"
        "    heavy = sorted(m for m in ('typer', 'pydantic', 'yaml', 'rich') if m in sys.modules)\n"
        "    print('loaded:', *heavy, file=sys.stderr)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )


def test_a_replay_is_answered_before_the_cli_is_imported(data: Path) -> None:
    env = {**os.environ, "TIMELINE_DATA_DIR": str(data), "COLUMNS": "80"}
    env.pop("NO_COLOR", None)
    first = _console_script("show", "tiny", "--sources", env=env)
    assert first.returncode == 0, first.stderr
    assert "typer" in first.stderr  # a miss: validated and rendered by the command
    second = _console_script("show", "tiny", "--sources", env=env)
    assert (second.returncode, second.stdout) == (0, first.stdout)
    assert second.stderr.split() == ["loaded:"]  # a replay imports none of them


def test_a_reader_that_stops_early_ends_a_replay_quietly(data: Path, _cache_dir: Path) -> None:
    env = {**os.environ, "TIMELINE_DATA_DIR": str(data)}
    command = [sys.executable, "-m", "timeline", "show", "tiny"]
    subprocess.run(command, env=env, capture_output=True, check=True)
    assert len(entries(_cache_dir)) == 1
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # the reader is gone before anything is written
    code = child.wait()
    with child.stderr:
        assert (code, child.stderr.read()) == (1, b"")  # as a command that is not replayed


def test_a_file_edited_while_it_is_shown_is_not_cached(
    run, data: Path, _cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = data / "tiny.yaml"
    load = timeline.store.repository.load_case

    def load_then_edit(*args: object) -> object:
        case = load(*args)  # type: ignore[arg-type]
        path.write_text(path.read_text("utf-8") + "# edited\n", encoding="utf-8")
        return case

    monkeypatch.setattr(timeline.store.repository, "load_case", load_then_edit)
    assert run("show", "tiny").code == 0
    assert entries(_cache_dir) == []


def test_a_file_over_the_size_limit_has_no_entry(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = ["--data-dir", str(data), "show", "tiny"]
    assert show_entry(argv) is not None
    monkeypatch.setattr(timeline.store.cache, "MAX_FILE_BYTES", 100)
    assert show_entry(argv) is None


def test_a_related_case_removed_from_the_folder_is_noticed(
    run, data: Path, _cache_dir: Path
) -> None:
    for path in DATA.glob("*.yaml"):  # kloop.yaml and the cases it relates to
        shutil.copy(path, data / path.name)
    shutil.copytree(DATA.parent / "registry", data.parent / "registry")  # what they share
    assert run("show", "kloop").code == 0
    (data / "kloop-extremism.yaml").unlink()
    # A missing related case is a warning: the case still shows, and validate says so.
    assert run("show", "kloop").code == 0
    checked = run("validate", str(data / "kloop.yaml"))
    assert checked.code == 0
    assert "TL304" in checked.stdout + checked.stderr  # `related: [kloop-extremism]`


def test_an_edited_registry_is_noticed(run, data: Path, _cache_dir: Path) -> None:
    for path in DATA.glob("kloop*.yaml"):
        shutil.copy(path, data / path.name)
    shutil.copytree(DATA.parent / "registry", data.parent / "registry")
    first = run("show", "kloop-liquidation", "--format", "plain")
    assert first.code == 0, first.stderr
    assert len(entries(_cache_dir)) == 1  # in its registry: shown, and cached
    organizations = data.parent / "registry" / "organizations.yaml"
    text = organizations.read_text(encoding="utf-8")
    organizations.write_text(text.replace("name: Bishkek City Court", "name: City Court"), "utf-8")
    again = run("show", "kloop-liquidation", "--format", "plain")
    assert "Who: City Court (court)" in again.stdout
    assert "Who: Bishkek City Court (court)" in first.stdout


def test_a_file_away_from_its_registry_warns_every_time(run, data: Path, _cache_dir: Path) -> None:
    text = (DATA / "kloop-liquidation.yaml").read_text(encoding="utf-8")
    (data / "kloop-liquidation.yaml").write_text(text, encoding="utf-8")
    for _ in range(2):
        shown = run("show", "kloop-liquidation", "--format", "plain")
        assert shown.code == 0 and "warning[TL307]" in shown.stderr
    assert entries(_cache_dir) == []


# --- hostile entries --------------------------------------------------------------------------


def _stored_entry(data: Path) -> tuple[Path, str]:
    """Run `show` once in a subprocess; the entry it stored, and what it printed."""
    first = run_timeline("--data-dir", str(data), "show", "tiny")
    assert first.returncode == 0, first.stderr
    folder = cache_dir()
    assert folder is not None
    (entry,) = entries(folder)
    return entry, first.stdout


def test_a_pipe_at_an_entry_does_not_hang_show(data: Path) -> None:
    entry, printed = _stored_entry(data)
    entry.unlink()
    os.mkfifo(entry)
    again = run_timeline("--data-dir", str(data), "show", "tiny")  # the timeout guards a hang
    assert again.returncode == 0 and again.stdout == printed, again.stderr


def test_a_link_to_an_endless_device_is_not_read(data: Path) -> None:
    entry, printed = _stored_entry(data)
    entry.unlink()
    entry.symlink_to("/dev/zero")
    again = run_timeline("--data-dir", str(data), "show", "tiny")
    assert again.returncode == 0 and again.stdout == printed, again.stderr[-2000:]


def test_a_crafted_entry_replays_no_terminal_escape(data: Path) -> None:
    entry, _ = _stored_entry(data)
    body = "\x1b[1mbold\x1b[0m \x1b]0;owned\x07 \x1b[2J \u202eevil\n".encode()
    digest = hashlib.sha256(body).hexdigest().encode()
    entry.write_bytes(b"timeline-cache 1 " + digest + b"\n" + body)
    again = run_timeline("--data-dir", str(data), "show", "tiny")
    assert again.returncode == 0, again.stderr
    assert "\x1b[1mbold\x1b[0m" in again.stdout  # colours are what a rendering holds
    assert "\x07" not in again.stdout and "\u202e" not in again.stdout
    assert "\x1b]" not in again.stdout and "\x1b[2J" not in again.stdout
    assert "\\x1b]0;owned\\x07" in again.stdout
