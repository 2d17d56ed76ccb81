"""`timeline export` takes the filters of `timeline show`, with their meaning, in every format."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from test_export_support import FIXTURES, load
from timeline.cli import app
from timeline.exporters import EXPORTERS
from timeline.exporters import markup as md
from timeline.views.query import select_events

runner = CliRunner()
DATA = ["--data-dir", str(FIXTURES)]
FILTERS = [
    ["--key"],
    ["--from", "2025-09"],
    ["--to", "2025-05-28", "--type", "detention", "--type", "search"],
    ["--person", "N.O."],
    ["--from", "2025-06", "--person", "Ann Example"],
]


def exported_ids(format: str, text: str) -> list[str]:
    """The event ids in an export, in its order."""
    if format == "json":
        return [event["id"] for event in json.loads(text)["case"]["events"]]
    if format == "csv":
        return [row["id"] for row in csv.DictReader(io.StringIO(text, newline=""))]
    if format == "ics":
        uids = [str(e["UID"]) for e in Calendar.from_ical(text).walk("VEVENT")]
        return [uid.split("@")[0] for uid in uids]
    if format == "timelinejs":
        return [event["unique_id"] for event in json.loads(text)["events"]]
    return re.findall(r'id="event-([a-z0-9-]+)"', text)  # html


def _options(args: list[str]) -> dict[str, object]:
    found: dict[str, object] = {"types": [], "people": []}
    pairs = iter(args)
    for arg in pairs:
        if arg == "--key":
            found["key_only"] = True
        else:
            name = {"--from": "from_", "--to": "to", "--type": "types", "--person": "people"}[arg]
            value = next(pairs)
            found[name] = [*found[name], value] if name in ("types", "people") else value  # type: ignore[list-item,misc]
    return found


# Formats of one case (sqlite holds every case and takes no filters).
ONE_CASE = sorted(name for name, exporter in EXPORTERS.items() if not exporter.every)


@pytest.mark.parametrize("args", FILTERS, ids=" ".join)
@pytest.mark.parametrize("format", sorted(set(ONE_CASE) - {"markdown"}))
def test_every_export_keeps_the_events_that_show_keeps(format: str, args: list[str]) -> None:
    case = load()
    expected = [e.id for e in select_events(case, **_options(args))]  # type: ignore[arg-type]
    assert expected and len(expected) < len(case.events)
    result = runner.invoke(app, [*DATA, "export", "everything", "-f", format, "--ics-spans", *args])
    assert result.exit_code == 0, result.stderr
    found = exported_ids(format, result.stdout)
    if format == "ics":  # an open-ended date has no place in a calendar, even as a span
        expected = [ref for ref in expected if case.index[ref].date.latest is not None]
    assert found == expected


@pytest.mark.parametrize("args", FILTERS, ids=" ".join)
def test_markdown_keeps_the_events_that_show_keeps(args: list[str]) -> None:
    case = load()
    kept = {e.id for e in select_events(case, **_options(args))}  # type: ignore[arg-type]
    result = runner.invoke(app, [*DATA, "export", "everything", *args])
    assert result.exit_code == 0, result.stderr
    chronology = result.stdout.split("## Chronology", 1)[1].split("\n## ", 1)[0]
    for event in case.events:
        title = md.text(event.title)
        line = f"**{title}**" if event.key else f": {title} *("
        assert (line in chronology) == (event.id in kept), event.id
    assert f"{len(kept)} of {len(case.events)} events: {' '.join(args)}" in result.stdout


def test_a_filtered_json_export_says_what_chose_its_events() -> None:
    result = runner.invoke(app, [*DATA, "export", "everything", "-f", "json", "--key"])
    assert json.loads(result.stdout)["filters"] == "--key"
    whole = runner.invoke(app, [*DATA, "export", "everything", "-f", "json"])
    assert "filters" not in json.loads(whole.stdout)


def test_a_bad_filter_is_a_usage_error_as_in_show() -> None:
    result = runner.invoke(app, [*DATA, "export", "everything", "-f", "csv", "--person", "zed"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no person or organization 'zed' in case 'everything'" in result.stderr
    assert "ann (Ann Example)" in result.stderr


def test_the_filters_do_not_apply_to_every_case() -> None:
    result = runner.invoke(app, [*DATA, "export", "--all", "-f", "sqlite", "-o", "x.db", "--key"])
    assert result.exit_code == 2
    assert "the filters of show apply to one case, not to --all" in result.stderr
