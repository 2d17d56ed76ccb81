"""The benchmark's corpus generator: valid, realistic, deterministic files (a tiny corpus)."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO, TODAY
from timeline.load.limits import MAX_FILE_BYTES
from timeline.load.validation import FileReport, validate_file

sys.path.insert(0, str(REPO / "bench"))
corpus = pytest.importorskip("corpus")
variants = pytest.importorskip("variants")


def _validate(path: Path) -> FileReport:
    known = frozenset(p.stem for p in path.parent.glob("*.yaml"))
    return validate_file(path, today=TODAY, known_cases=known)


def _codes(report: FileReport) -> list[str]:
    return [d.code for d in report.diagnostics]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("corpus")
    paths, _ = corpus.write_corpus(root, seed=3, files=6, mean=30, big=300)
    return list(paths)


def test_every_file_is_valid_without_warnings(tiny: list[Path]) -> None:
    assert len(tiny) == 7
    for path in tiny:
        report = _validate(path)
        assert report.valid, path
        assert _codes(report) == [], path


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path, tiny: list[Path]) -> None:
    again, _ = corpus.write_corpus(tmp_path / "again", seed=3, files=6, mean=30, big=300)
    other, _ = corpus.write_corpus(tmp_path / "other", seed=4, files=6, mean=30, big=300)
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in tiny]
    assert [p.read_bytes() for p in other] != [p.read_bytes() for p in tiny]


def _walk(value: Any) -> Iterator[Any]:
    yield value
    if isinstance(value, dict):
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def test_the_corpus_has_the_shapes_of_real_cases(tiny: list[Path]) -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in tiny)
    cases = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in tiny]
    people = [person for case in cases for person in case["people"]]
    events = [event for case in cases for event in case["events"]]
    mappings = [v for case in cases for v in _walk(case) if isinstance(v, dict)]
    dates = [event["date"] for event in events]
    assert any(
        p.get("privacy") == "initials" and re.fullmatch(r"\w\.\w\.", p["name"]) for p in people
    )
    assert any(alias.get("lang") == "ru" for p in people for alias in p.get("aliases", []))
    assert {o.get("kind", "decision") for e in events for o in e.get("outcomes", [])} == {
        "request",
        "decision",
    }
    assert any("quote" in m and "ref" in m for m in mappings)
    assert all(case["conflicts"] for case in cases)
    statuses = {event.get("status") for event in events}
    assert {"claimed", "disputed", "contested-by-sources", "reported"} <= statuses
    assert any(event.get("inferred") == ["year"] for event in events)
    assert any("relative" in event for event in events)
    for form in (
        r"^\d{4}-2[1-4]$",
        r"~$",
        r"\?$",
        r"^\d{4}-\d\d-\d\d/\d{4}",
        r"/\.\.$",
        r"^\d{4}$",
    ):
        assert any(re.search(form, date) for date in dates), form
    for mark in ("**", "<b>", " | ", "C:\\Users", "ГКНБ"):
        assert mark in text, mark
    assert not re.search(r"[&*]id\d", text)  # no anchors or aliases from shared objects
    assert sum(len(case["events"]) for case in cases) > 300


def test_the_edited_version_is_valid_and_changes_every_way(tmp_path: Path) -> None:
    case = corpus.generate_case(5, "big-case", 1000)
    new = variants.edited(case, 5, share=0.2)  # many edits: every kind of edit meets the rest
    (tmp_path / "big-case.yaml").write_text(corpus.dump(new), encoding="utf-8")
    report = _validate(tmp_path / "big-case.yaml")
    assert _codes(report) == []
    old_ids = {event["id"] for event in case["events"]}
    new_ids = {event["id"] for event in new["events"]}
    assert any("-renamed-" in i for i in new_ids - old_ids)
    assert any(i.startswith("added-") for i in new_ids - old_ids)
    assert old_ids - new_ids
    assert any(event["title"].endswith("(updated)") for event in new["events"])
    old_dates = {event["id"]: event["date"] for event in case["events"]}
    assert any(
        old_dates.get(event["id"], event["date"]) != event["date"] for event in new["events"]
    )


@pytest.mark.parametrize("code", sorted(variants.BREAKAGES))
def test_each_breakage_gives_its_diagnostic(tmp_path: Path, code: str) -> None:
    valid = corpus.dump(corpus.generate_case(9, "case-0001", 40))
    path = tmp_path / "case-0001.yaml"
    path.write_text(variants.broken(valid, code), encoding="utf-8")
    report = _validate(path)
    assert not report.valid
    assert code in _codes(report)


def test_a_20000_event_case_fits_under_the_size_limit() -> None:
    text = corpus.dump(corpus.generate_case(7, "big-case", 1000))
    assert len(text.encode("utf-8")) * 20 < MAX_FILE_BYTES * 0.75
