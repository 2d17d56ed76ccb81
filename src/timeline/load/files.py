"""Case files on disk: the suffixes that make a file a case file, and the cases beside one."""

from __future__ import annotations

from pathlib import Path

SUFFIXES = (".yaml", ".yml")


def sibling_cases(folder: Path) -> frozenset[str]:
    """The case ids of a folder, for the `related` check (none when it cannot be read)."""
    try:
        return frozenset(p.stem for p in folder.iterdir() if p.suffix in SUFFIXES)
    except OSError:
        return frozenset()
