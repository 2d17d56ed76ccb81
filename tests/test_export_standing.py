"""Every export carries each defendant's standing, and never draws one day of a set, or a
date known only by its neighbours, as a span (the fixture of tests/test_standing.py)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import TODAY
from timeline.exporters import EXPORTERS, ExportOptions
from timeline.load.validation import validate_file
from timeline.model.case import Case

FIXTURE = Path(__file__).parent / "fixtures" / "standing" / "sequences.yaml"
ANNULLED = (
    "conviction annulled (10 March 2026); retrial pending; WGAD found a violation "
    "(20 October 2025); in custody since 16 January 2024; at least 784 days in custody"
)


@pytest.fixture(scope="module")
def case() -> Case:
    found = validate_file(FIXTURE, today=TODAY).case
    assert found is not None
    return found


def export(case: Case, name: str, **options: bool) -> str:
    return EXPORTERS[name](case, ExportOptions(**options)).text


def test_markdown_has_a_defendants_section(case: Case) -> None:
    text = export(case, "markdown")
    section = text.split("## Defendants\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(section) == 2 + 8  # a header, its rule and eight defendants
    standing, custody = ANNULLED.rsplit("; ", 1)
    assert f"| Farida Annulled | {standing} | {custody} |" in section
    assert "| Hasan Requested uulu | awaiting trial; released | 56-58 days in custody |" in section


def test_markdown_marks_annulled_outcomes(case: Case) -> None:
    text = export(case, "markdown")
    mark = "Upheld, Farida: guilty; 6 years imprisonment (annulled for Farida (10 March 2026))"
    assert f"Outcome: {mark}" in text


def test_json_has_a_standing_object_per_defendant(case: Case) -> None:
    people = {p["id"]: p for p in json.loads(export(case, "json"))["case"]["people"]}
    assert "standing" not in people["president"]
    farida = people["annulled"]["standing"]
    assert farida["state"] == "retrial-pending"
    assert farida["words"] + "; " + farida["custody"]["words"] == ANNULLED
    assert farida["annulled"] == ["verdict", "appeal-decision", "cassation"]
    assert (farida["verdict"], farida["sentence"], farida["retrial"]) == (None, None, True)
    amended = people["amended"]["standing"]
    assert amended["sentence"]["words"] == "2 years' probation"
    assert (amended["set_by"], amended["amended_by"]) == ("verdict", "appeal-decision")
    assert amended["upheld_by"] == ["cassation"]
    assert amended["custody"]["days"] == {"low": 84, "high": 84}
    assert amended["custody"]["house_arrest_days"] == {"low": 184, "high": 184}
    requested = people["requested"]["standing"]["custody"]
    assert requested["days"] == {"low": 56, "high": 58}
    assert requested["periods"][0]["end"] == "[2024-03-12..2024-03-14]"


def test_json_dates_say_one_of_and_unknown(case: Case) -> None:
    events = {e["id"]: e for e in json.loads(export(case, "json"))["case"]["events"]}
    assert "date" not in events["pardon"]  # not in the file, and not invented
    assert events["pardon"]["derived"]["display_date"] == "date unknown, after 25 February 2025"
    assert events["requested-released"]["date"] == "[2024-03-12..2024-03-14]"
    assert events["requested-released"]["derived"]["interval"] is False


def test_csv_has_the_standing_after_each_decision(case: Case) -> None:
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(export(case, "csv")))}
    assert rows["cassation"]["standing"] == (
        "Aibek Upheld: convicted; Farida Annulled: convicted; Cholpon Amended: convicted"
    )
    assert rows["annulment"]["standing"] == "Farida Annulled: retrial-pending"
    assert rows["verdict"]["annulled"] == "Farida Annulled"
    assert rows["exchange"]["annulled"] == ""
    assert rows["detained"]["people"].count(";") == 7  # the group, member by member


def test_timelinejs_title_slide_lists_the_standing(case: Case) -> None:
    document = json.loads(export(case, "timelinejs"))
    title = document["title"]["text"]["text"]
    # Eight defendants: named by state, so that the summary keeps its room.
    assert "; retrial pending: Farida Annulled; " in title
    assert "Defendants convicted: Aibek Upheld, Cholpon Amended, Emil Overturned; " in title


def test_timelinejs_never_draws_one_day_of_a_set_as_a_span(case: Case) -> None:
    slides = {s["unique_id"]: s for s in json.loads(export(case, "timelinejs"))["events"]}
    between = slides["requested-released"]
    assert "end_date" not in between
    assert between["start_date"]["day"] == 12
    assert between["display_date"] == "between 12 and 14 March 2024"
    unknown = slides["pardon"]
    assert "end_date" not in unknown
    assert unknown["start_date"] == {
        "year": 2025,
        "month": 2,
        "day": 25,
        "display_date": "date unknown, after 25 February 2025",
    }


def test_ics_leaves_one_day_of_a_set_out_even_as_spans(case: Case) -> None:
    result = EXPORTERS["ics"](case, ExportOptions(ics_spans=True))
    assert "UID:requested-released@" not in result.text
    assert any("requested-released" in notice for notice in result.notices)
    assert any("'pardon'" in notice for notice in result.notices)


def test_timelinejs_and_ics_mark_annulled_outcomes(case: Case) -> None:
    mark = "Upheld, Farida: guilty; 6 years imprisonment (annulled for Farida (10 March 2026))"
    slides = {s["unique_id"]: s for s in json.loads(export(case, "timelinejs"))["events"]}
    assert f"<p>{mark}</p>" in slides["verdict"]["text"]["text"]
    calendar = export(case, "ics").replace("\r\n ", "")
    verdict = calendar.split("UID:verdict@", 1)[1].split("END:VEVENT", 1)[0]
    assert mark.replace(",", "\\,").replace(";", "\\;") in verdict
