"""Validate many files on every core, with the report of one core.

Each file is validated by a worker process (forked where the system can, so that
the workers start with the models already built) and the reports come back in
the order of the files, whatever order the workers finish in: the output is the
same, byte for byte, as with one process. Reports come back without their case
(a validation report needs only the diagnostics; sending the models between
processes would cost more than it saves). Each worker holds one file at a time,
so the peak memory of each process stays that of the largest file it validates.

A small run is validated in this process: starting workers costs more than it
saves below `MIN_BYTES` of case files.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.load.validation import FileReport, RegistryFor, Task, case_tasks, validate_task

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

MIN_BYTES = 1 << 20


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
    with _pool(workers) as pool:
        # One file per message, in order: the large files do not wait behind a batch.
        yield from pool.imap(_Worker(today, registry_for), work, chunksize=1)


class _Worker:
    """What a worker runs for each task (a class, so that the pool can send it)."""

    def __init__(self, today: date, registry_for: RegistryFor | None) -> None:
        self.today = today
        self.registry_for = registry_for

    def __call__(self, task: Task) -> FileReport:
        report = validate_task(task, self.today, self.registry_for)
        report.case = None
        return report


def _pool(workers: int) -> Pool:
    import multiprocessing  # only for a run large enough

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return context.Pool(workers)


def _size(work: list[Task]) -> int:
    total = 0
    for task in work:
        if not isinstance(task, FileReport):
            with contextlib.suppress(OSError):  # reported by the worker
                total += Path(task[0]).stat().st_size
    return total
