"""`timeline show` (a case's chronology) and `timeline list` (the cases of the data directory)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Literal, TypeAlias

import typer

from timeline.cli.app import CASE_ARGUMENT, app, data_dir
from timeline.views import LIST_FORMATS, SHOW_FORMATS, as_text, output_width

if TYPE_CHECKING:
    from timeline.store.cache import Entry

    ShowFormat: TypeAlias = str
    ListFormat: TypeAlias = str
else:  # the choices are the registries' keys
    ShowFormat = Literal[tuple(SHOW_FORMATS)]
    ListFormat = Literal[tuple(LIST_FORMATS)]


@app.command()
def show(  # noqa: PLR0917  (each parameter is a command-line option)
    ctx: typer.Context,
    case: Annotated[str, CASE_ARGUMENT],
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
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Validate and render afresh, neither reading nor writing the cache "
            "(also TIMELINE_NO_CACHE=1).",
        ),
    ] = False,
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

    What a command prints is kept in a cache ($TIMELINE_CACHE_DIR, else
    ~/.cache/timeline), so that the same command on the unchanged file, in the
    same terminal, on the same day, answers at once.
    """
    from timeline.store.repository import load_case
    from timeline.views import default_format
    from timeline.views.chronology import build_chronology
    from timeline.views.query import select_events

    notices: list[str] = []
    loaded = load_case(case, data_dir(), notices)
    for notice in notices:
        sys.stderr.write(f"timeline: {notice}\n")
    events = select_events(
        loaded, from_=from_, to=to, types=types or (), people=people or (), key_only=key
    )
    view = build_chronology(loaded, events, sources=sources)
    width = output_width()
    text = as_text(SHOW_FORMATS[format or default_format(sys.stdout)](view, width), width)
    sys.stdout.write(text)
    entry: Entry | None = ctx.obj  # where timeline.store.cache keeps this command line's output
    if entry is not None and not no_cache and not notices:  # a notice must show every time
        entry.put(text)


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
    from timeline.views import default_format
    from timeline.views.query import summarize_cases

    catalog = summarize_cases(data_dir())
    for notice in catalog.notices:
        sys.stderr.write(f"timeline: {notice}\n")
    width = output_width()
    sys.stdout.write(
        as_text(LIST_FORMATS[format or default_format(sys.stdout)](catalog, width), width)
    )
