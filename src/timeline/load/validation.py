"""Validate case files: parse, check the schema, run the rules, report.

`validate_file` is the pipeline for one file; `validate_paths` walks files and
folders one file at a time, so memory does not grow with the corpus.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path as FilePath
from typing import Literal

from pydantic_core import ValidationError

from timeline.load.bounded import validate_case
from timeline.load.checks import Context, run_checks
from timeline.load.diagnostics import FileReport, Finding, Severity, Span
from timeline.load.files import REGISTRY_FOLDER, SUFFIXES, sibling_cases
from timeline.load.limits import MAX_DIAGNOSTICS
from timeline.load.loader import _DATE_LIKE, Document, gc_paused, parse_document, read_document
from timeline.load.partial import rest_of
from timeline.load.registry import Registry, stand_ins
from timeline.load.registry_files import registry_beside, registry_in
from timeline.load.schema_errors import fields_at, schema_findings
from timeline.model.case import Case
from timeline.model.registry import UNKNOWN, resolve

__all__ = [
    "FileReport",
    "fields_at",
    "for_use",
    "schema_findings",
    "validate_bytes",
    "validate_file",
]


def validate_file(
    path: FilePath,
    *,
    today: date | None = None,
    known_cases: frozenset[str] | None = None,
    name: str | None = None,
    registry: Registry | Literal["beside"] | None = "beside",
    lenient: bool = False,
    warnings: bool = True,
    document: Document | None = None,
) -> FileReport:
    """Validate one case file on disk, resolving what it does not define in `registry`
    (by default the registry beside the file's folder, if there is one; None for none).

    `lenient` is for reading a file away from its registry (show, export, diff): a
    reference that nothing defines is then one warning, and a stand-in that shows
    nothing about what it stands for. Without `warnings`, the rules that can only warn
    are not run (see `for_use`). `document` is the file already read (by another
    process: `timeline.load.parallel`); it gains the report's diagnostics.
    """
    if known_cases is None:
        known_cases = sibling_cases(path.parent)
    if registry == "beside":
        registry = registry_beside(path)
    # The document (its node tree) is freed before the collector resumes, so that the
    # collector never traverses it.
    with gc_paused():
        return check_document(
            document or read_document(path, name),
            stem=path.stem,
            today=today,
            known_cases=known_cases,
            registry=registry,
            lenient=lenient,
            warnings=warnings,
        )


def validate_bytes(
    raw: bytes,
    name: str,
    *,
    stem: str | None = None,
    today: date | None = None,
    registry: Registry | None = None,
    lenient: bool = False,
    warnings: bool = True,
    document: Document | None = None,
) -> FileReport:
    """Validate the bytes of a case file (from git, or from a test); `document` is
    the bytes already parsed, as for `validate_file`."""
    with gc_paused():
        return check_document(
            document or parse_document(raw, name),
            stem=stem,
            today=today,
            registry=registry,
            lenient=lenient,
            warnings=warnings,
        )


def for_use(validate: Callable[..., FileReport], document: Document | None = None) -> FileReport:
    """The report of a file a command reads for its case (show, export, diff), from
    `validate` (`validate_file` or `validate_bytes` with their arguments but `warnings`
    and `document`), and the file's `document` if it was read already.

    Such a command shows no warnings, so the rules that can only warn are not run
    (custody, sources, labels: a sixth of the work on a large file); when the file
    turns out not to be valid, it is read and validated again whole, for the report it
    prints.
    """
    report = validate(warnings=False, document=document)
    return report if report.valid else validate(warnings=True)


def check_document(
    doc: Document,
    *,
    stem: str | None,
    today: date | None = None,
    known_cases: frozenset[str] | None = None,
    registry: Registry | None = None,
    lenient: bool = False,
    warnings: bool = True,
) -> FileReport:
    report = _check(
        doc,
        stem=stem,
        today=today,
        known_cases=known_cases,
        registry=registry,
        lenient=lenient,
        warnings=warnings,
    )
    doc.note_omitted()
    return report


def _check(
    doc: Document,
    *,
    stem: str | None,
    today: date | None,
    known_cases: frozenset[str] | None,
    registry: Registry | None,
    lenient: bool,
    warnings: bool,
) -> FileReport:
    report = FileReport(doc.name, doc.diagnostics)
    if doc.data is None or any(d.severity is Severity.ERROR for d in doc.diagnostics):
        return report
    suffix = FilePath(doc.name).suffix
    context = Context(
        stem=stem,
        today=today or date.today(),
        known_cases=known_cases,
        suffix=suffix if suffix in SUFFIXES else ".yaml",
        registry=registry,
    )
    try:
        case = validate_case(doc.data, len(doc.text))
    except ValidationError as error:
        for finding in (*schema_findings(error), *_rest_findings(doc, error, context)):
            doc.add(finding)
    else:
        _check_resolved(doc, report, case, context, lenient=lenient, warnings=warnings)
    report.diagnostics.sort(key=lambda d: (d.span.line, d.span.column, d.code))
    return report


def _check_resolved(
    doc: Document,
    report: FileReport,
    case: Case,
    context: Context,
    *,
    lenient: bool,
    warnings: bool,
) -> None:
    """Resolve the case through its registry, run the rules, and keep the resolved case."""
    registry = context.registry
    resolution = resolve(
        case,
        registry.items if registry else None,
        placeholders=lenient,
        order=registry.order if registry else None,
    )
    if lenient and resolution.unresolved:
        context = context._replace(
            registry=stand_ins(resolution.case, resolution.unresolved, registry)
        )
        doc.add(_unresolved_warning(resolution.unresolved))
    context = context._replace(resolved=resolution.case)
    findings = run_checks(case, context, warnings=warnings)
    for finding in (*findings, *(_unquoted_dates(doc) if warnings else ())):
        doc.add(finding)
    report.case = resolution.case
    report.uses = resolution.uses


def _rest_findings(doc: Document, error: ValidationError, context: Context) -> list[Finding]:
    """The rules' findings on the parts of the file that passed the schema (load.partial).

    Not for a flood of schema errors: leaving out thousands of parts costs time
    quadratic in their number (15,000 bad tags took minutes), and the file has more
    than enough to fix first.
    """
    if error.error_count() > MAX_DIAGNOSTICS:
        return []
    # Bounded as the first validation was: in a large file, lists stop at their first bad
    # item, so that a flood of invalid items costs no more in the later rounds.
    found = rest_of(doc.data, error, lambda data: validate_case(data, len(doc.text)))
    if found is None:
        return []
    rest, case = found
    findings = [
        finding._replace(path=rest.original(finding.path))
        for finding in (*run_checks(case, context), *_unquoted_dates(doc))
        if rest.keeps(finding)
    ]
    return [f for f in findings if f.path != ()] + [f for f in findings if f.path == ()]


def _unresolved_warning(unresolved: tuple[str, ...]) -> Finding:
    shown = ", ".join(f"'{ref}'" for ref in unresolved[:10])
    more = f" and {len(unresolved) - 10} more" if len(unresolved) > 10 else ""
    return Finding(
        "TL307",
        f"no registry beside this file defines {shown}{more}: shown as {UNKNOWN}",
        (),
        "read the file in its data repository, next to its data/registry folder",
    )


def _unquoted_dates(doc: Document) -> Iterator[Finding]:
    for path, text in doc.plain_dates:
        if _DATE_LIKE.match(text):
            yield Finding(
                "TL206",
                f"the date {text} is not quoted",
                path,
                f'write "{text}" in quotes so that YAML keeps it as text',
            )


def iter_case_files(paths: Iterable[FilePath], seen: set[str] | None = None) -> Iterator[FilePath]:
    """Files as given, and the case files inside folders (sorted, recursively).

    A file is yielded once however it is named (`a/../a/x.yaml`, a link to it, or a
    folder and a file in it): under the first name it was reached by. `seen` carries
    that across calls.
    """
    seen = set() if seen is None else seen
    for path in paths:
        # Not only regular files: a symlink loop, a dangling link or a pipe named *.yaml
        # is reported as unreadable (TL112) rather than silently skipped. The files of a
        # registry folder met on the way are not cases (they are checked with the cases
        # that use them); a registry folder given as such is listed.
        found = (
            sorted(
                p
                for p in path.rglob("*")
                if p.suffix in SUFFIXES
                and not p.is_dir()
                and (p.parent == path or p.parent.name != REGISTRY_FOLDER)
            )
            if path.is_dir()
            else [path]
        )
        for file in found:
            identity = os.path.realpath(file)
            if identity not in seen:
                seen.add(identity)
                yield file


# A file to validate with the case ids beside it, or a report made without a worker.
Task = FileReport | tuple[FilePath, frozenset[str]]
RegistryFor = Callable[[FilePath], "Registry | None"]


def validate_paths(
    paths: Iterable[FilePath],
    *,
    today: date | None = None,
    registry_for: RegistryFor | None = None,
) -> Iterator[FileReport]:
    """Validate files one at a time, in order; one bad file never stops the others.

    `registry_for` gives the registry of each file (see `timeline.store.registry`).
    (`timeline.load.parallel.validate_in_parallel` does the same on several cores.)
    """
    today = today or date.today()
    for task in case_tasks(paths):
        yield validate_task(task, today, registry_for)


def validate_task(task: Task, today: date, registry_for: RegistryFor | None) -> FileReport:
    if isinstance(task, FileReport):
        return task
    path, known_cases = task
    registry = registry_for(path) if registry_for is not None else None
    return validate_file(path, today=today, known_cases=known_cases, registry=registry)


def case_tasks(paths: Iterable[FilePath]) -> Iterator[Task]:
    """The files to validate, with the cases beside each; a registry file's report.

    Inside a folder, a symbolic link to a file outside it is not followed: a pull
    request must not make CI print the lines of a file elsewhere on the runner.
    """
    siblings: dict[FilePath, frozenset[str]] = {}
    seen: set[str] = set()
    for root in paths:
        inside = root.resolve() if root.is_dir() else None
        for path in iter_case_files([root], seen):
            if inside is not None and path.is_symlink() and not _within(path, inside):
                yield _refused_link(path)
                continue
            folder = path.parent
            if folder.name == REGISTRY_FOLDER:  # a registry file: checked with its registry
                yield from _registry_report(path)
                continue
            if folder not in siblings:
                siblings[folder] = sibling_cases(folder)
            yield path, siblings[folder]


def _registry_report(path: FilePath) -> Iterator[FileReport]:
    registry = registry_in(path.parent)
    yield from (r for r in registry.reports if FilePath(r.file).name == path.name)


def _within(path: FilePath, folder: FilePath) -> bool:
    try:
        return path.resolve().is_relative_to(folder)
    except (OSError, RuntimeError):  # a symlink loop: reported when read
        return True


def _refused_link(path: FilePath) -> FileReport:
    doc = Document(str(path))
    doc.add_at(
        "TL112",
        "a symbolic link to a file outside the folder being checked; not followed",
        Span(1, 1, 1, 1),
        "validate the target where it is, or copy it into the folder",
    )
    return FileReport(doc.name, doc.diagnostics)
