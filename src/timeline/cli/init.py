"""`timeline init`: scaffold a data repository, or check one."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from timeline.cli.app import EXIT_FINDINGS, EXIT_OK, app


@app.command()
def init(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
            help="The data repository (default: this folder).",
            show_default=False,
            file_okay=False,
        ),
    ] = Path("."),
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Write nothing: say what is missing or stale (exit 1 if anything)."
        ),
    ] = False,
) -> None:
    """Scaffold a data repository that works at once, or check one.

    Writes an example case (data/cases/example-case.yaml), the JSON Schema where
    the case files' first line points (schema/case.schema.json), a pre-commit
    configuration, .gitattributes for the diff driver, a GitHub workflow that uses
    the project's action, and a README. An existing file is never replaced.

    Examples:

      timeline init my-cases

      timeline init --check
    """
    from timeline.store.scaffold import DRIVER, inspect, write_missing

    if check:
        findings = inspect(directory)
        for finding in findings:
            hint = f": {finding.hint}" if finding.hint else ""
            sys.stdout.write(f"{finding.state:8} {finding.subject}{hint}\n")
        raise typer.Exit(EXIT_OK if all(f.state == "ok" for f in findings) else EXIT_FINDINGS)
    for path, written in write_missing(directory):
        sys.stdout.write(f"{'wrote' if written else 'kept':8} {path}\n")
    sys.stdout.write(
        "\nNext, in that folder:\n"
        "  git init && git add -A && git commit -m 'Case files'\n"
        f"  git config diff.timeline.command '{DRIVER}'\n"
        "  pre-commit install\n"
    )
