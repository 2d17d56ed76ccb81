"""Read and check the files of a registry (`data/registry/*.yaml`).

Registry files go through the same safe loader, limits and diagnostics as case
files. Each file is checked on its own (schema, privacy, labels), then the registry
as a whole (an id defined twice, an affiliation naming no organization).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path as FilePath

from pydantic_core import ValidationError

from timeline.load.checks import (
    Context,
    label_without_other,
    other_label,
    privacy_details,
    privacy_name,
)
from timeline.load.diagnostics import FileReport, Finding, Path, Severity
from timeline.load.files import registry_files, registry_folder, shown
from timeline.load.limits import MAX_DIAGNOSTICS
from timeline.load.loader import Document, gc_paused, parse_document, read_document
from timeline.load.partial import rest_of
from timeline.load.registry import Entry, Registry
from timeline.load.schema_errors import schema_findings
from timeline.model.case import Case, Organization
from timeline.model.registry import SECTIONS, RegistryFile
from timeline.model.vocab import CaseStatus

Placed = Callable[[Path], Path]  # a path in what was validated -> the path in the file

# The rules of a case that also hold for each registry file (privacy above all).
_FILE_CHECKS = (privacy_name, privacy_details, other_label, label_without_other)


# Registries read in this process, by folder, with the state of their files when read.
_BESIDE: dict[FilePath, tuple[tuple[tuple[str, int, int], ...], Registry]] = {}


def registry_beside(case_path: FilePath) -> Registry | None:
    """The registry of a case file on disk (see `files.registry_folder`)."""
    folder = registry_folder(case_path)
    return None if folder is None else registry_in(folder)


def registry_in(folder: FilePath) -> Registry:
    """The registry in a folder, read once for as long as its files stay as they are."""
    files = registry_files(folder)
    state = tuple(_state(path) for path in files)
    key = folder.resolve()
    cached = _BESIDE.get(key)
    if cached is None or cached[0] != state:
        cached = (state, read_registry(files, shown(folder)))
        _BESIDE[key] = cached
    return cached[1]


def _state(path: FilePath) -> tuple[str, int, int]:
    try:
        status = path.stat()
    except OSError:
        return (path.name, -1, -1)
    return (path.name, status.st_size, status.st_mtime_ns)


def read_registry(files: Iterable[FilePath], name: str) -> Registry:
    """Read and check the files of a registry on disk (`name` is how its folder is shown)."""
    documents = []
    for path in files:
        with gc_paused():
            documents.append(read_document(path, f"{name}/{path.name}"))
    return _checked(name, documents)


def load_registry(files: Iterable[tuple[str, bytes]], name: str) -> Registry:
    """Check a registry given as (file name, bytes) pairs, such as the blobs of a commit."""
    documents = []
    for file, raw in files:
        with gc_paused():
            documents.append(parse_document(raw, file))
    return _checked(name, documents)


def _checked(name: str, documents: list[Document]) -> Registry:
    registry = Registry(name)
    for doc in documents:
        report = FileReport(doc.name, doc.diagnostics)
        registry.reports.append(report)
        registry.documents[doc.name] = doc
        checked = _content(doc)
        if checked is not None:
            _add_entries(registry, doc, *checked)
    _check_affiliations(registry)
    for report in registry.reports:
        report.diagnostics.sort(key=lambda d: (d.span.line, d.span.column, d.code))
    return registry


def _content(doc: Document) -> tuple[RegistryFile, Placed] | None:
    """The file's valid entries, and where each path of them is in the file.

    An entry that fails the schema is reported and left out; the others stay in the
    registry (load.partial), so that one mistyped field does not take every case's
    people away from them. The file checks run on what is left.
    """
    if doc.data is None or any(d.severity is Severity.ERROR for d in doc.diagnostics):
        return None
    placed: Placed = _as_written
    try:
        content = RegistryFile.model_validate(doc.data)
    except ValidationError as error:
        for finding in schema_findings(error, RegistryFile):
            doc.add(finding)
        rest = (
            None
            if error.error_count() > MAX_DIAGNOSTICS
            else rest_of(doc.data, error, RegistryFile.model_validate)
        )
        if rest is None:
            return None
        content, placed = rest[1], rest[0].original
    # The rules run on the file's sections as if they were a case's: same paths.
    sections = {section: getattr(content, section) for section in SECTIONS}
    as_case = Case.model_construct(status=CaseStatus.ONGOING, status_label=None, **sections)
    context = Context(stem=None, today=date.min)
    for module in _FILE_CHECKS:
        for finding in module.check(as_case, context):
            doc.add(finding._replace(path=placed(finding.path)))
    return content, placed


def _as_written(path: Path) -> Path:
    return path


def _add_entries(registry: Registry, doc: Document, content: RegistryFile, placed: Placed) -> None:
    for section in SECTIONS:
        for index, item in enumerate(getattr(content, section)):
            where = placed((section, index))
            first = registry.where(item.id)
            if first is not None:
                doc.add(
                    Finding(
                        "TL301",
                        f"the id '{item.id}' is already used in the registry, at {first}",
                        (*where, "id"),
                        "give every entry its own id",
                    )
                )
                continue
            registry.entries[item.id] = Entry(item, section, doc.name, where)


def _check_affiliations(registry: Registry) -> None:
    orgs = {ref for ref, item in registry.items.items() if isinstance(item, Organization)}
    for entry in registry.entries.values():
        for index, affiliation in enumerate(getattr(entry.item, "affiliations", ())):
            if affiliation.org not in orgs:
                registry.documents[entry.file].add(
                    Finding(
                        "TL302",
                        f"'{affiliation.org}' is not the id of any organization in the registry",
                        (*entry.path, "affiliations", index, "org"),
                        f"add an organization with the id '{affiliation.org}' to the registry",
                    )
                )
