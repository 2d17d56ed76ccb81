"""The ratios the benchmark reports, their targets, and the Markdown table of one run."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Literal

from measure import Result


@dataclass(frozen=True)
class Ratio:
    """`subject` / `baseline` (median wall time, or median peak RSS), against a target."""

    label: str
    subject: str
    baseline: str
    target: float | None = None  # None: reported for information
    at_least: bool = False  # the ratio must be >= target (else <=)
    metric: Literal["time", "memory"] = "time"

    def value(self, results: dict[str, Result], *, cpu: bool = False) -> float | None:
        """The ratio; with `cpu`, of CPU time instead of wall time (None: not measured)."""
        subject, baseline = results.get(self.subject), results.get(self.baseline)
        if not subject or not baseline or not subject.seconds or not baseline.seconds:
            return None
        if self.metric == "memory":
            if cpu or not subject.peak_kib or not baseline.peak_kib:
                return None
            return subject.peak / baseline.peak
        if cpu:
            if not subject.cpu_seconds or not baseline.cpu_seconds:
                return None
            pairs = zip(subject.cpu_seconds, baseline.cpu_seconds, strict=False)
        else:
            pairs = zip(subject.seconds, baseline.seconds, strict=False)
        # The median of the ratios of each repetition, whose runs were close in time: on a
        # shared machine the load drifts, and it drifts less within a repetition.
        return statistics.median(s / b for s, b in pairs)

    def verdict(self, results: dict[str, Result]) -> str:
        value = self.value(results)
        if value is None:
            return "skipped"
        if self.target is None:
            return "info"
        passed = value >= self.target if self.at_least else value <= self.target
        return "pass" if passed else "FAIL"

    def to_json(self, results: dict[str, Result]) -> dict[str, object]:
        return {
            "label": self.label,
            "subject": self.subject,
            "baseline": self.baseline,
            "metric": self.metric,
            "ratio": self.value(results),
            "cpu_ratio": self.value(results, cpu=True),
            "target": self.target,
            "at_least": self.at_least,
            "verdict": self.verdict(results),
        }


# The baseline of the commands that need the case model: the libraries they cannot do
# without, imported as `import` imports them (pydantic and rich load their parts lazily).
CLI_LIBS = "`import typer, pydantic, rich.console, yaml`"
# The same with the case model (pydantic builds the validators of its classes).
MODEL_LIBS = "`import typer, rich.console, yaml, timeline.model.case`"

RATIOS = (
    Ratio(
        "`validate` (valid corpus, 1 process) / libyaml parse-only floor", "validate", "floor", 1.5
    ),
    # The same target against the floor without the cycle collector, which timeline also
    # runs without: the stricter of the two readings.
    Ratio(
        "`validate` (valid corpus, 1 process) / floor with the GC off",
        "validate",
        "floor_no_gc",
        1.5,
    ),
    Ratio("`validate` (5 invalid files) / `validate` (valid)", "validate_invalid", "validate"),
    Ratio("check-jsonschema / `validate`", "check_jsonschema", "validate", 5.0, at_least=True),
    Ratio("yamllint / `validate`", "yamllint", "validate"),
    Ratio("`diff` (two versions of the big case) / loading both", "diff", "load_both", 1.3),
    # Every core against one (the default --jobs is the number of cores; 2 here).
    Ratio(
        "`validate` (valid corpus, every core) / the same in 1 process",
        "validate_cores",
        "validate_one_core",
        0.65,
    ),
    # The commands that need no case model, against the YAML library alone.
    Ratio("`timeline --version` / `python -c 'import yaml'`", "version", "import_yaml", 1.3),
    Ratio("`timeline schema` / `python -c 'import yaml'`", "schema", "import_yaml", 1.3),
    Ratio("`timeline --help` / `python -c 'import yaml'`", "help", "import_yaml", 1.3),
    Ratio(
        "completion (`timeline sh<TAB>`) / `python -c 'import yaml'`",
        "completion",
        "import_yaml",
        1.3,
    ),
    Ratio(
        "completion, zsh (`timeline show k<TAB>`) / `python -c 'import yaml'`",
        "completion_case",
        "import_yaml",
        1.3,
    ),
    Ratio(
        "`timeline show kloop` (shown before) / `import pydantic, rich, yaml`",
        "show_kloop",
        "import_libs",
        1.3,
    ),
    # The cold path: no cache, against the libraries the command needs.
    Ratio(
        f"`timeline show kloop --no-cache` / {CLI_LIBS}",
        "show_kloop_fresh",
        "import_typer_libs",
        1.5,
    ),
    Ratio(
        f"`timeline export kloop --format markdown` / {CLI_LIBS}",
        "export_kloop",
        "import_typer_libs",
        1.5,
    ),
    Ratio(
        f"`timeline validate data/cases/kloop.yaml` / {CLI_LIBS}",
        "validate_kloop",
        "import_typer_libs",
        1.5,
    ),
    Ratio(f"`timeline validate data/cases` / {CLI_LIBS}", "validate_repo", "import_typer_libs"),
    # What stands between the cold path and its target: the case model alone, and what the
    # command adds to it (for information).
    Ratio(f"{MODEL_LIBS} / {CLI_LIBS}", "import_model", "import_typer_libs"),
    Ratio(f"`timeline show kloop --no-cache` / {MODEL_LIBS}", "show_kloop_fresh", "import_model"),
    Ratio(
        "peak RSS: `validate` corpus / its largest file",
        "validate",
        "validate_largest",
        1.5,
        metric="memory",
    ),
    Ratio(
        "peak RSS: `validate` of the largest file / the size of that file",
        "validate_largest",
        "largest_file",
        25.0,
        metric="memory",
    ),
    # The rows of a repository of cases sharing a registry.
    Ratio(
        "`validate --changed` after editing one case / validating that case alone",
        "changed_one",
        "validate_one",
        2.0,
    ),
    # The largest case of the corpus (20,000 events) is "one large case".
    Ratio(
        "`person` by name (repository, cached) / `validate` of the largest case",
        "person_repo",
        "validate_largest",
        1.0,
    ),
    Ratio(
        "`search` (repository, cached) / `validate` of the largest case",
        "search_repo",
        "validate_largest",
        1.0,
    ),
    Ratio(
        "`export --all --format sqlite` (repository) / `validate` of the repository",
        "export_repo",
        "validate_repository",
        1.5,
    ),
)


def table(results: dict[str, Result]) -> str:
    """The ratios as a Markdown table, then the medians they come from.

    The verdict is on wall time; the ratio of CPU time (user and system, which
    waiting for a busy core does not add to) is shown beside it.
    """
    lines = [
        "| measurement | subject (median) | baseline (median) | ratio | CPU ratio | target "
        "| result |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for ratio in RATIOS:
        target = (
            "" if ratio.target is None else f"{'>=' if ratio.at_least else '<='} {ratio.target:g}x"
        )
        lines.append(
            f"| {ratio.label} | {_figure(results, ratio.subject, ratio.metric)} "
            f"| {_figure(results, ratio.baseline, ratio.metric)} "
            f"| {_times(ratio.value(results))} | {_times(ratio.value(results, cpu=True))} "
            f"| {target} | {ratio.verdict(results)} |"
        )
    notes = [
        f"- {name}: exit status {result.statuses}, expected {result.expect}"
        for name, result in results.items()
        if result.seconds and not result.ok
    ]
    notes += [f"- {name} skipped: {r.skipped}" for name, r in results.items() if r.skipped]
    return "\n".join(lines + (["", *notes] if notes else []))


def _times(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}x"


def _figure(results: dict[str, Result], name: str, metric: str) -> str:
    result = results.get(name)
    if result is None or not result.seconds:
        return "-"
    if metric == "memory":
        return f"{result.peak / 1024:.0f} MiB" if result.peak_kib else "-"
    return f"{result.wall * 1000:.0f} ms" if result.wall < 1 else f"{result.wall:.2f} s"
