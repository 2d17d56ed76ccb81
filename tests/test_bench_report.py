"""The benchmark's table: ratios are medians of paired runs, in wall time and in CPU time."""

from __future__ import annotations

import sys

from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from measure import Result
from report import Ratio, table


def _results(cpu: bool = True) -> dict[str, Result]:
    subject = Result("show_kloop", ["timeline"], seconds=[1.0, 3.0, 2.0])
    baseline = Result("import_libs", ["python"], seconds=[1.0, 1.0, 4.0])
    if cpu:
        subject.cpu_seconds = [0.5, 0.9, 0.6]
        baseline.cpu_seconds = [1.0, 1.0, 1.0]
    return {"show_kloop": subject, "import_libs": baseline}


def test_a_ratio_is_the_median_of_the_ratios_of_each_repetition() -> None:
    ratio = Ratio("show", "show_kloop", "import_libs", 1.3)
    results = _results()
    assert ratio.value(results) == 1.0  # of 1.0, 3.0 and 0.5; the ratio of the medians is 2.0
    assert ratio.value(results, cpu=True) == 0.6
    assert ratio.verdict(results) == "pass"
    results["show_kloop"].seconds = [2.0, 3.0, 8.0]
    assert ratio.verdict(results) == "FAIL"


def test_the_table_shows_the_cpu_ratio_beside_the_verdict() -> None:
    row = next(line for line in table(_results()).splitlines() if "`timeline show kloop`" in line)
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[3:] == ["1.00x", "0.60x", "<= 1.3x", "pass"]


def test_results_without_cpu_times_leave_the_column_empty() -> None:
    results = _results(cpu=False)
    restored = {n: Result.from_json(n, r.to_json()) for n, r in results.items()}
    row = next(line for line in table(restored).splitlines() if "`timeline show kloop`" in line)
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[3:] == ["1.00x", "", "<= 1.3x", "pass"]
