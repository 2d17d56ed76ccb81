"""Case files at git revisions: `kloop@HEAD~1`, `data/cases/kloop.yaml@main`.

Git is run as a subprocess with list arguments (never through a shell), from
the folder of the file, so that a command works from any directory inside the
repository. Every git failure becomes a `GitError` with a message for people.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.errors import GitError, UsageError
from timeline.load.files import REGISTRY_FOLDER, SUFFIXES

if TYPE_CHECKING:
    from timeline.load.registry import Registry

_GIT_ENV = {"GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "LANG": "C"}


@dataclass(frozen=True, slots=True)
class Spec:
    """A case as the user wrote it: an id or a path, and perhaps a revision."""

    case: str
    rev: str | None = None


def parse_spec(text: str) -> Spec:
    """`kloop@HEAD~1` -> Spec("kloop", "HEAD~1"); `kloop` -> Spec("kloop", None).

    The revision follows the last `@`; a path that exists as written (even with an
    `@` in its name) is taken as a path. `@{...}` reflog forms stay in the revision.
    """
    if "@" not in text or Path(text).is_file():
        return Spec(text)
    at = _split_at(text)
    case, rev = text[:at], text[at + 1 :]
    if not rev:
        raise UsageError(f"'{text}': a revision is missing after '@' (for example {case}@HEAD)")
    return Spec(case, rev)


def _split_at(text: str) -> int:
    """The `@` that starts the revision: `x@main@{1}` splits at the first of the two."""
    at = text.rfind("@")
    if text.endswith("}") and "@{" in text:
        brace = text.rfind("@{")
        earlier = text.rfind("@", 0, brace)
        at = earlier if earlier >= 0 else brace
    return at


def _existing_folder(path: Path) -> Path:
    """The nearest existing folder at or above `path`'s parent (the file may be gone)."""
    folder = path.absolute().parent
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    return folder


def run_git(args: list[str], cwd: Path) -> bytes:
    """Run `git ARGS` in `cwd`; its stdout, or a `GitError` with git's own message."""
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            check=False,
            env={**os.environ, **_GIT_ENV},
        )
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH)") from None
    except OSError as error:
        raise GitError(f"cannot run git: {error.strerror}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {args[0]} failed: {message[-1] if message else 'unknown error'}")
    return done.stdout


def repo_root(start: Path) -> Path:
    """The top folder of the git repository that contains `start` (a file or folder)."""
    folder = start if start.is_dir() else _existing_folder(start)
    try:
        out = run_git(["rev-parse", "--show-toplevel"], folder)
    except GitError:
        raise GitError(f"not a git repository: {folder}") from None
    return Path(out.decode("utf-8", "surrogateescape").rstrip("\n"))


def relative_path(path: Path, root: Path) -> str:
    """`path` relative to the repository root, with `/` separators (as git names files)."""
    absolute = path.absolute()
    folder = _existing_folder(absolute)
    full = folder.resolve() / absolute.relative_to(folder)  # symlinks resolved where they exist
    try:
        return full.relative_to(root.resolve()).as_posix()
    except ValueError:
        raise GitError(f"{path} is outside the git repository {root}") from None


def resolve_commit(rev: str, root: Path) -> str:
    """The full hash of the commit a revision names; `GitError` for an unknown one."""
    if rev.startswith("-"):
        raise GitError(f"unknown revision '{rev}'")
    try:
        out = run_git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], root)
    except GitError:
        raise GitError(f"unknown revision '{rev}' in {root}") from None
    return out.decode().strip()


@dataclass(frozen=True, slots=True)
class Blob:
    """A case file as stored in a commit."""

    root: Path
    path: str  # relative to the root, with `/`
    rev: str
    commit: str
    raw: bytes

    @property
    def name(self) -> str:
        """The name diagnostics use: `data/cases/kloop.yaml@HEAD~1`."""
        return f"{self.path}@{self.rev}"


def read_blob(path: Path, rev: str) -> Blob:
    """The content of the file `path` (on disk, or where it used to be) at revision `rev`."""
    root = repo_root(path)
    relative = relative_path(path, root)
    commit = resolve_commit(rev, root)
    try:
        raw = run_git(["cat-file", "blob", f"{commit}:{relative}"], root)
    except GitError:
        raise GitError(f"{relative} does not exist at revision '{rev}'") from None
    return Blob(root, relative, rev, commit, raw)


def read_object(root: Path, object_id: str) -> bytes:
    """A blob by its hash (as listed by `git log --raw`)."""
    return run_git(["cat-file", "blob", object_id], root)


# --- the registry of a case at a revision ---------------------------------------------------

_AT: dict[tuple[Path, str], Registry | None] = {}


def registry_at(case_path: Path, rev: str) -> Registry | None:
    """The registry of a case file as it was at a git revision (None if it had none)."""
    root = repo_root(case_path)
    relative = relative_path(case_path, root)
    folder = "/".join([*relative.split("/")[:-2], REGISTRY_FOLDER])
    return registry_folder_at(root, folder, rev)


def registry_folder_at(root: Path, folder: str, rev: str) -> Registry | None:
    """The registry in `folder` (relative to the root) at a git revision, if it had one."""
    commit = resolve_commit(rev, root)
    key = (root, f"{commit}:{folder}")
    if key not in _AT:
        _AT[key] = _read_at(root, commit, folder, rev)
    return _AT[key]


def _read_at(root: Path, commit: str, folder: str, rev: str) -> Registry | None:
    from timeline.load.registry_files import load_registry

    try:
        listing = run_git(["ls-tree", "-z", "--name-only", f"{commit}:{folder}"], root)
    except GitError:  # no such folder at that revision
        return None
    names = sorted(n for n in listing.decode("utf-8", "replace").split("\0") if n)
    files = [
        (f"{folder}/{name}@{rev}", run_git(["cat-file", "blob", f"{commit}:{folder}/{name}"], root))
        for name in names
        if name.endswith(SUFFIXES)
    ]
    return load_registry(files, f"{folder}@{rev}")


# --- versions of a case: on disk or at a revision -------------------------------------------


def cases_dir(explicit: Path | None) -> Path:
    """Where case ids are looked up: as everywhere (`repository.data_dir`), except that from
    any folder inside a git repository, the repository's `data/cases` comes before the
    bundled cases.
    """
    from timeline.store.repository import ENV_VAR, data_dir

    if explicit is not None or os.environ.get(ENV_VAR) or (Path("data") / "cases").is_dir():
        return data_dir(explicit)
    try:
        candidate = repo_root(Path.cwd()) / "data" / "cases"
    except GitError:
        return data_dir(None)
    return candidate if candidate.is_dir() else data_dir(None)


def case_path(spec: str, directory: Path, *, must_exist: bool = True) -> Path:
    """The file of a case id or path; at a revision the file may be gone from the disk."""
    from timeline.load.files import SUFFIXES
    from timeline.store.repository import CASE_ID, is_path_spec, resolve_case

    if must_exist:
        return resolve_case(spec, directory)
    if is_path_spec(spec):
        return Path(spec)
    if not CASE_ID.match(spec):
        return resolve_case(spec, directory)  # raises, with the message for a bad id
    found = [
        directory / f"{spec}{suffix}"
        for suffix in SUFFIXES
        if (directory / f"{spec}{suffix}").is_file()
    ]
    return found[0] if found else directory / f"{spec}.yaml"
