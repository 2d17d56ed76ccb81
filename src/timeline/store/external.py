"""`timeline diff` as a git external diff driver (`diff.timeline.command`).

Git calls the driver with 7 arguments, `path old-file old-hex old-mode new-file
new-hex new-mode`, and with 9 when it detected a rename (`new-path` and a
message follow). A missing side is `/dev/null`. Git stops the whole `git diff`
when the driver exits non-zero, so this never fails: a version that does not
validate gets its diagnostics reported and a plain line diff instead.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from timeline.diff.core import diff_cases
from timeline.diff.model import CaseDiff, Version
from timeline.errors import UsageError
from timeline.load.loader import parse_document
from timeline.load.parallel import for_use_both
from timeline.load.validation import FileReport, validate_bytes
from timeline.store.registry import registry_for

NULL = "/dev/null"
_MODE = re.compile(r"^(?:[0-7]{6}|\.)$")
_HEX = re.compile(r"^(?:[0-9a-f]{4,64}|\.)$")


@dataclass(slots=True)
class ExternalResult:
    """A semantic diff, or (a side missing or invalid) a plain text to show instead."""

    diff: CaseDiff | None = None
    text: str = ""
    invalid: list[FileReport] = field(default_factory=list)


def is_external_call(args: list[str]) -> bool:
    """Whether arguments look like git's: 7 or 9, with modes in 4th and 7th place."""
    return (
        len(args) in (7, 9)
        and all(_MODE.match(args[i]) for i in (3, 6))
        and all(_HEX.match(args[i]) for i in (2, 5))
    )


def _rev(hex_id: str) -> str | None:
    return None if hex_id == "." or set(hex_id) == {"0"} else hex_id[:7]


def _read(file: str) -> bytes:
    try:
        return Path(file).read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {file}: {error.strerror}") from None


def external_diff(args: list[str]) -> ExternalResult:
    if len(args) not in (7, 9):
        raise UsageError(
            "--git-external takes the arguments git passes: "
            "path old-file old-hex old-mode new-file new-hex new-mode [new-path message]"
        )
    path, old_file, old_hex, _, new_file, new_hex, _ = args[:7]
    new_path = args[7] if len(args) == 9 else path
    if NULL in (old_file, new_file):
        what = "new case file" if old_file == NULL else "case file deleted"
        return ExternalResult(text=f"{new_path if old_file == NULL else path}: {what}\n")
    old_raw, new_raw = _read(old_file), _read(new_file)
    old_rev, new_rev = _rev(old_hex), _rev(new_hex)
    # git names neither side's commit: both are read with the registry on disk.
    registry = registry_for(Path(new_path))
    old_name = f"{path}@{old_rev}" if old_rev else path
    new_name = f"{new_path}@{new_rev}" if new_rev else new_path
    old_validate, new_validate = (
        partial(
            validate_bytes,
            raw,
            name=name,
            stem=Path(file).stem,
            registry=registry,
            lenient=registry is None,
        )
        for raw, file, name in ((old_raw, path, old_name), (new_raw, new_path, new_name))
    )
    old_parse = partial(parse_document, old_raw, old_name)
    size = min(len(old_raw), len(new_raw))
    old, new = for_use_both(old_parse, old_validate, new_validate, size)
    invalid = [report for report in (old, new) if not report.valid]
    if invalid or old.case is None or new.case is None:
        return ExternalResult(text=_line_diff(old_raw, new_raw, path, new_path), invalid=invalid)
    result = diff_cases(
        old.case,
        new.case,
        old_version=Version(id=old.case.id, file=path, rev=old_rev),
        new_version=Version(id=new.case.id, file=new_path, rev=new_rev),
    )
    return ExternalResult(diff=result)


def _line_diff(old: bytes, new: bytes, path: str, new_path: str) -> str:
    lines = difflib.unified_diff(
        old.decode("utf-8", "replace").splitlines(keepends=True),
        new.decode("utf-8", "replace").splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{new_path}",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
