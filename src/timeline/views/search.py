"""What `timeline search` finds: cases, people, organizations and events whose words match.

A query matches an item when every word of it appears in the item's text
(titles, summaries and descriptions, names and aliases), compared after
`folding.fold`: case- and accent-insensitive, Cyrillic included. It reads the
cases' digests (`timeline.model.digest`), which hold that text folded once.
People are the same across cases when their id is; initials-only people are
found only by their initials, and their descriptions are never searched.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from timeline.model.digest import CaseDigest, NamedDigest
from timeline.model.folding import words
from timeline.views.safe import clean

if TYPE_CHECKING:
    from rich.console import RenderableType

VERSION = 1


@dataclass(frozen=True, slots=True)
class Hit:
    """A match: what it is (`id`, `name`), where (`cases`), and for an event its date and type."""

    id: str
    name: str
    cases: tuple[str, ...]
    date: str | None = None
    type: str | None = None


@dataclass(slots=True)
class Results:
    query: str
    cases: list[Hit] = field(default_factory=list)
    people: list[Hit] = field(default_factory=list)
    organizations: list[Hit] = field(default_factory=list)
    events: list[Hit] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.cases) + len(self.people) + len(self.organizations) + len(self.events)


def search(cases: Sequence[CaseDigest], query: str) -> Results:
    """Every item of `cases` whose text holds each word of `query` (cases in the order given)."""
    wanted = words(query)
    results = Results(query)
    if not wanted:
        return results
    named: dict[str, tuple[bool, NamedDigest, list[str]]] = {}
    matched: set[str] = set()
    for case in cases:
        if _matches(wanted, case.text):
            results.cases.append(Hit(case.id, case.title, (case.id,)))
        for is_person, items in ((True, case.people), (False, case.organizations)):
            for item in items:
                # Listed with every case it is in, once its text matches in one of them.
                named.setdefault(item.id, (is_person, item, []))[2].append(case.id)
                if item.id not in matched and _matches(wanted, item.text):
                    matched.add(item.id)
        results.events += [
            Hit(event.id, event.title, (case.id,), event.date, event.type)
            for event in case.events
            if _matches(wanted, event.text)
        ]
    for ref in sorted(matched):
        is_person, item, where = named[ref]
        hits = results.people if is_person else results.organizations
        hits.append(Hit(ref, item.name, tuple(where)))
    return results


def _matches(wanted: Sequence[str], text: str) -> bool:
    return all(word in text for word in wanted)


# --- renderings ----------------------------------------------------------------------------

SECTIONS = ("cases", "people", "organizations", "events")


def _groups(results: Results) -> Iterable[tuple[str, list[Hit]]]:
    return ((name, getattr(results, name)) for name in SECTIONS if getattr(results, name))


def hit_line(section: str, hit: Hit) -> str:
    """``kloop: Prosecution of ...``; an event: ``28 May 2025 · detention [kloop] id: title``."""
    if section == "events":
        kind = (hit.type or "").replace("-", " ")
        return clean(f"{hit.date} · {kind} [{hit.cases[0]}] {hit.id}: {hit.name}")
    where = "" if section == "cases" else f" (in {', '.join(hit.cases)})"
    return clean(f"{hit.id}: {hit.name}{where}")


def results_text(results: Results, width: int = 80) -> str:
    from timeline.views.plain import wrap

    if not results.count:
        return f"Nothing matches '{clean(results.query)}'.\n"
    lines: list[str] = []
    for section, hits in _groups(results):
        if lines:
            lines.append("")
        lines.append(f"{section.capitalize()} ({len(hits)})")
        for hit in hits:
            lines += wrap(hit_line(section, hit), width, "  ", "      ")
    return "\n".join(lines) + "\n"


def results_renderable(results: Results, width: int = 80) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from timeline.views.styled import STYLES

    if not results.count:
        return Text(f"Nothing matches '{clean(results.query)}'.")
    parts: list[RenderableType] = []
    for section, hits in _groups(results):
        parts.append(Text(f"{section.capitalize()} ({len(hits)})", style=STYLES["year"]))
        grid = Table.grid(padding=(0, 1))  # continuation lines under the text, not the margin
        grid.add_column(width=1)
        grid.add_column(ratio=1)
        for hit in hits:
            grid.add_row(Text("•", style=STYLES["label"]), Text(hit_line(section, hit)))
        parts.append(grid)
        parts.append(Text(""))
    return Group(*parts)


def results_json(results: Results) -> str:
    document: dict[str, object] = {"version": VERSION, "query": results.query}
    for section in SECTIONS:
        document[section] = [_hit_json(section, hit) for hit in getattr(results, section)]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _hit_json(section: str, hit: Hit) -> dict[str, object]:
    if section == "events":
        return {"case": hit.cases[0], "id": hit.id, "title": hit.name, "date": hit.date}
    if section == "cases":
        return {"id": hit.id, "title": hit.name}
    return {"id": hit.id, "name": hit.name, "cases": list(hit.cases)}
