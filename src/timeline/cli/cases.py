"""`timeline person` and `timeline search`: commands across every case of the data directory."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Literal, TypeAlias

import typer

from timeline.cli.app import app, data_dir
from timeline.views import PERSON_FORMATS, SEARCH_FORMATS, as_text, output_width

if TYPE_CHECKING:
    from timeline.store.case_index import Digests

    PersonFormat: TypeAlias = str
    SearchFormat: TypeAlias = str
else:  # the choices are the registries' keys
    PersonFormat = Literal[tuple(PERSON_FORMATS)]
    SearchFormat = Literal[tuple(SEARCH_FORMATS)]

FORMAT_HELP = "rich (the default on a terminal), plain (the default in a pipe), or json."


@app.command()
def person(
    query: Annotated[
        str, typer.Argument(metavar="P", help="A person's id, name, alias or initials.")
    ],
    format: Annotated[
        PersonFormat | None,
        typer.Option("--format", "-f", help=FORMAT_HELP, show_default=False),
    ] = None,
) -> None:
    """One person across every case: who they are, their cases, roles and standing, events.

    P is matched case- and accent-insensitively against ids, names, aliases
    and initials; a few words of a name are enough when they name one person.
    When nothing matches, the people of the data directory are listed. The
    events that involve the person are merged into one chronology, each
    labelled with its case.

    Examples:

      timeline person aleksandrov

      timeline person "Жоомарт Дуулатов" --format plain

      timeline person N.O. --format json
    """
    from timeline.views import default_format
    from timeline.views.person import build_person, cases_of, find_person

    digests = _digests()
    ref = find_person(digests.digests, query)
    view = build_person(digests.load(cases_of(digests.digests, ref)), ref)
    width = output_width()
    rendered = PERSON_FORMATS[format or default_format(sys.stdout)](view, width)
    sys.stdout.write(as_text(rendered, width))


@app.command()
def search(
    text: Annotated[list[str], typer.Argument(metavar="TEXT", help="The words to look for.")],
    format: Annotated[
        SearchFormat | None,
        typer.Option("--format", "-f", help=FORMAT_HELP, show_default=False),
    ] = None,
) -> None:
    """Find the cases, people, organizations and events whose words match TEXT.

    Every word of TEXT must appear in an item's title, summary, description,
    name or aliases; case and accents do not matter, in any script ("ДУУЛАТОВ"
    finds Zhoomart Duulatov through his Russian alias; "ёлка" and "елка" are
    the same, "й" and "и" are not). Exit status 0 with or without matches.

    Examples:

      timeline search mass unrest

      timeline search Дуулатов --format json
    """
    from timeline.views import default_format
    from timeline.views.search import search as find

    results = find(_digests().digests, " ".join(text))
    width = output_width()
    rendered = SEARCH_FORMATS[format or default_format(sys.stdout)](results, width)
    sys.stdout.write(as_text(rendered, width))


def _digests() -> Digests:
    """The digests of the valid cases of the data directory; files left out are named on
    stderr."""
    from timeline.store.case_index import read_digests

    digests = read_digests(data_dir())
    for notice in digests.notices:
        sys.stderr.write(f"timeline: notice: {notice}\n")
    return digests
