"""Validate many files on every core, with the report of one core; parse two files
side by side.

Each file is validated by a worker process (forked where the system can, so that
the workers start with the models already built) and the reports come back in
the order of the files, whatever order the workers finish in: the output is the
same, byte for byte, as with one process. Reports come back without their case
(a validation report needs only the diagnostics; sending the models between
processes would cost more than it saves). Each worker holds one file at a time,
so the peak memory of each process stays that of the largest file it validates.

A small run is validated in this process: starting workers costs more than it
saves below `MIN_BYTES` of case files.

`in_background` parses the old version that `diff` compares in a second process
while this one reads and validates the new one. Parsing is three quarters of loading
a large file, and a parsed document (its plain data and text) crosses between
processes in a tenth of the time it took to parse; its model is then built here.
"""

from __future__ import annotations

import contextlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from timeline.load.files import file_size
from timeline.load.loader import Document, read_document
from timeline.load.validation import (
    FileReport,
    RegistryFor,
    Task,
    case_tasks,
    for_use,
    validate_task,
)

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.connection import Connection
    from multiprocessing.pool import Pool
    from multiprocessing.process import BaseProcess

MIN_BYTES = 1 << 20
BATCH_BYTES = 1 << 18  # of files read ahead, sent to the caller in one message
T = TypeVar("T")


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def validate_in_parallel(
    paths: Iterable[Path],
    *,
    jobs: int,
    today: date | None = None,
    registry_for: RegistryFor | None = None,
) -> Iterator[FileReport]:
    """`validate_paths` in up to `jobs` processes: the same reports in the same order.

    `registry_for` must be a function of a module (it is sent to the workers by name).
    """
    today = today or date.today()
    work = list(case_tasks(paths))
    workers = min(jobs, sum(1 for task in work if not isinstance(task, FileReport)))
    if workers < 2 or _size(work) < MIN_BYTES:
        for task in work:
            yield validate_task(task, today, registry_for)
        return
    # The tasks go to each worker once, as it starts (forked: not even sent), and each
    # message names one by its place: a task holds the ids of the cases beside its file,
    # and sending them with every file cost time and memory quadratic in their number.
    with _pool(workers, (work, today, registry_for)) as pool:
        # One file per message, in order: the large files do not wait behind a batch.
        yield from pool.imap(_validate_held, range(len(work)), chunksize=1)


# A worker's tasks, with the day and the registries to validate them with (`_hold`).
_held: list[tuple[list[Task], date, RegistryFor | None]] = []


def _hold(work: list[Task], today: date, registry_for: RegistryFor | None) -> None:
    _held[:] = [(work, today, registry_for)]


def _validate_held(index: int) -> FileReport:
    """What a worker runs for each task: the report without its case (a validation report
    needs only the diagnostics)."""
    work, today, registry_for = _held[0]
    report = validate_task(work[index], today, registry_for)
    report.case = None
    return report


@contextmanager
def in_background(task: Callable[[], T], size: int) -> Iterator[Callable[[], T]]:
    """A function that returns `task()`, which runs meanwhile in a second process when
    the file it reads is large (`size` at least `MIN_BYTES`) and a second core is free;
    otherwise it runs when its result is asked for.

    `task` and its result must be sendable between processes (a `partial` of
    `read_document` or `parse_document`, a `Document`). When the second process cannot
    start, fails or dies (out of memory), `task` runs here: the result, or the error,
    is the one it would have been. A result not asked for is not waited for.
    """
    if size < MIN_BYTES or default_jobs() < 2 or not _can_fork():
        yield task
        return
    try:
        process, receive = _start(task)
    except OSError:  # no process could be started (a limit on processes)
        yield task
        return

    def result() -> T:
        try:
            value: T = receive.recv()
        except (EOFError, OSError):  # the second process failed or died without a result
            return task()
        return value

    try:
        yield result
    finally:
        receive.close()
        process.terminate()  # nothing more is wanted from it (a no-op once it has ended)
        process.join()


