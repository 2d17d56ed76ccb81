"""Where cases live: the data directory, bundled cases, and case lookup by id or path.

Lookup order for the data directory: `--data-dir` > `$TIMELINE_DATA_DIR` >
`./data/cases` when it exists > the cases bundled with the package.
"""

from __future__ import annotations

import os
import re
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.errors import CaseNotFoundError, InvalidCaseError, UsageError
from timeline.load.files import SUFFIXES

if TYPE_CHECKING:
    from timeline.model.case import Case

ENV_VAR = "TIMELINE_DATA_DIR"
# The global options, which the command line also accepts after the command.
_GLOBAL_VALUED = ("--data-dir",)
_GLOBAL_FLAGS = ("--version",)
CASE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def bundled_dir() -> Path:
    """The cases shipped inside the package (or, in a source checkout, the repository's)."""
    packaged = Path(__file__).parent.parent / "data" / "cases"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "data" / "cases"


def data_dir(explicit: Path | None = None) -> Path:
    return locate_data_dir(explicit)[0]


def locate_data_dir(explicit: Path | None = None) -> tuple[Path, str]:
    """The data directory and where it came from: option, environment, local or bundled."""
    if explicit is not None:
        if not explicit.is_dir():
            raise UsageError(f"the data directory {explicit} does not exist")
        return explicit, "option"
    env = os.environ.get(ENV_VAR)
    if env:
        path = Path(env)
        if not path.is_dir():
            raise UsageError(f"{ENV_VAR}={env} is not a directory")
        return path, "environment"
    local = Path("data") / "cases"
    return (local, "local") if local.is_dir() else (bundled_dir(), "bundled")


def global_options_first(argv: list[str]) -> list[str]:
    """`new x -j KG --data-dir d` as `--data-dir d new x -j KG`; nothing after `--` moves."""
    start = 0
    while start < len(argv) and argv[start].startswith("-"):  # the options before the command
        start += 2 if argv[start] in _GLOBAL_VALUED else 1
    head, tail = argv[: start + 1], argv[start + 1 :]
    moved: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(tail):
        arg = tail[index]
        if arg == "--":
            rest += tail[index:]
            break
        if arg in _GLOBAL_VALUED and index + 1 < len(tail):
            moved += tail[index : index + 2]
            index += 2
            continue
        if arg in _GLOBAL_FLAGS or arg.startswith(tuple(f"{o}=" for o in _GLOBAL_VALUED)):
            moved.append(arg)
        else:
            rest.append(arg)
        index += 1
    return moved + head + rest


def case_files(directory: Path) -> list[Path]:
    """The case files of a data directory, sorted by id (unreadable entries skipped)."""
    try:
        entries = list(directory.iterdir())
    except OSError as error:
        raise UsageError(f"cannot read the data directory {directory}: {error.strerror}") from None
    return sorted(
        (p for p in entries if p.suffix in SUFFIXES and _is_file(p)), key=lambda p: p.stem
    )


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a symlink loop, a permission problem
        return False


def case_ids(directory: Path) -> tuple[str, ...]:
    return tuple(p.stem for p in case_files(directory))


def is_path_spec(spec: str) -> bool:
    return spec.endswith(SUFFIXES) or os.sep in spec or "/" in spec


def resolve_case(spec: str, directory: Path) -> Path:
    """The file of a case given as an id (`kloop`) or a path (`cases/kloop.yaml`)."""
    if spec.endswith(SUFFIXES):
        path = Path(spec)
        if not path.is_file():
            raise CaseNotFoundError(f"no such case file: {spec}")
        return path
    if not CASE_ID.match(spec):
        raise CaseNotFoundError(
            f"'{spec}' is neither a case id (lowercase letters, digits, hyphens) "
            "nor a path to a .yaml file"
        )
    for suffix in SUFFIXES:
        candidate = directory / f"{spec}{suffix}"
        if _is_file(candidate):
            return candidate
    import difflib

    known = case_ids(directory)
    close = difflib.get_close_matches(spec, known, n=1)
    message = f"no case '{spec}' in {directory}"
    if close:
        message += f"; did you mean '{close[0]}'?"
    raise CaseNotFoundError(message, known=known)


def load_case(spec: str, directory: Path, notices: list[str] | None = None) -> Case:
    """Load and validate a case, resolved through the registry of its data repository.

    Away from any registry, what the file does not define is withheld and one notice
    (appended to `notices`) says so. An invalid file raises `InvalidCaseError`.
    """
    from timeline.load.validation import for_use, validate_file
    from timeline.store.registry import registry_for

    path = resolve_case(spec, directory)
    registry = registry_for(path)
    report = for_use(partial(validate_file, path, registry=registry, lenient=registry is None))
    if report.case is None or not report.valid:
        raise InvalidCaseError(f"{path} is not a valid case file", report)
    if notices is not None:
        notices.extend(
            f"{d.file}: warning[{d.code}] {d.message}"
            for d in report.diagnostics
            if d.code == "TL307"
        )
    return report.case
