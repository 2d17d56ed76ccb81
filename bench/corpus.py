"""A deterministic synthetic corpus of case files for the benchmark.

`generate_case(seed, case_id, events)` returns a case as plain data shaped like
a real one: people with aliases (some initials-only), organizations, charges,
sources, events with participants, outcomes (requests and decisions),
citations with quotes, claimed and disputed events, conflicts between sources,
inferred years, relative dates, seasons, approximate and interval dates, and
text with Markdown, HTML, pipes and backslashes. Every file is valid: dates
never go backwards in file order (each date contains a running "cursor" day),
so `after` orderings and "no verdict before the first detention" always hold.

Same seed, same bytes. Run `python bench/corpus.py DIR` to write a corpus.
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dateforms import LAST_DAY, DateForms
from words import DESCRIPTIONS, Namer, Quoted, title_for

Data = dict[str, Any]
STARTS = ("detention", "arrest", "pretrial-measure", "charge")
LATER = ("verdict", "appeal-decision", "prosecution-request", "sentence", "appeal")
# Events whose people must already have been detained, arrested or charged (check TL402).
AFTER_START = ("verdict", "appeal-decision", "sentence", "appeal")
COMMON = ("hearing", "statement", "search", "questioning", "expert-finding", "release")
OTHER_TYPES = ("plea", "indictment", "asset-freeze", "denial", "blocking")


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    pass


_Dumper.add_representer(
    Quoted, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", str(value), '"')
)


def dump(case: Data) -> str:
    """The YAML text of a case, in the style people write: flow style for short items."""
    text: str = yaml.dump(
        case,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=None,
    )
    return "# A synthetic case for the benchmark (bench/corpus.py).\n" + text


class CaseBuilder(DateForms):
    """Builds one case; `cursor` is the day every new event's date must contain."""

    def __init__(self, seed: int, case_id: str, events: int, related: list[str]) -> None:
        self.rng = random.Random(f"{seed}:{case_id}")
        self.namer = Namer(self.rng)
        self.case_id, self.count, self.related = case_id, events, related
        span = min(events * 12, 9000)
        self.cursor = LAST_DAY - datetime.timedelta(days=span + self.rng.randrange(365))
        self.step = span / max(events, 1)
        self.started: list[str] = []  # people with a detention, arrest or charge so far
        self.started_actors: dict[str, None] = {}  # people and organizations, likewise
        self.last_day: tuple[str, datetime.date] | None = None  # an event dated to one day
        self.cursors: dict[str, datetime.date] = {}  # the day each event's date contains
        self.ids: list[str] = []

    def build(self) -> Data:
        rng = self.rng
        self.orgs = self._organizations(max(3, min(50, self.count // 100)))
        self.people = self._people(max(4, min(200, self.count // 25)))
        self.charges = [self.namer.charge(i) for i in range(rng.randint(1, 4))]
        self.sources = [self.namer.source(i, self.cursor) for i in range(self._source_count())]
        events = [self._event(i) for i in range(self.count)]
        conflicts = self._conflicts(events)
        return {
            "format": 1,
            "id": self.case_id,
            "title": self.namer.case_title(),
            "jurisdiction": rng.choice(["KG", "KZ", "TJ", "UZ", "AZ", "BY", "RU", "TR"]),
            "status": rng.choice(["investigation", "trial", "convicted", "appeal", "closed"]),
            "court": next(o["id"] for o in self.orgs if o["kind"] == "court"),
            "summary": rng.choice(DESCRIPTIONS),
            "tags": ["press-freedom", rng.choice(["journalists", "extremism", "mass-unrest"])],
            "related": self.related,
            "people": self.people,
            "organizations": self.orgs,
            "charges": self.charges,
            "sources": self.sources,
            "events": events,
            "conflicts": conflicts,
        }

    def _source_count(self) -> int:
        return max(2, min(2000, self.count // 4 + 1))

    def _people(self, count: int) -> list[Data]:
        people = [self.namer.person(i, self.orgs) for i in range(count)]
        for person in people[: max(1, count // 8)]:
            person.pop("aliases", None)
            person.pop("description", None)
            person["name"] = self.namer.initials()
            person["privacy"] = "initials"
        return people

    def _organizations(self, count: int) -> list[Data]:
        kinds = ["court", "security-service", "prosecutor", "media", "court", "ngo", "police"]
        return [self.namer.organization(i, kinds[i % len(kinds)]) for i in range(count)]

    # --- events ------------------------------------------------------------------------------

    def _event(self, index: int) -> Data:
        rng = self.rng
        event_type = self._type()
        self.cursor = min(LAST_DAY, self.cursor + datetime.timedelta(days=self._gap()))
        event: Data = {"id": f"{event_type}-{index + 1}", "date": None, "type": event_type}
        self._date(event)
        if event_type == "other":
            event["label"] = "Protest outside the court"
        people = rng.sample(self.people, k=min(len(self.people), rng.randint(1, 3)))
        event["title"] = title_for(event_type, people[0]["name"])
        if rng.random() < 0.35:
            event["description"] = rng.choice(DESCRIPTIONS)
        if event_type in AFTER_START:
            event["participants"] = self._started_participants()
        else:
            event["participants"] = self._participants(event_type, people)
        if event_type in ("charge", "indictment", "verdict"):
            event["charges"] = [c["id"] for c in self.charges]
        if event_type in LATER and event_type != "appeal":
            event["outcomes"] = self._outcomes(event_type)
        event["sources"] = self._citations(index)
        self._status(event)
        if index and rng.random() < 0.1:
            event["after"] = [f"{self._previous_id(index)}"]
        if rng.random() < 0.05:
            event["key"] = True
        self.cursors[event["id"]] = self.cursor
        self.ids.append(event["id"])
        return event

    def _type(self) -> str:
        roll = self.rng.random()
        if roll < 0.15:
            return self.rng.choice(STARTS)
        if roll < 0.27 and self.started:
            return self.rng.choice(LATER)
        if roll < 0.29:
            return "other"
        if roll < 0.4:
            return self.rng.choice(OTHER_TYPES)
        return self.rng.choice(COMMON)

    def _gap(self) -> int:
        return 0 if self.rng.random() < 0.3 else self.rng.randint(0, max(1, round(2 * self.step)))

    def _previous_id(self, index: int) -> str:
        return self.ids[self.rng.randrange(max(0, index - 5), index)]

    def _participants(self, event_type: str, people: list[Data]) -> list[Data]:
        role = {"detention": "detainee", "arrest": "detainee", "statement": "speaker"}
        found = [{"ref": p["id"], "role": role.get(event_type, "subject")} for p in people]
        org = self.rng.choice(self.orgs)
        found.append({"ref": org["id"], "role": "court" if org["kind"] == "court" else "authority"})
        if event_type in STARTS:
            self.started.extend(p["id"] for p in people if p["id"] not in self.started_actors)
            self.started_actors.update((p["ref"], None) for p in found)
        return found

    def _started_participants(self) -> list[Data]:
        actors = list(self.started_actors)
        chosen = self.rng.sample(actors, k=min(len(actors), self.rng.randint(1, 3)))
        return [{"ref": ref, "role": "defendant"} for ref in chosen]

    def _outcomes(self, event_type: str) -> list[Data]:
        rng = self.rng
        subjects = rng.sample(self.started, k=min(len(self.started), rng.randint(1, 2)))
        if event_type == "appeal-decision":
            return [{"subjects": subjects, "verdict": rng.choice(["upheld", "amended"])}]
        outcome: Data = {"subjects": subjects}
        if event_type == "prosecution-request":
            outcome["kind"] = "request"
        outcome["verdict"] = "guilty"
        outcome.update(
            rng.choice(
                [
                    {
                        "sentence": "imprisonment",
                        "term": f"P{rng.randint(2, 9)}Y",
                        "regime": "general",
                    },
                    {"sentence": "probation", "term": f"P{rng.randint(1, 4)}Y"},
                    {
                        "sentence": "fine",
                        "amount": str(rng.randint(1, 90) * 1000),
                        "currency": "KGS",
                    },
                ]
            )
        )
        return [outcome]

    def _citations(self, index: int) -> list[Any]:
        rng = self.rng
        count = len(self.sources)
        # The first events cite every source once, so that none is unused.
        refs = [self.sources[index % count]["id"]] if index < count else []
        refs += [self.sources[rng.randrange(count)]["id"] for _ in range(rng.randint(0, 2))]
        refs = list(dict.fromkeys(refs)) or [self.sources[rng.randrange(count)]["id"]]
        cited: list[Any] = []
        for ref in refs:
            if rng.random() < 0.3:
                cited.append(
                    {
                        "ref": ref,
                        "quote": self.namer.quote(),
                        "locator": f"para. {rng.randint(1, 30)}",
                    }
                )
            else:
                cited.append(ref)
        return cited

    def _status(self, event: Data) -> None:
        roll = self.rng.random()
        if roll < 0.05:
            event["status"] = "claimed"
            event["attribution"] = [self.rng.choice(self.people)["id"]]
        elif roll < 0.08:
            event["status"] = "disputed"
            event["attribution"] = [self.rng.choice(self.orgs)["id"]]
            event["disputed_by"] = [self.rng.choice(self.people)["id"]]
        elif roll < 0.15:
            event["status"] = "reported"

    # --- conflicts ---------------------------------------------------------------------------

    def _conflicts(self, events: list[Data]) -> list[Data]:
        candidates = [e for e in events if e.get("status") is None and len(self.sources) > 1]
        count = min(len(candidates), max(1, self.count // 40))
        conflicts = []
        for number, event in enumerate(self.rng.sample(candidates, k=count)):
            event["status"] = "contested-by-sources"
            first, second = self.rng.sample(self.sources, k=2)
            conflicts.append(
                {
                    "id": f"conflict-{number + 1}",
                    "about": [event["id"]],
                    "field": "date",
                    "description": f"When '{event['title']}' happened",
                    "claims": [
                        {"claim": "It happened on the day given", "sources": [first["id"]]},
                        {
                            "claim": "It happened a day later",
                            "sources": [{"ref": second["id"], "quote": self.namer.quote()}],
                            "value": "the next day",
                        },
                    ],
                }
            )
        return conflicts


def generate_case(seed: int, case_id: str, events: int, related: list[str] | None = None) -> Data:
    """One valid case with `events` events (the same seed and id give the same case)."""
    return CaseBuilder(seed, case_id, events, related or []).build()


def event_counts(seed: int, files: int, mean: int) -> list[int]:
    """How many events each ordinary file has: skewed like real data, a few long cases."""
    rng = random.Random(f"{seed}:sizes")
    return [
        max(5, min(20 * mean, round(rng.lognormvariate(0, 0.8) * mean * 0.73)))
        for _ in range(files)
    ]


def write_corpus(
    root: Path, *, seed: int, files: int, mean: int, big: int
) -> tuple[list[Path], Data]:
    """Write `files` ordinary cases and one case with `big` events: the paths, and the big case."""
    root.mkdir(parents=True, exist_ok=True)
    ids = [f"case-{n:04d}" for n in range(1, files + 1)]
    paths = []
    for number, (case_id, count) in enumerate(
        zip(ids, event_counts(seed, files, mean), strict=True)
    ):
        related = [ids[number - 1]] if number else []
        paths.append(_write(root, generate_case(seed, case_id, count, related)))
    big_case = generate_case(seed, "big-case", big)
    paths.append(_write(root, big_case))
    return paths, big_case


def _write(root: Path, case: Data) -> Path:
    path = root / f"{case['id']}.yaml"
    path.write_text(dump(case), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--mean", type=int, default=100, help="mean events per ordinary file")
    parser.add_argument("--big", type=int, default=20000, help="events in the big case")
    args = parser.parse_args()
    paths, _ = write_corpus(
        args.directory, seed=args.seed, files=args.files, mean=args.mean, big=args.big
    )
    print(f"{len(paths)} files in {args.directory}")


if __name__ == "__main__":
    main()
