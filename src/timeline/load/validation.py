"""Validate case files: parse, check the schema, run the rules, report.

`validate_file` is the pipeline for one file; `validate_paths` walks files and
folders one file at a time, so memory does not grow with the corpus.
"""

from __future__ import annotations

import difflib
import os
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path as FilePath
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from timeline.load.checks import Context, run_checks
from timeline.load.diagnostics import Diagnostic, Finding, Path, Severity, Span, count
from timeline.load.files import SUFFIXES, sibling_cases
from timeline.load.loader import _DATE_LIKE, Document, gc_paused, parse_document, read_document
from timeline.load.partial import rest_of
from timeline.load.positions import paths_of
from timeline.model.case import FORMAT_VERSION, Case
from timeline.model.vocab import Term


@dataclass(slots=True)
class FileReport:
    """The outcome of validating one file: its diagnostics and, if it loaded, the case."""

    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    case: Case | None = None

    @property
    def errors(self) -> int:
        return count(self.diagnostics)[0]

    @property
    def warnings(self) -> int:
        return count(self.diagnostics)[1]

    @property
    def valid(self) -> bool:
        return self.case is not None and self.errors == 0


def validate_file(
    path: FilePath,
    *,
    today: date | None = None,
    known_cases: frozenset[str] | None = None,
    name: str | None = None,
) -> FileReport:
    """Validate one case file on disk."""
    if known_cases is None:
        known_cases = sibling_cases(path.parent)
    # The document (its node tree) is freed before the collector resumes, so that the
    # collector never traverses it.
    with gc_paused():
        return check_document(
            read_document(path, name), stem=path.stem, today=today, known_cases=known_cases
        )


def validate_bytes(
    raw: bytes, name: str, *, stem: str | None = None, today: date | None = None
) -> FileReport:
    """Validate the bytes of a case file (from git, or from a test)."""
    with gc_paused():
        return check_document(parse_document(raw, name), stem=stem, today=today)


def check_document(
    doc: Document,
    *,
    stem: str | None,
    today: date | None = None,
    known_cases: frozenset[str] | None = None,
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
    )
    try:
        case = Case.model_validate(doc.data)
    except ValidationError as error:
        for finding in (*schema_findings(error), *_rest_findings(doc, error, context)):
            doc.add(finding)
    else:
        for finding in (*run_checks(case, context), *_unquoted_dates(doc)):
            doc.add(finding)
        report.case = case
    report.diagnostics.sort(key=lambda d: (d.span.line, d.span.column, d.code))
    return report


def _rest_findings(doc: Document, error: ValidationError, context: Context) -> list[Finding]:
    """The rules' findings on the parts of the file that passed the schema (load.partial)."""
    found = rest_of(doc.data, error, Case.model_validate)
    if found is None:
        return []
    rest, case = found
    findings = [
        replace(finding, path=rest.original(finding.path))
        for finding in (*run_checks(case, context), *_unquoted_dates(doc))
        if rest.keeps(finding)
    ]
    return [f for f in findings if f.path != ()] + [f for f in findings if f.path == ()]


def _unquoted_dates(doc: Document) -> Iterator[Finding]:
    dated = [node for node in doc.plain_dates if _DATE_LIKE.match(node.value)]
    if not dated or doc.root is None:
        return
    paths = paths_of(doc.root, dated)  # one walk of the tree for all of them
    for node in dated:
        yield Finding(
            "TL206",
            f"the date {node.value} is not quoted",
            paths.get(id(node), ()),
            f'write "{node.value}" in quotes so that YAML keeps it as text',
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
        # is reported as unreadable (TL112) rather than silently skipped.
        found = (
            sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and not p.is_dir())
            if path.is_dir()
            else [path]
        )
        for file in found:
            identity = os.path.realpath(file)
            if identity not in seen:
                seen.add(identity)
                yield file


