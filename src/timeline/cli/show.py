"""`timeline show` (a case's chronology) and `timeline list` (the cases of the data directory)."""

from __future__ import annotations

import os
import sys
from typing import IO, TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

import typer

from timeline.cli.app import app, data_dir
from timeline.views import LIST_FORMATS, SHOW_FORMATS

if TYPE_CHECKING:
    ShowFormat: TypeAlias = str
    ListFormat: TypeAlias = str
else:  # the choices are the registries' keys
    ShowFormat = Literal[tuple(SHOW_FORMATS)]
    ListFormat = Literal[tuple(LIST_FORMATS)]


@app.command()
def show(  # noqa: PLR0917  (each parameter is a command-line option)
    case: Annotated[
        str,
        typer.Argument(metavar="CASE", help="A case id (such as kloop) or a path to a .yaml file."),
    ],
    from_: Annotated[
        str | None,
        typer.Option(
            "--from", metavar="DATE", help="Only events that can fall on or after DATE (EDTF)."
        ),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option(
            "--to", metavar="DATE", help="Only events that can fall on or before DATE (EDTF)."
        ),
    ] = None,
    types: Annotated[
        list[str] | None,
        typer.Option("--type", metavar="TYPE", help="Only events of this type (repeatable)."),
    ] = None,
    people: Annotated[
        list[str] | None,
        typer.Option(
            "--person",
            metavar="ID",
            help="Only events naming this person or organization (repeatable).",
        ),
    ] = None,
    key: Annotated[bool, typer.Option("--key", help="Only key events.")] = False,
    sources: Annotated[bool, typer.Option("--sources", help="List each event's sources.")] = False,
    format: Annotated[
        ShowFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="rich (colour, the default on a terminal) or plain (the default in a pipe "
            "or with NO_COLOR).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print a case's chronology: header, defendants, events by year.

    Key events are marked with a star, background (context) events are dimmed,
    and doubtful facts say who claims or disputes them. Filters combine: an event
    is kept when its date can fall between --from and --to, it has one of the
    --type values, and it names one of the --person ids.

    Examples:

      timeline show kloop

      timeline show kloop --from 2025-09 --type verdict --type appeal-decision

      timeline show kloop --person aleksandrov --sources --format plain | less
    """
    from timeline.query import select_events
    from timeline.repository import load_case
    from timeline.views import default_format
    from timeline.views.chronology import build_chronology

    loaded = load_case(case, data_dir())
    events = select_events(
        loaded, from_=from_, to=to, types=types or (), people=people or (), key_only=key
    )
    view = build_chronology(loaded, events, sources=sources)
    width = output_width()
    emit(SHOW_FORMATS[format or default_format(sys.stdout)](view, width), sys.stdout, width)


@app.command("list")
def list_cases(
    format: Annotated[
        ListFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="rich (the default on a terminal), plain (the default in a pipe), or json.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """List the cases of the data directory: id, title, events, first and last date, status.

    A file that does not validate is listed as invalid with its number of
    errors; entries that cannot be read are skipped with a notice on stderr.

    Examples:

      timeline list

      timeline --data-dir cases list --format json
    """
    from timeline.query import summarize_cases
    from timeline.views import default_format

    catalog = summarize_cases(data_dir())
    for notice in catalog.notices:
        sys.stderr.write(f"timeline: {notice}\n")
    width = output_width()
    emit(LIST_FORMATS[format or default_format(sys.stdout)](catalog, width), sys.stdout, width)


def output_width(default: int = 80) -> int:
    """`COLUMNS`, else the terminal's width, else `default` (never below 20)."""
    import shutil

    return max(20, shutil.get_terminal_size((default, 24)).columns)


def emit(rendered: Any, stream: IO[str], width: int) -> None:
    """Write a rendering: a string as it is, a rich renderable through a console.

    A renderable asked for in a pipe (``--format rich``) keeps its styles, for
    ``less -R``; `NO_COLOR` drops the colours, as rich does.
    """
    if isinstance(rendered, str):
        stream.write(rendered)
        return
    from rich.console import Console

    console = Console(
        file=stream,
        width=width,
        force_terminal=True,
        no_color="NO_COLOR" in os.environ or None,
        highlight=False,
        markup=False,
        emoji=False,
    )
    console.print(rendered)
