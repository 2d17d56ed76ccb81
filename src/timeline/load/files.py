"""Case files on disk: the suffixes that make a file a case file, the cases beside one,
where its registry is, a file's size, and how a path is shown."""

from __future__ import annotations

import os
from pathlib import Path

SUFFIXES = (".yaml", ".yml")
REGISTRY_FOLDER = "registry"


def sibling_cases(folder: Path) -> frozenset[str]:
    """The case ids of a folder, for the `related` check (none when it cannot be read)."""
    try:
        return frozenset(p.stem for p in folder.iterdir() if p.suffix in SUFFIXES)
    except OSError:
        return frozenset()


def registry_folder(case_path: Path) -> Path | None:
    """The registry of a case file: the folder `registry` beside the case's folder
    (`data/registry/` for `data/cases/kloop.yaml`), if there is one."""
    folder = case_path.absolute().parent.parent / REGISTRY_FOLDER
    return folder if folder.is_dir() else None


def registry_files(folder: Path) -> list[Path]:
    """The files of a registry folder, sorted by name (none if it cannot be read)."""
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and not p.is_dir())
    except OSError:
        return []


def file_size(path: Path) -> int:
    """The size of a file in bytes; 0 when it cannot be read (reported when it is read)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def shown(path: Path) -> str:
    """A path as the user would name it: relative to the current folder when it can be."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive
        return path.as_posix()
