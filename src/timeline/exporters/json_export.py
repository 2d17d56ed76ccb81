"""JSON: the validated case, events in display order, each with derived date fields.

The document is ``{"format": "timeline-export", "version": 1, "case": {...}}``;
`case` is the case file's content (every field, defaults filled in) with its
events in chronology order, each with a ``derived`` object, and each defendant
with a ``standing`` object. docs/exports.md describes the fields.
"""

from __future__ import annotations

from typing import Any

from timeline.exporters import Export, ExportOptions
from timeline.exporters.common import chosen_events, display_date, iso, precision_name, redact
from timeline.model.case import Case, Event
from timeline.model.standing import standings
from timeline.model.standing_words import standing_record
from timeline.views.safe import json_text

FORMAT = "timeline-export"
VERSION = 1


def export(case: Case, options: ExportOptions) -> Export:
    return Export(json_text(document(case, options)))


def document(case: Case, options: ExportOptions | None = None) -> dict[str, Any]:
    """The export document; a filtered one keeps only the chosen events and says why."""
    options = options or ExportOptions()
    case = redact(case)
    data = case.model_dump(mode="json")
    found = standings(case)
    for person in data["people"]:
        if person["id"] in found:
            person["standing"] = standing_record(case, found[person["id"]])
    chosen = {event.id for event in chosen_events(case, options)}
    data["events"] = [
        {**event.model_dump(mode="json"), "derived": derived(event, index)}
        for index, event in enumerate(case.chronology)
        if event.id in chosen
    ]
    head: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    if options.events is not None:
        head["filters"] = options.filters
    return {**head, "case": data}


def derived(event: Event, sort_index: int) -> dict[str, Any]:
    date = event.date
    return {
        "display_date": display_date(event),
        "earliest": iso(date.earliest),
        "latest": iso(date.latest),
        "precision": precision_name(event),
        "uncertain": date.uncertain,
        "approximate": date.approximate,
        "interval": date.is_interval,
        "sort_index": sort_index,
    }
