"""The filter options of `timeline show` and `timeline export`: one definition for both."""

from __future__ import annotations

from typing import Annotated

import typer

FromOption = Annotated[
    str | None,
    typer.Option(
        "--from", metavar="DATE", help="Only events that can fall on or after DATE (EDTF)."
    ),
]
ToOption = Annotated[
    str | None,
    typer.Option(
        "--to", metavar="DATE", help="Only events that can fall on or before DATE (EDTF)."
    ),
]
TypeOption = Annotated[
    list[str] | None,
    typer.Option("--type", metavar="TYPE", help="Only events of this type (repeatable)."),
]
PersonOption = Annotated[
    list[str] | None,
    typer.Option(
        "--person",
        metavar="P",
        help="Only events naming this person or organization: an id, name, alias or initials "
        "(repeatable).",
    ),
]
KeyOption = Annotated[bool, typer.Option("--key", help="Only key events.")]
