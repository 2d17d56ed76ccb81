"""Chronologies kept on disk, so that showing an unchanged case again is instant.

`timeline show` is run again and again on files that have not changed since the
last time, and most of its time goes to importing the CLI framework, building
the validators and checking the file. Its output is a function of a few things
only: the command line, the case file it names (its bytes and where it is, and
the ids of the cases beside it, which its `related` list may name), the folder
it runs in, the terminal (whether it is one, its width and encoding, the
variables rich reads), the day (a date in the future is an error) and the code.
An entry is named by a hash of all of them, so a changed file, option,
terminal, day or release simply misses; nothing is ever invalidated by hand.

The command line is hashed as it was typed, never parsed here beyond finding the
case: `[--data-dir DIR] show CASE [OPTION...]`. So an option added to `show`
is part of the key without a word in this module, and `__main__` can replay an
entry before the CLI framework is imported. On a miss the command runs as usual
and, when it succeeds, stores what it wrote under the entry it was given.

Entries live in `$TIMELINE_CACHE_DIR`, else `$XDG_CACHE_HOME/timeline`, else
`~/.cache/timeline`, at most `MAX_ENTRIES` of them, the least recently used
removed first. `TIMELINE_NO_CACHE=1` (or an empty `TIMELINE_CACHE_DIR`) turns
the cache off, as `show --no-cache` does for one command. The cache only ever
saves time: a folder that cannot be read or written, or an entry that is
truncated or altered (each carries a hash of its text), is passed over without
a word.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import stat
import sys
import time
from collections.abc import Sequence
from importlib.machinery import PathFinder
from pathlib import Path

from timeline import __version__
from timeline.load.limits import MAX_FILE_BYTES

ENV_DIR = "TIMELINE_CACHE_DIR"
ENV_OFF = "TIMELINE_NO_CACHE"
MAX_ENTRIES = 256
STALE_SECONDS = 3600
SUFFIX = ".out"
MAGIC = b"timeline-cache 1 "
# An entry is at most this large (what `show` prints of the largest file allowed, with
# room to spare); a larger file at an entry's path is not one, and is never read whole.
MAX_ENTRY_BYTES = 8 * MAX_FILE_BYTES
# The only names pruning ever removes: the cache's entries and its writes' temporary
# files (`timeline.store.atomic`). The folder may be one the user chose, full of theirs.
_OWN_ENTRY = re.compile(r"[0-9a-f]{64}\.out")
_OWN_TEMP = re.compile(r"\.[0-9a-f]{64}\.out\.[0-9a-z_]{1,16}\.tmp")

# What rich reads from the environment to choose colours, sizes and box characters.
TERMINAL_ENV = (
    "COLORTERM",
    "COLUMNS",
    "DATABRICKS_RUNTIME_VERSION",
    "FORCE_COLOR",
    "JUPYTER_COLUMNS",
    "JUPYTER_LINES",
    "LINES",
    "NO_COLOR",
    "TERM",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
)
# The libraries whose code decides what is shown: an upgrade of one is a new key.
LIBRARIES = ("pydantic", "pydantic_core", "rich", "typer", "yaml", "dateutil")


def cache_dir() -> Path | None:
    """The folder of the entries, or None when the cache is off."""
    if os.environ.get(ENV_OFF, "") not in ("", "0"):
        return None
    explicit = os.environ.get(ENV_DIR)
    if explicit is not None:
        return Path(explicit) if explicit else None
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home directory
            return None
    return Path(base) / "timeline"


class Entry:
    """One command's output in the cache: `get` it, or `put` it once the command succeeded.

    On disk: `MAGIC`, the SHA-256 of the text, a newline, the text in UTF-8.
    `source` is the case file the key was made from, `source_digest` the hash of
    its bytes then: an output is stored only if the file still has them.
    """

    def __init__(self, path: Path, source: Path | None, source_digest: str = "") -> None:
        self.path = path
        self.source = source
        self.source_digest = source_digest

    def get(self) -> str | None:
        """The stored text, or None when there is none or it is not intact.

        The entry is opened without following a link and without waiting for a
        writer (a pipe at its path must not hang `show`), read only if it is a
        regular file, and at most `MAX_ENTRY_BYTES` of it. (What it holds is still
        text from a folder someone else may write to: see `safe.replayable`.)
        """
        raw = read_entry(self.path)
        if raw is None:
            return None
        header, _, body = raw.partition(b"\n")
        if header != _header(body):
            return None
        with contextlib.suppress(OSError):
            os.utime(self.path, follow_symlinks=False)  # recently used: pruned last
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def put(self, text: str) -> None:
        from timeline.store.atomic import write_atomic

        try:
            # Edited while the command ran? Then `text` may show other bytes than the key's.
            source = self.source
            if source and _sha256(source.read_bytes()) != self.source_digest:
                return
            body = text.encode("utf-8")
            folder = self.path.parent
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_atomic(self.path, _header(body) + b"\n" + body, mode=0o600, follow=False)
            prune(folder)
        except (OSError, UnicodeEncodeError):
            pass


def read_entry(path: Path) -> bytes | None:
    """The bytes of a regular file at `path` (not a link, pipe or device), if small enough."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            raw = handle.read(MAX_ENTRY_BYTES + 1)
        except OSError:
            return None
    return raw if len(raw) <= MAX_ENTRY_BYTES else None


def _header(body: bytes) -> bytes:
    return MAGIC + _sha256(body).encode()


