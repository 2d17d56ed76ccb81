"""`timeline export`: a case in another format, on stdout or into a file."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from timeline.cli.app import CASE_ARGUMENT, app, data_dir, fail
from timeline.exporters import EXPORTERS

# The --format choices are the registry's keys (an Enum, which every Typer version turns
# into a checked choice listed in the help).
Format = StrEnum("Format", {name: name for name in EXPORTERS})  # type: ignore[misc]
DEFAULT_FORMAT = Format("markdown")


@app.command()
def export(
    case: Annotated[str, CASE_ARGUMENT],
    format: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="The output format (docs/exports.md describes each).",
        ),
    ] = DEFAULT_FORMAT,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to FILE (replaced only when the export succeeds) instead of stdout.",
            dir_okay=False,
            metavar="FILE",
        ),
    ] = None,
    mermaid: Annotated[
        bool, typer.Option("--mermaid", help="markdown: add a Mermaid timeline diagram.")
    ] = False,
    ics_spans: Annotated[
        bool,
        typer.Option(
            "--ics-spans",
            help="ics: export events without a day (a month, a season, a year) as all-day spans.",
        ),
    ] = False,
) -> None:
    """Export a case as Markdown, JSON, CSV, iCalendar or TimelineJS.

    Events come in the order of `timeline show`; initials-only people appear
    only as their initials. Notices (such as events left out of a calendar)
    go to stderr. Exit status: 0 exported, 1 the case file is invalid, 2 an
    unknown case or a file that cannot be written.

    Examples:

      timeline export kloop --format markdown --mermaid -o kloop.md

      timeline export kloop -f csv > kloop.csv

      timeline export data/cases/kloop.yaml -f ics --ics-spans -o kloop.ics
    """
    from timeline.exporters import ExportOptions
    from timeline.store.repository import load_case

    notices: list[str] = []
    loaded = load_case(case, data_dir(), notices)
    for notice in notices:
        sys.stderr.write(f"timeline: {notice}\n")
    result = EXPORTERS[format.value](loaded, ExportOptions(mermaid=mermaid, ics_spans=ics_spans))
    for notice in result.notices:
        sys.stderr.write(f"timeline: notice: {notice}\n")
    raw = result.text.encode("utf-8")
    if output is None or str(output) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(raw)
        sys.stdout.buffer.flush()
        return
    _write(output, raw)


def _write(path: Path, raw: bytes) -> None:
    from timeline.store.atomic import write_atomic

    try:
        write_atomic(path, raw)
    except OSError as error:
        fail(f"cannot write {path}: {error.strerror or error}")
