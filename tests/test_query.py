"""`select_events` (the filters of `timeline show`) and `summarize_cases` (`timeline list`)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from timeline import dates
from timeline.errors import UsageError
from timeline.load.validation import validate_file
from timeline.model.case import Case
from timeline.views.query import can_fall_in, select_events, summarize_cases

FIXTURES = Path(__file__).parent / "fixtures" / "show"


@pytest.fixture(scope="module")
def case() -> Case:
    report = validate_file(FIXTURES / "full.yaml")
    assert report.case is not None, report.diagnostics
    return report.case


def ids(events: list) -> list[str]:  # type: ignore[type-arg]
    return [event.id for event in events]


def test_no_filter_is_the_chronology(case: Case) -> None:
    assert ids(select_events(case)) == [event.id for event in case.chronology]


@pytest.mark.parametrize(
    ("from_", "to", "expected"),
    [
        # "c. March 2024" may fall on 11 March; the day-precision events either side do not.
        ("2024-03-11", "2024-03-11", ["paid-claim"]),
        # Widened for "~": c. March 2024 may be April.
        ("2024-04", "2024-04", ["paid-claim"]),
        # An interval is kept when it overlaps the range.
        ("2024-06-05", "2024-06-30", ["hearings"]),
        # "October 2024?" may be November; the season "autumn 2023" only reaches November 2023.
        ("2024-11", None, ["appeal-filed"]),
        (None, "2023-12", ["outlet-blocked"]),
        # Coarse filter bounds: a year covers all of it.
        (
            "2024",
            "2024",
            [
                "paid-claim",
                "editors-detained",
                "bookkeeper-detained",
                "hearings",
                "request",
                "verdict",
                "appeal-filed",
            ],
        ),
        ("2025", None, []),
    ],
)
def test_date_range_keeps_what_can_fall_in_it(
    case: Case, from_: str | None, to: str | None, expected: list[str]
) -> None:
    assert ids(select_events(case, from_=from_, to=to)) == expected


def test_open_ended_dates_are_never_excluded_by_their_open_side() -> None:
    onwards = dates.parse("2025-05-28/..")
    assert can_fall_in(onwards, dates.parse("2030"), None)
    assert not can_fall_in(onwards, None, dates.parse("2025-05-27"))
    assert can_fall_in(dates.parse("../2025-05"), None, dates.parse("1990"))


def test_a_bad_date_is_a_usage_error_with_the_dates_message(case: Case) -> None:
    with pytest.raises(dates.EdtfError) as expected:
        dates.parse("May 2025")
    with pytest.raises(UsageError) as error:
        select_events(case, from_="May 2025")
    assert str(error.value) == f"--from 'May 2025': {expected.value}"


def test_a_reversed_range_is_a_usage_error(case: Case) -> None:
    with pytest.raises(UsageError, match="--from 2025 is after --to 2024"):
        select_events(case, from_="2025", to="2024")


def test_types_any_of(case: Case) -> None:
    assert ids(select_events(case, types=["verdict", "appeal"])) == ["verdict", "appeal-filed"]


def test_unknown_type_suggests_one(case: Case) -> None:
    with pytest.raises(
        UsageError, match="unknown event type 'detentoin'; did you mean 'detention'"
    ):
        select_events(case, types=["detentoin"])


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        # As participant and as outcome subject.
        ("bookkeeper-tk", ["bookkeeper-detained", "request", "verdict"]),
        # As the one a claim is attributed to, or who disputes it.
        ("sidorov", ["paid-claim"]),
        ("petrov", ["editors-detained", "hearings", "request", "verdict"]),
        # Organizations too.
        ("city-court", ["appeal-filed"]),
    ],
)
def test_person_filter(case: Case, person: str, expected: list[str]) -> None:
    assert ids(select_events(case, people=[person])) == expected


def test_unknown_person_suggests_one(case: Case) -> None:
    with pytest.raises(
        UsageError, match=r"no person or organization 'ivanva'.*did you mean 'ivanova'"
    ):
        select_events(case, people=["ivanva"])


def test_filters_of_different_kinds_all_hold(case: Case) -> None:
    assert ids(select_events(case, key_only=True)) == ["editors-detained", "verdict"]
    assert ids(select_events(case, key_only=True, people=["bookkeeper-tk"])) == ["verdict"]
    assert ids(select_events(case, types=["detention"], from_="2024-03-11")) == [
        "bookkeeper-detained"
    ]


# --- summarize_cases ------------------------------------------------------------------------


def test_summaries_in_id_order(tmp_path: Path) -> None:
    for name in ("tiny.yaml", "full.yaml"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    catalog = summarize_cases(tmp_path)
    assert catalog.notices == []
    full, tiny = catalog.cases
    assert (full.id, full.title, full.status, full.events) == (
        "full",
        "Editors <b>on trial</b> | [bold red]not markup[/]",
        "appeal",
        8,
    )
    assert full.first is not None and full.last is not None
    assert (full.first.text, full.first_display) == ("2023-23", "autumn 2023")
    assert (full.last.text, full.last_display) == ("2024-10?", "October 2024?")
    assert tiny.valid and tiny.events == 3


def test_an_invalid_file_is_summarized_with_its_errors(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("format: 1\nid: broken\ntitle: [\n", encoding="utf-8")
    (tmp_path / "wrong.yaml").write_text("format: 1\nid: wrong\n", encoding="utf-8")
    broken, wrong = summarize_cases(tmp_path).cases
    assert (broken.id, broken.valid, broken.title) == ("broken", False, None)
    assert broken.errors >= 1
    assert (wrong.id, wrong.valid) == ("wrong", False)
    assert wrong.errors >= 1


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_broken_entries_are_skipped_with_a_notice(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "tiny.yaml", tmp_path / "tiny.yaml")
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "missing.yaml")
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "notes.txt").write_text("not a case", encoding="utf-8")
    catalog = summarize_cases(tmp_path)
    assert [summary.id for summary in catalog.cases] == ["tiny"]
    assert len(catalog.notices) == 3
    assert all(notice.startswith(f"skipped {tmp_path}/") for notice in catalog.notices)
    assert any("loop.yaml" in n and "symbolic links" in n.lower() for n in catalog.notices)


def test_a_missing_directory_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot read the data directory"):
        summarize_cases(tmp_path / "nowhere")
