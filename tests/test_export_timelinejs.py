"""The TimelineJS export, checked against a JSON Schema of the published format."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from test_export_support import FIXTURES, export_text, load, load_changed, parse_html
from timeline.model.case import Case


@pytest.fixture(scope="module")
def case() -> Case:
    return load()


@pytest.fixture(scope="module")
def document(case: Case) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(export_text(case, "timelinejs"))
    return loaded


@pytest.fixture(scope="module")
def slides(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {slide["unique_id"]: slide for slide in document["events"]}


def test_follows_the_published_format(document: dict[str, Any]) -> None:
    schema = json.loads((FIXTURES / "timelinejs.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)


def test_the_schema_catches_an_invented_shape() -> None:
    schema = json.loads((FIXTURES / "timelinejs.schema.json").read_text(encoding="utf-8"))
    bad = {"events": [{"start_date": {"year": 2025, "day": 3}, "text": {"headline": "x"}}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema, cls=jsonschema.Draft202012Validator)


def test_slides_in_display_order(case: Case, document: dict[str, Any]) -> None:
    assert [s["unique_id"] for s in document["events"]] == [e.id for e in case.chronology]


def test_dates_have_only_the_parts_they_have(slides: dict[str, dict[str, Any]]) -> None:
    def parts(slide: dict[str, Any], key: str) -> dict[str, Any] | None:
        date = slide.get(key)
        return None if date is None else {k: v for k, v in date.items() if k != "display_date"}

    assert parts(slides["detained"], "start_date") == {"year": 2025, "month": 5, "day": 28}
    assert parts(slides["detained"], "end_date") is None
    assert parts(slides["raids"], "start_date") == {"year": 2025, "month": 5}
    assert parts(slides["charged"], "start_date") == {"year": 2025}
    assert parts(slides["founded"], "start_date") == {"year": 2022, "month": 9}
    assert parts(slides["founded"], "end_date") == {"year": 2022, "month": 11}
    assert parts(slides["questioning"], "end_date") == {"year": 2025, "month": 5, "day": 30}
    assert parts(slides["appeal"], "start_date") == {"year": 2025, "month": 10, "day": 1}
    assert parts(slides["appeal"], "end_date") is None
    assert slides["raids"]["start_date"]["display_date"] == "c. May 2025"
    assert slides["detained"]["display_date"] == "28 May [2025]"


def test_text_is_escaped_html(document: dict[str, Any], slides: dict[str, dict[str, Any]]) -> None:
    assert document["title"]["text"]["headline"] == (
        "The State v. Example &amp; Co. | &lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;"
    )
    verdict = parse_html(slides["verdict"]["text"]["text"])
    assert verdict.find_all("script") == []
    assert 'The court <script>alert("x")</script> found both guilty.' in verdict.text
    links = [a.attrs["href"] for a in parse_html(slides["detained"]["text"]["text"]).find_all("a")]
    assert links == ["https://example.org/news/1?a=1,2;b=3", "https://blog.example.org/2"]


def test_groups(slides: dict[str, dict[str, Any]]) -> None:
    assert slides["founded"]["group"] == "Background"
    assert slides["detained"]["group"] == "Key events"
    assert slides["request"]["group"] == "Investigation, trial and statements"


def test_a_few_groups_for_the_kloop_case() -> None:
    from conftest import DATA

    kloop = load(DATA / "kloop.yaml")
    document = json.loads(export_text(kloop, "timelinejs"))
    groups = [slide["group"] for slide in document["events"]]
    assert set(groups) == {
        "Background",
        "Key events",
        "Court decisions",
        "Investigation, trial and statements",
    }
    assert groups.count("Key events") == len([e for e in kloop.events if e.key and not e.context])
    assert len(set(groups)) < len({e.type for e in kloop.events})  # fewer rows than types


def test_detentions_and_court_decisions_have_their_rows(tmp_path: Path) -> None:
    case = load_changed(tmp_path, ("    key: true\n", "    key: false\n"))  # the detention
    slides = {s["unique_id"]: s for s in json.loads(export_text(case, "timelinejs"))["events"]}
    assert slides["detained"]["group"] == "Detentions and releases"
    assert slides["verdict"]["group"] == "Key events"
    case = load_changed(tmp_path, ("    type: verdict\n    key: true\n", "    type: verdict\n"))
    slides = {s["unique_id"]: s for s in json.loads(export_text(case, "timelinejs"))["events"]}
    assert slides["verdict"]["group"] == "Court decisions"


def test_a_time_of_day_gives_hours_and_minutes(tmp_path: Path) -> None:
    case = load_changed(tmp_path, ('date: "2025-09-10"', 'date: "2025-09-10T14:30:00+06:00"'))
    slides = {s["unique_id"]: s for s in json.loads(export_text(case, "timelinejs"))["events"]}
    start = slides["request"]["start_date"]
    assert {k: v for k, v in start.items() if k != "display_date"} == {
        "year": 2025,
        "month": 9,
        "day": 10,
        "hour": 14,
        "minute": 30,
    }
    assert start["display_date"] == "10 September 2025, 14:30 UTC+06:00"
    assert "end_date" not in slides["request"]


def test_acronyms_stay_upper_case(tmp_path: Path) -> None:
    case = load_changed(tmp_path, ("    label: founding\n", "    label: UN opinion\n"))
    slides = {s["unique_id"]: s for s in json.loads(export_text(case, "timelinejs"))["events"]}
    assert slides["founded"]["text"]["text"].startswith("<p>UN opinion</p>")


def test_each_source_once_and_one_publisher_told_apart(tmp_path: Path) -> None:
    case = load_changed(
        tmp_path,
        ("    publisher: District Court\n", "    publisher: Example News\n"),
        ("    sources: [court-doc, news-1]\n", "    sources: [court-doc, news-1, court-doc]\n"),
    )
    slides = {s["unique_id"]: s for s in json.loads(export_text(case, "timelinejs"))["events"]}
    links = parse_html(slides["verdict"]["text"]["text"].split("<p>Sources: ")[1])
    words = links.text.split(", ")
    assert words == ["Example News: Verdict", "Example News: Editors detained: a report; part 1"]


def test_some_day_between_is_a_point_with_its_display_date(tmp_path: Path) -> None:
    case = load_changed(tmp_path, ('date: "2025-09-10"', 'date: "[2025-09-01..2025-09-15]"'))
    slides = {s["unique_id"]: s for s in json.loads(export_text(case, "timelinejs"))["events"]}
    request = slides["request"]
    assert "end_date" not in request
    assert request["start_date"] == {
        "year": 2025,
        "month": 9,
        "day": 1,
        "display_date": "between 1 and 15 September 2025",
    }


def test_a_long_description_is_cut_at_a_sentence_to_fit_a_slide(tmp_path: Path) -> None:
    sentence = "The court heard a witness who spoke at length about the videos. "
    long = sentence * 40
    case = load_changed(
        tmp_path,
        (
            "    title: Police deny mistreatment\n",
            f"    title: Police deny mistreatment\n    description: {long}\n",
        ),
    )
    text = next(
        s["text"]["text"]
        for s in json.loads(export_text(case, "timelinejs"))["events"]
        if s["unique_id"] == "police-denial"
    )
    shown = next(p for p in text.split("<p>") if p.startswith("The court heard"))
    assert shown.endswith("the videos. …</p>")
    assert len(shown) < len(long) / 2
