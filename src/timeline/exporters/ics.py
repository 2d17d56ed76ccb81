"""iCalendar (RFC 5545): one VEVENT per event that has a day: all-day, or timed when
the date has a time of day (in UTC when the date has an offset, floating when it has none).

Written by hand: CRLF line ends, lines folded at 75 octets without splitting a
UTF-8 character, TEXT values escaped. UIDs are ``<event-id>@<case-id>.timeline``
and DTSTAMP is the day the last event began (at the latest), so that two exports of the
same file are byte-identical. An event whose date is not one day (a month, a
season, a year, an interval "some time between") is left out with a notice,
or, with `ics_spans`, exported as an all-day span from its earliest to its
latest day; an open-ended date is always left out, and so is one that ends on the
last day the calendar has (9999-12-31: there is no day after it for DTEND).
`STATUS` is TENTATIVE when the fact is in doubt or sources disagree on its date; a
conflict about another detail (who took part, one defendant's sentence) leaves the
event CONFIRMED and is told in the description.
"""

from __future__ import annotations

import datetime

from timeline.exporters import Export, ExportOptions
from timeline.exporters.common import (
    chosen_events,
    display_date,
    has_day,
    last_start,
    redact,
    sources_of,
)
from timeline.model import describe
from timeline.model.case import Case, Event
from timeline.model.vocab import FactStatus
from timeline.views.chronology import marked_outcome
from timeline.views.marks import Marks, annulment_marks
from timeline.views.safe import inert, visible, visible_lines

PRODID = "-//timeline//timeline export//EN"
FALLBACK_STAMP = datetime.date(1970, 1, 1)
LIMIT = 75  # octets per line, CRLF excluded


def export(case: Case, options: ExportOptions) -> Export:
    case = redact(case)
    stamp = ics_date(last_start(case) or FALLBACK_STAMP) + "T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(case.title)}",
    ]
    notices = []
    marks = annulment_marks(case)
    for event in chosen_events(case, options):
        span, reason = day_span(event, spans=options.ics_spans)
        if span is None:
            notices.append(f"left out '{event.id}' ({display_date(event)}): {reason}")
            continue
        lines += vevent(case, event, span, stamp, marks)
    lines.append("END:VCALENDAR")
    # Printed in a CI log, no line is a workflow command: checked after folding, since a
    # continuation line may start with "::" (its zero-width space may make it 78 octets).
    return Export(inert("".join(fold(line) + "\r\n" for line in lines)), tuple(notices))


def day_span(
    event: Event, *, spans: bool
) -> tuple[tuple[datetime.date, datetime.date] | None, str]:
    """The first day and the day after the last, or None and why the event has no place."""
    first, last = event.date.earliest, event.date.latest
    if event.date.one_of or event.date.unknown:
        return None, "one day, not known which (never exported as a span)"
    if first is None or last is None:
        return None, "the date is open-ended"
    if not (has_day(event) or spans):
        return None, "the date is not one day (--ics-spans exports it as a span)"
    if last == datetime.date.max:
        return None, f"the date ends on {last.isoformat()}, the last day a calendar can end"
    return (first, last + datetime.timedelta(days=1)), ""


def vevent(
    case: Case,
    event: Event,
    span: tuple[datetime.date, datetime.date],
    stamp: str,
    marks: Marks | None = None,
) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.id}@{case.id}.timeline",
        f"DTSTAMP:{stamp}",
        *when(event, span),
        f"SUMMARY:{escape_text(event.title)}",
        f"DESCRIPTION:{escape_text(description(case, event, marks))}",
        f"CATEGORIES:{escape_text(describe.event_type_words(event))}",
        f"STATUS:{'TENTATIVE' if tentative(case, event) else 'CONFIRMED'}",
    ]
    urls = [source.url for source in sources_of(case, event) if source.url]
    if urls:
        # A valid URL is printable (TL204); one in a case built otherwise may not be.
        lines.append(f"URL:{visible(urls[0])}")
    return [*lines, "END:VEVENT"]


def when(event: Event, span: tuple[datetime.date, datetime.date]) -> list[str]:
    """DTSTART and DTEND of an all-day event, or the DTSTART of a moment in time.

    A moment has no DTEND: RFC 5545 reads it as taking no time, which is all a source says.
    """
    start, end = span
    time = event.date.time
    if time is None or event.date.is_interval:
        return [f"DTSTART;VALUE=DATE:{ics_date(start)}", f"DTEND;VALUE=DATE:{ics_date(end)}"]
    moment = datetime.datetime.fromisoformat(f"{start.isoformat()}T{time}")
    if moment.tzinfo is None:  # no offset given: a floating time, as the source wrote it
        return [f"DTSTART:{ics_date(moment.date())}T{moment:%H%M%S}"]
    utc = moment.astimezone(datetime.UTC)
    return [f"DTSTART:{ics_date(utc.date())}T{utc:%H%M%S}Z"]


def tentative(case: Case, event: Event) -> bool:
    """The event itself is in doubt: its fact, or its date, is disputed (not a detail of it)."""
    if event.status is FactStatus.CONFIRMED:
        return False
    if event.status is not FactStatus.CONTESTED_BY_SOURCES:
        return True
    conflicts = case.conflicts_by_ref.get(event.id, ())
    # A conflict without a field is about the whole event; with `subject` (a detail of one
    # person's outcome) it never is.
    return not conflicts or any(c.field in (None, "date") and c.subject is None for c in conflicts)


def ics_date(day: datetime.date) -> str:
    """``YYYYMMDD``, the year always in four digits (``strftime`` may drop leading zeros)."""
    return day.isoformat().replace("-", "")


def description(case: Case, event: Event, marks: Marks | None = None) -> str:
    """The event in plain text: date as written, type, people, outcomes, status, sources."""
    lines = [f"{display_date(event)} · {describe.event_type_words(event)}"]
    if event.participants:
        lines.append("Who: " + describe.participants_words(case, event.participants))
    marks = annulment_marks(case) if marks is None else marks
    lines += [marked_outcome(case, outcome, event, marks) for outcome in event.outcomes]
    status = describe.status_words(case, event)
    if status:
        lines.append(f"Status: {status}")
    lines += [f"Sources disagree: {line}" for line in describe.conflicts_about(case, event.id)]
    if event.description:
        lines += ["", event.description.strip()]
    sources = sources_of(case, event)
    if sources:
        lines += ["", "Sources:"]
        lines += [f"- {s.publisher}" + (f" {s.url}" if s.url else "") for s in sources]
    return "\n".join(lines)


def escape_text(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newline escaped; other controls
    shown as `visible` shows them (C1 and bidirectional controls, which TEXT allows)."""
    text = visible_lines(text.replace("\r\n", "\n").replace("\r", "\n"))
    for plain, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(plain, escaped)
    return text


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, never inside a UTF-8 character."""
    pieces: list[str] = []
    current: list[str] = []
    size, limit = 0, LIMIT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, LIMIT - 1  # continuation lines start with a space
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)
