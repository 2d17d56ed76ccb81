"""The JSON export: the validated case, plus derived date fields per event."""

from __future__ import annotations

import json
from typing import Any

import pytest

from test_export_support import export_text, load
from timeline.model.case import Case


@pytest.fixture(scope="module")
def case() -> Case:
    return load()


@pytest.fixture(scope="module")
def document(case: Case) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(export_text(case, "json"))
    return loaded


def test_marker_and_case(document: dict[str, Any]) -> None:
    assert (document["format"], document["version"]) == ("timeline-export", 1)
    assert document["case"]["id"] == "everything"
    assert document["case"]["format"] == 1


def test_events_in_display_order_with_derived_fields(case: Case, document: dict[str, Any]) -> None:
    events = document["case"]["events"]
    assert [e["id"] for e in events] == [e.id for e in case.chronology]
    assert [e["derived"]["sort_index"] for e in events] == list(range(len(events)))
    detained = next(e for e in events if e["id"] == "detained")
    assert detained["date"] == "2025-05-28"
    assert detained["derived"] == {
        "display_date": "28 May [2025]",
        "earliest": "2025-05-28",
        "latest": "2025-05-28",
        "precision": "day",
        "uncertain": False,
        "approximate": False,
        "interval": False,
        "sort_index": detained["derived"]["sort_index"],
    }
    appeal = next(e for e in events if e["id"] == "appeal")
    assert appeal["derived"]["latest"] is None and appeal["derived"]["interval"] is True
    raids = next(e for e in events if e["id"] == "raids")
    assert raids["derived"]["approximate"] is True and raids["derived"]["precision"] == "month"


def test_without_derived_fields_it_is_the_case_again(case: Case, document: dict[str, Any]) -> None:
    data = document["case"]
    for event in data["events"]:
        del event["derived"]
    for person in data["people"]:
        person.pop("standing", None)  # derived, like `derived`
    order = {event.id: i for i, event in enumerate(case.events)}
    data["events"].sort(key=lambda e: order[e["id"]])
    assert Case.model_validate(data) == case


def test_text_is_kept_verbatim(document: dict[str, Any]) -> None:
    assert (
        document["case"]["title"] == "The State v. Example & Co. | <script>alert('title')</script>"
    )


@pytest.mark.parametrize("format", ["json", "timelinejs"])
def test_json_outputs_escape_every_control(format: str) -> None:
    # The encoder escapes C0 itself, but wrote DEL, C1 and bidirectional controls raw.
    case = load()
    events = [e.model_copy(update={"title": "a\x7fb\x9bc\u202ed\u2028e"}) for e in case.events]
    changed = case.model_copy(update={"events": events})
    changed.__dict__.pop("chronology", None)  # a copy keeps the order worked out before
    text = export_text(changed, format)
    assert not any(ch in text for ch in "\x7f\x9b\u202e\u2028")
    assert "\\u007f" in text
