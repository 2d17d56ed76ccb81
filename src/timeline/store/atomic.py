"""Writing files so that nothing is ever half-written.

The content goes to a temporary file in the target's folder, is flushed to
disk, and is renamed into place: readers see the old file or the new one,
never a mix, and an interrupted write leaves the old file untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: str | bytes, *, exclusive: bool = False) -> None:
    """Replace `path` with `data` atomically.

    With `exclusive`, refuse (FileExistsError) when `path` exists, also when it
    appears while writing: the file is linked into place, which never replaces.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent
    if exclusive and path.exists():
        raise FileExistsError(path)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        if exclusive:
            os.link(temp, path)  # fails with FileExistsError if someone else created it
        else:
            os.replace(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
