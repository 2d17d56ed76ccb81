"""`timeline show` (a case's chronology) and `timeline list` (the cases of the data directory)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Literal, TypeAlias

import typer

from timeline.cli.app import CASE_ARGUMENT, app, data_dir
from timeline.cli.filters import FromOption, KeyOption, PersonOption, ToOption, TypeOption
from timeline.views import LIST_FORMATS, SHOW_FORMATS, as_text, output_width
from timeline.views.safe import inert, visible

if TYPE_CHECKING:
    from timeline.store.cache import Entry
    from timeline.views.chronology import Chronology, Options
    from timeline.views.query import ShowFilters

    ShowFormat: TypeAlias = str
    ListFormat: TypeAlias = str
else:  # the choices are the registries' keys
    ShowFormat = Literal[tuple(SHOW_FORMATS)]
    ListFormat = Literal[tuple(LIST_FORMATS)]


@app.command()
def show(  # noqa: PLR0917  (each parameter is a command-line option)
    ctx: typer.Context,
    case: Annotated[str, CASE_ARGUMENT],
    from_: FromOption = None,
    to: ToOption = None,
    types: TypeOption = None,
    people: PersonOption = None,
    key: KeyOption = False,
    related: Annotated[
        bool,
        typer.Option(
            "--related",
            help="One chronology of the case and the cases it names as related, each event "
            "labelled with its case.",
        ),
    ] = False,
    sources: Annotated[bool, typer.Option("--sources", help="List each event's sources.")] = False,
    details: Annotated[
        bool,
        typer.Option(
            "--details", help="Also show descriptions, conflict notes and quotes from sources."
        ),
    ] = False,
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
    --type values, and it names one of the --person values (an id, a name, an
    alias or initials).

    Examples:

      timeline show kloop

      timeline show kloop --from 2025-09 --type verdict --type appeal-decision

      timeline show kloop --person aleksandrov --sources --format plain | less

      timeline show kloop --related --key

      timeline show kloop --person N.O. --details

    What a command prints is kept in a cache ($TIMELINE_CACHE_DIR, else
    ~/.cache/timeline), so that the same command on the unchanged file, in the
    same terminal, on the same day, answers at once.
    """
    from timeline.views import default_format
    from timeline.views.chronology import Options
    from timeline.views.query import ShowFilters

    notices: list[str] = []
    filters = ShowFilters(from_, to, tuple(types or ()), tuple(people or ()), key)
    if related:
        view = _related_view(case, filters, sources, notices)
    else:
        view = _view(case, filters, Options(sources, details, filters.words()), notices)
    for notice in notices:
        sys.stderr.write(f"timeline: {notice}\n")
    width = output_width()
    text = as_text(SHOW_FORMATS[format or default_format(sys.stdout)](view, width), width)
    sys.stdout.write(text)
    entry: Entry | None = ctx.obj  # where timeline.store.cache keeps this command line's output
    # The cache is keyed by this file's bytes only: a chronology that also shows other
    # files (--related) could go stale, so it is never stored; a notice must show every time.
    if entry is not None and not no_cache and not related and not notices:
        entry.put(text)


def _view(case: str, filters: ShowFilters, options: Options, notices: list[str]) -> Chronology:
    from timeline.store.repository import load_case
    from timeline.views.chronology import build_chronology
    from timeline.views.query import select_events

    loaded = load_case(case, data_dir(), notices)
    events = select_events(loaded, **filters.options())
    return build_chronology(loaded, events, options=options)


def _related_view(case: str, filters: ShowFilters, sources: bool, notices: list[str]) -> Chronology:
    from timeline.store.collection import read_related
    from timeline.store.repository import load_case, resolve_case
    from timeline.views.chronology import build_merged_chronology
    from timeline.views.query import select_related_events

    directory = data_dir()
    loaded = load_case(case, directory, notices)
    related, left_out = read_related(resolve_case(case, directory), loaded)
    notices += [f"notice: {notice}" for notice in left_out]
    cases = [loaded, *(item.case for item in related)]
    chosen = select_related_events(cases, **filters.options())
    return build_merged_chronology(loaded, chosen, sources=sources)


@app.command("list")
def list_cases(
    status: Annotated[
        list[str] | None,
        typer.Option("--status", metavar="S", help="Only cases with this status (repeatable)."),
    ] = None,
    jurisdiction: Annotated[
        list[str] | None,
        typer.Option(
            "--jurisdiction", metavar="CC", help="Only cases of this country (repeatable)."
        ),
    ] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option("--tag", metavar="T", help="Only cases with this tag (repeatable)."),
    ] = None,
    person: Annotated[
        list[str] | None,
        typer.Option(
            "--person",
            metavar="P",
            help="Only cases naming this person: id, name, alias or initials (repeatable).",
        ),
    ] = None,
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
    Filters combine: a case is listed when it matches one value of each filter
    given (invalid files, which no filter can judge, are then left out).

    Examples:

      timeline list

      timeline list --status convicted --jurisdiction KG --person "Duulatov"

      timeline --data-dir cases list --tag press-freedom --format json
    """
    from timeline.views import default_format
    from timeline.views.filters import CaseFilter
    from timeline.views.query import summarize_cases

    filters = CaseFilter.checked(status or (), jurisdiction or (), tag or (), person or ())
    catalog = summarize_cases(data_dir(), filters)
    for notice in catalog.notices:
        sys.stderr.write(f"timeline: {inert(visible(notice))}\n")
    width = output_width()
    sys.stdout.write(
        as_text(LIST_FORMATS[format or default_format(sys.stdout)](catalog, width), width)
    )
