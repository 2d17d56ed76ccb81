"""The benchmark: timeline against the libyaml floor, its peers, and Python's own start-up.

    .venv/bin/python bench/run.py            # the full corpus and repository (about fifty minutes)
    .venv/bin/python bench/run.py --quick    # a small corpus, 3 repetitions (two or three minutes)
    .venv/bin/python bench/run.py --table bench/out/results.json   # an earlier run's table

It generates a deterministic corpus in a temporary folder (see bench/corpus.py),
runs every command as a subprocess, interleaved, several times, and prints a
Markdown table of the ratios against the targets (each the median of the
per-repetition ratios). The raw figures go to
bench/out/results.json (or --out). Needs the `bench` extra for the peers
(`pip install -e '.[bench]'`); a measurement whose command is missing is
skipped with a note.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from measure import Command, CommandFailed, Result, clean_env, machine, measure  # noqa: E402
from prepare import edited_case  # noqa: E402
from report import RATIOS, table  # noqa: E402
from repository import looked_up  # noqa: E402

REPO = HERE.parent
BROKEN_FILES = 5  # prepare.py breaks one file per code of variants.BREAKAGES
BIN = Path(sys.executable).parent
PY = sys.executable

FLOOR = """\
import sys, yaml
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        yaml.load(f, Loader=yaml.CSafeLoader)
"""
CLI_MODULES = "typer, pydantic, rich.console, yaml"
# The start-up rows (a fifth of a second each) run this many times in a row in each
# repetition, and the least time counts (docs/performance.md).
BURST = 5
CORES_BURST = 3
MODEL_MODULES = "typer, rich.console, yaml, timeline.model.case"
FLOOR_NO_GC = "import gc; gc.disable()\n" + FLOOR
# The library's loader and model, with the collector paused as the library does.
LOAD_BOTH = """\
import sys
from pathlib import Path
from timeline.load.loader import gc_paused, read_document
from timeline.model.case import Case
for name in sys.argv[1:]:
    with gc_paused():
        Case.model_validate(read_document(Path(name)).data)
