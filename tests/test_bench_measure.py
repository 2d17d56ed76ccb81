"""The benchmark's runs: a command that fails stops the benchmark instead of being timed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from measure import Command, CommandFailed, measure


def _command(name: str, code: str, expect: int = 0, reps: int | None = None) -> Command:
    return Command(name, [sys.executable, "-c", code], REPO, expect, reps=reps)


def test_a_command_that_exits_as_expected_is_measured(tmp_path: Path) -> None:
    commands = [_command("ok", "pass"), _command("refuses", "raise SystemExit(1)", expect=1)]
    results = measure(commands, 2, {}, tmp_path)
    assert [len(results[c.name].seconds) for c in commands] == [2, 2]
    assert all(results[c.name].ok for c in commands)


@pytest.mark.parametrize("reps", [None, 1], ids=["warmed-up", "slow-peer"])
def test_a_baseline_that_fails_stops_the_benchmark(tmp_path: Path, reps: int | None) -> None:
    failing = "import sys; print('no such schema', file=sys.stderr); sys.exit(1)"
    commands = [_command("ok", "pass"), _command("check_jsonschema", failing, reps=reps)]
    with pytest.raises(CommandFailed) as failure:
        measure(commands, 2, {}, tmp_path)
    assert failure.value.command.name == "check_jsonschema"
    assert failure.value.status == 1
    assert "check_jsonschema exited with 1, expected 0" in str(failure.value)
    assert "no such schema" in str(failure.value)


def test_a_command_that_should_fail_but_succeeds_stops_it_too(tmp_path: Path) -> None:
    with pytest.raises(CommandFailed, match="validate_invalid exited with 0, expected 1"):
        measure([_command("validate_invalid", "pass", expect=1)], 1, {}, tmp_path)


def test_a_burst_runs_in_a_row_and_keeps_the_least_time(tmp_path: Path) -> None:
    """Each repetition of a start-up command runs it `burst` times; the least time counts."""
    counter = tmp_path / "runs"
    # Every third run sleeps: the least of three in a row never includes the sleep.
    code = (
        f"from pathlib import Path; import time; p = Path({str(counter)!r}); "
        "n = len(p.read_text()) if p.exists() else 0; p.write_text('x' * (n + 1)); "
        "time.sleep(0.3 if n % 3 == 1 else 0)"
    )
    command = Command("burst", [sys.executable, "-c", code], REPO, burst=3)
    results = measure([command], 2, {}, tmp_path)
    assert len(counter.read_text()) == 1 + 2 * 3  # the warm-up run, then 2 bursts of 3
    assert len(results["burst"].seconds) == 2
    assert max(results["burst"].seconds) < 0.3
