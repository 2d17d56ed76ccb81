"""The HTML report: one self-contained, escaped page (the browser checks are in test_browser)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA
from test_export_support import Element, export_text, load, load_changed, parse_html
from timeline.exporters.drawing import LABEL, RIGHT, WIDTH
from timeline.model.case import Case


@pytest.fixture(scope="module")
def case() -> Case:
    return load()


@pytest.fixture(scope="module")
def text(case: Case) -> str:
    return export_text(case, "html")


@pytest.fixture(scope="module")
def page(text: str) -> Element:
    return parse_html(text)


def test_nothing_can_load_from_anywhere(text: str, page: Element) -> None:
    assert "default-src 'none'" in text  # the Content-Security-Policy
    for tag in ("script", "link", "img", "iframe", "object", "embed", "base", "form"):
        assert page.find_all(tag) == [], tag
    assert re.findall(r"url\(([^)]*)\)", text) == ["#uncertain"] * 2  # the SVG's own pattern
    assert not re.search(r"<[a-z]+ [^>]*src=", text) and "@import" not in text


def test_text_from_the_data_stays_text(case: Case, text: str, page: Element) -> None:
    assert "The State v. Example &amp; Co. | &lt;script&gt;alert(&#39;title&#39;)" in text
    verdict = next(li for li in page.find_all("li") if li.attrs.get("id") == "event-verdict")
    assert 'The court <script>alert("x")</script> found both guilty.' in verdict.text
    assert "<i>the</i>" not in text  # an alias with markup, escaped or absent


def test_every_event_is_in_the_chronology_in_order(case: Case, text: str) -> None:
    found = re.findall(r'<li class="event[^"]*" id="event-([a-z0-9-]+)">', text)
    assert found == [event.id for event in case.chronology]


def test_the_standing_table_has_each_defendant(page: Element) -> None:
    table = next(t for t in page.find_all("table") if "standing" in t.attrs.get("class", ""))
    rows = [tr for tr in table.find_all("tr") if tr.attrs.get("id", "").startswith("defendant-")]
    assert [tr.attrs["id"] for tr in rows] == ["defendant-ann", "defendant-accountant-no"]
    cells = [td.text for td in rows[0].find_all("td")]
    assert cells == [
        "guilty, 5 years' imprisonment, general regime (17 September 2025); appeal pending "
        "(filed 1 October 2025 onwards); in custody since 28 May 2025",
        "at least 217 days in custody",
    ]
    assert rows[1].find_all("th")[0].text == "N.O."


def test_sources_are_numbered_footnotes_once_each(case: Case, page: Element) -> None:
    notes = [li for li in page.find_all("li") if li.attrs.get("id", "").startswith("source-")]
    assert [li.attrs["id"] for li in notes] == [f"source-{n}" for n in range(1, 4)]
    links = {a.attrs["href"] for a in page.find_all("a") if a.attrs["href"].startswith("#")}
    assert links == {f"#source-{n}" for n in range(1, 4)}


def test_conflicts_are_shown_with_their_sides(page: Element) -> None:
    conflict = next(d for d in page.find_all("div") if "conflict" in d.attrs.get("class", ""))
    assert "Sources disagree (detention-day): When the detention happened" in conflict.text
    sides = [li.text for li in conflict.find_all("li")]
    assert sides == ["On 28 May[1]", "On 29 May; in the evening[3]"]  # numbered as first cited


def test_uncertain_dates_are_drawn_as_spans(case: Case, text: str) -> None:
    svg = text.split("<svg", 1)[1].split("</svg>", 1)[0]
    spans = re.findall(r'<rect class="span[^"]*" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', svg)
    marks = re.findall(r'<(?:circle|path) class="mark', svg)
    # Ann's row: c. May 2025, 28-30 May, June 2025 are spans; 28 May, 17 September are marks.
    assert len(spans) >= 3 and marks
    for x, width in spans:
        assert float(x) >= LABEL and float(x) + float(width) <= WIDTH - RIGHT + 0.1
    assert "<title>c. May 2025: Police search homes; seize laptops, phones</title>" in svg
    assert "The Daily founded" not in svg  # background events are left out of the drawing


def test_a_time_of_day_is_shown(tmp_path: Path) -> None:
    case = load_changed(tmp_path, ('date: "2025-09-10"', 'date: "2025-09-10T14:30:00+06:00"'))
    text = export_text(case, "html")
    assert "<time>10 September 2025, 14:30 UTC+06:00</time>" in text


def test_the_kloop_report_is_deterministic_and_private() -> None:
    kloop = load(DATA / "kloop.yaml")
    first, second = export_text(kloop, "html"), export_text(kloop, "html")
    assert first == second
    assert re.search(r"As of</dt><dd>\d{1,2} [A-Z][a-z]+ 20\d\d</dd>", first)
    for note in ("likely an error", "sentences left unchanged"):
        assert note in first


def test_custody_and_sentences_are_bars_and_standing_has_days() -> None:
    text = export_text(load(DATA / "kloop.yaml"), "html")
    assert '<td class="days">181 days in custody</td>' in text
    assert "<title>in custody: 28 May 2025 to 25 November 2025</title>" in text
    assert "<title>sentence: 3 years&#39; probation, from 25 November 2025</title>" in text
    assert "(goes on)</title>" in text  # a sentence that runs past the drawing


def test_some_day_between_is_drawn_as_a_span(tmp_path: Path) -> None:
    case = load_changed(tmp_path, ('date: "2025-09-10"', 'date: "[2025-09-01..2025-09-15]"'))
    text = export_text(case, "html")
    assert '<rect class="span" ' in text.split("Prosecutor asks for prison</title>")[0][-200:]
