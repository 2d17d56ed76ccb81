"""SQLite: every case in one database, with keys, indexes and a full-text index.

The tables are in `sqlite_schema` (and docs/exports.md). The database is built
in memory, in one transaction, and handed over as bytes (`Connection.serialize`),
so that `-o` writes it atomically like any other export and the same cases give
the same bytes. People, organizations, charges and sources are shared across
cases by id: when two cases define one id differently, the first case (in id
order) wins, with a notice; an initials-only definition always wins, so that
privacy holds whichever case says it.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from timeline.exporters import Export, ExportOptions
from timeline.exporters.common import display_date, iso, redact
from timeline.exporters.sqlite_schema import INDEXES, SCHEMA_VERSION, TABLES
from timeline.model.case import Case, Charge, Event, Organization, Outcome, Person, Source
from timeline.model.custody import Custody
from timeline.model.standing import Standing, standings
from timeline.model.standing_words import standing_words
from timeline.model.vocab import Privacy

NAMED = 5  # ids named in the notice about differing definitions
BATCH = 50_000  # rows inserted at once: smaller batches cost more per row
Row = tuple[Any, ...]
Entity = Person | Organization | Charge | Source


def export(case: Case, options: ExportOptions) -> Export:
    return export_all([case], options)


def export_all(cases: Iterable[Case], options: ExportOptions) -> Export:
    """A database of `cases` (give them in id order for a stable file).

    The cases are read one at a time and their rows inserted in batches, so that
    a caller that validates them one by one holds one case in memory at a time (and
    the rows of the full-text index, inserted last: FTS5 then writes its index once
    instead of a segment per batch, a quarter of the inserts' time).
    """
    rows = Rows()
    database = sqlite3.connect(":memory:")
    try:
        # A database in memory, built once and serialized: nothing to roll back.
        database.execute("PRAGMA journal_mode = OFF")
        database.executescript(TABLES)
        with database:
            for case in cases:
                rows.add_case(redact(case))
                if rows.count > BATCH:
                    _insert(database, rows.take())
            rows.add_entities()
            _insert(database, rows.take())
            _insert(database, {"search": rows.search})
        database.executescript(INDEXES)
        database.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        data = database.serialize()
    finally:
        database.close()
    return Export("", rows.notices(), data=data)


def _insert(database: sqlite3.Connection, tables: dict[str, list[Row]]) -> None:
    for table, values in tables.items():
        marks = ", ".join("?" * len(values[0]))
        database.executemany(f"INSERT INTO {table} VALUES ({marks})", values)


class Rows:
    """The rows of each case, taken for insertion after each case, and the shared entities
    (people, organizations, charges, sources), inserted once all cases are read."""

    def __init__(self) -> None:
        self.rows: defaultdict[str, list[Row]] = defaultdict(list)
        self.search: list[Row] = []  # the full-text index's rows, inserted last
        self.displays: dict[object, str] = {}  # (date, inferred parts) -> display_date
        self.entities: dict[str, tuple[str, Entity]] = {}  # id -> (first case, item)
        self.differing: dict[str, list[str]] = {}  # id -> the cases that define it differently

    @property
    def count(self) -> int:
        """The rows gathered since the last `take` (events count for several)."""
        return sum(len(rows) for rows in self.rows.values())

    def take(self) -> dict[str, list[Row]]:
        """The rows gathered since the last time, by table."""
        taken, self.rows = self.rows, defaultdict(list)
        return {table: rows for table, rows in taken.items() if rows}

    def add_entities(self) -> None:
        for _, item in self.entities.values():
            for table, row in entity_rows(item):
                (self.search if table == "search" else self.rows[table]).append(row)

    def notices(self) -> tuple[str, ...]:
        """One notice about the ids that cases define differently (a few named), if any."""
        if not self.differing:
            return ()
        named = [
            f"'{ref}' ({_some(list(dict.fromkeys(cases)))}: kept {self.entities[ref][0]}'s)"
            for ref, cases in list(self.differing.items())[:NAMED]
        ]
        more = len(self.differing) - len(named)
        return (
            f"{len(self.differing)} id(s) are defined differently by different cases; the "
            f"database keeps one definition of each: {'; '.join(named)}"
            + (f"; and {more} more" if more > 0 else ""),
        )

    def put(self, table: str, row: Row) -> None:
        self.rows[table].append(row)

    def add_case(self, case: Case) -> None:
        first = case.chronology[0].date.text if case.chronology else None
        last = case.chronology[-1].date.text if case.chronology else None
        self.put(
            "cases",
            (
                case.id,
                case.title,
                case.jurisdiction,
                case.status.value,
                case.status_label,
                case.court,
                case.summary,
                first,
                last,
                len(case.events),
            ),
        )
        for tag in dict.fromkeys(case.tags):
            self.put("case_tags", (case.id, tag))
        for related in dict.fromkeys(case.related_ids):
            self.put("related_cases", (case.id, related))
        shared: list[Entity] = [*case.people, *case.organizations, *case.charges, *case.sources]
        for item in shared:
            self.share(case.id, item)
        self.add_people(case)
        people = {person.id for person in case.people}
        for position, event in enumerate(case.chronology):
            self.add_event(case, position, event, people)
        self.add_conflicts(case)
        self.search.append(("case", case.id, case.id, case.title, case.summary))

    def share(self, case_id: str, item: Entity) -> None:
        """Keep the first definition of an id, or an initials-only one; note a difference."""
        known = self.entities.get(item.id)
        if known is None or (_private(item) and not _private(known[1])):
            self.entities[item.id] = (case_id, item)
        # (A registry entry is the same object in every case that uses it.)
        if known is not None and known[1] is not item and _identity(known[1]) != _identity(item):
            self.differing.setdefault(item.id, [known[0]]).append(case_id)

    def add_people(self, case: Case) -> None:
        for person in case.people:
            roles = json.dumps([role.value for role in person.roles])
            self.put("case_people", (case.id, person.id, roles, person.label))
            for position, link in enumerate(person.affiliations):
                self.put(
                    "affiliations",
                    (case.id, person.id, position, link.org, link.role, link.former),
                )
        for standing in standings(case).values():
            self.put("standing", standing_row(case, standing))
        for organization in case.organizations:
            self.put("case_organizations", (case.id, organization.id))

    def add_event(self, case: Case, position: int, event: Event, people: set[str]) -> None:
        # The hot loop of the export (one call per event): rows go straight into their
        # lists, and vocabulary terms, which are `str`s, are bound as they are.
        date, key = event.date, (case.id, event.id)
        # Dates recur across events and cases; putting one in words is the dearest column.
        shown = (date, *event.inferred) if event.inferred else date
        display = self.displays.get(shown)
        if display is None:
            display = self.displays[shown] = display_date(event)
        self.rows["events"].append((*key, position, date.text, display,
                                    iso(date.earliest), iso(date.latest), date.precision.value,
                                    event.type, event.label, event.title, event.description,
                                    event.status, event.key, event.context))  # fmt: skip
        rows = self.rows["participants"]
        index = 0
        for participant in event.participants:
            for member in case.members(participant.ref):
                subject = (member, None) if member in people else (None, member)
                rows.append((*key, index, *subject, participant.role, participant.label))
                index += 1
        for index, outcome in enumerate(event.outcomes):
            values = outcome_values(outcome)
            for place, ref in enumerate(case.expand(outcome.subjects)):
                subject = (ref, None) if ref in people else (None, ref)
                self.rows["outcomes"].append((*key, index, place, *subject, *values))
        for charge in dict.fromkeys(event.charges):
            self.rows["event_charges"].append((*key, charge))
        self.rows["citations"].extend(
            (*key, index, c.ref, c.quote, c.locator, c.lang)
            for index, c in enumerate(event.sources)
        )
        self.search.append(("event", *key, event.title, event.description))

    def add_conflicts(self, case: Case) -> None:
        for conflict in case.conflicts:
            about = json.dumps(list(dict.fromkeys(conflict.about)))
            self.put(
                "conflicts",
                (case.id, conflict.id, about, conflict.field, conflict.description, conflict.note),
            )
            for index, claim in enumerate(conflict.claims):
                sources = json.dumps([citation.ref for citation in claim.sources])
                self.put("claims", (case.id, conflict.id, index, claim.claim, claim.value, sources))


def outcome_values(outcome: Outcome) -> Row:
    """An outcome's columns after its subject's (see the `outcomes` table)."""
    until = outcome.until.text if outcome.until is not None else None
    return (
        outcome.kind.value,
        outcome.by.value,
        _value(outcome.verdict),
        json.dumps(list(outcome.acts_on)),
        outcome.retrial,
        _value(outcome.sentence),
        outcome.term,
        _value(outcome.regime),
        outcome.amount,
        outcome.currency,
        until,
        outcome.released,
        outcome.label,
        outcome.note,
    )


def standing_row(case: Case, standing: Standing) -> Row:
    sentence = standing.sentence
    held = standing.custody or Custody(standing.person)
    return (
        case.id,
        standing.person,
        standing.state.value,
        standing_words(case, standing),
        _value(standing.verdict),
        _value(sentence.sentence) if sentence else None,
        sentence.term if sentence else None,
        _value(sentence.regime) if sentence else None,
        standing.set_by.id if standing.set_by else None,
        _value(held.liberty),
        held.days.low,
        held.days.high,
    )


def entity_rows(item: Entity) -> Iterable[tuple[str, Row]]:
    """The rows of a shared entity: its own, its aliases', and its full-text entry."""
    if isinstance(item, Person):
        private = item.privacy is Privacy.INITIALS
        description = None if private else item.description
        yield "people", (item.id, item.name, item.privacy.value, description)
        aliases = [] if private else item.aliases
        for alias in {alias.name: alias for alias in aliases}.values():
            yield "person_aliases", (item.id, alias.name, alias.lang)
        yield "search", ("person", None, item.id, item.name, _body(description, aliases))
    elif isinstance(item, Organization):
        yield (
            "organizations",
            (item.id, item.name, item.kind.value, item.label, item.url, item.description),
        )
        for alias in {alias.name: alias for alias in item.aliases}.values():
            yield "organization_aliases", (item.id, alias.name, alias.lang)
        body = _body(item.description, item.aliases)
        yield "search", ("organization", None, item.id, item.name, body)
    elif isinstance(item, Charge):
        yield "charges", (item.id, item.code, item.article, item.part, item.title, item.description)
    else:
        published = item.published.text if item.published is not None else None
        yield (
            "sources",
            (
                item.id,
                item.publisher,
                item.title,
                item.url,
                published,
                item.language,
                item.kind.value,
                item.label,
                item.archive_url,
                item.note,
            ),
        )


def _some(names: list[str]) -> str:
    """``a, b``, or ``a, b and 3 other cases``."""
    shown = ", ".join(names[:2])
    return shown if len(names) <= 2 else f"{shown} and {len(names) - 2} other cases"


def _body(description: str | None, aliases: Iterable[Any]) -> str:
    return "\n".join([*(alias.name for alias in aliases), *([description] if description else [])])


def _value(term: Any) -> str | None:
    return None if term is None else str(term.value)


def _private(item: Entity) -> bool:
    return isinstance(item, Person) and item.privacy is Privacy.INITIALS


def _identity(item: Entity) -> object:
    """What must agree for two definitions of an id to be the same entity.

    Descriptions, roles and aliases may well differ from case to case (each says
    what matters there); a different name, kind, article or address is another thing.
    """
    if isinstance(item, Person):
        return (item.name, item.privacy)
    if isinstance(item, Organization):
        return (item.name, item.kind)
    if isinstance(item, Charge):
        return (item.code, item.article, item.part)
    return (item.publisher, item.url, item.published)
