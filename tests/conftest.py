"""Shared helpers: a minimal valid case, and `diagnose` to run the validator on YAML text."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from timeline.load.validation import FileReport, validate_file

TODAY = date(2026, 11, 28)
REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data" / "cases"

MINIMAL = """\
format: 1
id: test-case
title: A test case
jurisdiction: KG
status: ongoing
people:
  - {id: ann, name: Ann Example, roles: [defendant]}
  - {id: no, name: N.O., privacy: initials, roles: [defendant]}
organizations:
  - {id: court, name: District Court, kind: court}
charges:
  - {id: art-1, code: Criminal Code, article: "1", title: An offence}
sources:
  - {id: src, publisher: Example News, url: "https://example.org/1", language: en}
events:
  - id: detained
    date: "2025-05-28"
    type: detention
    title: Ann detained
    participants: [{ref: ann, role: detainee}, {ref: no, role: detainee}]
    sources: [src]
  - id: verdict
    date: "2025-09-17"
    type: verdict
    title: Verdict
    after: [detained]
    outcomes:
      - {subjects: [ann], verdict: guilty, sentence: imprisonment, term: P5Y, regime: general}
    sources: [{ref: src, quote: "found guilty", locator: para. 2}]
"""


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test its own, empty cache of renderings (never the user's)."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(folder))
    monkeypatch.delenv("TIMELINE_NO_CACHE", raising=False)
    return folder


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def validate_text(tmp_path: Path, text: str | bytes, stem: str = "test-case") -> FileReport:
    path = tmp_path / f"{stem}.yaml"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return validate_file(path, today=TODAY)


def codes_at(report: FileReport) -> list[str]:
    """Diagnostics as `CODE@line:col`, in report order."""
    return [f"{d.code}@{d.line}:{d.column}" for d in report.diagnostics]


@pytest.fixture
def diagnose(tmp_path: Path):  # type: ignore[no-untyped-def]
    """`diagnose(yaml_text) -> ["TL302@12:7", ...]`."""

    def run(text: str | bytes, stem: str = "test-case") -> list[str]:
        return codes_at(validate_text(tmp_path, text, stem))

    return run
