"""Where the registry of a case file is: the folder `registry` beside the case's folder
(`data/registry/` for `data/cases/kloop.yaml`). At a git revision: `revisions.registry_at`.

A case file is read with the registry of the data repository it sits in, never with
another: the lookup starts from the file, not from the current folder.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.load.files import registry_files, registry_folder

__all__ = ["registry_files", "registry_folder", "registry_for", "with_registries"]

if TYPE_CHECKING:  # imported where a registry is read: the cache of `show` only lists files
    from timeline.load.registry import Registry
    from timeline.load.validation import FileReport


def registry_for(case_path: Path) -> Registry | None:
    """The registry of a case file on disk (read once while its files are unchanged)."""
    from timeline.load.registry_files import registry_beside

    return registry_beside(case_path)


def with_registries(
    reports: Iterable[FileReport], *, also: Iterable[Path] = (), unused: bool = True
) -> Iterator[FileReport]:
    """The reports of case files, then those of the registries they were read with (and of
    the registries of the files in `also`).

    When every case file beside a registry was validated, an entry that none of them
    uses earns a warning: with fewer files that could not be known.
    """
    from timeline.load.registry_files import registry_in

    seen: dict[Path, set[str]] = {}
    validated: set[Path] = set()
    for report in reports:
        yield report
        path = Path(report.file)
        folder = registry_folder(path)
        if folder is not None:
            seen.setdefault(folder.resolve(), set()).update(report.uses)
            validated.add(path.resolve())
    for path in also:
        folder = registry_folder(path)
        if folder is not None:
            seen.setdefault(folder.resolve(), set())
    for folder, used in seen.items():
        registry = registry_in(folder)
        if unused and _served(folder) <= validated:
            yield from registry.unused(used)
        else:
            yield from registry.reports


def _served(folder: Path) -> set[Path]:
    """The case files that use a registry folder: those of the folders beside it."""
    found: set[Path] = set()
    for sibling in folder.parent.iterdir():
        if sibling.is_dir() and sibling != folder:
            found.update(p.resolve() for p in registry_files(sibling))
    return found
