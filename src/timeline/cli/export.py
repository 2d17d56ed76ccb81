"""`timeline export`: a case in another format, on stdout or into a file."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from timeline.cli.app import EXIT_FINDINGS, app, complete_case, data_dir, fail
from timeline.cli.filters import FromOption, KeyOption, PersonOption, ToOption, TypeOption
from timeline.exporters import EXPORTERS
from timeline.views.safe import inert, visible

if TYPE_CHECKING:
    from collections.abc import Iterator

    from timeline.exporters import ExportOptions
    from timeline.load.validation import FileReport
    from timeline.model.case import Case
    from timeline.views.query import ShowFilters

# The --format choices are the registry's keys (an Enum, which every Typer version turns
# into a checked choice listed in the help).
Format = StrEnum("Format", {name: name for name in EXPORTERS})  # type: ignore[misc]
DEFAULT_FORMAT = Format("markdown")


@app.command()
def export(  # noqa: PLR0917  (each parameter is a command-line option)
    case: Annotated[
        str | None,
        typer.Argument(
            metavar="CASE",
            help="A case id (such as kloop) or a path to a .yaml file (or --all).",
            autocompletion=complete_case,
        ),
    ] = None,
    every: Annotated[
        bool,
        typer.Option(
            "--all", help="Every case of the data directory in one export (format sqlite)."
        ),
    ] = False,
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
    from_: FromOption = None,
    to: ToOption = None,
    types: TypeOption = None,
    people: PersonOption = None,
    key: KeyOption = False,
) -> None:
    """Export a case as Markdown, HTML, JSON, CSV, iCalendar, TimelineJS or SQLite.

    Events come in the order of `timeline show`; initials-only people appear
    only as their initials. Notices (such as events left out of a calendar)
    go to stderr. The filters are those of `timeline show`, with the same
    meaning (one case only). With --all, every case of the data directory goes into one
    SQLite database (-o FILE is then required); if any case file is invalid,
    nothing is written. Exit status: 0 exported, 1 a case file is invalid, 2
    an unknown case or a file that cannot be written.

    Examples:

      timeline export kloop --format markdown --mermaid -o kloop.md

      timeline export kloop -f csv > kloop.csv

      timeline export data/cases/kloop.yaml -f ics --ics-spans -o kloop.ics

      timeline export --all --format sqlite -o cases.db

      timeline export kloop -f csv --from 2025-09 --person N.O.

      timeline export kloop -f html -o kloop.html
    """
    from timeline.exporters import ExportOptions

    exporter = EXPORTERS[format.value]
    to_stdout = output is None or str(output) == "-"
    if (case is None) == (not every):
        fail("give a CASE or --all (and not both)")
    if every and not exporter.every:
        fail(f"--all needs a format that holds many cases: {', '.join(_every_formats())}")
    from timeline.views.query import ShowFilters

    filters = ShowFilters(from_, to, tuple(types or ()), tuple(people or ()), key)
    if every and filters.active:
        fail("the filters of show apply to one case, not to --all")
    options = ExportOptions(mermaid=mermaid, ics_spans=ics_spans, filters=filters.words())
    if every:
        invalid: list[tuple[Path, FileReport]] = []
        result = exporter.export_all(_valid_cases(invalid), options)
        _refuse_invalid(invalid)
    else:
        from timeline.store.repository import load_case

        notices: list[str] = []
        loaded = load_case(str(case), data_dir(), notices)
        for notice in notices:
            sys.stderr.write(f"timeline: {notice}\n")
        result = exporter(loaded, _chosen(loaded, filters, options))
    if to_stdout and result.data is not None:
        fail(f"the {format.value} format is written to a file: give -o FILE")
    for notice in result.notices:
        sys.stderr.write(f"timeline: notice: {inert(visible(notice))}\n")
    raw = result.content()
    if output is None or to_stdout:
        sys.stdout.flush()
        sys.stdout.buffer.write(raw)
        sys.stdout.buffer.flush()
        return
    _write(output, raw)


def _chosen(case: Case, filters: ShowFilters, options: ExportOptions) -> ExportOptions:
    """The options with the ids of the events the filters keep (all: None)."""
    from timeline.views.query import select_events

    if not filters.active:
        return options
    kept = frozenset(event.id for event in select_events(case, **filters.options()))
    return options._replace(events=kept)


def _every_formats() -> list[str]:
    return [name for name, exporter in EXPORTERS.items() if exporter.every]


def _valid_cases(invalid: list[tuple[Path, FileReport]]) -> Iterator[Case]:
    """Every valid case of the data directory, validated one at a time as the export reads
    them; the invalid files go to `invalid`."""
    from timeline.store.collection import each_report

    notices: list[str] = []
    for path, report in each_report(data_dir(), notices, warnings=False):
        if report.valid and report.case is not None:
            yield report.case
        else:
            invalid.append((path, report))
    for notice in notices:
        sys.stderr.write(f"timeline: notice: {notice}\n")


def _refuse_invalid(invalid: list[tuple[Path, FileReport]]) -> None:
    """Print the diagnostics of the invalid files, if any, and exit 1: nothing is written."""
    if not invalid:
        return
    from timeline.errors import InvalidCaseError
    from timeline.views.reports import print_invalid

    for path, report in invalid:
        print_invalid(InvalidCaseError(f"{path} is not a valid case file", report))
    fail(f"{len(invalid)} case file(s) not valid; nothing was exported", EXIT_FINDINGS)


def _write(path: Path, raw: bytes) -> None:
    from timeline.store.atomic import write_atomic

    try:
        write_atomic(path, raw)
    except OSError as error:
        fail(f"cannot write {path}: {error.strerror or error}")
