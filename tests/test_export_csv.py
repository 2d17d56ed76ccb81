"""The CSV export, read back with the `csv` module."""

from __future__ import annotations

import csv
import io

import pytest

from test_export_support import export_text, load
from timeline.exporters.csv_export import COLUMNS, neutralise
from timeline.model.case import Case


@pytest.fixture(scope="module")
def case() -> Case:
    return load()


@pytest.fixture(scope="module")
def rows(case: Case) -> list[dict[str, str]]:
    text = export_text(case, "csv")
    assert text.startswith(",".join(COLUMNS) + "\r\n")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_one_row_per_event_in_display_order(case: Case, rows: list[dict[str, str]]) -> None:
    assert [row["id"] for row in rows] == [event.id for event in case.chronology]


def test_date_columns(rows: list[dict[str, str]]) -> None:
    by_id = {row["id"]: row for row in rows}
    detained = by_id["detained"]
    assert [detained[k] for k in ("date", "display_date", "earliest", "latest", "precision")] == [
        "2025-05-28",
        "28 May [2025]",
        "2025-05-28",
        "2025-05-28",
        "day",
    ]
    founded = by_id["founded"]
    assert [founded[k] for k in ("date", "display_date", "earliest", "latest", "precision")] == [
        "2022-23",
        "autumn 2022",
        "2022-09-01",
        "2022-11-30",
        "season",
    ]
    appeal = by_id["appeal"]
    assert (appeal["earliest"], appeal["latest"]) == ("2025-10-01", "")


def test_people_sources_and_type(rows: list[dict[str, str]]) -> None:
    by_id = {row["id"]: row for row in rows}
    assert by_id["detained"]["people"] == "Ann Example; N.O."
    assert by_id["detained"]["sources"] == "news-1; blog-2"
    assert by_id["detained"]["type"] == "detention"
    assert by_id["founded"]["type"] == "founding"
    assert by_id["verdict"]["title"] == "Guilty | both defendants"
    assert by_id["raids"]["title"] == "Police search homes; seize laptops, phones"


def test_formula_cells_are_neutralised(rows: list[dict[str, str]]) -> None:
    title = {row["id"]: row for row in rows}["questioning"]["title"]
    assert title == "'-5 hours of questioning, =SUM(A1) @home +1"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=1", "a=1"),
        ("", ""),
    ],
)
def test_neutralise(cell: str, safe: str) -> None:
    assert neutralise(cell) == safe


def test_status_key_background_participants_and_outcomes(rows: list[dict[str, str]]) -> None:
    by_id = {row["id"]: row for row in rows}
    assert list(rows[0])[-5:] == ["status", "key", "background", "participants", "outcomes"]
    assert by_id["detained"]["status"] == "contested-by-sources"
    assert by_id["claimed-torture"]["status"] == "claimed"
    assert (by_id["detained"]["key"], by_id["raids"]["key"]) == ("true", "false")
    assert (by_id["founded"]["background"], by_id["raids"]["background"]) == ("true", "false")
    # Organizations are among the participants, with their part in the event.
    assert by_id["founded"]["participants"] == "TD (subject)"  # its short name
    assert by_id["founded"]["people"] == ""
    outcomes = by_id["verdict"]["outcomes"].split(" | ")
    assert outcomes[0] == "Example: guilty; 5 years, general-regime penal colony"
    assert len(outcomes) == len(load().index["verdict"].outcomes)
