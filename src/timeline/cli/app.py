"""The Typer application, its global options, and how library errors become exit codes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperArgument, TyperGroup

from timeline import __version__
from timeline.errors import CaseNotFoundError, InvalidCaseError, TimelineError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
COMMAND_ORDER = (
    "list",
    "show",
    "person",
    "search",
    "validate",
    "export",
    "diff",
    "log",
    "schema",
    "new",
    "init",
)


class _PlainArgument(TyperArgument):
    """An argument shown by its name in capitals: `CASE`, not `{CASE}` or `{case}`."""

    def make_metavar(self, ctx: Any, *, usage: bool = False) -> str:
        name = (self.metavar or self.name or "").upper()
        if not usage or "[" in name:  # such as "OLD [NEW]", which says itself what is optional
            return name
        name = name if self.required else f"[{name}]"
        return name + ("..." if self.nargs != 1 else "")


class _Group(TyperGroup):
    """Turns `TimelineError`s from any command into a message on stderr and an exit code."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for command in self.commands.values():
            for param in command.params:
                if type(param) is TyperArgument:
                    param.__class__ = _PlainArgument

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
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class State:
    """Global options, set by the callback before any command runs."""

    data_dir: Path | None = None


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    from timeline.views.safe import inert, visible_lines

    # Messages name files and cases: a file name may hold terminal escapes.
    sys.stderr.write(f"timeline: error: {inert(visible_lines(message))}\n")
    raise typer.Exit(code)


def data_dir() -> Path:
    from timeline.store.repository import data_dir as find

    return find(State.data_dir)


def complete_case(incomplete: str) -> list[str]:
    """The case ids of the data directory that start with what was typed (shell completion)."""
    from timeline.store.completion import case_ids  # as completion without typer lists them

    return [case for case in case_ids() if case.startswith(incomplete)]


# The CASE argument of every command that reads one case.
CASE_ARGUMENT = typer.Argument(
    metavar="CASE",
    help="A case id (such as kloop) or a path to a .yaml file.",
    autocompletion=complete_case,
)


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
            metavar="DIR",
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
