"""The iCalendar export, read back with the `icalendar` package."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from test_export_support import EVERYTHING, export_text, load, load_changed
from timeline.exporters import EXPORTERS, Export, ExportOptions
from timeline.exporters.ics import escape_text, fold, ics_date
from timeline.model.case import Case


@pytest.fixture(scope="module")
def case() -> Case:
    return load()


def run(case: Case, *, spans: bool = False) -> Export:
    return EXPORTERS["ics"](case, ExportOptions(ics_spans=spans))


def events_of(export: Export) -> dict[str, dict[str, object]]:
    calendar = Calendar.from_ical(export.text)
    return {
        str(e["UID"]): {
            "start": e.decoded("DTSTART"),
            "end": e.decoded("DTEND"),
            "summary": str(e["SUMMARY"]),
            "description": str(e["DESCRIPTION"]),
            "status": str(e["STATUS"]),
        }
        for e in calendar.walk("VEVENT")
    }


def test_only_day_dates_become_all_day_events(case: Case) -> None:
    found = events_of(run(case))
    assert list(found) == [
        "detained@everything.timeline",
        "police-denial@everything.timeline",
        "request@everything.timeline",
        "verdict@everything.timeline",
    ]
    detained = found["detained@everything.timeline"]
    assert detained["start"] == datetime.date(2025, 5, 28)
    assert detained["end"] == datetime.date(2025, 5, 29)  # exclusive
    assert detained["summary"] == "Ann Example and N.O. detained"
    assert detained["status"] == "TENTATIVE"
    assert found["verdict@everything.timeline"]["status"] == "CONFIRMED"


def test_events_left_out_are_named_in_notices(case: Case) -> None:
    notices = run(case).notices
    left_out = [notice.split("'")[1] for notice in notices]
    assert left_out == ["founded", "charged", "raids", "questioning", "claimed-torture", "appeal"]
    assert "the date is open-ended" in notices[-1]
    assert "--ics-spans" in notices[0]


def test_spans_cover_the_bounds_and_skip_open_ends(case: Case) -> None:
    export = run(case, spans=True)
    found = events_of(export)
    autumn = found["founded@everything.timeline"]
    assert (autumn["start"], autumn["end"]) == (
        datetime.date(2022, 9, 1),
        datetime.date(2022, 12, 1),
    )
    between = found["questioning@everything.timeline"]
    assert (between["start"], between["end"]) == (
        datetime.date(2025, 5, 28),
        datetime.date(2025, 5, 31),
    )
    year = found["charged@everything.timeline"]
    assert (year["start"], year["end"]) == (datetime.date(2025, 1, 1), datetime.date(2026, 1, 1))
    assert "appeal@everything.timeline" not in found
    assert [n.split("'")[1] for n in export.notices] == ["appeal"]


def test_text_survives_escaping(case: Case) -> None:
    found = events_of(run(case))
    verdict = found["verdict@everything.timeline"]
    assert verdict["summary"] == "Guilty | both defendants"
    description = str(verdict["description"])
    assert 'The court <script>alert("x")</script> found both guilty.' in description
    assert "N.O.: guilty; 3 years probation" in description
    assert "\n" in description


def test_wire_format_crlf_folded_stable(case: Case) -> None:
    raw = run(case).text.encode("utf-8")
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert raw.count(b"DTSTAMP:20251001T000000Z") == 4  # the day the last event began
    assert run(case).text == run(case).text


def test_escape_text() -> None:
    assert escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"
    # Controls are shown as `timeline.views.safe.visible` shows them, C1 and bidi included.
    shown = escape_text("bell\x07 tab\t del\x7f csi\x9b rlo\u202e")
    assert shown == "bell\\\\x07 tab\\\\x09 del\\\\x7f csi\\\\x9b rlo\\\\u202e"


@pytest.mark.parametrize(
    "line", ["SUMMARY:" + "é" * 100, "X:" + "a" * 200, "S:" + "日本語" * 40, "short"]
)
def test_fold_never_splits_a_character(line: str) -> None:
    folded = fold(line).encode("utf-8")
    pieces = folded.split(b"\r\n")
    assert all(len(piece) <= 75 for piece in pieces)
    assert all(piece.startswith(b" ") for piece in pieces[1:])
    assert b"".join([pieces[0], *(p[1:] for p in pieces[1:])]).decode("utf-8") == line


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("\\;,:\n"), max_size=120
    )
)
def test_any_text_survives_escaping_and_folding(value: str) -> None:
    lines = ["BEGIN:VCALENDAR", "BEGIN:VEVENT", fold("SUMMARY:" + escape_text(value))]
    calendar = Calendar.from_ical("\r\n".join([*lines, "END:VEVENT", "END:VCALENDAR", ""]))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [value]


def test_a_span_to_the_last_day_is_left_out_with_a_notice(tmp_path: Path) -> None:
    """9999-12-31 has no day after it for DTEND: the event is left out, nothing overflows."""
    text = EVERYTHING.read_text(encoding="utf-8")
    assert text.count('date: "2025-05-28/2025-05-30"') == 1
    path = tmp_path / "everything.yaml"
    path.write_text(text.replace("2025-05-28/2025-05-30", "2025-05-28/9999-12-31"), "utf-8")
    export = run(load(path), spans=True)
    notices = [notice for notice in export.notices if "9999-12-31" in notice]
    assert len(notices) == 1 and "left out" in notices[0]
    assert "9999" not in export.text and "10000" not in export.text
    assert len(events_of(export)) == len(events_of(run(load(), spans=True))) - 1


def test_dates_are_written_with_four_digit_years() -> None:
    assert ics_date(datetime.date(5, 1, 2)) == "00050102"
    assert ics_date(datetime.date(2025, 5, 28)) == "20250528"


# --- times of day, and what a conflict is about ---------------------------------------------


def _vevents(case: Case) -> dict[str, Any]:
    calendar = Calendar.from_ical(export_text(case, "ics", ics_spans=True))
    return {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}


@pytest.mark.parametrize(
    ("date", "line", "expected"),
    [
        (
            "2025-09-10T14:30:00+06:00",
            "DTSTART:20250910T083000Z",
            datetime.datetime(2025, 9, 10, 8, 30, tzinfo=datetime.UTC),
        ),
        (
            "2025-09-10T23:30:00-02:00",
            "DTSTART:20250911T013000Z",
            datetime.datetime(2025, 9, 11, 1, 30, tzinfo=datetime.UTC),
        ),
        ("2025-09-10T14:30:00", "DTSTART:20250910T143000", datetime.datetime(2025, 9, 10, 14, 30)),
    ],
)
def test_a_time_of_day_is_a_timed_event(
    tmp_path: Path, date: str, line: str, expected: datetime.datetime
) -> None:
    case = load_changed(tmp_path, ('date: "2025-09-10"', f'date: "{date}"'))
    text = export_text(case, "ics")
    block = text.split("UID:request@")[1].split("END:VEVENT")[0]
    assert f"\r\n{line}\r\n" in block
    assert "DTEND" not in block and "VALUE=DATE" not in block
    assert _vevents(case)["request"].decoded("DTSTART") == expected


def test_a_conflict_about_a_detail_leaves_the_event_confirmed(tmp_path: Path) -> None:
    assert _vevents(load())["detained"]["STATUS"] == "TENTATIVE"  # sources disagree on the date
    case = load_changed(tmp_path, ("    field: date\n", "    field: participants\n"))
    event = _vevents(case)["detained"]
    assert event["STATUS"] == "CONFIRMED"
    assert "Sources disagree: When the detention happened" in str(event["DESCRIPTION"])
    assert _vevents(case)["claimed-torture"]["STATUS"] == "TENTATIVE"  # a claim stays in doubt


def test_some_day_between_is_never_a_span(tmp_path: Path) -> None:
    case = load_changed(tmp_path, ('date: "2025-09-10"', 'date: "[2025-09-01..2025-09-15]"'))
    for spans in (False, True):
        result = EXPORTERS["ics"](case, ExportOptions(ics_spans=spans))
        assert "UID:request@" not in result.text
        assert any("'request'" in n and "not known which" in n for n in result.notices)


def test_a_conflict_about_one_persons_sentence_leaves_the_verdict_confirmed(
    tmp_path: Path,
) -> None:
    conflict = (
        "  - id: ann-term\n    about: [verdict]\n    subject: ann\n    field: term\n"
        "    claims:\n"
        '      - {claim: "Five years", value: P5Y, sources: [news-1]}\n'
        '      - {claim: "Six years", value: P6Y, sources: [blog-2]}\n'
    )
    case = load_changed(tmp_path, ("conflicts:\n", "conflicts:\n" + conflict))
    events = _vevents(case)
    assert events["verdict"]["STATUS"] == "CONFIRMED"
    assert "Five years" in str(events["verdict"]["DESCRIPTION"])


def test_a_url_built_with_controls_is_shown_not_sent() -> None:
    # Validation refuses such a URL (TL204); a case built in memory still cannot smuggle one.
    case = load()
    sources = [
        s.model_copy(update={"url": "https://e.org/\x1b[2J\x07\x9b\u202e"}) for s in case.sources
    ]
    text = export_text(case.model_copy(update={"sources": sources}), "ics")
    assert not any(ch in text for ch in "\x1b\x07\x9b\u202e")
