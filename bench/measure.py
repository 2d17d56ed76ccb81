"""Run commands as subprocesses, interleaved, and keep wall time, CPU time and peak memory."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple


@dataclass
class Command:
    """One thing to measure: its argv, where it runs, the exit status it must end with."""

    name: str
    argv: list[str]
    cwd: Path
    expect: int = 0
    reps: int | None = None  # fewer repetitions for the slow peers
    memory: bool = False  # measure the peak memory (through /usr/bin/time when there is one)
    env: dict[str, str] | None = None  # variables added to the environment of every run
    # Runs in a row in each repetition, of which the least time counts: for the start-up
    # commands (a fifth of a second), whose single runs this machine scatters by a third.
    burst: int = 1


@dataclass
class Result:
    name: str
    argv: list[str]
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)  # user + system, children included
    peak_kib: list[int] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    expect: int = 0
    skipped: str = ""

    @property
    def wall(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpu_seconds)

    @property
    def peak(self) -> float:
        return statistics.median(self.peak_kib)

    @property
    def ok(self) -> bool:
        return all(status == self.expect for status in self.statuses)

    def to_json(self) -> dict[str, object]:
        return {
            "argv": _short_argv(self.argv),
            "seconds": self.seconds,
            "median_seconds": self.wall if self.seconds else None,
            "cpu_seconds": self.cpu_seconds,
            "median_cpu_seconds": self.cpu if self.cpu_seconds else None,
            "peak_rss_kib": self.peak_kib,
            "median_peak_rss_kib": self.peak if self.peak_kib else None,
            "exit_statuses": self.statuses,
            "expected_exit_status": self.expect,
            "skipped": self.skipped or None,
        }

    @classmethod
    def from_json(cls, name: str, figures: dict[str, object]) -> Result:
        """A result as `to_json` wrote it (the argv shortened)."""
        return cls(
            name,
            list(figures["argv"]),  # type: ignore[call-overload]
            seconds=list(figures["seconds"]),  # type: ignore[call-overload]
            cpu_seconds=list(figures.get("cpu_seconds") or ()),  # type: ignore[call-overload]
            peak_kib=list(figures["peak_rss_kib"]),  # type: ignore[call-overload]
            statuses=list(figures["exit_statuses"]),  # type: ignore[call-overload]
            expect=int(figures["expected_exit_status"]),  # type: ignore[call-overload]
            skipped=str(figures["skipped"] or ""),
        )


TIME = Path("/usr/bin/time")


class CommandFailed(Exception):
    """A command ended with another exit status than its own: its time would mean nothing."""

    def __init__(self, command: Command, status: int, stderr: str) -> None:
        tail = "\n".join(stderr.strip().splitlines()[-20:])
        super().__init__(
            f"{command.name} exited with {status}, expected {command.expect}:\n"
            f"  {' '.join(_short_argv(command.argv))}\n{tail}"
        )
        self.command, self.status = command, status


class Run(NamedTuple):
    seconds: float
    cpu_seconds: float
    peak_kib: int
    status: int


def run_once(command: Command, env: dict[str, str], scratch: Path) -> Run:
    """Wall time, CPU time, peak RSS (KiB, 0 when not measured) and exit status of one run."""
    argv = command.argv
    report, errors = scratch / "peak.txt", scratch / "stderr.txt"
    if command.memory and TIME.exists():
        # A child's peak RSS starts at its parent's; /usr/bin/time is a small parent.
        argv = [str(TIME), "-f", "%M", "-o", str(report), *argv]
    with errors.open("wb") as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(
            argv,
            cwd=command.cwd,
            env={**env, **command.env} if command.env else env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != command.expect:
        raise CommandFailed(command, process.returncode, errors.read_text(errors="replace"))
    peak = 0
    if command.memory:
        peak = int(report.read_text().split()[-1]) if argv[0] == str(TIME) else usage.ru_maxrss
    # The process's CPU time includes its children's (those of /usr/bin/time).
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, peak, process.returncode)


def _least(runs: Iterable[Run]) -> Run:
    """The least wall time and the least CPU time of runs made in a row (noise only adds)."""
    done = list(runs)
    return Run(
        min(run.seconds for run in done),
        min(run.cpu_seconds for run in done),
        max(run.peak_kib for run in done),
        done[-1].status,
    )


def measure(
    commands: list[Command], reps: int, env: dict[str, str], scratch: Path
) -> dict[str, Result]:
    """Run every command `reps` times (or its own `reps`), interleaved, rotating the order.

    A first, unmeasured run of each command (but the slow peers) fills the bytecode
    and file caches. A run that ends with another exit status than the command's own
    raises CommandFailed: the time of a failure is not the time of the work.
    """
    results = {c.name: Result(c.name, c.argv, expect=c.expect) for c in commands}
    for command in commands:
        if command.reps is None:
            run_once(command, env, scratch)
    for rep in range(reps):
        order = commands[rep % len(commands) :] + commands[: rep % len(commands)]
        for command in order:
            if rep >= (command.reps or reps):
                continue
            run = _least(run_once(command, env, scratch) for _ in range(command.burst))
            result = results[command.name]
            result.seconds.append(run.seconds)
            result.cpu_seconds.append(run.cpu_seconds)
            if run.peak_kib:
                result.peak_kib.append(run.peak_kib)
            result.statuses.append(run.status)
            print(f"  [{rep + 1}/{reps}] {command.name:<22} {run.seconds:8.3f} s", file=sys.stderr)
    return results


def clean_env(pycache: Path) -> dict[str, str]:
    """The environment for every command: no colour, no GitHub Actions, the venv first.

    Bytecode is cached (in `pycache`, outside the tree) as it is for users, even when
    the caller's environment says PYTHONDONTWRITEBYTECODE; `show` keeps its renderings
    in a folder beside it, never in the user's cache.
    """
    skip = ("GITHUB_", "TIMELINE_", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if not k.startswith(skip)}
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env["NO_COLOR"] = "1"
    env["TIMELINE_CACHE_DIR"] = str(pycache.parent / "cache")  # not the user's
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    return {
        "uname": " ".join(platform.uname()),
        "cpu": cpu,
        "cpus": str(os.cpu_count()),
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
    }


def _short_argv(argv: list[str]) -> list[str]:
    """The argv with long file lists shortened, for the JSON."""
    if len(argv) <= 12:
        return argv
    return [*argv[:6], f"... {len(argv) - 8} more ...", *argv[-2:]]
