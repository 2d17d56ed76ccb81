"""The SQLite export holds the same rows however its inserts are batched, and its
full-text index is whole (the index is filled after the other tables)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from timeline.exporters import ExportOptions, sqlite
from timeline.load.validation import validate_file
from timeline.model.case import Case

CASES = Path(__file__).parent / "fixtures" / "cases"


def _cases() -> list[Case]:
    reports = [validate_file(path) for path in sorted(CASES.glob("*.yaml"))]
    assert all(report.valid and report.case for report in reports)
    return [report.case for report in reports if report.case is not None]


def _content(data: bytes | None, tmp_path: Path, name: str) -> dict[str, list[tuple[object, ...]]]:
    assert data is not None
    path = tmp_path / name
    path.write_bytes(data)
    database = sqlite3.connect(path)
    try:
        database.execute("INSERT INTO search(search) VALUES ('integrity-check')")
        assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert database.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = [
            row[0]
            for row in database.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_%'"
            )
        ]
        found = {t: database.execute(f"SELECT rowid, * FROM {t}").fetchall() for t in ["search"]}
        found |= {
            t: database.execute(f"SELECT * FROM {t}").fetchall() for t in tables if t != "search"
        }
        found["sqlite_master"] = database.execute("SELECT * FROM sqlite_master").fetchall()
        return found
    finally:
        database.close()


def test_batches_of_one_row_give_the_same_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = _cases()
    whole = _content(sqlite.export_all(cases, ExportOptions()).data, tmp_path, "whole.db")
    monkeypatch.setattr(sqlite, "BATCH", 1)
    batched = _content(sqlite.export_all(cases, ExportOptions()).data, tmp_path, "batched.db")
    assert batched == whole
    # Every case, event, person and organization is in the full-text index, in that order:
    # each case's events, then the case, case after case; then people and organizations.
    kinds = [row[1] for row in whole["search"]]
    assert kinds.count("case") == len(cases) == len(whole["cases"])
    assert kinds.count("event") == len(whole["events"])
    assert kinds.count("person") == len(whole["people"])
    last_case = max(i for i, kind in enumerate(kinds) if kind in ("case", "event"))
    assert set(kinds[last_case + 1 :]) == {"person", "organization"}
    assert [row[0] for row in whole["search"]] == list(range(1, len(kinds) + 1))


def test_a_word_finds_its_event(tmp_path: Path) -> None:
    data = sqlite.export_all(_cases(), ExportOptions()).data
    content = _content(data, tmp_path, "cases.db")
    case_id, event_id, title = next(
        (row[0], row[1], row[10]) for row in content["events"] if len(row[10].split()) > 1
    )
    database = sqlite3.connect(tmp_path / "cases.db")
    word = max(title.split(), key=len).strip(".,:;()«»\"'")
    hits = database.execute(
        "SELECT case_id, ref FROM search WHERE search MATCH ?", (f'"{word}"',)
    ).fetchall()
    database.close()
    assert (case_id, event_id) in hits
