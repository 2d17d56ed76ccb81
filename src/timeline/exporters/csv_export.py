"""CSV: one row per event, for spreadsheets.

Columns: id, date (EDTF), display_date, earliest, latest (ISO days, empty for
an open end), precision, type, title, people, sources; then `standing`, where the
people an event decides about stand once it is decided (``Name: state``, the
procedural-state terms of docs/data-format.md), and `annulled`, the people for
whom this event's decisions were later annulled; then status (the fact status), key
and background (``true``/``false``), participants (people and organizations with
their part) and outcomes (in words). New columns go at the end, so that a
spreadsheet built on the old ones keeps working. RFC 4180 quoting with
CRLF row ends, UTF-8. A cell that a spreadsheet would take for a formula
(starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a
leading ``'``, so that it stays text. Every cell is one line, its control characters
written out visibly (``\\x1b``) as on the terminal (`timeline.views.safe.clean`):
the export is printed there by default.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from timeline.exporters import Export, ExportOptions
from timeline.exporters.common import (
    chosen_events,
    display_date,
    iso,
    people_of,
    precision_name,
    redact,
    source_ids,
)
from timeline.exporters.standing import StandingAfter
from timeline.model import describe
from timeline.model.case import Case, Event
from timeline.model.standing import annulments
from timeline.model.vocab import EventType
from timeline.views.chronology import outcome_text
from timeline.views.safe import clean, inert

COLUMNS = (
    "id",
    "date",
    "display_date",
    "earliest",
    "latest",
    "precision",
    "type",
    "title",
    "people",
    "sources",
    "standing",
    "annulled",
    "status",
    "key",
    "background",
    "participants",
    "outcomes",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SEPARATOR = "; "
OUTCOME_SEPARATOR = " | "  # an outcome in words has semicolons of its own


def export(case: Case, options: ExportOptions) -> Export:
    case = redact(case)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    after, annulled = StandingAfter(case), annulments(case)
    for event in chosen_events(case, options):
        cells = [*row(case, event), *standing_cells(case, event, after, annulled)]
        cells += details(case, event)
        writer.writerow([neutralise(clean(cell)) for cell in cells])
    return Export(inert(buffer.getvalue()))  # printed in a CI log, no workflow command


def row(case: Case, event: Event) -> list[str]:
    return [
        event.id,
        event.date.text,
        display_date(event),
        iso(event.date.earliest) or "",
        iso(event.date.latest) or "",
        precision_name(event),
        type_text(event),
        event.title,
        SEPARATOR.join(case.display_name(ref) for ref in people_of(case, event)),
        SEPARATOR.join(source_ids(event)),
    ]


def details(case: Case, event: Event) -> list[str]:
    """Fact status, key, background, participants (organizations too) and outcomes."""
    return [
        event.status.value,
        _flag(event.key),
        _flag(event.context),
        describe.participants_words(case, event.participants),
        OUTCOME_SEPARATOR.join(outcome_text(case, outcome) for outcome in event.outcomes),
    ]


def standing_cells(
    case: Case, event: Event, after: StandingAfter, annulled: Mapping[tuple[str, str], Event]
) -> list[str]:
    standing = SEPARATOR.join(
        f"{case.display_name(person)}: {found.state.value}" for person, found in after(event)
    )
    people = [person for event_id, person in annulled if event_id == event.id]
    return [standing, SEPARATOR.join(case.display_name(person) for person in people)]


def _flag(value: bool) -> str:
    return "true" if value else "false"


def type_text(event: Event) -> str:
    """The vocabulary term; for `other`, its label when there is one."""
    if event.type is EventType.OTHER and event.label:
        return event.label
    return event.type.value


def neutralise(cell: str) -> str:
    """Make a cell that a spreadsheet would evaluate read as text instead."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell
