"""`timeline diff` of a registry change: the cases whose chronology it changes.

Each case file beside the registry that mentions a changed entry is read twice, once
with the old registry and once with the new, and the two readings are diffed: what
a reader of each case would see change, and nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from timeline.diff.core import diff_cases
from timeline.diff.model import CaseDiff, Version
from timeline.errors import GitError
from timeline.load.files import REGISTRY_FOLDER, registry_files
from timeline.load.registry import Registry
from timeline.load.validation import validate_bytes
from timeline.model.registry import widened
from timeline.store.revisions import (
    Spec,
    read_blob,
    registry_folder_at,
    relative_path,
    repo_root,
)


@dataclass(frozen=True, slots=True)
class RegistryDiff:
    """What a registry change does: the entries that changed, each case it changes."""

    old: str
    new: str
    entries: tuple[str, ...]
    cases: tuple[CaseDiff, ...] = ()
    invalid: tuple[str, ...] = field(default=())  # cases that no longer validate

    @property
    def identical(self) -> bool:
        return not self.entries

    def to_json(self) -> dict[str, object]:
        return {
            "version": 1,
            "registry": {"old": self.old, "new": self.new},
            "entries": list(self.entries),
            "cases": [case.to_json() for case in self.cases],
            "invalid": list(self.invalid),
        }


def is_registry_spec(spec: Spec) -> bool:
    """Whether a side of `diff` names a registry file or folder rather than a case."""
    path = Path(spec.case)
    return REGISTRY_FOLDER in (path.name, path.parent.name)


def compare_registry(old: Spec, new: Spec) -> RegistryDiff:
    path = Path(new.case)
    folder = path if path.name == REGISTRY_FOLDER else path.parent
    before, after = _registry(folder, old.rev), _registry(folder, new.rev)
    old_items = before.items if before else {}
    new_items = after.items if after else {}
    entries = sorted(r for r in {*old_items, *new_items} if old_items.get(r) != new_items.get(r))
    result = RegistryDiff(_name(folder, old.rev), _name(folder, new.rev), tuple(entries))
    if not entries:
        return result
    shown = widened(set(entries), old_items, new_items)
    mention = re.compile(
        rb"(?<![\w-])(?:" + b"|".join(re.escape(e.encode()) for e in shown) + rb")(?![\w-])"
    )
    cases: list[CaseDiff] = []
    invalid: list[str] = []
    for case_path in _case_files(folder):
        raw = _read(case_path, new.rev)
        if raw is None or not mention.search(raw):
            continue
        change = _case_change(raw, case_path, (before, after), (old.rev, new.rev))
        if change is None:
            invalid.append(str(case_path))
        elif not change.identical:
            cases.append(change)
    return RegistryDiff(result.old, result.new, result.entries, tuple(cases), tuple(invalid))


def _case_change(
    raw: bytes,
    path: Path,
    registries: tuple[Registry | None, Registry | None],
    revs: tuple[str | None, str | None],
) -> CaseDiff | None:
    """One case read with the old and with the new registry, diffed (None: not valid)."""
    old, new = (
        validate_bytes(raw, str(path), stem=path.stem, registry=r, lenient=r is None)
        for r in registries
    )
    if old.case is None or new.case is None or not new.valid:
        return None
    versions = [Version(new.case.id, str(path), f"registry@{rev}" if rev else None) for rev in revs]
    return diff_cases(old.case, new.case, old_version=versions[0], new_version=versions[1])


def _registry(folder: Path, rev: str | None) -> Registry | None:
    if rev is None:
        from timeline.load.registry_files import registry_in

        return registry_in(folder) if folder.is_dir() else None
    root = repo_root(folder)
    return registry_folder_at(root, relative_path(folder, root), rev)


def _name(folder: Path, rev: str | None) -> str:
    return f"{folder.as_posix()}@{rev}" if rev else folder.as_posix()


def _case_files(registry: Path) -> list[Path]:
    """The case files of the folders beside a registry (on disk)."""
    try:
        folders = sorted(p for p in registry.parent.iterdir() if p.is_dir() and p != registry)
    except OSError:
        return []
    return [path for folder in folders for path in registry_files(folder)]


def _read(path: Path, rev: str | None) -> bytes | None:
    try:
        return path.read_bytes() if rev is None else read_blob(path, rev).raw
    except (OSError, GitError):
        return None
