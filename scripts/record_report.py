#!/usr/bin/env python3
"""Take the README's picture of the HTML report: the top of the Kloop report in Chromium.

    .venv/bin/python scripts/record_report.py      # writes docs/images/report-kloop.png

Needs Chromium (`apt-get install chromium`) and the test extra (Playwright).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "images" / "report-kloop.png"


def main() -> int:
    from playwright.sync_api import sync_playwright

    from timeline.exporters import EXPORTERS
    from timeline.store.repository import load_case

    chromium = shutil.which("chromium")
    if chromium is None:
        print("record_report: Chromium not found: apt-get install chromium", file=sys.stderr)
        return 2
    text = EXPORTERS["html"](load_case("kloop", ROOT / "data" / "cases")).text
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        page_file = Path(folder) / "kloop.html"
        page_file.write_text(text, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1000, "height": 1150})
        page.goto(page_file.as_uri())
        page.screenshot(path=str(OUT))
        browser.close()
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
