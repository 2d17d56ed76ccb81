#!/usr/bin/env python3
"""Render a TimelineJS export in real TimelineJS 3, in headless Chromium, and check it.

    .venv/bin/python scripts/check_timelinejs.py kloop
    .venv/bin/python scripts/check_timelinejs.py tests/fixtures/export/everything.yaml \\
        --screenshot /tmp/timeline.png --height 650

It exports the case (or reads `--json FILE`), loads it into TimelineJS 3 from the npm
package `@knight-lab/timelinejs` in a local page, and checks what the library made of it:
no configuration errors, no error on the console, no failed or remote resource (the page
may load nothing from the network), every event accepted and rendered as a slide (found by
its `unique_id`), the title slide, each headline shown as the text of the event's title
(so the HTML escaping is right), no element injected from the data, and each slide's text
inside the slide at the embed's height (650 pixels by default, what newsrooms use), so
that nothing is cut off.

Needs, besides the project's virtualenv with its test extra (Playwright drives the
browser; Playwright's own browser download is not needed):

    apt-get install chromium
    npm ci --prefix tests/tools    # tests/tools/package.json names @knight-lab/timelinejs

or `--timelinejs FOLDER` (or the environment variable TIMELINEJS_DIR) for another copy of
the package. `.ci/run` installs both, and `tests/test_browser.py` runs these checks.

Exit status: 0 the export renders, 1 a check failed, 2 Chromium, Playwright or the package
is missing.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

PACKAGE = Path("tests") / "tools" / "node_modules" / "@knight-lab" / "timelinejs"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PAGE = Path(__file__).with_name("timelinejs") / "check.html"


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    chromium = args.chromium or find_chromium()
    package = _package(args.timelinejs)
    if chromium is None or package is None or not _has_playwright():
        return _missing(chromium, package)
    data = _load(args)
    result = render(data, package, chromium, height=args.height, screenshot=args.screenshot)
    problems = check(data, result)
    for problem in problems:
        print(f"check_timelinejs: {problem}", file=sys.stderr)
    if not problems:
        print(f"TimelineJS rendered the title slide and {result['events']} events: OK")
    return 1 if problems else 0


def find_chromium() -> str | None:
    return next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)


def _has_playwright() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("case", nargs="?", default="kloop", help="case id or .yaml path")
    parser.add_argument("--json", type=Path, help="check this TimelineJS JSON file instead")
    parser.add_argument("--timelinejs", type=Path, help="folder of @knight-lab/timelinejs")
    parser.add_argument("--chromium", help="the Chromium executable")
    parser.add_argument("--screenshot", type=Path, help="also save a PNG of the page")
    parser.add_argument("--height", type=int, default=650, help="embed height in pixels")
    return parser.parse_args(argv)


def _package(explicit: Path | None) -> Path | None:
    candidates = [explicit] if explicit else []
    if os.environ.get("TIMELINEJS_DIR"):
        candidates.append(Path(os.environ["TIMELINEJS_DIR"]))
    candidates.append(Path(__file__).resolve().parents[1] / PACKAGE)
    for folder in candidates:
        if (folder / "dist" / "js" / "timeline.js").is_file():
            return folder
    return None


def _missing(chromium: str | None, package: Path | None) -> int:
    if not _has_playwright():
        print(
            "check_timelinejs: Playwright not found; install the test extra: "
            "pip install -e '.[test]'",
            file=sys.stderr,
        )
    if chromium is None:
        print(
            "check_timelinejs: Chromium not found; install it: apt-get install chromium",
            file=sys.stderr,
        )
    if package is None:
        print(
            "check_timelinejs: the npm package @knight-lab/timelinejs was not found; install it "
            "with npm ci --prefix tests/tools, or pass --timelinejs FOLDER",
            file=sys.stderr,
        )
    return 2


def _load(args: argparse.Namespace) -> dict[str, Any]:
    if args.json:
        loaded: dict[str, Any] = json.loads(args.json.read_text(encoding="utf-8"))
        return loaded
    from timeline.exporters import EXPORTERS
    from timeline.store.repository import data_dir, load_case

    exported: dict[str, Any] = json.loads(
        EXPORTERS["timelinejs"](load_case(args.case, data_dir())).text
    )
    return exported


def _page(folder: Path, package: Path, data: dict[str, Any], height: int) -> Path:
    """The check page with the data inlined (as JSON that cannot close its script element)."""
    dist = package / "dist"
    inline = json.dumps(data).replace("<", "\\u003c")
    text = PAGE.read_text(encoding="utf-8")
    text = text.replace("{{css}}", (dist / "css" / "timeline.css").as_uri())
    text = text.replace("{{js}}", (dist / "js" / "timeline.js").as_uri())
    text = text.replace("{{height}}", str(height))
    text = text.replace("{{data}}", inline)
    page = folder / "check.html"
    page.write_text(text, encoding="utf-8")
    return page


def render(
    data: dict[str, Any],
    package: Path,
    chromium: str,
    *,
    height: int = 650,
    width: int = 1000,
    screenshot: Path | None = None,
    browser: Any = None,
) -> dict[str, Any]:
    """What TimelineJS made of `data`, with the console's and the resources' errors.

    `browser`: a Playwright browser to use (the tests keep one open), else one is launched.
    """
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(
                executable_path=chromium, args=["--no-sandbox", "--allow-file-access-from-files"]
            )
            try:
                return render(
                    data,
                    package,
                    chromium,
                    height=height,
                    width=width,
                    screenshot=screenshot,
                    browser=launched,
                )
            finally:
                launched.close()
    with tempfile.TemporaryDirectory(prefix="timelinejs-check-") as folder:
        page_file = _page(Path(folder), package, data, height)
        page = browser.new_page(viewport={"width": width, "height": height})
        console, resources = _listen(page)
        page.goto(page_file.as_uri())
        page.wait_for_function(
            "document.getElementById('result').textContent !== ''", timeout=30_000
        )
        result: dict[str, Any] = json.loads(page.inner_text("#result") or "{}")
        if screenshot is not None:
            page.screenshot(path=str(screenshot))
        page.close()
    return {**result, "console": console, "resources": resources}


def _listen(page: Any) -> tuple[list[str], list[str]]:
    """Collect console errors and warnings, page errors, and failed or remote requests."""
    console: list[str] = []
    resources: list[str] = []

    def on_console(message: Any) -> None:
        if message.type in ("error", "warning"):
            console.append(f"{message.type}: {message.text}")

    def on_request(request: Any) -> None:
        if not request.url.startswith(("file:", "data:", "blob:", "about:")):
            resources.append(f"network request: {request.url}")

    def on_response(response: Any) -> None:
        if response.status >= 400:
            resources.append(f"HTTP {response.status}: {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: console.append(f"page error: {error}"))
    page.on("requestfailed", lambda request: resources.append(f"failed: {request.url}"))
    page.on("request", on_request)
    page.on("response", on_response)
    return console, resources


def check(data: dict[str, Any], result: dict[str, Any]) -> list[str]:
    """What went wrong, comparing the export with what TimelineJS rendered."""
    problems = [f"TimelineJS error: {error}" for error in result["errors"]]
    expected = len(data["events"])
    if result["events"] != expected:
        problems.append(f"TimelineJS accepted {result['events']} of {expected} events")
    missing = sorted(set(e["unique_id"] for e in data["events"]) - set(result["ids"]))
    if missing:
        problems.append("no slide for: " + ", ".join(missing))
    if "title" in data and not result["title"]:
        problems.append("no title slide")
    shown = set(result["headlines"])
    for event in data["events"]:
        headline = html.unescape(event["text"]["headline"])
        if headline not in shown:
            problems.append(f"headline not shown as text: {headline!r}")
    if result["injected"]:
        problems.append(f"elements from the data were rendered: {result['injected']}")
    problems += [f"console: {line}" for line in result.get("console", [])]
    problems += [f"resource: {line}" for line in result.get("resources", [])]
    problems += cut_off(result.get("geometry", []))
    return problems


def cut_off(geometry: list[dict[str, Any]]) -> list[str]:
    """Slides whose headline starts above the slide or whose text ends below it."""
    found = []
    for slide in geometry:
        top, bottom, height = slide["top"], slide["bottom"], slide["height"]
        if top is None or bottom is None:
            continue
        if top < 0 or bottom > height:
            found.append(
                f"the text of slide {slide['id']} is cut off: it runs from {top} to {bottom} "
                f"pixels in a slide {height} pixels high"
            )
    return found


if __name__ == "__main__":
    sys.exit(main())
