"""Golden files: every format of the Kloop case and of the export fixture, byte for byte.

After an intended change to an export (or to the case files), regenerate them with

    TIMELINE_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/test_export_golden.py

and review the diff of tests/golden/ like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import DATA
from test_export_support import EVERYTHING, load
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
