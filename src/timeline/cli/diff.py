"""`timeline diff` (two versions of a case) and `timeline log` (its history in git)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn, TypeAlias

import typer

from timeline.cli.app import CASE_ARGUMENT, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, app, fail
from timeline.views.diff import RENDERERS
from timeline.views.log import LOG_RENDERERS

if TYPE_CHECKING:
    from timeline.diff import CaseDiff

    DiffFormat: TypeAlias = str
    LogFormat: TypeAlias = str
else:  # the choices are the registries' keys
    DiffFormat = Literal[tuple(RENDERERS)]
    LogFormat = Literal[tuple(LOG_RENDERERS)]


@app.command()
def diff(
    specs: Annotated[
        list[str],
        typer.Argument(
            metavar="OLD [NEW]",
            help="A case id or a .yaml path, each with an optional @REV (a git revision). "
            "NEW defaults to the working tree; OLD alone without @REV means OLD@HEAD.",
            show_default=False,
        ),
    ],
    format: Annotated[
        DiffFormat,
        typer.Option("--format", "-f", help="text (coloured on a terminal), markdown or json."),
    ] = "text",
    exit_code: Annotated[
        bool,
        typer.Option(
            "--exit-code", help="Exit 1 when there are differences, 0 when there are none."
        ),
    ] = False,
    git_external: Annotated[
        bool,
        typer.Option(
            "--git-external",
            help="Called by git as an external diff driver (7 or 9 arguments); see docs/diff.md.",
        ),
    ] = False,
    git_textconv: Annotated[
        bool,
        typer.Option(
            "--git-textconv",
            help="Called by git as a textconv filter (1 argument, the file): the case as a "
            "plain chronology; see docs/diff.md.",
        ),
    ] = False,
) -> None:
    """Show what changed in a case between two versions: events, people, sources...

    Items are matched by id; a removed and an added item that are clearly the same
    are reported as a rename; date changes say whether a date was refined,
    coarsened or moved. Exit status: 0, or with --exit-code 0 (no differences) or
    1 (differences); 2 for an error (an unknown revision, a version that does not
    validate: its diagnostics are shown).

    Examples:

      timeline diff kloop                         (HEAD against the working tree)

      timeline diff kloop@HEAD~1 kloop

      timeline diff data/cases/kloop.yaml@main --format markdown

      timeline diff old/kloop.yaml new/kloop.yaml --format json --exit-code

      timeline diff data/registry/people.yaml      (the cases a registry change changes)
    """
    from timeline.store.external import is_external_call
    from timeline.views.reports import use_color

    if git_textconv:
        if len(specs) != 1:
            fail("--git-textconv takes the one file that git passes")
        _textconv(Path(specs[0]))
    if git_external or is_external_call(specs):
        _external(specs)
    if len(specs) > 2:
        fail("diff takes OLD and at most one NEW (see timeline diff --help)")
    _registry_change(specs, format, exit_code, use_color(sys.stdout))
    result = _compare(specs)
    sys.stdout.write(RENDERERS[format](result, format == "text" and use_color(sys.stdout)))
    raise typer.Exit(EXIT_FINDINGS if exit_code and not result.identical else EXIT_OK)


def _registry_change(specs: list[str], format: str, exit_code: bool, color: bool) -> None:
    """A registry file or folder: the cases whose chronology the change changes."""
    from timeline.store.registry_diff import compare_registry, is_registry_spec
    from timeline.store.versions import sides

    old, new = sides(specs)
    if not (is_registry_spec(old) or is_registry_spec(new)):
        return
    from timeline.views.registry_diff import REGISTRY_RENDERERS

    result = compare_registry(old, new)
    sys.stdout.write(REGISTRY_RENDERERS[format](result, format == "text" and color))
    raise typer.Exit(EXIT_FINDINGS if exit_code and not result.identical else EXIT_OK)


def _compare(specs: list[str]) -> CaseDiff:
    from timeline.errors import InvalidCaseError
    from timeline.store.versions import compare_specs
    from timeline.views.reports import print_invalid

    try:
        return compare_specs(specs, _cases_dir())
    except InvalidCaseError as error:  # a version that does not load is an error here
        print_invalid(error)
        raise typer.Exit(EXIT_USAGE) from None


def _textconv(path: Path) -> NoReturn:
    """The case as a plain chronology, for git to diff line by line (`git log -p` uses it
    without --ext-diff). Never fails: a file that does not validate is shown as it is."""
    from timeline.load.validation import validate_bytes
    from timeline.views import SHOW_FORMATS, as_text
    from timeline.views.chronology import build_chronology

    try:
        raw = path.read_bytes()
    except OSError as error:
        fail(f"cannot read {path}: {error.strerror or error}")
    # git names the file by a temporary name: the id is not compared with it (stem=None).
    report = validate_bytes(raw, str(path))
    if report.case is None or not report.valid:
        sys.stdout.write(raw.decode("utf-8", errors="replace"))
    else:
        view = build_chronology(report.case, sources=True)
        sys.stdout.write(as_text(SHOW_FORMATS["plain"](view, 100), 100))
    raise typer.Exit(EXIT_OK)


def _external(specs: list[str]) -> NoReturn:
    """Git's calling convention: never fail, or git stops the whole `git diff`."""
    from timeline.store.external import external_diff
    from timeline.views.reports import TextReporter, use_color

    result = external_diff(specs)
    if result.invalid:
        reporter = TextReporter(color=use_color(sys.stderr))
        for report in result.invalid:
            reporter.add(report)
        sys.stderr.write(reporter.render())
    output = RENDERERS["text"](result.diff, use_color(sys.stdout)) if result.diff else result.text
    sys.stdout.write(output)
    raise typer.Exit(EXIT_OK)


def _cases_dir() -> Path:
    from timeline.cli.app import State
    from timeline.store.revisions import cases_dir

    return cases_dir(State.data_dir)


@app.command()
def log(
    case: Annotated[str, CASE_ARGUMENT],
    event: Annotated[
        str | None,
        typer.Option(
            "--event", metavar="ID", help="Only the changes of this event (following its renames)."
        ),
    ] = None,
    format: Annotated[LogFormat, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """The history of a case, or of one event, across the git commits that touched it.

    For each commit (newest first): its short hash, date, author and subject, and
    what it changed in the case. A commit where the file does not validate is
    shown as such, with its diagnostics, and the walk goes on.

    Examples:

      timeline log kloop

      timeline log kloop --event editors-detained

      timeline log data/cases/kloop.yaml --format json
    """
    from timeline.store.history import case_history
    from timeline.store.revisions import case_path
    from timeline.views.reports import use_color

    history = case_history(case_path(case, _cases_dir(), must_exist=False), event=event)
    sys.stdout.write(LOG_RENDERERS[format](history, format == "text" and use_color(sys.stdout)))
