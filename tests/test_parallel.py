"""`validate --jobs N`: the same report, byte for byte and in the same order, from
one process or several; `diff`, whose old version is parsed in a second process when
both are large, and the commands across cases, whose files the other cores read ahead:
the same output and the same errors as from one (how fast any is, is bench/run.py's
business)."""

from __future__ import annotations

import os
import signal
import time
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import DATA, MINIMAL, TODAY
from test_diff_support import NEW, OLD, GitRepo
from timeline.cli import app
from timeline.load import parallel
from timeline.load.loader import Document, read_document
from timeline.load.validation import validate_paths
from timeline.store.collection import each_report

runner = CliRunner()


def spy_on(monkeypatch: pytest.MonkeyPatch, starter: str, cores: int | None = None) -> list[Any]:
    """What `parallel.<starter>` (what starts processes) is called with; every run is
    large enough for workers, and with `cores`, that many cores are free."""
    calls: list[Any] = []
    original = getattr(parallel, starter)

    def spy(argument: Any, *rest: Any) -> Any:
        calls.append(argument)
        return original(argument, *rest)

    monkeypatch.setattr(parallel, starter, spy)
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    if cores is not None:
        monkeypatch.setattr(parallel, "default_jobs", lambda: cores)
    return calls


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The worker counts of the pools `validate` started."""
    return spy_on(monkeypatch, "_pool")


def _corpus(folder: Path) -> Path:
    """Valid and broken cases, named so that their order is not the order they finish in."""
    cases = folder / "cases"
    cases.mkdir()
    registry = folder / "registry"  # read by each worker for the cases beside it
    registry.mkdir()
    for path in (DATA.parent / "registry").glob("*.yaml"):
        (registry / path.name).write_bytes(path.read_bytes())
    for path in DATA.glob("*.yaml"):
        (cases / path.name).write_bytes(path.read_bytes())
    broken = {
        "a-typo": MINIMAL.replace("title: A test case", "titel: A test case"),
        "b-reference": MINIMAL.replace("{ref: ann,", "{ref: anne,"),
        "c-syntax": MINIMAL + "summary: [unclosed\n",
        "d-date": MINIMAL.replace('"2025-05-28"', "2025-05-28"),
        "e-alias": MINIMAL + "summary: &x text\ntags: [*x]\n",
        "f-ok": MINIMAL,
    }
    for stem, text in broken.items():
        (cases / f"{stem}.yaml").write_text(text.replace("id: test-case", f"id: {stem}", 1))
    large = (DATA / "kloop.yaml").read_text(encoding="utf-8")
    (cases / "0-large.yaml").write_text(large.replace("id: kloop", "id: 0-large", 1))
    return cases


@pytest.mark.parametrize("format", ["text", "json", "github"])
def test_the_report_is_the_same_from_several_processes(
    tmp_path: Path, pools: list[int], format: str
) -> None:
    cases = _corpus(tmp_path)
    one = runner.invoke(app, ["validate", "--jobs", "1", "--format", format, str(cases)])
    two = runner.invoke(app, ["validate", "--jobs", "2", "--format", format, str(cases)])
    assert pools == [2]
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    assert "a-typo.yaml" in one.stdout and "e-alias.yaml" in one.stdout


def test_the_reports_come_in_the_order_of_the_files(tmp_path: Path, pools: list[int]) -> None:
    cases = _corpus(tmp_path)
    serial = list(validate_paths([cases], today=TODAY))
    several = list(parallel.validate_in_parallel([cases], jobs=3, today=TODAY))
    assert pools == [3]
    assert [r.file for r in several] == [r.file for r in serial] == sorted(r.file for r in serial)
    assert [r.diagnostics for r in several] == [r.diagnostics for r in serial]
    assert all(r.case is None for r in several)  # the models stay in the workers


def test_a_refused_link_keeps_its_place(tmp_path: Path, pools: list[int]) -> None:
    cases = _corpus(tmp_path)
    outside = tmp_path / "outside.yaml"
    outside.write_text(MINIMAL)
    (cases / "c-link.yaml").symlink_to(outside)
    serial = [(r.file, r.diagnostics) for r in validate_paths([cases], today=TODAY)]
    several = parallel.validate_in_parallel([cases], jobs=2, today=TODAY)
    assert [(r.file, r.diagnostics) for r in several] == serial
    assert any(d.code == "TL112" for _, diagnostics in serial for d in diagnostics)


def test_workers_that_cannot_fork_are_sent_their_tasks_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where processes are spawned, not forked, each worker is sent the tasks as it starts
    (each holds the ids of the cases beside its file), and then only their places."""
    import multiprocessing

    sent: list[Any] = []

    def spawned(workers: int, held: Any) -> Any:
        sent.append(held)
        context = multiprocessing.get_context("spawn")
        return context.Pool(workers, initializer=parallel._hold, initargs=held)

    monkeypatch.setattr(parallel, "_pool", spawned)
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    cases = _corpus(tmp_path)
    serial = [(r.file, r.diagnostics) for r in validate_paths([cases], today=TODAY)]
    several = parallel.validate_in_parallel([cases], jobs=2, today=TODAY)
    assert [(r.file, r.diagnostics) for r in several] == serial
    [(work, today, registry_for)] = sent
    assert len(work) == len(serial) and today == TODAY and registry_for is None


