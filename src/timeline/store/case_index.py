"""Validated cases kept between runs, for the commands across cases (`person`, `search`).

Validating every case file of a large repository takes seconds, and `person`
and `search` read the same files run after run. Each file's digest (what the
look-ups match, see `timeline.model.digest`) and validation report (its
diagnostics and the validated case) are kept in the cache
folder of `timeline.store.cache`, under ``cases/<hash of the data
directory>/<id>.pickle``; a look-up reads every digest and only the reports of
the cases it shows. An entry has a key: the file's size, modification time and
inode, and what else validity depends on (the code of timeline and its
libraries, the day, since dates in the future are errors, the ids of the cases
beside it, which `related` may name, and the files of a `registry` folder beside
the cases' folder, shared by every case). A file whose
key differs is validated afresh and its entry replaced; deleting the folder is
always safe.

A pickle runs code when it is loaded: an entry is read only from a folder and
a file that belong to the user and that nobody else may write, and written
atomically with mode 0600.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import os
import pickle
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from timeline.load.files import SUFFIXES
from timeline.model.digest import CaseDigest, digest

if TYPE_CHECKING:
    from timeline.load.validation import FileReport
    from timeline.model.case import Case

Validator = Callable[[Path], "FileReport"]
SUFFIX = ".pickle"
UNREADABLE = "TL112"


@dataclass(slots=True)
class Digests:
    """The digests of a folder's valid cases (in id order), notices about the files left
    out, and a way to the full cases."""

    cases: list[tuple[Path, CaseDigest]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    reports: dict[Path, FileReport] = field(default_factory=dict)  # those already read
    entries: dict[Path, Path] = field(default_factory=dict)  # case file -> its cache entry

    @property
    def digests(self) -> list[CaseDigest]:
        return [case for _, case in self.cases]

    def load(self, ids: Sequence[str]) -> list[Case]:
        """The validated cases of these ids (from the cache, or validated again)."""
        from timeline.load.validation import validate_file

        found = []
        for path, case in self.cases:
            if case.id not in ids:
                continue
            report = self.reports.get(path)
            entry = self.entries.get(path)
            if report is None and entry is not None:
                report = _read_report(entry)
            if report is None or report.case is None:
                report = validate_file(path)
            if report.case is not None:
                found.append(report.case)
        return found


def read_digests(directory: Path) -> Digests:
    """The digests of the valid case files of `directory`, through the cache when it is on."""
    from timeline.store.cache import cache_dir
    from timeline.store.collection import case_paths

    result = Digests()
    paths = list(case_paths(directory, result.notices))
    known = frozenset(path.stem for path in paths)
    base = cache_dir()
    folder = base / "cases" / _digest(str(directory.resolve())) if base is not None else None
    common = _common_key(directory, known) if folder is not None else ""
    for path in paths:
        entry = folder / f"{path.stem}{SUFFIX}" if folder is not None else None
        key = _file_key(path, common) if entry is not None else None
        kept = _read_head(entry, key) if entry is not None and key else None
        if kept is None:
            report = _validate(path, known)
            kept = _head(path, report)
            result.reports[path] = report
            if entry is not None and key:
                _write(entry.parent, entry, key, kept, report)
        notice, case = kept
        if notice:
            result.notices.append(notice)
        elif case is not None:
            result.cases.append((path, case))
            if entry is not None:
                result.entries[path] = entry
    return result


Head = tuple[str | None, CaseDigest | None]  # a notice, or the digest of a valid case


def _head(path: Path, report: FileReport) -> Head:
    if any(d.code == UNREADABLE for d in report.diagnostics):
        return f"skipped {path}: {report.diagnostics[0].message}", None
    if not report.valid or report.case is None:
        return f"skipped {path}: not a valid case file; see: timeline validate {path}", None
    return None, digest(report.case)


def _validate(path: Path, known: frozenset[str]) -> FileReport:
    from timeline.load.validation import validate_file

    return validate_file(path, known_cases=known)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _common_key(directory: Path, known: frozenset[str]) -> str:
    from timeline.store.cache import code_fingerprint

    parts = [code_fingerprint(), datetime.date.today().isoformat(), *sorted(known)]
    for file in _shared_files(directory):
        parts.append(f"{file.name} {_stat_key(file)}")
    return _digest("\n".join(parts))


def _shared_files(directory: Path) -> list[Path]:
    """The files of the folder `registry` beside the cases' folder (`data/registry` for
    `data/cases`), where a data repository keeps what its cases share: a change there
    may change any case."""
    try:
        entries = sorted((directory.absolute().parent / "registry").iterdir())
    except OSError:  # no such folder
        return []
    return [entry for entry in entries if entry.name.endswith(SUFFIXES)]


def _stat_key(path: Path) -> str:
    status = path.stat()
    return f"{status.st_size} {status.st_mtime_ns} {status.st_ino}"


def _file_key(path: Path, common: str) -> bytes | None:
    try:
        return f"{common} {_stat_key(path)}\n".encode()
    except OSError:
        return None


def _private(status: os.stat_result) -> bool:
    """Owned by this user, and nobody else may write it."""
    owner = status.st_uid == os.geteuid()
    return owner and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _open(entry: Path) -> IO[bytes] | None:
    """The entry, open for reading, if it and its folder are private to this user."""
    # Not through a link, and without waiting for a writer: a pipe at the path hung it.
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.fdopen(os.open(entry, flags), "rb")
    except OSError:
        return None
    status = os.fstat(handle.fileno())
    if stat.S_ISREG(status.st_mode) and _private(status) and _private(entry.parent.stat()):
        return handle
    handle.close()
    return None


def _read_head(entry: Path, key: bytes) -> Head | None:
    """The notice and digest kept for `key`, or None (no entry, another key, damaged)."""
    handle = _open(entry)
    if handle is None:
        return None
    with handle:
        try:
            if handle.readline() != key:
                return None
            head: Head = pickle.load(handle)
            return head
        except Exception:  # a damaged entry is validated afresh
            return None


def _read_report(entry: Path) -> FileReport | None:
    handle = _open(entry)
    if handle is None:
        return None
    with handle:
        try:
            handle.readline()
            pickle.load(handle)  # the head
            report: FileReport = pickle.load(handle)
            return report
        except Exception:  # a damaged entry is validated afresh
            return None


def _write(folder: Path, entry: Path, key: bytes, head: Head, report: Any) -> None:
    from timeline.store.atomic import write_atomic

    level = pickle.HIGHEST_PROTOCOL
    with contextlib.suppress(Exception):  # a cache that cannot be written is no cache
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = key + pickle.dumps(head, level) + pickle.dumps(report, level)
        write_atomic(entry, data, mode=0o600, follow=False)  # private, as the reader requires