def for_use_both(
    old_parse: Callable[[], Document],
    old_validate: Callable[..., FileReport],
    new_validate: Callable[..., FileReport],
    size: int,
) -> tuple[FileReport, FileReport]:
    """The reports (`for_use`) of two versions of a case, as `diff` reads them: the old
    one parsed `in_background` (`size`: the smaller file) while this process validates
    the new one."""
    with in_background(old_parse, size) as old_document:
        new = for_use(new_validate)
        return for_use(old_validate, old_document()), new


def _start(task: Callable[[], object]) -> tuple[BaseProcess, Connection]:
    """Fork a process that sends `task()` back (or nothing, if it fails)."""
    from multiprocessing import get_context

    context = get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_send, args=(task, send), daemon=True)
    try:
        process.start()
    finally:
        send.close()  # the child has its own copy: the pipe ends when the child does
    return process, receive


def _send(task: Callable[[], object], send: Connection) -> None:
    # A failure is neither sent nor printed: the parent, receiving nothing, runs the
    # task itself and meets the failure there, as it would have without this process.
    with contextlib.suppress(BaseException):
        send.send(task())


def read_ahead(
    paths: Sequence[Path], jobs: int | None = None
) -> Iterator[tuple[Path, Document | None]]:
    """Each of `paths` with its document, in order, read by the other cores (of `jobs`
    processes in all; by default the cores this process may use) a little ahead of the
    caller, who validates them (`validate_file(..., document=...)`).

    None for a file the caller reads itself: every file of a run too small for workers
    (under `MIN_BYTES` in all), on one core or where processes cannot fork, and every file
    from the first that a worker fails on (it died, out of memory). Files go to the
    workers in batches of about `BATCH_BYTES` (one message for many small files), and at
    most two batches per worker wait for the caller: memory stays bounded, whatever the
    number of files.
    """
    workers = (jobs or default_jobs()) - 1
    able = workers >= 1 and len(paths) > 1 and _can_fork()
    sizes = [file_size(path) for path in paths] if able else []
    if not able or sum(sizes) < MIN_BYTES:
        yield from ((path, None) for path in paths)
        return
    from concurrent.futures.process import BrokenProcessPool

    executor = _reader_pool(workers)
    try:
        batches = _batches(paths, sizes)
        pending = deque(
            (batch, executor.submit(_read_all, batch)) for batch in islice(batches, 2 * workers)
        )
        while pending:
            batch, future = pending.popleft()
            following = next(batches, None)
            if following is not None:
                pending.append((following, executor.submit(_read_all, following)))
            try:
                yield from zip(batch, future.result(), strict=True)
            except (BrokenProcessPool, OSError):
                left = [batch, *(waiting for waiting, _ in pending), *batches]
                yield from ((path, None) for batch in left for path in batch)
                return
    finally:
        executor.shutdown(cancel_futures=True)


def _batches(paths: Sequence[Path], sizes: Sequence[int]) -> Iterator[list[Path]]:
    """Consecutive paths, grouped until a group holds `BATCH_BYTES` (a large file alone)."""
    batch: list[Path] = []
    held = 0
    for path, size in zip(paths, sizes, strict=True):
        batch.append(path)
        held += size
        if held >= BATCH_BYTES:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def _read_all(paths: list[Path]) -> list[Document]:
    return [read_document(path) for path in paths]


def _reader_pool(workers: int) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    # Not multiprocessing's Pool: a pool that notices a worker that dies.
    return ProcessPoolExecutor(workers, mp_context=get_context("fork"))


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _pool(workers: int, held: tuple[list[Task], date, RegistryFor | None]) -> Pool:
    import multiprocessing  # only for a run large enough

    context = multiprocessing.get_context("fork" if _can_fork() else None)
    return context.Pool(workers, initializer=_hold, initargs=held)


def _size(work: list[Task]) -> int:
    return sum(file_size(Path(task[0])) for task in work if not isinstance(task, FileReport))
