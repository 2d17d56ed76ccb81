"""`validate --jobs N`: the same report, byte for byte and in the same order, from
one process or several (how fast it is, is bench/run.py's business)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import DATA, MINIMAL, TODAY
from timeline.cli import app
from timeline.load import parallel
from timeline.load.validation import validate_paths

runner = CliRunner()


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The worker counts of the pools started; every run is large enough for one."""
    started: list[int] = []
    original = parallel._pool

    def spy(workers: int) -> Any:
        started.append(workers)
        return original(workers)

    monkeypatch.setattr(parallel, "_pool", spy)
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    return started


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


def test_a_small_run_stays_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(workers: int) -> None:
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