"""


def prepare(work: Path, args: argparse.Namespace) -> dict[str, list[Path]]:
    """Write the corpus, its broken copy and the two versions of the big case."""
    print(f"generating the corpus in {work} ...", file=sys.stderr)
    size = ["--files", str(args.files), "--mean", str(args.mean), "--big", str(args.big)]
    size += ["--repo-cases", str(args.repo_cases), "--repo-events", str(args.repo_events)]
    subprocess.run(
        [PY, str(HERE / "prepare.py"), str(work), "--seed", str(args.seed), *size], check=True
    )
    files = sorted((work / "corpus").glob("*.yaml"))
    schema = work / "case.schema.json"
    schema.write_text(_output([str(BIN / "timeline"), "schema"]), encoding="utf-8")
    repository = work / "repository"
    cases = sorted((repository / "data" / "cases").glob("*.yaml"))
    return {
        "repository": [repository],
        "edited": [edited_case(cases)] if cases else [],
        "corpus": files,
        "invalid": sorted((work / "invalid").glob("*.yaml")),
        "largest": [max(files, key=lambda p: p.stat().st_size)],
        "versions": [work / "old" / "big-case.yaml", work / "new" / "big-case.yaml"],
        "schema": [schema],
    }


def commands(paths: dict[str, list[Path]], args: argparse.Namespace) -> list[Command]:
    timeline = str(BIN / "timeline")
    files = [str(p) for p in paths["corpus"]]
    peers = args.peer_reps
    yamllint_config = "{extends: relaxed, rules: {line-length: disable}}"
    big = [str(p) for p in paths["versions"]]
    one = [timeline, "validate", "--jobs", "1"]  # one process, as the floor and the peers
    loads = [  # their peak memory is measured too
        Command("floor", [PY, "-c", FLOOR, *files], REPO),
        Command("floor_no_gc", [PY, "-c", FLOOR_NO_GC, *files], REPO),
        Command("validate", [*one, *files], REPO),
        Command("validate_invalid", [*one, *map(str, paths["invalid"])], REPO, 1),
        Command("validate_largest", [*one, str(paths["largest"][0])], REPO),
        Command(
            "check_jsonschema",
            [str(BIN / "check-jsonschema"), "--schemafile", str(paths["schema"][0]), *files],
            REPO,
            reps=peers,
        ),
        Command(
            "yamllint", [str(BIN / "yamllint"), "-d", yamllint_config, *files], REPO, reps=peers
        ),
        Command("diff", [timeline, "diff", *big], REPO),
        Command("load_both", [PY, "-c", LOAD_BOTH, *big], REPO),
    ]
    for command in loads:
        command.memory = True
    # Every core (the default --jobs) against one process, measured one after the other,
    # each the least of CORES_BURST runs in a row: two processes on a shared machine's two
    # cores lose more to its other work than one does (docs/performance.md).
    cores = [
        Command("validate_one_core", [*one, *files], REPO),
        Command("validate_cores", [timeline, "validate", *files], REPO),
    ]
    for command in cores:
        command.burst = CORES_BURST
    complete = {
        "_TIMELINE_COMPLETE": "complete_bash",
        "COMP_WORDS": "timeline sh",
        "COMP_CWORD": "1",
    }
    complete_case = {
        "_TIMELINE_COMPLETE": "complete_zsh",
        "_TYPER_COMPLETE_ARGS": "timeline show k",
    }
    startup = [
        Command("version", [timeline, "--version"], REPO),
        Command("schema", [timeline, "schema"], REPO),
        Command("help", [timeline, "--help"], REPO),
        Command("completion", [timeline], REPO, env=complete),
        # A case id in zsh: the data directory listed, each word in zsh's form.
        Command("completion_case", [timeline], REPO, env=complete_case),
        Command("import_yaml", [PY, "-c", "import yaml"], REPO),
        # The cache holds kloop's chronology after the unmeasured first run, as it does
        # for someone who shows the case again; --no-cache validates and renders afresh.
        Command("show_kloop", [timeline, "show", "kloop"], REPO),
        Command("show_kloop_fresh", [timeline, "show", "kloop", "--no-cache"], REPO),
        Command("export_kloop", [timeline, "export", "kloop", "--format", "markdown"], REPO),
        Command("validate_kloop", [timeline, "validate", "data/cases/kloop.yaml"], REPO),
        Command("validate_repo", [timeline, "validate", "data/cases"], REPO),
        Command("import_libs", [PY, "-c", "import pydantic, rich, yaml"], REPO),
        Command("import_typer_libs", [PY, "-c", f"import {CLI_MODULES}"], REPO),
        # The same libraries and the case model: what importing the model and building its
        # validators from the stored schema add, before any command does anything.
        Command("import_model", [PY, "-c", f"import {MODEL_MODULES}"], REPO),
    ]
    for command in startup:  # subjects and baselines alike
        command.burst = BURST
    return [
        *loads,
        *cores,
        *startup,
        *repository_commands(paths),
    ]


def repository_commands(paths: dict[str, list[Path]]) -> list[Command]:
    """The rows of the repository of cases sharing one registry (one case edited in it)."""
    if not paths["edited"]:
        return []
    timeline, root = str(BIN / "timeline"), paths["repository"][0]
    edited = str(paths["edited"][0].relative_to(root))
    name, surname = looked_up(root)  # "Kaba Kaaska" and "Кааска" at 500 cases
    return [
        Command("changed_one", [timeline, "validate", "--changed", "HEAD", "data/cases"], root),
        Command("validate_one", [timeline, "validate", edited], root),
        # The commands across cases, with their cache of digests filled by the unmeasured
        # first run, as for someone who looks things up again; and the database export.
        Command("person_repo", [timeline, "person", name, "-f", "plain"], root),
        Command("search_repo", [timeline, "search", surname, "-f", "plain"], root),
        # One process, as the export (validate now uses every core by default).
        Command("validate_repository", [timeline, "validate", "--jobs", "1", "data/cases"], root),
        Command(
            "export_repo",
            [timeline, "export", "--all", "-f", "sqlite", "-o", str(root.parent / "repo.db")],
            root,
        ),
    ]


def available(command: Command) -> str:
    """Why a command cannot run here ("" when it can)."""
    program = Path(command.argv[0])
    if not program.exists():
        return f"{program.name} is not installed (pip install -e '.[bench]')"
    if command.name == "diff":
        probe = subprocess.run(
            [command.argv[0], "diff", "--help"], capture_output=True, check=False, cwd=REPO
        )
        if probe.returncode != 0:
            return "`timeline diff` does not exist yet"
    if command.env:
        env = {**os.environ, **command.env}
        probe = subprocess.run(command.argv, capture_output=True, check=False, cwd=REPO, env=env)
        if probe.returncode != 0 or not probe.stdout.strip():
            return "shell completion is not enabled in `timeline`"
    return ""


def _output(argv: list[str]) -> str:
    return subprocess.run(argv, capture_output=True, text=True, check=True, cwd=REPO).stdout


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark timeline (see docs/performance.md).")
    parser.add_argument("--quick", action="store_true", help="a small corpus, 3 repetitions")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--reps", type=int, help="repetitions (default 7, --quick 3)")
    parser.add_argument("--peer-reps", type=int, help="repetitions of the slow peers (default 3)")
    parser.add_argument(
        "--big", type=int, help="events of the big case (default 20000, --quick 2000)"
    )
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    parser.add_argument(
        "--repo-cases", type=int, help="cases of the repository (5000, --quick 500)"
    )
    parser.add_argument("--repo-events", type=int, help="its events (100000, --quick 10000)")
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help="measure only these commands (repeatable): --only changed_one --only validate_one",
    )
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "results.json")
    parser.add_argument(
        "--table",
        type=Path,
        metavar="RESULTS",
        help="measure nothing: print the table of an earlier run from its results.json",
    )
    args = parser.parse_args()
    if args.keep and args.keep.is_dir() and any(args.keep.iterdir()):
        parser.error(f"--keep {args.keep}: the folder is not empty (name a new one)")
    size = (40, 60, 2000) if args.quick else (300, 100, 20000)
    args.files, args.mean, big = size
    args.big = args.big or big
    repo_cases, repo_events = (500, 10_000) if args.quick else (5000, 100_000)
    args.repo_cases = args.repo_cases or repo_cases
    args.repo_events = args.repo_events or repo_events
    args.reps = args.reps or (3 if args.quick else 7)
    args.peer_reps = min(args.reps, args.peer_reps or (2 if args.quick else 3))
    return args


def main() -> None:
    args = parse_args()
    if args.table:
        figures = json.loads(args.table.read_text(encoding="utf-8"))["measurements"]
        print(table({name: Result.from_json(name, f) for name, f in figures.items()}))
        return
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as temporary:
        work = args.keep or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        paths = prepare(work, args)
        todo, skipped = [], {}
        for command in commands(paths, args):
            if args.only and command.name not in args.only:
                continue
            reason = available(command)
            if reason:
                skipped[command.name] = reason
            else:
                todo.append(command)
        try:
            results = measure(todo, args.reps, clean_env(work / "pycache"), work)
        except CommandFailed as failure:
            sys.exit(f"bench: {failure}")
        for name, reason in skipped.items():
            results[name] = Result(name, [], skipped=reason)
        corpus = _corpus_figures(paths)
        results["largest_file"] = _file_size(paths["largest"][0])
    rows = table(results)
    print(rows)
    _write_json(args, results, corpus, rows)


def _corpus_figures(paths: dict[str, list[Path]]) -> dict[str, object]:
    files = paths["corpus"]
    events = sum(p.read_text(encoding="utf-8").count("\n  type: ") for p in files)
    cases = sorted((paths["repository"][0] / "data" / "cases").glob("*.yaml"))
    repository = {
        "cases": len(cases),
        "events": sum(p.read_text(encoding="utf-8").count("\n  type: ") for p in cases),
        "registry_bytes": sum(
            p.stat().st_size for p in (paths["repository"][0] / "data" / "registry").glob("*")
        ),
    }
    return {
        "repository": repository,
        "files": len(files),
        "events": events,
        "bytes": sum(p.stat().st_size for p in files),
        "largest_file_bytes": paths["largest"][0].stat().st_size,
        "invalid_files": BROKEN_FILES,
    }


def _file_size(path: Path) -> Result:
    """The size of a file as a "peak memory", for the ratio of memory to the file's size."""
    return Result(
        "largest_file",
        [f"(the size of {path.name})"],
        seconds=[0.0],
        peak_kib=[path.stat().st_size // 1024],
    )


def _write_json(
    args: argparse.Namespace, results: dict[str, Result], corpus: dict[str, object], rows: str
) -> None:
    document = {
        "machine": machine(),
        "settings": {k: v for k, v in vars(args).items() if k not in ("out", "keep", "table")},
        "corpus": corpus,
        "ratios": [ratio.to_json(results) for ratio in RATIOS],
        "measurements": {name: result.to_json() for name, result in results.items()},
        "table": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(f"\nraw figures: {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