def validate_paths(paths: Iterable[FilePath], *, today: date | None = None) -> Iterator[FileReport]:
    """Validate files one at a time; one bad file never stops the others.

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
            if folder not in siblings:
                siblings[folder] = sibling_cases(folder)
            yield validate_file(path, today=today, known_cases=siblings[folder])


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


# --- schema errors -> findings -------------------------------------------------------------


def schema_findings(error: ValidationError) -> list[Finding]:
    findings = [_finding(detail) for detail in error.errors(include_url=False)]
    # A misspelt required key is one mistake: keep "unknown key 'titel', did you mean
    # 'title'?" and drop the "missing required key 'title'" it causes.
    misspelt = {
        (f.path[:-1], f.hint.split("'")[1])
        for f in findings
        if f.code == "TL201" and f.hint and f.hint.startswith("did you mean")
    }
    kept = [
        f
        for f in findings
        if not (f.code == "TL202" and (f.path, f.message.rsplit("'", 2)[1]) in misspelt)
    ]
    return list(dict.fromkeys(kept))  # without repeats, in order (linear for many findings)


_TYPE_NAMES = {
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
}

_PATTERN_HELP = {
    "id": "an id is lowercase letters, digits and single hyphens, such as 'editors-detained'",
    "jurisdiction": "an ISO 3166-1 alpha-2 country code in capitals, such as 'KG'",
    "language": "a language code such as 'en' or 'ru'",
    "lang": "a language code such as 'en' or 'ru'",
    "term": "an ISO 8601 duration such as 'P5Y' (5 years) or 'P2M' (2 months)",
    "offset": "an ISO 8601 duration such as 'P2D' (2 days)",
    "url": "a full web address starting with https:// or http://",
    "archive_url": "a full web address starting with https:// or http://",
    "currency": "an ISO 4217 currency code such as 'KGS'",
}


def _finding(detail: ErrorDetails) -> Finding:
    loc: Path = tuple(part for part in detail["loc"] if isinstance(part, str | int))
    kind = detail["type"]
    value = detail.get("input")
    name = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if kind == "extra_forbidden":
        return _unknown_key(loc)
    if kind == "missing":
        return Finding("TL202", f"missing required key '{name}'", loc[:-1], _example(name))
    if kind == "missing_date":
        return Finding(
            "TL202", f"missing required key 'date': {detail['msg']}", loc, _example("date")
        )
    if kind == "edtf":
        return Finding("TL205", f"invalid date: {detail['msg']}", loc)
    if kind == "enum":
        return _unknown_term(loc, value)
    if loc == ("format",):
        return Finding(
            "TL208",
            f"unsupported format version {value!r}: this tool reads format {FORMAT_VERSION}",
            loc,
        )
    if kind in _TYPE_NAMES:
        return Finding(
            "TL203", f"'{name}' must be {_TYPE_NAMES[kind]}, not {_describe(value)}", loc
        )
    if kind == "string_pattern_mismatch":
        key = "id" if name in ("id", "ref", "org", "event") or _in_ref_list(loc) else name
        help_text = _PATTERN_HELP.get(key, "see docs/data-format.md")
        return Finding("TL204", f"{_quote(value)} is not a valid {name}: {help_text}", loc)
    if kind in ("string_too_short", "too_short"):
        return Finding("TL204", f"'{name}' must not be empty", loc)
    return Finding("TL204", f"invalid value for '{name}': {detail['msg']}", loc)


def _in_ref_list(loc: Path) -> bool:
    names = [p for p in loc if isinstance(p, str)]
    return bool(names) and names[-1] in (
        "subjects",
        "charges",
        "after",
        "attribution",
        "disputed_by",
        "related",
        "tags",
        "about",
    )


def _quote(value: object) -> str:
    return repr(value) if isinstance(value, str) else _describe(value)


def _describe(value: object) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, str):
        return f"the text {value!r}" if len(value) < 60 else "a text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _example(name: str) -> str | None:
    examples = {
        "format": "add `format: 1` at the top",
        "id": "add `id: ...` (lowercase, hyphens)",
        "date": 'add `date: "2025-05-28"` (EDTF; quote it)',
        "type": "add `type: ...` (see docs/data-format.md for the event types)",
    }
    return examples.get(name)


def _unknown_key(loc: Path) -> Finding:
    key = str(loc[-1])
    allowed = fields_at(loc[:-1])
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    hint: str | None = None
    if close:
        hint = f"did you mean '{close[0]}'?"
    elif allowed:
        hint = "allowed here: " + ", ".join(allowed)
    where = _where(loc[:-1])
    return Finding("TL201", f"unknown key '{key}'{where}", loc, hint, target="key")


def _where(loc: Path) -> str:
    from timeline.load.diagnostics import format_path

    return f" in {format_path(loc)}" if loc else ""


def _unknown_term(loc: Path, value: object) -> Finding:
    vocabulary = _annotation_at(loc)
    name = str(next((p for p in reversed(loc) if isinstance(p, str)), ""))
    if vocabulary is None:
        return Finding("TL207", f"unknown term {value!r} for '{name}'", loc)
    terms = [term.value for term in vocabulary]
    close = difflib.get_close_matches(str(value), terms, n=1) if isinstance(value, str) else []
    hint = f"did you mean '{close[0]}'?" if close else "one of: " + ", ".join(terms)
    return Finding("TL207", f"{_quote(value)} is not a known {name.replace('_', ' ')}", loc, hint)


def fields_at(loc: Path) -> list[str]:
    """The keys the format allows at a path of the document."""
    model = _model_at(loc)
    return list(model.model_fields) if model else []


def _model_at(loc: Path) -> type[BaseModel] | None:
    current: Any = Case
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _inner(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _annotation_at(loc: Path) -> type[Term] | None:
    *parents, last = [p for p in loc if isinstance(p, str)] or [""]
    model = _model_at(tuple(parents))
    if model is None or last not in model.model_fields:
        return None
    inner = _inner(model.model_fields[last].annotation)
    return inner if isinstance(inner, type) and issubclass(inner, Term) else None


def _inner(annotation: Any) -> Any:
    """The model or vocabulary inside `list[X]`, `X | None` or `Annotated[X, ...]`."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (list, typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation
