"""`timeline new`: a new case file from the commented template."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from timeline.cli.app import State, app, fail
from timeline.views.safe import visible


@app.command()
def new(
    case: Annotated[
        str,
        typer.Argument(
            metavar="CASE", help="The new case's id (lowercase letters, digits, hyphens)."
        ),
    ],
    jurisdiction: Annotated[
        str,
        typer.Option(
            "--jurisdiction",
            "-j",
            metavar="CODE",
            help="ISO 3166-1 alpha-2 code of the country where the case is heard, such as KG.",
        ),
    ],
    title: Annotated[
        str | None,
        typer.Option(
            "--title", "-t", metavar="TEXT", help="The case title (default: made from the id)."
        ),
    ] = None,
) -> None:
    """Write a new, valid, commented case file CASE.yaml into the data directory.

    The file has one example source and one example event to replace; its
    comments explain each field (see docs/data-format.md). An existing file is
    never overwritten (exit 2). Prints the path written.

    Examples:

      timeline new kloop-appeal --jurisdiction KG --title "Kloop appeal"

      timeline --data-dir cases new my-case -j KZ
    """
    from timeline.store.repository import locate_data_dir
    from timeline.store.template import create_case

    directory, origin = locate_data_dir(State.data_dir)
    # The bundled cases (in a wheel, or this repository's own in an editable install) are
    # no place for the user's files: the fallback is only for reading.
    if origin == "bundled":
        fail(
            "no data directory here (no ./data/cases): use --data-dir DIR, set "
            "TIMELINE_DATA_DIR, or run `timeline init` first"
        )
    path = create_case(directory, case, jurisdiction=jurisdiction, title=title)
    sys.stdout.write(f"{visible(str(path))}\n")
