"""Golden files: every format of the Kloop case and of the export fixture, byte for byte.

After an intended change to an export (or to the case files), regenerate them with

    TIMELINE_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/test_export_golden.py

and review the diff of tests/golden/ like any other change.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import jsonschema
import pytest
from icalendar import Calendar

from conftest import DATA
from test_export_support import EVERYTHING, FIXTURES, load, parse_html, render_markdown
from timeline.exporters import EXPORTERS, ExportOptions

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("TIMELINE_REGEN_GOLDEN") == "1"
CASES = {"kloop": DATA / "kloop.yaml", "everything": EVERYTHING}
# file suffix -> (format, options)
VARIANTS = {
    ".md": ("markdown", ExportOptions(mermaid=True)),
    ".json": ("json", ExportOptions()),
    ".csv": ("csv", ExportOptions()),
    ".ics": ("ics", ExportOptions()),
    ".spans.ics": ("ics", ExportOptions(ics_spans=True)),
    ".timelinejs.json": ("timelinejs", ExportOptions()),
    ".html": ("html", ExportOptions()),
}


@pytest.mark.parametrize("suffix", VARIANTS)
@pytest.mark.parametrize("name", CASES)
def test_export_matches_its_golden_file(name: str, suffix: str) -> None:
    format, options = VARIANTS[suffix]
    raw = EXPORTERS[format](load(CASES[name]), options).text.encode("utf-8")
    golden = GOLDEN / f"{name}{suffix}"
    if REGENERATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(raw)
    assert golden.is_file(), f"no golden file {golden}: run with TIMELINE_REGEN_GOLDEN=1"
    assert golden.read_bytes() == raw, (
        f"{golden.name} differs from the export; if the change is intended, "
        "regenerate with TIMELINE_REGEN_GOLDEN=1 and review the diff"
    )


def test_every_golden_file_is_checked() -> None:
    expected = {f"{name}{suffix}" for name in CASES for suffix in VARIANTS}
    assert {p.name for p in GOLDEN.iterdir()} == expected


def test_the_kloop_exports_read_back() -> None:
    """The real case through the same consumers as the fixture."""
    case = load(CASES["kloop"])
    rows = list(csv.DictReader(io.StringIO((GOLDEN / "kloop.csv").read_text("utf-8"), newline="")))
    assert [row["id"] for row in rows] == [event.id for event in case.chronology]
    calendar = Calendar.from_ical((GOLDEN / "kloop.spans.ics").read_text("utf-8"))
    # With spans, every date that ends is on the calendar, except one day of a set.
    spans = [e for e in case.events if e.date.latest and not e.date.one_of]
    assert len(calendar.walk("VEVENT")) >= len(spans)
    schema = json.loads((FIXTURES / "timelinejs.schema.json").read_text("utf-8"))
    jsonschema.validate(json.loads((GOLDEN / "kloop.timelinejs.json").read_text("utf-8")), schema)
    text = (GOLDEN / "kloop.md").read_text("utf-8")
    html = parse_html(render_markdown(text))
    cited = set(re.findall(r"(?<!\\)\[\^([a-z0-9-]+)\](?!:)", text))
    notes = {
        li.attrs["id"][3:] for li in html.find_all("li") if li.attrs.get("id", "")[:3] == "fn-"
    }
    assert cited and notes == cited
    for table in html.find_all("table"):
        assert len({len(r.find_all("td") or r.find_all("th")) for r in table.find_all("tr")}) == 1
    for word in ("N.O.", "K.E."):
        assert word in text
