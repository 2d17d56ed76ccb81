"""Knight Lab TimelineJS 3 JSON, so that a newsroom can embed the chronology.

A title slide (the case's title, summary, status and each defendant's standing),
then one slide per event, in chronology order. A date gives only the parts it has:
a month has no `day`, a year no `month`; a season, a range of possibilities
(``201X``) or an interval gets an `end_date`; one day between two (``[A..B]``) or
a date known only by `after`/`before` is a point, never a span; a date with a time of
day has its `hour` and `minute`. Text is HTML-escaped. `group` is one of a few rows
(`group_of`): at the 650-pixel height of an embed, one row per event type left no room
for the slides' text. Each source is linked once per slide, named so that two sources
of one publisher can be told apart. Schema: timeline.knightlab.com/docs/json-format.html.
"""

from __future__ import annotations

import datetime
import html
import re
from typing import Any

from timeline.dates import Precision
from timeline.exporters import Export, ExportOptions
from timeline.exporters.common import chosen_events, display_date, redact, sources_of
from timeline.exporters.inline import escape, inline_html
from timeline.exporters.standing import defendant_lines
from timeline.model import describe
from timeline.model.case import Case, Event
from timeline.views.chronology import marked_outcome
from timeline.views.marks import Marks, annulment_marks
from timeline.views.safe import json_text

BACKGROUND = "Background"
KEY = "Key events"
# The rows of the time navigation, by event type; any other type is in OTHER.
GROUPS = {
    "Court decisions": {
        "verdict",
        "sentence",
        "appeal-decision",
        "pretrial-measure",
        "retrial",
        "pardon",
    },
    "Detentions and releases": {"detention", "arrest", "release", "deportation"},
}
OTHER = "Investigation, trial and statements"
# How much text a slide holds at the 650-pixel height of an embed 1000 pixels wide (the
# browser test renders every case there): the description, or the summary on the title
# slide, is cut at a sentence to fit; the other exports keep it whole.
SLIDE_ROOM = 900
TITLE_ROOM = 760  # the title slide's headline is larger
LINE_COST = 60  # a short paragraph takes a line whatever its length
FEW = 4  # defendants named one by one with their custody on the title slide
MIN_PART = 80  # less room than this: leave the paragraph out rather than show a stub
FINEST = {Precision.YEAR: 1, Precision.SEASON: 2, Precision.MONTH: 2, Precision.DAY: 3}


def export(case: Case, options: ExportOptions) -> Export:
    case = redact(case)
    marks = annulment_marks(case)
    document = {
        "title": {"text": {"headline": escape(case.title), "text": title_text(case)}},
        "events": [slide(case, event, marks) for event in chosen_events(case, options)],
    }
    return Export(json_text(document))


def paragraphs(text: str, room: int | None = None) -> str:
    """Text that may use inline Markdown as HTML paragraphs (blank lines separate them), at
    most `room` characters: cut at the end of a sentence (else of a word) and marked with
    an ellipsis."""
    blocks = [" ".join(block.split()) for block in text.strip().split("\n\n")]
    kept = []
    for block in (b for b in blocks if b):
        if room is not None and len(block) > room:
            if room >= MIN_PART:
                kept.append(_cut(block, room))
            break
        kept.append(block)
        room = None if room is None else room - len(block)
    return "".join(f"<p>{inline_html(block)}</p>" for block in kept)


def _cut(block: str, room: int) -> str:
    head = block[:room]
    end = max(head.rfind(". "), head.rfind("; "))
    if end > room // 2:
        return head[: end + 1] + " …"
    return head.rsplit(" ", 1)[0] + " …"


def title_text(case: Case) -> str:
    """The summary, then the status and where each defendant stands, in one paragraph.

    In a few words (state and custody) and no list: the slide must fit the 650-pixel
    height of an embed, and Kloop's full standings ran past it.
    """
    status = case.status_label or case.status.words
    facts = f"Status: {status}." + defendants_text(case)
    room = TITLE_ROOM - len(facts)
    return paragraphs(case.summary or "", room) + f"<p>{escape(facts)}</p>"


