"""Variants of generated cases: a second version of a case for `diff`, and broken files.

`edited(case, seed)` returns a new version of a case with events edited,
re-dated (moved, refined, coarsened), added, removed and renamed, staying
valid: only events that nothing refers to are removed or renamed, and dates
move only between their neighbours' days.

`BREAKAGES` are text edits that make a valid file invalid in one known way
each (the diagnostic code they must produce is the key).
"""

from __future__ import annotations

import copy
import datetime
import random
import re
from typing import Any

from words import Quoted

Data = dict[str, Any]
_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_STARTS = {"detention", "arrest", "pretrial-measure", "charge"}


def edited(case: Data, seed: int, share: float = 0.01) -> Data:
    """A second version of `case`: about `share` of the events changed in each way."""
    rng = random.Random(f"{seed}:edit:{case['id']}")
    new = copy.deepcopy(case)
    events: list[Data] = new["events"]
    count = max(1, round(len(events) * share))
    free = _unreferenced(new)
    for event in rng.sample(events, k=count):
        event["title"] += " (updated)"
    _redate(events, rng, count)
    removable = [e for e in events[len(new["sources"]) :] if e["id"] in free]
    removable = [e for e in removable if e["type"] not in _STARTS]
    doomed = rng.sample(removable, k=min(count, len(removable) // 2))
    kept = [e for e in removable if e not in doomed]
    for event in rng.sample(kept, k=min(max(1, count // 2), len(kept))):
        event["id"] = event["id"].replace("-", "-renamed-", 1)
    gone = {id(e) for e in doomed}
    new["events"] = [e for e in events if id(e) not in gone]
    _add(new, rng, count)
    return new


def _unreferenced(case: Data) -> set[str]:
    """Events that no `after`, `relative` or conflict names."""
    named = {ref for event in case["events"] for ref in event.get("after", [])}
    named.update(e["relative"]["event"] for e in case["events"] if "relative" in e)
    named.update(ref for conflict in case["conflicts"] for ref in conflict["about"])
    named.update(e["id"] for e in case["events"] if "relative" in e)
    return {e["id"] for e in case["events"]} - named


def _redate(events: list[Data], rng: random.Random, count: int) -> None:
    """Move day dates between their neighbours, and coarsen some to the month.

    Events dated relative to another, and those others, keep their dates.
    """
    anchors = {event["relative"]["event"] for event in events if "relative" in event}
    for index in rng.sample(range(1, len(events) - 1), k=min(count, len(events) - 2)):
        event, before, after = events[index], events[index - 1], events[index + 1]
        if "relative" in event or event["id"] in anchors:
            continue
        if not all(_DAY.match(e["date"]) for e in (event, before, after)):
            continue
        low = datetime.date.fromisoformat(before["date"])
        high = datetime.date.fromisoformat(after["date"])
        if rng.random() < 0.3:
            event["date"] = Quoted(event["date"][:7])
        elif low < high:
            event["date"] = Quoted((low + (high - low) * rng.random()).isoformat())


def _add(case: Data, rng: random.Random, count: int) -> None:
    events: list[Data] = case["events"]
    source = case["sources"][0]["id"]
    for number in range(count):
        index = rng.randrange(1, len(events))
        neighbour = events[index - 1]
        events.insert(
            index,
            {
                "id": f"added-statement-{number + 1}",
                "date": Quoted(neighbour["date"]),
                "type": "statement",
                "title": "Rights groups call for the journalists' release",
                "participants": [{"ref": case["organizations"][0]["id"], "role": "speaker"}],
                "sources": [source],
                **(
                    {
                        "inferred": list(neighbour["inferred"]),
                        "source_text": neighbour["source_text"],
                    }
                    if "inferred" in neighbour
                    else {}
                ),
            },
        )


# code -> (what is broken, a text edit on a valid file: pattern, replacement)
BREAKAGES: dict[str, tuple[str, str, str]] = {
    "TL201": ("a misspelt key", r"\n  title: ", "\n  titel: "),
    "TL302": ("a reference to nobody", r"\{ref: ([a-z]+)-(\d+), role: ", r"{ref: \1-x\2, role: "),
    "TL205": ("an impossible date", r'date: "\d{4}-\d\d-\d\d"', 'date: "2023-02-29"'),
    "TL101": ("a YAML syntax error", r"\nevents:\n", "\nevents:\n  - [unclosed\n"),
    "TL106": ("a duplicate key", r"\n  type: ", "\n  type: hearing\n  type: "),
}


def broken(text: str, code: str) -> str:
    """`text` with the first match of the breakage for `code` applied."""
    _, pattern, replacement = BREAKAGES[code]
    result, found = re.subn(pattern, replacement, text, count=1)
    if not found:
        raise ValueError(f"cannot break the file for {code}: no match for {pattern!r}")
    return result
