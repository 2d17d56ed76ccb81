"""The registry of a data repository, read: its entries by id, where each is written,
and the reports of its files.

`timeline.load.registry_files` reads and checks the files; where the registry
folder is is the business of `timeline.store.registry`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from timeline.load.diagnostics import Finding, Path
from timeline.load.loader import Document
from timeline.model.case import Case
from timeline.model.registry import SECTIONS, Item, section_of

if TYPE_CHECKING:
    from timeline.load.validation import FileReport


class Entry(NamedTuple):
    """One registry item and where it is written: its file and its path in that file."""

    item: Item
    section: str
    file: str
    path: Path


@dataclass
class Registry:
    """The registry of a data repository: its entries by id and its files' reports."""

    name: str
    entries: dict[str, Entry] = field(default_factory=dict)
    reports: list[FileReport] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict, repr=False)

    @cached_property
    def items(self) -> Mapping[str, Item]:
        return {ref: entry.item for ref, entry in self.entries.items()}

    @cached_property
    def order(self) -> Mapping[str, int]:
        """The place of each entry in the registry (files by name, then file order)."""
        return {ref: index for index, ref in enumerate(self.entries)}

    @cached_property
    def ids(self) -> dict[str, frozenset[str]]:
        """The ids of each section."""
        found: dict[str, set[str]] = {section: set() for section in SECTIONS}
        for ref, entry in self.entries.items():
            found[entry.section].add(ref)
        return {section: frozenset(ids) for section, ids in found.items()}

    @property
    def errors(self) -> int:
        return sum(report.errors for report in self.reports)

    def where(self, ref: str) -> str | None:
        """`file:line:column` of the id of an entry, for messages about another file."""
        entry = self.entries.get(ref)
        if entry is None:
            return None
        doc = self.documents.get(entry.file)
        if doc is None:
            return entry.file
        span = doc.locate((*entry.path, "id"))
        return f"{entry.file}:{span.line}:{span.column}"

    def unused(self, used: Iterable[str]) -> list[FileReport]:
        """The reports of the registry's files with a warning for each entry no case uses
        (new reports: the registry, read once per process, keeps its own as they are)."""
        seen = set(used)
        marks = {name: len(doc.diagnostics) for name, doc in self.documents.items()}
        for ref, entry in self.entries.items():
            if ref not in seen:
                self.documents[entry.file].add(
                    Finding(
                        "TL308",
                        f"no case uses the {_SINGULAR[entry.section]} '{ref}'",
                        (*entry.path, "id"),
                        "remove the entry, or refer to it from a case",
                    )
                )
        reports = []
        for report in self.reports:
            doc = self.documents[report.file]
            warnings = doc.diagnostics[marks[report.file] :]
            del doc.diagnostics[marks[report.file] :]
            diagnostics = sorted(
                [*report.diagnostics, *warnings], key=lambda d: (d.span.line, d.span.column, d.code)
            )
            reports.append(replace(report, diagnostics=diagnostics))
        return reports


_SINGULAR = {
    "people": "person",
    "organizations": "organization",
    "charges": "charge",
    "sources": "source",
}


def stand_ins(case: Case, unresolved: Iterable[str], registry: Registry | None) -> Registry:
    """The registry, with the stand-ins that a case read away from it got for what it
    could not resolve (they are among the case's items)."""
    found = Registry(registry.name if registry else "", dict(registry.entries) if registry else {})
    missing = set(unresolved)
    for section in SECTIONS:
        for item in getattr(case, section):
            if item.id in missing:
                found.entries[item.id] = Entry(item, section_of(item), "", ())
    return found
