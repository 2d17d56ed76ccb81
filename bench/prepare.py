"""Write everything the benchmark measures into one folder.

    python bench/prepare.py WORK [--seed 7] [--files 300] [--mean 100] [--big 20000]

WORK/corpus      the corpus: ordinary cases and big-case.yaml (see corpus.py)
WORK/invalid     a copy of the corpus with one file broken per code in variants.BREAKAGES
WORK/old, /new   big-case.yaml and its edited version (for `timeline diff`)
WORK/repository  a git repository of cases sharing one registry (see repository.py), with
                 one case edited in the working tree (for `timeline validate --changed`)

It runs in its own process, so that the benchmark runner, which starts every
measured command, stays small: a child starts with its parent's memory
counted in its peak.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import dump, write_corpus
from repository import write_repository
from variants import BREAKAGES, broken, edited


def edited_case(cases: list[Path]) -> Path:
    """The case the benchmark edits: the one in the middle (another case names it)."""
    return cases[len(cases) // 2]


def prepare_repository(work: Path, *, seed: int, cases: int, events: int) -> None:
    repo = write_repository(work / "repository", seed=seed, cases=cases, events=events)
    path = edited_case(repo.cases)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ntitle: ", "\ntitle: Edited ", 1), encoding="utf-8")


def prepare(work: Path, *, seed: int, files: int, mean: int, big: int) -> None:
    corpus = work / "corpus"
    _, big_case = write_corpus(corpus, seed=seed, files=files, mean=mean, big=big)
    invalid = work / "invalid"
    shutil.copytree(corpus, invalid)
    ordinary = sorted(invalid.glob("case-*.yaml"))
    step = max(1, len(ordinary) // len(BREAKAGES))
    for number, code in enumerate(BREAKAGES):
        path = ordinary[number * step]
        path.write_text(broken(path.read_text(encoding="utf-8"), code), encoding="utf-8")
    for name, case in (("old", big_case), ("new", edited(big_case, seed))):
        (work / name).mkdir()
        (work / name / "big-case.yaml").write_text(dump(case), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--mean", type=int, default=100)
    parser.add_argument("--big", type=int, default=20000)
    parser.add_argument("--repo-cases", type=int, default=5000)
    parser.add_argument("--repo-events", type=int, default=100_000)
    args = parser.parse_args()
    prepare(args.work, seed=args.seed, files=args.files, mean=args.mean, big=args.big)
    if args.repo_cases:
        prepare_repository(
            args.work, seed=args.seed, cases=args.repo_cases, events=args.repo_events
        )


if __name__ == "__main__":
    main()
