#!/usr/bin/env python3
"""Render a TimelineJS export in real TimelineJS 3, in headless Chromium, and check it.

    .venv/bin/python scripts/check_timelinejs.py kloop
    .venv/bin/python scripts/check_timelinejs.py tests/fixtures/export/everything.yaml \\
        --screenshot /tmp/timeline.png

It exports the case (or reads `--json FILE`), loads it into TimelineJS 3 from the npm
package `@knight-lab/timelinejs` in a local page (no network), and checks what the
library made of it: no configuration errors, every event accepted and rendered as a
slide (found by its `unique_id`), the title slide, each headline shown as the text of
the event's title (so the HTML escaping is right) and no element injected from the data.

Needs, besides the project's virtualenv (not part of the test suite; CI may run it
where Chromium is present):

    apt-get install chromium
    npm install --prefix /tmp/timelinejs @knight-lab/timelinejs

and `--timelinejs /tmp/timelinejs/node_modules/@knight-lab/timelinejs` (or the
environment variable TIMELINEJS_DIR), unless the package is in ./node_modules.

Exit status: 0 the export renders, 1 a check failed, 2 Chromium or the package is missing.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

PACKAGE = Path("node_modules") / "@knight-lab" / "timelinejs"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PAGE = Path(__file__).with_name("timelinejs") / "check.html"
RESULT = re.compile(r'<pre id="result"[^>]*>(.*?)</pre>', re.DOTALL)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    chromium = args.chromium or next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)
    package = _package(args.timelinejs)
    if chromium is None or package is None:
        return _missing(chromium, package)
    data = _load(args)
    with tempfile.TemporaryDirectory(prefix="timelinejs-check-") as folder:
        page = _page(Path(folder), package, data)
        dom = _render(chromium, page, args.screenshot)
    found = RESULT.search(dom)
    if found is None:
        print(
            "check_timelinejs: the page did not report (TimelineJS did not load?)", file=sys.stderr
        )
        return 1
    result = json.loads(html.unescape(found.group(1)))
    problems = check(data, result)
    for problem in problems:
        print(f"check_timelinejs: {problem}", file=sys.stderr)
    if not problems:
        print(f"TimelineJS rendered the title slide and {result['events']} events: OK")
    return 1 if problems else 0


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("case", nargs="?", default="kloop", help="case id or .yaml path")
    parser.add_argument("--json", type=Path, help="check this TimelineJS JSON file instead")
    parser.add_argument("--timelinejs", type=Path, help="folder of @knight-lab/timelinejs")
    parser.add_argument("--chromium", help="the Chromium executable")
    parser.add_argument("--screenshot", type=Path, help="also save a PNG of the page")
    return parser.parse_args(argv)


def _package(explicit: Path | None) -> Path | None:
    candidates = [explicit] if explicit else []
    if os.environ.get("TIMELINEJS_DIR"):
        candidates.append(Path(os.environ["TIMELINEJS_DIR"]))
    candidates += [Path.cwd() / PACKAGE, Path(__file__).resolve().parents[1] / PACKAGE]
    for folder in candidates:
        if (folder / "dist" / "js" / "timeline.js").is_file():
            return folder
    return None


def _missing(chromium: str | None, package: Path | None) -> int:
    if chromium is None:
        print(
            "check_timelinejs: Chromium not found; install it: apt-get install chromium",
            file=sys.stderr,
        )
    if package is None:
        print(
            "check_timelinejs: the npm package @knight-lab/timelinejs was not found; install it:\n"
            "  npm install --prefix /tmp/timelinejs @knight-lab/timelinejs\n"
            "and pass --timelinejs /tmp/timelinejs/node_modules/@knight-lab/timelinejs",
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


def _page(folder: Path, package: Path, data: dict[str, Any]) -> Path:
    """The check page with the data inlined (as JSON that cannot close its script element)."""
    dist = package / "dist"
    inline = json.dumps(data).replace("<", "\\u003c")
    text = PAGE.read_text(encoding="utf-8")
    text = text.replace("{{css}}", (dist / "css" / "timeline.css").as_uri())
    text = text.replace("{{js}}", (dist / "js" / "timeline.js").as_uri())
    text = text.replace("{{data}}", inline)
    page = folder / "check.html"
    page.write_text(text, encoding="utf-8")
    return page


def _render(chromium: str, page: Path, screenshot: Path | None) -> str:
    common = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--allow-file-access-from-files",
        "--virtual-time-budget=15000",
        "--window-size=1200,900",
    ]
    done = subprocess.run(
        [*common, "--dump-dom", page.as_uri()],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if screenshot is not None:
        subprocess.run(
            [*common, f"--screenshot={screenshot.resolve()}", page.as_uri()],
            check=False,
            capture_output=True,
            timeout=120,
        )
    return done.stdout


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
    return problems


if __name__ == "__main__":
    sys.exit(main())
