"""The Typer application, its global options, and how library errors become exit codes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from timeline import __version__
from timeline.errors import CaseNotFoundError, InvalidCaseError, TimelineError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
COMMAND_ORDER = ("list", "show", "validate", "export", "diff", "log", "schema", "new")


class _Group(TyperGroup):
    """Turns `TimelineError`s from any command into a message on stderr and an exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except InvalidCaseError as error:
            from timeline.views.reports import print_invalid

            print_invalid(error)
            raise typer.Exit(EXIT_FINDINGS) from None
        except CaseNotFoundError as error:
            known = ", ".join(error.known)
            fail(f"{error}" + (f"\nknown cases: {known}" if known else ""))
        except TimelineError as error:
            fail(str(error))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from timeline.store.repository import global_options_first

        return super().parse_args(ctx, global_options_first(args))

    def list_commands(self, ctx: Any) -> list[str]:
        # The order of the docs (the most used first), not alphabetical.
        rank = {name: i for i, name in enumerate(COMMAND_ORDER)}
        return sorted(self.commands, key=lambda name: (rank.get(name, len(rank)), name))


app = typer.Typer(
    cls=_Group,
    name="timeline",
    help="Keep, check, show and export sourced chronologies of legal cases.\n\n"
    "Example: timeline show kloop",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class State:
    """Global options, set by the callback before any command runs."""

    data_dir: Path | None = None


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    sys.stderr.write(f"timeline: error: {message}\n")
    raise typer.Exit(code)


def data_dir() -> Path:
    from timeline.store.repository import data_dir as find

    return find(State.data_dir)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"timeline {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            help="Folder of case files (default: $TIMELINE_DATA_DIR, ./data/cases, "
            "or the bundled cases).",
            file_okay=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Keep, check, show and export sourced chronologies of legal cases.

    Example: timeline show kloop
    """
    State.data_dir = data_dir
