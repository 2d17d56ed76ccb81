"""The benchmark's repository generator: cases sharing one registry, valid, every registry
entry used, the same bytes for the same seed (a tiny repository)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import REPO, TODAY
from timeline.load.validation import validate_file
from timeline.store.registry import with_registries

sys.path.insert(0, str(REPO / "bench"))
repository = pytest.importorskip("repository")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("repository")
    return repository.write_repository(root, seed=3, cases=30, events=400, git=False)


def test_the_repository_is_valid_and_uses_all_its_registry(tiny) -> None:  # type: ignore[no-untyped-def]
    assert len(tiny.cases) == 30
    reports = list(with_registries(validate_file(p, today=TODAY) for p in tiny.cases))
    assert len(reports) == 30 + 4  # the cases, then the four registry files
    assert [d for r in reports for d in r.diagnostics] == []
    assert all(r.uses for r in reports[:30])  # every case uses the registry


def test_the_sizes(tiny) -> None:  # type: ignore[no-untyped-def]
    text = "".join(p.read_text(encoding="utf-8") for p in tiny.cases)
    assert text.count("\n  type: ") == 400 == tiny.events
    assert tiny.registry == {"people": 10, "organizations": 7, "charges": 2, "sources": 15}


def test_the_same_seed_gives_the_same_bytes(tiny, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    again = repository.write_repository(tmp_path, seed=3, cases=30, events=400, git=False)
    for first, second in zip(tiny.cases, again.cases, strict=True):
        assert first.read_bytes() == second.read_bytes()
    registry = "data/registry/people.yaml"
    assert (tiny.root / registry).read_bytes() == (again.root / registry).read_bytes()


def test_the_person_looked_up_is_found(tiny) -> None:  # type: ignore[no-untyped-def]
    """The benchmark's `person` and `search` rows look up someone the repository has."""
    from typer.testing import CliRunner

    from timeline.cli import app

    name, surname = repository.looked_up(tiny.root)
    assert any("\u0400" <= char <= "\u04ff" for char in surname)  # a Cyrillic alias
    cases = str(tiny.root / "data" / "cases")
    runner = CliRunner()
    found = runner.invoke(app, ["--data-dir", cases, "person", name, "-f", "plain"])
    assert found.exit_code == 0, found.output
    assert name in found.stdout
    searched = runner.invoke(app, ["--data-dir", cases, "search", surname, "-f", "plain"])
    assert searched.exit_code == 0, searched.output
    assert name in searched.stdout
