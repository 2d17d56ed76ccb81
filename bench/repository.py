"""A synthetic data repository for the benchmark: thousands of cases sharing one registry.

    python bench/repository.py DIR [--seed 7] [--cases 5000] [--events 100000] [--no-git]

DIR/data/cases/case-NNNNN.yaml   the cases (each a corpus.py case, `related` to the one before)
DIR/data/registry/*.yaml         people, organizations, charges and sources they all share

Each case also uses registry entries by id: a court, registry people as participants
(some with a part in the case through `registry_people`), a registry charge and
registry sources in its citations. Every registry entry is used by some case. With
git (the default) DIR is a git repository with everything committed, so that
`timeline validate --changed HEAD` has a revision to compare with.

`write_repository` is the library entry point for other benchmark rows (person,
search, SQLite export): same seed, same bytes.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import AFTER_START, Data, dump, generate_case
from words import Namer

PREFIX = "shared"  # registry ids never meet the ids corpus.py gives a case's own items
KINDS = ("court", "security-service", "prosecutor", "media", "court", "ngo", "police")


@dataclass(frozen=True)
class Repository:
    """What was written: the root, the cases (in id order), and the registry's size."""

    root: Path
    cases: list[Path]
    events: int
    registry: dict[str, int]

    @property
    def cases_dir(self) -> Path:
        return self.root / "data" / "cases"


def registry(seed: int, cases: int) -> dict[str, list[Data]]:
    """The shared entries, in proportion to the number of cases."""
    rng = random.Random(f"{seed}:registry")
    namer = Namer(rng)
    orgs = [namer.organization(i, KINDS[i % len(KINDS)]) for i in range(max(7, cases // 25))]
    for i, org in enumerate(orgs):
        org["id"] = f"{PREFIX}-{org['kind']}-{i + 1}"
    people = [namer.person(i, orgs) for i in range(max(8, cases // 3))]
    for i, person in enumerate(people):
        person["id"] = f"{PREFIX}-person-{i + 1}"
        if i % 10 == 0:  # some initials-only, as in the cases
            for key in ("aliases", "description", "affiliations"):
                person.pop(key, None)
            person.update(name=namer.initials(), privacy="initials")
    charges = [namer.charge(i) for i in range(max(2, cases // 200))]
    for i, charge in enumerate(charges):
        charge["id"] = f"{PREFIX}-charge-{i + 1}"
    start = datetime.date(2015, 1, 1)
    sources = [namer.source(i, start) for i in range(max(4, cases // 2))]
    for i, source in enumerate(sources):
        source["id"] = f"{PREFIX}-source-{i + 1}"
    return {"people": people, "organizations": orgs, "charges": charges, "sources": sources}


def event_counts(seed: int, cases: int, events: int) -> list[int]:
    """Events per case: skewed like real data, summing to `events` exactly."""
    rng = random.Random(f"{seed}:repository-sizes")
    weights = [rng.lognormvariate(0, 0.8) for _ in range(cases)]
    scale = (events - 5 * cases) / sum(weights)
    counts = [5 + int(w * scale) for w in weights]
    for index in range(events - sum(counts)):  # the rounding, spread over the first cases
        counts[index % cases] += 1
    return counts


def use_registry(case: Data, number: int, shared: dict[str, list[Data]]) -> None:
    """Make a case use registry entries: round robin, so that every entry is used."""
    courts = [o for o in shared["organizations"] if o["kind"] == "court"]
    people, sources = shared["people"], shared["sources"]
    case["court"] = courts[number % len(courts)]["id"]
    mine = [people[(3 * number + k) % len(people)] for k in range(3)]
    public = [p for p in mine if p.get("privacy") != "initials"]
    if public:
        case["registry_people"] = [{"ref": public[0]["id"], "roles": ["defendant"]}]
    charge = shared["charges"][number % len(shared["charges"])]["id"]
    orgs = [o for o in shared["organizations"] if o["kind"] != "court"]
    authority = {"ref": orgs[number % len(orgs)]["id"], "role": "authority"}
    case["events"][0].setdefault("participants", []).append(authority)
    for index, event in enumerate(case["events"]):
        if event["type"] not in AFTER_START:  # no decision about someone never arrested
            person = mine[index % len(mine)]
            event.setdefault("participants", []).append({"ref": person["id"], "role": "subject"})
        event.setdefault("sources", []).append(sources[(2 * number + index) % len(sources)]["id"])
        if event["type"] in ("charge", "indictment"):
            event.setdefault("charges", []).append(charge)


def write_repository(
    root: Path, *, seed: int = 7, cases: int = 5000, events: int = 100_000, git: bool = True
) -> Repository:
    """Write the repository (and commit it, with `git`)."""
    folder = root / "data" / "cases"
    folder.mkdir(parents=True, exist_ok=True)
    shared = registry(seed, cases)
    _write_registry(root / "data" / "registry", shared)
    ids = [f"case-{n:05d}" for n in range(1, cases + 1)]
    paths = []
    for number, (case_id, count) in enumerate(
        zip(ids, event_counts(seed, cases, events), strict=True)
    ):
        case = generate_case(seed, case_id, count, [ids[number - 1]] if number else [])
        use_registry(case, number, shared)
        path = folder / f"{case_id}.yaml"
        path.write_text(dump(case), encoding="utf-8")
        paths.append(path)
    if git:
        _commit(root)
    sizes = {section: len(items) for section, items in shared.items()}
    return Repository(root, paths, events, sizes)


def looked_up(root: Path) -> tuple[str, str]:
    """Whom the rows across cases look up in the repository at `root`: the name of the
    first registry person with an alias, and the last word of that alias (for `search`:
    a Cyrillic surname). The registry's names depend on its size, so they are read."""
    import yaml

    text = (root / "data" / "registry" / "people.yaml").read_text(encoding="utf-8")
    people = yaml.load(text, Loader=yaml.CSafeLoader)["people"]
    person = next(p for p in people if p.get("aliases"))
    return person["name"], person["aliases"][0]["name"].split()[-1]


def _write_registry(folder: Path, shared: dict[str, list[Data]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for section, items in shared.items():
        text = dump({"format": 1, section: items}).replace(
            "A synthetic case", "A synthetic registry"
        )
        (folder / f"{section}.yaml").write_text(text, encoding="utf-8")


def _commit(root: Path) -> None:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_SYSTEM": os.devnull,
        "GIT_AUTHOR_DATE": "2026-01-01T00:00:00+00:00",
        "GIT_COMMITTER_DATE": "2026-01-01T00:00:00+00:00",
    }
    config = ["-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "corpus"]):
        subprocess.run(["git", *config, *args], cwd=root, env=env, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--no-git", action="store_true", help="do not make it a git repository")
    args = parser.parse_args()
    repo = write_repository(
        args.directory, seed=args.seed, cases=args.cases, events=args.events, git=not args.no_git
    )
    print(f"{len(repo.cases)} cases, {repo.events} events, registry {repo.registry}")


if __name__ == "__main__":
    main()
