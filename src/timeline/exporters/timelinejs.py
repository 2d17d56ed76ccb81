"""Knight Lab TimelineJS 3 JSON, so that a newsroom can embed the chronology.

A title slide (the case's title, summary, status and each defendant's standing),
then one slide per event, in chronology order. A date gives only the parts it has:
a month has no `day`, a year no `month`; a season, a range of possibilities
(``201X``) or an interval gets an `end_date`; one day between two (``[A..B]``) or
a date known only by `after`/`before` is a point, never a span. Text is
HTML-escaped; `group` is the event type in words, or "Background" for context
events. Schema: timeline.knightlab.com/docs/json-format.html.
"""

from __future__ import annotations

import datetime
import html
import json
from typing import Any

from timeline.dates import Precision
from timeline.exporters import Export, ExportOptions
from timeline.exporters.common import display_date, redact, sources_of
from timeline.exporters.standing import defendant_lines
from timeline.model import describe
from timeline.model.case import Case, Event
from timeline.views.chronology import marked_outcome
from timeline.views.marks import Marks, annulment_marks

BACKGROUND = "Background"
FINEST = {Precision.YEAR: 1, Precision.SEASON: 2, Precision.MONTH: 2, Precision.DAY: 3}


def export(case: Case, options: ExportOptions) -> Export:
    case = redact(case)
    marks = annulment_marks(case)
    document = {
        "title": {"text": {"headline": escape(case.title), "text": title_text(case)}},
        "events": [slide(case, event, marks) for event in case.chronology],
    }
    return Export(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def paragraphs(text: str) -> str:
    """Plain text as HTML paragraphs (blank lines separate them)."""
    blocks = [" ".join(block.split()) for block in text.strip().split("\n\n")]
    return "".join(f"<p>{escape(block)}</p>" for block in blocks if block)


def title_text(case: Case) -> str:
    status = case.status_label or case.status.words
    text = paragraphs(case.summary or "") + f"<p>Status: {escape(status)}</p>"
    lines = defendant_lines(case)
    if lines:
        items = "".join(f"<li>{escape(line.name)}: {escape(line.words)}</li>" for line in lines)
        text += f"<p>Defendants:</p><ul>{items}</ul>"
    return text


def slide(case: Case, event: Event, marks: Marks | None = None) -> dict[str, Any]:
    start, end = date_parts(event)
    shown = display_date(event)
    data: dict[str, Any] = {"start_date": {**start, "display_date": shown}}
    if end is not None:
        data["end_date"] = end
    data["display_date"] = shown
    data["text"] = {"headline": escape(event.title), "text": slide_text(case, event, marks)}
    data["group"] = BACKGROUND if event.context else describe.event_type_words(event).capitalize()
    data["unique_id"] = event.id
    return data


def slide_text(case: Case, event: Event, marks: Marks | None = None) -> str:
    lines = [describe.event_type_words(event).capitalize()]
    if event.participants:
        lines.append("Who: " + describe.participants_words(case, event.participants))
    marks = annulment_marks(case) if marks is None else marks
    lines += [marked_outcome(case, outcome, event, marks) for outcome in event.outcomes]
    status = describe.status_words(case, event)
    if status:
        lines.append(f"Status: {status}")
    lines += [f"Sources disagree: {line}" for line in describe.conflicts_about(case, event.id)]
    text = "".join(f"<p>{escape(line)}</p>" for line in lines)
    if event.description:
        text += paragraphs(event.description)
    links = [source_link(source.publisher, source.url) for source in sources_of(case, event)]
    if links:
        text += "<p>Sources: " + ", ".join(links) + "</p>"
    if event.key:
        text = "<p><strong>Key event</strong></p>" + text
    return text


def source_link(publisher: str, url: str | None) -> str:
    if url is None:
        return escape(publisher)
    return f'<a href="{escape(url)}">{escape(publisher)}</a>'


def date_parts(event: Event) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """`start_date` and, when the date spans more than one of its units, `end_date`.

    An interval with only one known end is placed at that end.
    """
    date = event.date
    if date.one_of or date.unknown:
        # One day, not known which: a point at its earliest possible day, never a span.
        return _parts(date.earliest or date.latest, Precision.DAY), None
    first = date.start or date.end if date.is_interval else date
    last = date.end or date.start if date.is_interval else date
    assert first is not None and last is not None  # an interval has at least one known end
    start = _parts(first.earliest, first.precision)
    end = _parts(last.latest, last.precision)
    if end == start:
        return start, None
    if date.is_interval and first is not last:
        return start, {**end, "display_date": last.display()}
    return start, end


def _parts(day: datetime.date | None, precision: Precision) -> dict[str, Any]:
    if day is None:
        return {}
    parts = {"year": day.year, "month": day.month, "day": day.day}
    return dict(list(parts.items())[: FINEST[precision]])
