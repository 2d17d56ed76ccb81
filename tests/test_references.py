"""The ids a case refers to, by kind, are the same whether gathered alone (`referenced`,
what the registry and a valid case need) or with their places (`references`, for the
diagnostics): the two walks must go through the same fields."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import REPO, validate_text
from timeline.load.validation import validate_file
from timeline.model.case import Case
from timeline.model.references import KINDS, referenced, references

sys.path.insert(0, str(REPO / "bench"))
corpus = pytest.importorskip("corpus")


def _cases(tmp_path: Path) -> list[Case]:
    reports = [validate_file(path) for path in sorted((REPO / "data" / "cases").glob("*.yaml"))]
    generated = corpus.dump(corpus.generate_case(7, "generated", 400))
    reports.append(validate_text(tmp_path, generated, stem="generated"))
    cases = [report.case for report in reports]
    assert all(case is not None for case in cases)
    return [case for case in cases if case is not None]


def test_both_walks_find_the_same_ids_of_each_kind(tmp_path: Path) -> None:
    seen: set[str] = set()
    for case in _cases(tmp_path):
        placed: dict[str, set[str]] = {kind: set() for kind in KINDS}
        for ref, kind, _, _ in references(case):
            placed[kind].add(ref)
        assert dict(referenced(case)) == placed, case.id
        seen.update(kind for kind, ids in placed.items() if ids)
    assert seen == set(KINDS)  # every kind of reference was there to compare


def test_the_ids_cannot_be_changed(tmp_path: Path) -> None:
    case = _cases(tmp_path)[0]
    with pytest.raises(TypeError):
        referenced(case)["event"] = frozenset()  # type: ignore[index]
    with pytest.raises(AttributeError):
        referenced(case)["event"].add("x")  # type: ignore[attr-defined]
