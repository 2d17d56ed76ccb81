"""JSON: the validated case, events in display order, each with derived date fields.

The document is ``{"format": "timeline-export", "version": 1, "case": {...}}``;
`case` is the case file's content (every field, defaults filled in) with its
events in chronology order, each with a ``derived`` object, and each defendant
with a ``standing`` object. docs/exports.md describes the fields.
"""

from __future__ import annotations

import json
from typing import Any

from timeline.exporters import Export, ExportOptions
from timeline.exporters.common import display_date, iso, precision_name, redact
from timeline.model.case import Case, Event
from timeline.model.standing import standings
from timeline.model.standing_words import standing_record

FORMAT = "timeline-export"
VERSION = 1


def export(case: Case, options: ExportOptions) -> Export:
    return Export(json.dumps(document(case), ensure_ascii=False, indent=2) + "\n")


def document(case: Case) -> dict[str, Any]:
    case = redact(case)
    data = case.model_dump(mode="json")
    found = standings(case)
    for person in data["people"]:
        if person["id"] in found:
            person["standing"] = standing_record(case, found[person["id"]])
    data["events"] = [
        {**event.model_dump(mode="json"), "derived": derived(event, index)}
        for index, event in enumerate(case.chronology)
    ]
    return {"format": FORMAT, "version": VERSION, "case": data}


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
