"""The one place that writes files: whatever `timeline` creates goes through here.

`write_atomic` writes the content to a temporary file in the target's folder,
flushes it to disk, and renames it into place: readers see the old file or the
new one, never a mix, and an interrupted write leaves the old file untouched.
`append_text` adds to a file another program owns (the job summary of a CI run).
`tests/test_writes.py` checks that no other module opens a file for writing.

What a target may be:

- a new file: created with the permissions the umask allows (0644 under the usual
  umask 022), or `mode` where a caller needs less (the cache: 0600);
- an existing regular file: replaced, keeping its permissions;
- a symbolic link: followed; the file it points to is replaced, the link stays;
- a pipe or a character device (`-o /dev/stdout`, `/dev/null`): written straight to,
  since it cannot be replaced;
- anything else (a folder, a socket, a block device): refused with an `OSError`.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def write_atomic(
    path: Path,
    data: str | bytes,
    *,
    exclusive: bool = False,
    mode: int | None = None,
    follow: bool = True,
) -> None:
    """Replace `path` with `data` atomically (see the module's docstring for targets).

    With `exclusive`, refuse (FileExistsError) when `path` exists, also when it
    appears while writing: the file is linked into place, which never replaces.
    Without `follow`, whatever is at `path` (a link, a pipe) is replaced itself, and
    never written through (the cache: something planted in its folder must not make it
    write elsewhere, or wait for a reader).
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if exclusive and (path.exists() or path.is_symlink()):
        raise FileExistsError(path)
    target = Path(os.path.realpath(path)) if follow and not exclusive else path
    existing = _existing(target, follow)
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        _write_through(target, existing, raw)
        return
    permissions = stat.S_IMODE(existing.st_mode) if existing else _new_file_mode(mode)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fchmod(handle.fileno(), permissions)
            os.fsync(handle.fileno())
        if exclusive:
            os.link(temp, target)  # fails with FileExistsError if someone else created it
        else:
            os.replace(temp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


def append_text(path: Path, text: str) -> None:
    """Add `text` at the end of `path` (created as `write_atomic` creates files)."""
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags, _new_file_mode(None))
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write(text)


def _existing(target: Path, follow: bool) -> os.stat_result | None:
    try:
        found = target.stat() if follow else target.lstat()
    except FileNotFoundError:
        return None
    return found if follow or stat.S_ISREG(found.st_mode) else None  # else replaced as new


def _new_file_mode(mode: int | None) -> int:
    """`mode`, or what the umask leaves of 0666 (mkstemp alone would give 0600)."""
    if mode is not None:
        return mode
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _write_through(target: Path, existing: os.stat_result, raw: bytes) -> None:
    """Write to a pipe or a character device as it is; refuse any other kind of file."""
    if not (stat.S_ISFIFO(existing.st_mode) or stat.S_ISCHR(existing.st_mode)):
        kind = "a folder" if stat.S_ISDIR(existing.st_mode) else "not a regular file"
        raise OSError(f"{target} is {kind}; refusing to replace it")
    with open(target, "wb") as handle:  # no O_CREAT race: it exists and is not a file
        handle.write(raw)
