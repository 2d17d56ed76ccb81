"""`timeline validate` and `timeline schema`."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

if TYPE_CHECKING:
    from timeline.load.validation import FileReport

from timeline.cli.app import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, State, app, fail

# The choices of --format: the reporters' registry keys, plus auto.
Format = Literal["auto", "text", "github", "json"]


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Case files or folders (default: the data directory).",
            show_default=False,
            metavar="PATH",
        ),
    ] = None,
    format: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="text, github (workflow commands), json, or auto (github under GitHub Actions).",
        ),
    ] = "auto",
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    changed: Annotated[
        str | None,
        typer.Option(
            "--changed",
            metavar="REV",
            help="Only the case files changed since a git revision (and the files given), and "
            "the cases that use a changed registry entry or name a changed, new or deleted "
            "case in `related`.",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            min=1,
            metavar="N",
            help="Processes to validate in (default: the number of cores); the report "
            "is the same whatever the number.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check case files: YAML, schema, references, chronology, sources, privacy.

    Exit status: 0 valid (warnings allowed), 1 errors (or warnings with --strict),
    2 a path that does not exist or cannot be read.

    Examples:

      timeline validate

      timeline validate data/cases/kloop.yaml --format json

      timeline validate --strict --format github data/cases

      timeline validate --changed origin/main       (in CI: what a pull request touches)

      timeline validate --jobs 1 data/cases
    """
    from timeline.load.parallel import default_jobs, validate_in_parallel
    from timeline.load.validation import iter_case_files
    from timeline.store.registry import registry_for, with_registries
    from timeline.views.reports import REPORTERS, pick_format, use_color

    targets, folder = (list(paths), None) if paths else _data_directory()
    missing = [str(p) for p in targets if not p.exists()]
    if missing:
        fail("no such file or folder: " + ", ".join(missing))
    chosen = pick_format(format)
    reporter = REPORTERS[chosen](color=chosen == "text" and use_color(sys.stdout))
    reporter.summary.folder = folder
    jobs = jobs or default_jobs()
    if changed is not None:
        reports = _changed(changed, targets, jobs)
    else:
        total = sum(1 for _ in iter_case_files(targets))
        if not total:
            fail("no case files (*.yaml) in " + ", ".join(map(str, targets)))
        checked = validate_in_parallel(targets, jobs=jobs, registry_for=registry_for)
        reports = with_registries(_with_progress(checked, total))
    unreadable = False
    for report in reports:
        reporter.add(report)
        unreadable |= any(d.code == "TL112" for d in report.diagnostics)
    sys.stdout.write(reporter.render())
    summary = reporter.summary
    if unreadable:
        raise typer.Exit(EXIT_USAGE)
    failed = summary.errors > 0 or (strict and summary.warnings > 0)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


def _data_directory() -> tuple[list[Path], str]:
    """The data directory as the target, and how the summary names it."""
    from timeline.store.repository import locate_data_dir

    directory, origin = locate_data_dir(State.data_dir)
    if origin != "bundled":
        return [directory], str(directory)
    # Outside a data repository a bare `validate` checks the examples shipped with the
    # tool: say so, or "0 errors" would read as a verdict on the user's files.
    sys.stderr.write(
        "timeline: note: no ./data/cases here, so the example cases bundled with timeline "
        "are checked; give a PATH, use --data-dir DIR, or run `timeline init`\n"
    )
    return [directory], f"{directory} (the bundled examples)"


def _changed(rev: str, targets: list[Path], jobs: int) -> Iterator[FileReport]:
    """What changed since `rev` in the folders given (else the data directory), and the
    files given, whatever changed (as pre-commit passes them, also with --all-files)."""
    from timeline.store.changes import find_changes, validate_changes

    folders = [p for p in targets if p.is_dir()] or _data_directory()[0]
    files = [p for p in targets if not p.is_dir()]
    changes = find_changes(rev, folders)
    if not changes.cases and not changes.case_ids and not changes.registries and not files:
        sys.stderr.write(f"timeline: no case file changed since {rev}\n")
    return validate_changes(changes, folders, also=files, jobs=jobs)


def _with_progress(reports: Iterator[FileReport], total: int) -> Iterator[FileReport]:
    """A progress bar on stderr for long runs on a terminal; otherwise the reports as they come."""
    if total < 50 or not sys.stderr.isatty():
        yield from reports
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("validating", total=total)
        for report in reports:
            progress.advance(task)
            yield report


@app.command()
def schema(
    registry: Annotated[
        bool, typer.Option("--registry", help="The schema of a registry file instead.")
    ] = False,
) -> None:
    """Print the JSON Schema of the case file (for editors and other tools).

    Examples:

      timeline schema > case.schema.json

      timeline schema --registry > registry.schema.json
    """
    from timeline.load.schema import shipped_schema_text

    sys.stdout.write(shipped_schema_text(registry=registry))
