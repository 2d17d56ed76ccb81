"""The exports in a real browser: headless Chromium driven by Playwright.

- the HTML report: no console error, no request but the page itself, the standing table and
  every event on the page, a print to PDF, and a screenshot within a tolerance of a stored one;
- TimelineJS 3 (npm `@knight-lab/timelinejs`) rendering the export of every case file (and of
  the export fixture) at the 650-pixel embed height: every slide with its headline, no text
  cut off, no console or resource error (`scripts/check_timelinejs.py` does the checking);
- Mermaid (npm `mermaid`) drawing the Markdown export's diagram of a 30-event case at the
  width of a GitHub page: the text keeps a readable size.

They need Chromium (`apt-get install chromium`), Playwright (the test extra) and the npm
packages (`npm ci --prefix tests/tools`); `.ci/run` installs all three. Outside CI a
missing piece skips these tests with a message saying what to install; in CI (`CI=true`)
it fails them, so that they never pass by not running. Regenerate the stored screenshot
with TIMELINE_REGEN_GOLDEN=1 and look at it before committing.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, REPO
from test_export_support import EVERYTHING, export_text, load

SCREENSHOTS = Path(__file__).parent / "screenshots"
REGENERATE = os.environ.get("TIMELINE_REGEN_GOLDEN") == "1"
NODE_MODULES = REPO / "tests" / "tools" / "node_modules"
GITHUB_WIDTH = 830  # the width of a README's text column on github.com, in CSS pixels
# A pixel differs when a channel differs by more than this; at most this share may differ.
PIXEL_TOLERANCE, SHARE_TOLERANCE = 40, 0.01


def _require(what: str, found: object) -> None:
    if found:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing in CI: .ci/run must install it")
    pytest.skip(f"{what} is missing (see the docstring of tests/test_browser.py)")


def _checker() -> Any:
    path = REPO / "scripts" / "check_timelinejs.py"
    spec = importlib.util.spec_from_file_location("check_timelinejs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_timelinejs"] = module
    spec.loader.exec_module(module)
    return module


CHECKER = _checker()


@pytest.fixture(scope="module")
def chromium() -> str:
    found = CHECKER.find_chromium()
    _require("Chromium (apt-get install chromium)", found)
    _require("Playwright (pip install -e '.[test]')", CHECKER._has_playwright())
    return str(found)


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--allow-file-access-from-files"]
        )
        yield launched
        launched.close()


# --- the HTML report -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The Kloop report opened in Chromium, with what the page logged and requested."""
    path = tmp_path_factory.mktemp("report") / "kloop.html"
    path.write_text(export_text(load(DATA / "kloop.yaml"), "html"), "utf-8")
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    console: list[str] = []
    requests: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: console.append(f"error: {error}"))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    yield {"page": page, "console": console, "requests": requests, "url": path.as_uri()}
    page.close()


def test_the_report_logs_nothing_and_requests_nothing_else(report: dict[str, Any]) -> None:
    assert report["console"] == []
    assert report["requests"] == [report["url"]]


def test_the_standing_table_and_every_event_show(report: dict[str, Any]) -> None:
    page = report["page"]
    case = load(DATA / "kloop.yaml")
    names = page.locator("table.standing tbody th").all_inner_texts()
    assert names == ["Aleksandr Aleksandrov", "Zhoomart Duulatov", "N.O.", "K.E."]
    standing = page.locator("#defendant-accountant-no td").first.inner_text()
    assert standing.startswith("guilty, 3 years' probation (17 September 2025)")
    days = page.locator("#defendant-aleksandrov td.days").inner_text()
    assert days == "181 days in custody"
    for event in case.events:
        item = page.locator(f"#event-{event.id}")
        assert item.is_visible(), event.id
        assert " ".join(event.title.split()) in item.locator(".title").inner_text()


def test_the_drawing_fits_the_page_and_shows_uncertain_dates(report: dict[str, Any]) -> None:
    page = report["page"]
    svg = page.locator("#drawing svg").bounding_box()
    body = page.locator("body").bounding_box()
    assert svg is not None and body is not None
    assert svg["width"] <= body["width"]
    assert page.locator("#drawing rect.span").count() >= 4  # "some day between" dates
    assert page.locator("#drawing .mark.key").count() >= 5


def test_the_report_prints_to_pdf(report: dict[str, Any]) -> None:
    page = report["page"]
    page.emulate_media(media="print")
    width = page.evaluate("document.documentElement.scrollWidth")
    pdf = page.pdf(format="A4", print_background=True)
    page.emulate_media(media="screen")
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 3
    assert width <= 1000  # nothing wider than the page in print


