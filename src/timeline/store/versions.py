"""Load the two versions a user names (`kloop@HEAD~1 kloop`) and diff them.

This is the edge of the diff package that reads files and runs git; `core` is
pure. A version that does not validate raises `InvalidCaseError` with its report.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from timeline.diff.core import diff_cases
from timeline.diff.model import CaseDiff, Version
from timeline.errors import InvalidCaseError, UsageError
from timeline.load.files import shown
from timeline.load.validation import FileReport, for_use, validate_bytes, validate_file
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


def _checked(report: FileReport, name: str) -> Case:
    if report.case is None or not report.valid:
        raise InvalidCaseError(f"{name} is not a valid case file", report)
    return report.case


def load_version(spec: Spec, directory: Path) -> Loaded:
    """A case on disk, or at a git revision."""
    path = case_path(spec.case, directory, must_exist=spec.rev is None)
    if spec.rev is None:
        registry = registry_for(path)
        report = for_use(partial(validate_file, path, registry=registry, lenient=registry is None))
        case = _checked(report, str(path))
        return Loaded(case, Version(id=case.id, file=shown(path)))
    blob = read_blob(path, spec.rev)
    registry = registry_at(path, spec.rev)
    report = for_use(
        partial(
            validate_bytes,
            blob.raw,
            name=blob.name,
            stem=path.stem,
            registry=registry,
            lenient=registry is None,
        )
    )
    case = _checked(report, blob.name)
    return Loaded(case, Version(id=case.id, file=blob.path, rev=spec.rev))


def compare_specs(texts: list[str], directory: Path) -> CaseDiff:
    """`timeline diff OLD [NEW]`: load both versions and diff them."""
    old_spec, new_spec = sides(texts)
    old = load_version(old_spec, directory)
    new = load_version(new_spec, directory)
    return diff_cases(old.case, new.case, old_version=old.version, new_version=new.version)