def test_a_small_run_stays_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*_: object) -> None:
        raise AssertionError("a pool was started")

    monkeypatch.setattr(parallel, "_pool", no_pool)
    result = runner.invoke(app, ["validate", "--jobs", "4", str(DATA)])
    assert result.exit_code == 0, result.stdout


def test_one_file_needs_no_pool(tmp_path: Path, pools: list[int]) -> None:
    result = runner.invoke(app, ["validate", "--jobs", "4", str(DATA / "kloop.yaml")])
    assert result.exit_code == 0
    assert pools == []


def test_jobs_must_be_at_least_one() -> None:
    result = runner.invoke(app, ["validate", "--jobs", "0", str(DATA)])
    assert result.exit_code == 2


def test_the_default_is_the_cores_this_process_may_use() -> None:
    assert parallel.default_jobs() >= 1


# --- diff: the old version parsed in a second process ---------------------------------------


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The tasks given to a second process (a second core is free)."""
    return spy_on(monkeypatch, "_start", cores=2)


class _DiesAway:
    """A task that dies in any process but the one that made it."""

    def __init__(self) -> None:
        self.home = os.getpid()

    def __call__(self) -> str:
        if os.getpid() != self.home:
            os._exit(3)
        return "here"


class _FailsAway(_DiesAway):
    def __call__(self) -> str:
        if os.getpid() != self.home:
            raise RuntimeError("away")
        return "here"


def test_a_large_task_runs_in_a_second_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "default_jobs", lambda: 2)
    with parallel.in_background(os.getpid, parallel.MIN_BYTES) as result:
        assert result() != os.getpid()
    with parallel.in_background(os.getpid, parallel.MIN_BYTES - 1) as result:
        assert result() == os.getpid()  # a small one runs here, when asked for
    monkeypatch.setattr(parallel, "default_jobs", lambda: 1)
    with parallel.in_background(os.getpid, parallel.MIN_BYTES) as result:
        assert result() == os.getpid()  # so does any on one core


@pytest.mark.parametrize("task", [_DiesAway, _FailsAway])
def test_a_second_process_that_dies_or_fails_leaves_the_task_to_this_one(
    started: list[int], task: type[_DiesAway], capfd: pytest.CaptureFixture[str]
) -> None:
    with parallel.in_background(task(), 1) as result:
        assert result() == "here"
    assert len(started) == 1
    assert capfd.readouterr().err == ""  # the failure away is not printed


def test_a_result_not_asked_for_is_not_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    processes: list[Any] = []
    original = parallel._start

    def spy(task: Any) -> Any:
        process, receive = original(task)
        processes.append(process)
        return process, receive

    monkeypatch.setattr(parallel, "_start", spy)
    monkeypatch.setattr(parallel, "default_jobs", lambda: 2)
    with parallel.in_background(partial(time.sleep, 60), parallel.MIN_BYTES):
        pass  # leaving ends the second process, rather than wait a minute for it
    assert [process.exitcode for process in processes] == [-signal.SIGTERM]


def _both_ways(monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[Any, Any]:
    """`timeline diff ARGS` in one process, then with the old version parsed aside."""
    one = runner.invoke(app, ["diff", *args])
    started = spy_on(monkeypatch, "_start", cores=2)
    two = runner.invoke(app, ["diff", *args])
    assert len(started) == 1
    return one, two


@pytest.mark.parametrize("format", ["text", "json", "markdown"])
def test_diff_of_two_files_is_the_same_from_two_processes(
    monkeypatch: pytest.MonkeyPatch, format: str
) -> None:
    one, two = _both_ways(monkeypatch, str(OLD), str(NEW), "--format", format)
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    assert "renamed" in one.stdout


BROKEN = {
    "old": ("type: detention", "type: detension", "TL207"),
    "new": ("title: Ann detained", "title: [unclosed", "TL101"),
}


@pytest.mark.parametrize("broken", [("old",), ("new",), ("old", "new")])
def test_an_invalid_version_is_reported_as_from_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken: tuple[str, ...]
) -> None:
    """Either side, or both (the old one is reported, as in one process)."""
    monkeypatch.delenv("TIMELINE_DATA_DIR", raising=False)
    case = MINIMAL.replace("id: test-case", "id: press")
    repo = GitRepo(tmp_path / "repo")
    texts = {}
    for side in ("old", "new"):
        before, after, _ = BROKEN[side]
        texts[side] = case.replace(before, after) if side in broken else case + f"# {side}\n"
    repo.commit("old", {"data/cases/press.yaml": texts["old"]})
    repo.commit("new", {"data/cases/press.yaml": texts["new"]})
    monkeypatch.chdir(repo.root)
    one, two = _both_ways(monkeypatch, "press@HEAD~1", "press@HEAD")
    assert one.exit_code == two.exit_code == 2
    assert one.stderr == two.stderr
    assert BROKEN[broken[0]][2] in one.stderr
    assert ("@HEAD~1:" in one.stderr) == ("old" in broken)


def test_git_external_is_the_same_from_two_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["data/cases/press.yaml", str(OLD), "a" * 40, "100644", str(NEW), "0" * 40, "100644"]
    one, two = _both_ways(monkeypatch, "--git-external", *args)
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    assert one.stdout.startswith("--- data/cases/press.yaml@aaaaaaa\n")


# --- the commands across cases: files read ahead by the other cores ------------------------


@pytest.fixture
def ahead(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The worker counts of the pools that read ahead (a second core is free)."""
    return spy_on(monkeypatch, "_reader_pool", cores=2)