def show_entry(argv: Sequence[str]) -> Entry | None:
    """The entry of the command line `argv` (without the program name), if it is a `show`.

    None when the cache is off, when `argv` is not `[--data-dir DIR] show CASE
    [OPTION...]`, or when the case cannot be found or read (the command reports it).
    """
    command = _show_command(argv)
    folder = cache_dir() if command else None
    if command is None or folder is None:
        return None
    from timeline.errors import TimelineError
    from timeline.load.files import sibling_cases
    from timeline.store.repository import data_dir, resolve_case

    explicit, case = command
    try:
        path = resolve_case(case, data_dir(None if explicit is None else Path(explicit)))
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:  # the command reports it
            return None
        context = {
            "argv": list(argv),
            "file": str(path.resolve()),
            "siblings": sorted(sibling_cases(path.parent)),  # what `related` may name
            "registry": _registry_digests(path),  # what the case may use by id
            "cwd": os.getcwd(),
            "today": _today(),
            **_terminal(),
            "code": code_fingerprint(),
        }
    except (TimelineError, OSError, RuntimeError, ValueError, AttributeError):
        return None  # no such case, an unreadable file or folder, no stdout to speak of
    source_digest = _sha256(data)
    key = _sha256(f"{sorted(context.items())!r}\0{source_digest}".encode())
    return Entry(folder / f"{key}{SUFFIX}", path, source_digest)


def _registry_digests(case_path: Path) -> list[tuple[str, str]]:
    from timeline.load.files import registry_files, registry_folder

    folder = registry_folder(case_path)
    files = registry_files(folder) if folder is not None else []
    return [(p.name, _sha256(p.read_bytes())) for p in files]


def help_entry(argv: Sequence[str]) -> Entry | None:
    """The entry of a help request, `[COMMAND...] --help` (or `-h`), else None.

    Help is a function of the command line, the terminal and the code only.
    """
    *words, last = list(argv) or ["-"]
    folder = cache_dir()
    if last not in ("--help", "-h") or folder is None:
        return None
    if not all(word[:1].isalpha() and word.replace("-", "").isalpha() for word in words):
        return None  # a global option, a value: the command line is parsed by the CLI
    try:
        context = {"help": list(argv), **_terminal(), "code": code_fingerprint()}
    except (OSError, ValueError, AttributeError):
        return None  # no stdout to speak of
    key = _sha256(repr(sorted(context.items())).encode())
    return Entry(folder / f"{key}{SUFFIX}", None)


def _terminal() -> dict[str, object]:
    """What decides how output looks: the terminal, its width and encoding, rich's variables."""
    return {
        "tty": sys.stdout.isatty(),
        "encoding": getattr(sys.stdout, "encoding", None),
        "width": _columns(),  # what the width is made from
        "terminal": {name: os.environ.get(name) for name in TERMINAL_ENV},
    }


def _columns() -> int:
    """`shutil.get_terminal_size((80, 24)).columns`, without importing shutil (and with it
    bz2, lzma and fnmatch: a tenth of a replayed help)."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _today() -> str:
    from datetime import date

    return date.today().isoformat()


def _show_command(argv: Sequence[str]) -> tuple[str | None, str] | None:
    """`(DIR or None, CASE)` of `[--data-dir DIR] show CASE [OPTION...]`, else None."""
    from timeline.store.repository import global_options_first

    # `show kloop --data-dir d` names d's kloop: find the case as the CLI will.
    args = global_options_first(list(argv))
    explicit = None
    if args[:1] == ["--data-dir"] and len(args) > 1:
        explicit, args = args[1], args[2:]
    elif args and args[0].startswith("--data-dir="):
        explicit, args = args[0].partition("=")[2], args[1:]
    if len(args) < 2 or args[0] != "show" or args[1].startswith("-"):
        return None
    if "--no-cache" in args:
        return None
    return explicit, args[1]


@functools.cache
def code_fingerprint() -> str:
    """A hash of this release and of every module file it runs (path, size, mtime).

    A working copy edited without a new version number, or a library upgraded
    in place, changes it.
    """
    stats: list[str] = [__version__, sys.version]
    package = Path(__file__).parent.parent
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        stats.extend(_stat(os.path.join(folder, name)) for name in sorted(names))
    for name in LIBRARIES:
        with contextlib.suppress(ImportError, ValueError):
            # The path finder alone: importlib.util is not imported for a replay.
            spec = PathFinder.find_spec(name)
            if spec is not None and spec.origin:
                stats.append(_stat(spec.origin))
    return _sha256("\n".join(stats).encode())


def _stat(path: str) -> str:
    try:
        status = os.stat(path)
    except OSError:
        return f"{path} -"
    return f"{path} {status.st_size} {status.st_mtime_ns}"


def prune(folder: Path, keep: int = MAX_ENTRIES) -> None:
    """Remove the least recently used entries beyond `keep`, and abandoned temporary files.

    A write killed half-way leaves its temporary file (`.NAME.*.tmp`, see
    `timeline.store.atomic`); one older than `STALE_SECONDS` belongs to no running write.
    """
    entries: list[tuple[int, str]] = []
    stale = time.time_ns() - STALE_SECONDS * 10**9
    with os.scandir(folder) as listing:
        for item in listing:
            with contextlib.suppress(OSError):
                when = item.stat(follow_symlinks=False).st_mtime_ns
                if _OWN_ENTRY.fullmatch(item.name):
                    entries.append((when, item.path))
                elif _OWN_TEMP.fullmatch(item.name) and when < stale:
                    os.unlink(item.path)
    entries.sort()
    for _, path in entries[: max(0, len(entries) - keep)]:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _sha256(data: bytes) -> str:
    import hashlib  # only here: OpenSSL's module costs a cold `show --no-cache` 3 ms

    return hashlib.sha256(data).hexdigest()