def defendants_text(case: Case) -> str:
    """`` Defendants: A (convicted; 181 days in custody); ...``; past `FEW` defendants, their
    names by state (`` Defendants acquitted: A, B; convicted: C``), so that the summary
    keeps room on the slide."""
    lines = defendant_lines(case)
    if not lines:
        return ""
    if len(lines) <= FEW:
        return (
            " Defendants: " + "; ".join(f"{d.name} ({d.state}; {d.custody})" for d in lines) + "."
        )
    by_state: dict[str, list[str]] = {}
    for line in lines:
        by_state.setdefault(line.state, []).append(line.name)
    return " Defendants " + "; ".join(f"{k}: {', '.join(v)}" for k, v in by_state.items()) + "."


def slide(case: Case, event: Event, marks: Marks | None = None) -> dict[str, Any]:
    start, end = date_parts(event)
    shown = display_date(event)
    data: dict[str, Any] = {"start_date": {**start, "display_date": shown}}
    if end is not None:
        data["end_date"] = end
    data["display_date"] = shown
    data["text"] = {"headline": escape(event.title), "text": slide_text(case, event, marks)}
    data["group"] = escape(group_of(event))
    data["unique_id"] = event.id
    return data


def group_of(event: Event) -> str:
    """The row of an event: background, key events, court decisions, custody, the rest."""
    if event.context:
        return BACKGROUND
    if event.key:
        return KEY
    kind = event.type.value
    return next((name for name, types in GROUPS.items() if kind in types), OTHER)


def slide_text(case: Case, event: Event, marks: Marks | None = None) -> str:
    lines = [describe.upper_first(describe.event_type_words(event))]
    if event.participants:
        lines.append("Who: " + describe.participants_words(case, event.participants))
    marks = annulment_marks(case) if marks is None else marks
    lines += [marked_outcome(case, outcome, event, marks) for outcome in event.outcomes]
    status = describe.status_words(case, event)
    if status:
        lines.append(f"Status: {status}")
    # Each side in words, without its source ids: the sources are linked once, below.
    lines += [
        f"Sources disagree: {describe.conflict_topic(c)}: "
        + "; ".join(claim.claim for claim in c.claims)
        for c in case.conflicts_by_ref.get(event.id, ())
    ]
    text = "".join(f"<p>{escape(line)}</p>" for line in lines)
    links = list(dict.fromkeys(source_links(case, event)))
    if event.description:
        used = sum(len(line) + LINE_COST for line in lines) + LINE_COST
        used += sum(len(html.unescape(re.sub("<[^>]+>", "", link))) for link in links)
        text += paragraphs(event.description, SLIDE_ROOM - used)
    if links:
        text += "<p>Sources: " + ", ".join(links) + "</p>"
    # No "Key event" line: the slide's row ("Key events") says it, and the line cost room.
    return text


def source_links(case: Case, event: Event) -> list[str]:
    """A link per source; a publisher cited twice is told apart by title or date."""
    sources = sources_of(case, event)
    publishers = [source.publisher for source in sources]
    links = []
    for source in sources:
        label = source.publisher
        if publishers.count(label) > 1:
            detail = source.title or (source.published.display() if source.published else None)
            label = f"{label}: {detail or 'undated'}"
        links.append(source_link(label, source.url))
    return links


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
    start = _parts(first.earliest, first.precision) | _time(first.time)
    end = _parts(last.latest, last.precision) | _time(last.time)
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


def _time(time: str | None) -> dict[str, Any]:
    """``hour`` and ``minute`` of a time of day as written (TimelineJS has no time zones:
    the display date keeps the UTC offset)."""
    if time is None:
        return {}
    return {"hour": int(time[:2]), "minute": int(time[3:5])}
