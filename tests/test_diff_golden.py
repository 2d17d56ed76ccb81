"""Golden files: the diff of the Kloop case against an edited copy, in every format.

The edits are made on the loaded case (not on its text), so that they keep working as the
case file grows. After an intended change to the diff, or to data/cases/kloop.yaml,
regenerate them with

    TIMELINE_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/test_diff_golden.py

and review the diff of tests/fixtures/diff/golden/ like any other change.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from typing import Any

import cmarkgfm
import pytest

from conftest import DATA
from test_diff_support import FIXTURES, load
from timeline.diff import CaseDiff, Version, diff_cases
from timeline.model.case import Case
from timeline.views.diff import RENDERERS

GOLDEN = FIXTURES / "golden"
REGENERATE = os.environ.get("TIMELINE_REGEN_GOLDEN") == "1"
SUFFIXES = {"text": ".txt", "markdown": ".md", "json": ".json"}


def edited(case: Case) -> Case:
    """The case as a pull request might change it: retitle, re-date, rename, re-sentence..."""
    data: dict[str, Any] = case.model_dump(mode="json")
    events = data["events"]
    events[0]["title"] += " (edited)"
    events[1]["date"] = events[-1]["date"]  # moved, past other events
    old_id = events[2]["id"]
    events[2]["id"] = old_id + "-renamed"
    for event in events:
        event["after"] = [events[2]["id"] if ref == old_id else ref for ref in event["after"]]
    cited = next(e for e in events if len(e["sources"]) >= 2)
    del cited["sources"][0]
    sentenced = next(e for e in events if e["outcomes"])
    outcome = sentenced["outcomes"][0]
    outcome["term"] = "P4Y" if outcome["term"] != "P4Y" else "P3Y"
    events.append(
        {
            "id": "golden-added",
            "date": "2025-12-01",
            "type": "statement",
            "title": "A <b>statement</b> | with a pipe",
            "description": "A long description with *markup*, `code`, <script>x</script> and a\n"
            "second line that makes it long enough to be folded away in Markdown.",
            "sources": [{"ref": data["sources"][0]["id"]}],
        }
    )
    data["status"] = "appeal" if data["status"] != "appeal" else "closed"
    data["tags"] = [*data["tags"][1:], "golden"]
    return Case.model_validate(data)


@pytest.fixture(scope="module")
def diff() -> CaseDiff:
    kloop = load(DATA / "kloop.yaml")
    version = Version(id="kloop", file="data/cases/kloop.yaml")
    return diff_cases(
        kloop,
        edited(kloop),
        old_version=replace(version, rev="main"),
        new_version=version,
    )


@pytest.mark.parametrize("format", list(SUFFIXES))
def test_diff_matches_its_golden_file(diff: CaseDiff, format: str) -> None:
    raw = RENDERERS[format](diff, False).encode("utf-8")
    golden = GOLDEN / f"kloop{SUFFIXES[format]}"
    if REGENERATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(raw)
    assert golden.is_file(), f"no golden file {golden}: run with TIMELINE_REGEN_GOLDEN=1"
    assert golden.read_bytes() == raw, (
        f"{golden.name} differs from the diff; if the change is intended, "
        "regenerate with TIMELINE_REGEN_GOLDEN=1 and review the diff"
    )


def test_the_edits_are_all_reported(diff: CaseDiff) -> None:
    kinds = [(c.kind, c.section) for c in diff.changes]
    assert ("renamed", "events") in kinds
    assert ("added", "events") in kinds
    assert ("changed", "case") in kinds
    places = [c.date_change.place for c in diff.changes if c.date_change]
    assert any(place is not None for place in places)
    assert any(f.path.startswith("outcomes[") for c in diff.changes for f in c.fields)
    document = json.loads(RENDERERS["json"](diff, False))
    assert document["summary"]["renamed"] == 1


def test_the_markdown_golden_renders_without_html_from_the_data(diff: CaseDiff) -> None:
    html = cmarkgfm.github_flavored_markdown_to_html(RENDERERS["markdown"](diff, False))
    assert "<script>" not in html and "<b>statement" not in html
    assert "&lt;b&gt;statement&lt;/b&gt; | with a pipe" in html
