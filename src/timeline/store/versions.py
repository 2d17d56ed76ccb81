"""Load the two versions a user names (`kloop@HEAD~1 kloop`) and diff them.

This is the edge of the diff package that reads files and runs git; `core` is
pure. A version that does not validate raises `InvalidCaseError` with its report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from timeline.diff.core import diff_cases
from timeline.diff.model import CaseDiff, Version
from timeline.errors import InvalidCaseError, UsageError
from timeline.load.files import file_size, shown
from timeline.load.loader import Document, parse_document, read_document
from timeline.load.parallel import for_use_both
from timeline.load.validation import FileReport, validate_bytes, validate_file
from timeline.model.case import Case
from timeline.store.registry import registry_for
from timeline.store.revisions import Spec, case_path, parse_spec, read_blob, registry_at


@dataclass(frozen=True, slots=True)
class Loaded:
    case: Case
    version: Version


def sides(texts: list[str]) -> tuple[Spec, Spec]:
    """OLD [NEW] as specs: NEW defaults to OLD's file on disk, and OLD alone to OLD@HEAD;
    a NEW of `@REV` alone names OLD's file at REV.
    """
    if not 1 <= len(texts) <= 2:
        raise UsageError("diff takes OLD and at most one NEW")
    old = parse_spec(texts[0])
    if len(texts) == 1:
        return (old if old.rev else Spec(old.case, "HEAD")), Spec(old.case)
    new = parse_spec(texts[1])
    if not new.case:
        new = Spec(old.case, new.rev)
    if not old.case:
        raise UsageError(f"'{texts[0]}': name a case before the '@'")
    return old, new


@dataclass(frozen=True, slots=True)
class _Source:
    """Where a version is read from, and how it is validated once it is parsed."""

    parse: Callable[[], Document]  # sendable to another process
    size: int
    validate: Callable[..., FileReport]
    name: str
    version: Version


def _source(spec: Spec, directory: Path) -> _Source:
    path = case_path(spec.case, directory, must_exist=spec.rev is None)
    if spec.rev is None:
        registry = registry_for(path)
        return _Source(
            partial(read_document, path),
            file_size(path),
            partial(validate_file, path, registry=registry, lenient=registry is None),
            str(path),
            Version(id=path.stem, file=shown(path)),
        )
    blob = read_blob(path, spec.rev)
    registry = registry_at(path, spec.rev)
    return _Source(
        partial(parse_document, blob.raw, blob.name),
        len(blob.raw),
        partial(
            validate_bytes,
            blob.raw,
            name=blob.name,
            stem=path.stem,
            registry=registry,
            lenient=registry is None,
        ),
        blob.name,
        Version(id=path.stem, file=blob.path, rev=spec.rev),
    )


def _loaded(source: _Source, report: FileReport) -> Loaded:
    """The version's case, or `InvalidCaseError` with its report."""
    if report.case is None or not report.valid:
        raise InvalidCaseError(f"{source.name} is not a valid case file", report)
    return Loaded(report.case, replace(source.version, id=report.case.id))


def compare_specs(texts: list[str], directory: Path) -> CaseDiff:
    """`timeline diff OLD [NEW]`: load both versions and diff them.

    A large old version is parsed in a second process while this one loads the new
    (`for_use_both`); an invalid old version is still the one reported first.
    """
    old_spec, new_spec = sides(texts)
    old, new = _source(old_spec, directory), _source(new_spec, directory)
    reports = for_use_both(old.parse, old.validate, new.validate, min(old.size, new.size))
    before, after = _loaded(old, reports[0]), _loaded(new, reports[1])
    return diff_cases(
        before.case, after.case, old_version=before.version, new_version=after.version
    )
