"""Every case of a data directory, validated: what the commands across cases read.

`read_cases` validates each case file of a folder once, in id order, and keeps
every report (`timeline list` shows the invalid ones too); `Collection.cases`
holds only the valid ones, for `person`, `search`, `show --related` and the
database export. Entries that cannot be read become notices, never exceptions.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.errors import UsageError
from timeline.load.files import SUFFIXES

if TYPE_CHECKING:
    from timeline.load.validation import FileReport
    from timeline.model.case import Case

UNREADABLE = "TL112"


@dataclass(frozen=True, slots=True)
class LoadedCase:
    """A valid case and the file it came from."""

    path: Path
    case: Case


@dataclass(slots=True)
class Collection:
    """The reports of a folder's case files (in id order) and notices about skipped entries."""

    reports: list[tuple[Path, FileReport]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def cases(self) -> list[LoadedCase]:
        """The valid cases, in id order."""
        return [
            LoadedCase(path, report.case)
            for path, report in self.reports
            if report.valid and report.case is not None
        ]

    def invalid_notices(self) -> list[str]:
        """One line per file left out because it does not validate."""
        return [
            f"skipped {path}: not a valid case file; see: timeline validate {path}"
            for path, report in self.reports
            if not report.valid
        ]


def read_cases(directory: Path) -> Collection:
    """Validate every case file of `directory`, in id order."""
    collection = Collection()
    collection.reports.extend(each_report(directory, collection.notices))
    return collection


def each_report(
    directory: Path, notices: list[str], *, warnings: bool = True
) -> Iterator[tuple[Path, FileReport]]:
    """Validate the case files of `directory` one at a time, in id order, so that a caller
    that keeps only what it needs of each holds one case in memory at a time. Files that
    cannot be read become `notices`. Without `warnings`, a valid file's report has none
    (`for_use`: for a caller that needs the cases, not their warnings)."""
    from timeline.load.parallel import read_ahead
    from timeline.load.validation import for_use, validate_file

    paths = list(case_paths(directory, notices))
    known = frozenset(path.stem for path in paths)
    # The other cores read (parse) the files ahead; this process validates them.
    for path, document in read_ahead(paths):
        validate = partial(validate_file, path, known_cases=known)
        report = validate(document=document) if warnings else for_use(validate, document)
        if any(d.code == UNREADABLE for d in report.diagnostics):
            notices.append(f"skipped {path}: {report.diagnostics[0].message}")
            continue
        yield path, report


def case_paths(directory: Path, notices: list[str]) -> Iterator[Path]:
    """The case files of a folder, sorted by id; broken entries become notices."""
    try:
        entries = sorted(
            os.scandir(directory), key=lambda entry: (Path(entry.name).stem, entry.name)
        )
    except OSError as error:
        raise UsageError(f"cannot read the data directory {directory}: {error.strerror}") from None
    for entry in entries:
        if not entry.name.endswith(SUFFIXES) or entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_file = entry.is_file()  # follows symlinks
            os.stat(path)
        except OSError as error:  # a symlink loop, a dangling link, no permission
            notices.append(f"skipped {path}: {error.strerror or error}")
            continue
        if is_file:
            yield path
        else:
            notices.append(f"skipped {path}: not a file")


def read_related(path: Path, case: Case) -> tuple[list[LoadedCase], list[str]]:
    """The valid cases that `case` (read from `path`) names as related, beside its file.

    A related case that is missing or invalid is left out with a notice: the
    chronology of the others is still worth showing.
    """
    from timeline.load.validation import for_use, validate_file
    from timeline.store.registry import registry_for

    found: list[LoadedCase] = []
    notices: list[str] = []
    for related in dict.fromkeys(case.related_ids):
        candidates = [path.parent / f"{related}{suffix}" for suffix in SUFFIXES]
        file = next((c for c in candidates if c.is_file()), None)
        if file is None:
            notices.append(f"related case '{related}' is not beside {path}; left out")
            continue
        registry = registry_for(file)  # away from any registry: withheld, as by `show`
        report = for_use(partial(validate_file, file, registry=registry, lenient=registry is None))
        if report.case is None or not report.valid:
            notices.append(f"skipped {file}: not a valid case file; see: timeline validate {file}")
            continue
        found.append(LoadedCase(file, report.case))
    return found, notices
