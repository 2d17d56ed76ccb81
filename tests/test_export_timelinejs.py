"""The TimelineJS export, checked against a JSON Schema of the published format."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from test_export_support import FIXTURES, export_text, load, parse_html
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
    assert slides["detained"]["group"] == "Detention"
    assert slides["request"]["group"] == "Prosecution request"