def test_the_report_looks_as_it_did(report: dict[str, Any], tmp_path: Path) -> None:
    from PIL import Image, ImageChops

    stored = SCREENSHOTS / "kloop-report.png"
    shot = tmp_path / "kloop-report.png"
    report["page"].screenshot(path=str(shot), full_page=True)
    if REGENERATE:
        SCREENSHOTS.mkdir(exist_ok=True)
        stored.write_bytes(shot.read_bytes())
    assert stored.is_file(), "no stored screenshot: run with TIMELINE_REGEN_GOLDEN=1"
    with Image.open(stored) as old, Image.open(shot) as new:
        assert old.size == new.size, f"the page is now {new.size}, it was {old.size}"
        red, green, blue = ImageChops.difference(old.convert("RGB"), new.convert("RGB")).split()
        largest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
        changed = sum(largest.histogram()[PIXEL_TOLERANCE + 1 :])
    share = changed / (old.size[0] * old.size[1])
    assert share <= SHARE_TOLERANCE, f"{share:.2%} of the pixels changed (see {shot})"


# --- TimelineJS ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def timelinejs() -> Path:
    package = CHECKER._package(None)
    _require("the npm package @knight-lab/timelinejs (npm ci --prefix tests/tools)", package)
    return Path(package)


@pytest.mark.parametrize(
    "path",
    [*sorted(DATA.glob("*.yaml")), EVERYTHING],
    ids=lambda path: path.stem,
)
def test_timelinejs_shows_every_slide_whole_at_650_pixels(
    path: Path, chromium: str, browser: Any, timelinejs: Path
) -> None:
    data = json.loads(export_text(load(path), "timelinejs"))
    result = CHECKER.render(data, timelinejs, chromium, height=650, browser=browser)
    assert CHECKER.check(data, result) == []
    assert result["events"] == len(data["events"])
    assert {g["id"] for g in result["geometry"]} >= {e["unique_id"] for e in data["events"]}


def test_the_timelinejs_check_finds_cut_off_text(
    chromium: str, browser: Any, timelinejs: Path
) -> None:
    """The check is not blind: a slide with far too much text is reported."""
    data = json.loads(export_text(load(EVERYTHING), "timelinejs"))
    data["events"][0]["text"]["text"] = "<p>Words.</p>" * 80
    result = CHECKER.render(data, timelinejs, chromium, height=650, browser=browser)
    problems = CHECKER.check(data, result)
    assert any("is cut off" in problem for problem in problems)


# --- Mermaid ---------------------------------------------------------------------------------


def _thirty_events(folder: Path) -> Path:
    """A case of 30 events, 6 of them key, over a year and a half."""
    text = EVERYTHING.read_text("utf-8").split("\nevents:\n", 1)[0]
    lines = ["", "events:"]
    for number in range(30):
        month, day = 1 + number % 12, 1 + number
        year = 2024 + number // 18
        lines += [
            f"  - id: event-{number}",
            f'    date: "{year}-{month:02d}-{min(day, 28):02d}"',
            "    type: hearing",
            f"    title: Hearing number {number} in the case, with a long title",
            f"    key: {'true' if number % 5 == 0 else 'false'}",
            "    sources: [news-1]",
        ]
    path = folder / "thirty.yaml"
    path.write_text(text.replace("id: everything", "id: thirty") + "\n".join(lines) + "\n")
    return path


def _mermaid_scale(browser: Any, diagram: str) -> float:
    """How much Mermaid's SVG is shrunk to fit a GitHub text column (1 = not at all)."""
    script = NODE_MODULES / "mermaid" / "dist" / "mermaid.min.js"
    page = browser.new_page(viewport={"width": GITHUB_WIDTH + 40, "height": 800})
    page.set_content(f'<div id="d" style="width:{GITHUB_WIDTH}px"></div>')
    page.add_script_tag(path=str(script))
    svg = page.evaluate(
        """async (text) => {
            mermaid.initialize({startOnLoad: false, securityLevel: "strict"});
            const {svg} = await mermaid.render("diagram", text);
            document.getElementById("d").innerHTML = svg;
            const element = document.querySelector("#d svg");
            return {rendered: element.getBoundingClientRect().width,
                    natural: element.viewBox.baseVal.width};
        }""",
        diagram,
    )
    page.close()
    return float(svg["rendered"]) / float(svg["natural"])


def test_the_mermaid_diagram_of_thirty_events_stays_readable(browser: Any, tmp_path: Path) -> None:
    _require(
        "the npm package mermaid (npm ci --prefix tests/tools)", (NODE_MODULES / "mermaid").is_dir()
    )
    case = load(_thirty_events(tmp_path))
    for source in (case, load(DATA / "kloop.yaml")):
        text = export_text(source, "markdown", mermaid=True)
        diagrams = [block.split("```", 1)[0] for block in text.split("```mermaid\n")[1:]]
        assert diagrams
        for diagram in diagrams:
            scale = _mermaid_scale(browser, diagram)
            # Text shrunk below two thirds of its size (16 px -> under 11 px) is hard to read.
            assert scale >= 0.66, f"{source.id}: a diagram is drawn at {scale:.0%} of its size"
    # The measurement is not blind: every event in one diagram is drawn far smaller.
    every = "timeline\n" + "\n".join(f"    {e.date.text} : {e.title}" for e in case.chronology)
    assert _mermaid_scale(browser, every) < 0.66 * scale
