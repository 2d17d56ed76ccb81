"""What a change since a git revision touches: `timeline validate --changed REV`.

The case files changed since REV (in the working tree, staged or not, and new
files git does not know yet), and every case that depends on a change: one that
uses a registry entry that changed (or appeared, or went), or that names in
`related` a case that changed, appeared or went. Nothing else is read.

Dependents are found in two steps: `git grep` lists the files that mention a
changed id as a word (fast, in C, over thousands of files), then each of them is
validated and kept only if it really refers to it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from timeline.errors import GitError
from timeline.load.diagnostics import Finding
from timeline.load.files import SUFFIXES, registry_folder
from timeline.load.loader import read_document
from timeline.load.validation import FileReport, validate_file
from timeline.model.registry import references, widened
from timeline.store.registry import registry_for
from timeline.store.revisions import (
    registry_folder_at,
    relative_path,
    repo_root,
    resolve_commit,
    run_git,
)

# `git grep` takes ids as arguments: a registry change touching thousands of entries is
# searched in chunks, so that no command line grows too long.
_GREP_CHUNK = 500
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"  # git's tree with nothing in it


@dataclass(slots=True)
class Changes:
    """The case files changed since a revision, and the ids whose change others feel."""

    root: Path
    homes: dict[str, Path] = field(default_factory=dict)  # folders: from the root -> as given
    cases: list[Path] = field(default_factory=list)  # changed or new, on disk
    case_ids: set[str] = field(default_factory=set)  # changed, new or deleted cases
    deleted: set[str] = field(default_factory=set)  # cases deleted (or renamed away)
    registry_ids: set[str] = field(default_factory=set)  # changed, new or deleted entries
    registries: list[Path] = field(default_factory=list)  # registry folders that changed


def find_changes(rev: str, folders: list[Path]) -> Changes:
    """The changes since `rev` to the case files of `folders` and to their registries."""
    root = repo_root(folders[0])
    commit = _commit(rev, root)
    homes = {relative_path(folder, root): folder for folder in folders}
    changes = Changes(root, homes)
    registries = {relative_path(registry, root): registry for registry in _registries(folders)}
    touched: set[str] = set()
    for relative in _changed_paths(root, commit):
        if not relative.endswith(SUFFIXES):
            continue
        home = next((h for h in registries if relative.startswith(f"{h}/")), None)
        if home is not None:
            touched.add(home)
            continue
        path = _as_given(relative, changes)
        if path is not None:
            changes.case_ids.add(path.stem)
            if path.is_file():
                changes.cases.append(path)
            elif not any(path.with_suffix(suffix).is_file() for suffix in SUFFIXES):
                changes.deleted.add(path.stem)
    for home in sorted(touched):
        changes.registries.append(registries[home])
        changes.registry_ids |= _changed_entries(root, home, registries[home], commit)
    changes.cases.sort()
    return changes


def _commit(rev: str, root: Path) -> str:
    """The commit a revision names; before the first commit, HEAD is the empty tree (so that
    the pre-commit hook checks every file of the first commit)."""
    try:
        return resolve_commit(rev, root)
    except GitError:
        if rev != "HEAD" or _has_commits(root):
            raise
        return EMPTY_TREE


def _has_commits(root: Path) -> bool:
    try:
        run_git(["rev-parse", "--verify", "--quiet", "HEAD"], root)
    except GitError:
        return False
    return True


def _registries(folders: Iterable[Path]) -> list[Path]:
    found = (registry_folder(folder / "case.yaml") for folder in folders)
    return sorted({folder for folder in found if folder is not None})


def _changed_paths(root: Path, commit: str) -> list[str]:
    """Paths (from the root) that differ between `commit` and the working tree, and new ones.

    Without rename detection: a renamed case is its old id deleted and a new one added.
    """
    out = run_git(["diff", "--name-only", "--no-renames", "-z", commit, "--"], root)
    new = run_git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    names = (out + new).decode("utf-8", "surrogateescape").split("\0")
    return sorted({name for name in names if name})


def _changed_entries(root: Path, home: str, folder: Path, commit: str) -> set[str]:
    from timeline.load.registry_files import registry_in

    old = None if commit == EMPTY_TREE else registry_folder_at(root, home, commit)
    before = old.items if old is not None else {}
    after = registry_in(folder).items if folder.is_dir() else {}
    changed = {ref for ref in {*before, *after} if before.get(ref) != after.get(ref)}
    return widened(changed, before, after)


def dependents(changes: Changes, folders: list[Path]) -> list[Path]:
    """Case files, other than the changed ones, that mention a changed id as a word."""
    ids = sorted(changes.case_ids | changes.registry_ids)
    if not ids:
        return []
    places = [relative_path(folder, changes.root) for folder in folders]
    found: set[Path] = set()
    for start in range(0, len(ids), _GREP_CHUNK):
        patterns = [arg for ref in ids[start : start + _GREP_CHUNK] for arg in ("-e", ref)]
        args = ["grep", "-l", "-z", "-w", "-F", "--untracked", *patterns, "--", *places]
        try:
            out = run_git(args, changes.root)
        except GitError:  # git grep exits 1 when nothing matches
            continue
        names = out.decode("utf-8", "surrogateescape").split("\0")
        given = (_as_given(name, changes) for name in names if name.endswith(SUFFIXES))
        found.update(path for path in given if path is not None)
    return sorted(found - set(changes.cases))


def _as_given(relative: str, changes: Changes) -> Path | None:
    """A file named by git (from the root) as the user would name it: inside the folder
    they gave, as they gave it (so that reports and annotations name it so); None when
    it is in none of them."""
    for home, folder in changes.homes.items():
        if home == ".":
            return folder / relative
        if relative.startswith(f"{home}/"):
            return folder / relative[len(home) + 1 :]
    return None


def validate_changes(
    changes: Changes, folders: list[Path], also: Iterable[Path] = (), jobs: int | None = None
) -> Iterator[FileReport]:
    """Reports of the files in `also` and the changed case files, of the cases that depend
    on a change, and of the files of a registry that changed; each file once, read by
    up to `jobs` processes (`read_ahead`)."""
    from timeline.load.parallel import read_ahead
    from timeline.load.registry_files import registry_in
    from timeline.load.validation import validate_paths

    done = {os.path.realpath(path) for path in changes.cases}
    given = [p for p in also if os.path.realpath(p) not in done]
    yield from validate_paths(given, registry_for=registry_for)
    done.update(os.path.realpath(path) for path in also)
    # The other cores read (parse) the files ahead: a registry change can touch thousands.
    for path, document in read_ahead(changes.cases, jobs):
        yield _named_gone(validate_file(path, document=document), path, changes)
    others = [p for p in dependents(changes, folders) if os.path.realpath(p) not in done]
    for path, document in read_ahead(others, jobs):
        report = validate_file(path, document=document)
        if _depends(report, changes):
            yield _named_gone(report, path, changes)
    for folder in changes.registries:
        if folder.is_dir():
            yield from registry_in(folder).reports


def _named_gone(report: FileReport, path: Path, changes: Changes) -> FileReport:
    """The report, with an error for each related case that this change deletes or renames:
    a missing related case is only a warning for a file read on its own, but a change that
    leaves a case naming a case it removed is a mistake in that change."""
    gone = [
        (index, ref)
        for index, ref in enumerate(report.case.related_ids if report.case else ())
        if ref in changes.deleted
    ]
    if not gone:
        return report
    doc = read_document(path, report.file)
    for index, ref in gone:
        doc.add(
            Finding(
                "TL309",
                f"'{ref}' was deleted or renamed since the revision compared with, "
                "and this case still names it",
                ("related", index),
                "name the case by its new id, or remove it from `related`",
            )
        )
    diagnostics = [*report.diagnostics, *(d for d in doc.diagnostics if d.code == "TL309")]
    diagnostics.sort(key=lambda d: (d.span.line, d.span.column, d.code))
    return replace(report, diagnostics=diagnostics)


def _depends(report: FileReport, changes: Changes) -> bool:
    case = report.case
    if case is None:  # it does not load: it mentions a changed id, so it is reported
        return True
    if changes.case_ids.intersection(case.related_ids):
        return True
    if changes.registry_ids & report.uses:
        return True
    # An entry that went (or came): the case refers to it without resolving it.
    return not changes.registry_ids.isdisjoint(references(case))
