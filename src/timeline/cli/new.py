"""`timeline new`: a new case file from the commented template."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from timeline.cli.app import app, data_dir, fail


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
    from pathlib import Path

    import timeline
    from timeline.store.template import create_case

    directory = data_dir()
    # The cases bundled in an installed package are not a place for the user's files.
    if directory.resolve() == (Path(timeline.__file__).parent / "data" / "cases").resolve():
        fail("no data directory to write to: use --data-dir DIR or set TIMELINE_DATA_DIR")
    path = create_case(directory, case, jurisdiction=jurisdiction, title=title)
    sys.stdout.write(f"{path}\n")
