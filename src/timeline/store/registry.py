"""Where the registry of a case file is: the folder `registry` beside the case's folder
(`data/registry/` for `data/cases/kloop.yaml`). At a git revision: `revisions.registry_at`.

A case file is read with the registry of the data repository it sits in, never with
another: the lookup starts from the file, not from the current folder.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.load.files import REGISTRY_FOLDER, registry_files, registry_folder

__all__ = ["registry_files", "registry_folder", "registry_for", "with_registries"]

if TYPE_CHECKING:  # imported where a registry is read: the cache of `show` only lists files
    from timeline.load.registry import Registry
    from timeline.load.validation import FileReport


def registry_for(case_path: Path) -> Registry | None:
    """The registry of a case file on disk (read once while its files are unchanged)."""
    from timeline.load.registry_files import registry_beside

    return registry_beside(case_path)


def with_registries(reports: Iterable[FileReport]) -> Iterator[FileReport]:
    """The reports of case files, then those of the registries they were read with.

    When every case file beside a registry was validated, an entry that none of them
    uses earns a warning: with fewer files that could not be known.
    """
    from timeline.load.registry_files import registry_in

    used: dict[Path, set[str]] = {}  # registry folder -> the ids its cases use
    validated: dict[Path, set[str]] = {}  # case folder -> the names of its files validated
    folders: dict[Path, tuple[Path, Path] | None] = {}  # as given -> (resolved, registry)
    given: set[str] = set()
    for report in reports:
        yield report
        path = Path(report.file)
        if path.parent.name == REGISTRY_FOLDER:  # a registry file given as such
            given.add(report.file)
            continue
        if path.parent not in folders:
            beside = registry_folder(path)
            resolved = (path.parent.resolve(), beside.resolve()) if beside else None
            folders[path.parent] = resolved
        known = folders[path.parent]
        if known is not None:
            used.setdefault(known[1], set()).update(report.uses)
            validated.setdefault(known[0], set()).add(path.name)
    for folder, ids in used.items():
        registry = registry_in(folder)
        shown = registry.unused(ids) if _all_validated(folder, validated) else registry.reports
        yield from (report for report in shown if report.file not in given)


def _all_validated(registry: Path, validated: dict[Path, set[str]]) -> bool:
    """Whether every case file of the folders beside a registry was validated."""
    for sibling in registry.parent.iterdir():
        if sibling.is_dir() and sibling != registry:
            names = {p.name for p in registry_files(sibling)}
            if not names <= validated.get(sibling, set()):
                return False
    return True