def _reports(folder: Path, warnings: bool) -> list[tuple[Path, Any, Any]]:
    notices: list[str] = []
    reports = [
        (path, report.diagnostics, report.case)
        for path, report in each_report(folder, notices, warnings=warnings)
    ]
    return [*reports, (folder, notices, None)]


@pytest.mark.parametrize("warnings", [True, False])
def test_cases_read_ahead_give_the_same_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings: bool
) -> None:
    cases = _corpus(tmp_path)
    (cases / "g-dangling.yaml").symlink_to(tmp_path / "nowhere.yaml")
    one = _reports(cases, warnings)
    workers = spy_on(monkeypatch, "_reader_pool", cores=2)
    assert _reports(cases, warnings) == one
    assert workers == [1]
    assert any(not diagnostics for _, diagnostics, case in one if case is not None)
    assert any(diagnostics for _, diagnostics, _ in one[:-1])  # the broken files
    assert "g-dangling.yaml" in " ".join(one[-1][1])


def test_the_database_is_the_same_read_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TIMELINE_DATA_DIR", raising=False)

    def export(name: str) -> Any:
        output = str(tmp_path / name)
        return runner.invoke(
            app, ["--data-dir", str(DATA), "export", "--all", "-f", "sqlite", "-o", output]
        )

    one = export("one.db")
    workers = spy_on(monkeypatch, "_reader_pool", cores=3)
    two = export("two.db")
    assert one.exit_code == two.exit_code == 0, one.stderr
    assert workers == [2]
    assert (tmp_path / "one.db").read_bytes() == (tmp_path / "two.db").read_bytes()


_HOME = os.getpid()


def _dies_on_b(path: Path, name: str | None = None) -> Document:
    """read_document, but a worker reading b.yaml dies."""
    if path.name == "b.yaml" and os.getpid() != _HOME:
        os._exit(3)
    return read_document(path, name)


def test_a_worker_that_dies_leaves_the_rest_to_the_caller(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ahead: list[int]
) -> None:
    paths = []
    for stem in "abcdef":
        (tmp_path / f"{stem}.yaml").write_text(MINIMAL.replace("id: test-case", f"id: {stem}"))
        paths.append(tmp_path / f"{stem}.yaml")
    monkeypatch.setattr(parallel, "read_document", _dies_on_b)
    monkeypatch.setattr(parallel, "BATCH_BYTES", 1)  # a file per message
    read = list(parallel.read_ahead(paths))
    assert [path for path, _ in read] == paths
    documents = [document for _, document in read]
    assert ahead == [1]
    assert documents[0] is not None and documents[0].data["id"] == "a"
    assert documents[1:] == [None] * 5  # b and after: the caller reads them


def test_a_small_or_single_core_run_is_read_by_the_caller(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_pool(workers: int) -> None:
        raise AssertionError("workers were started")

    monkeypatch.setattr(parallel, "_reader_pool", no_pool)
    paths = [DATA / "kloop.yaml", DATA / "temirov-live.yaml"]
    assert list(parallel.read_ahead(paths)) == [(p, None) for p in paths]  # under MIN_BYTES
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    monkeypatch.setattr(parallel, "default_jobs", lambda: 1)
    assert list(parallel.read_ahead(paths)) == [(p, None) for p in paths]  # no core to spare


def test_small_files_go_in_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "BATCH_BYTES", 10)
    paths = [tmp_path / f"{n}.yaml" for n in range(5)]
    batches = list(parallel._batches(paths, [4, 4, 30, 1, 1]))
    assert batches == [paths[:3], paths[3:]]  # until 10 bytes are held; the rest at the end
