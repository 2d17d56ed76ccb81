"""GitHub-flavoured Markdown: a report-ready chronology.

Title, status, court, the date the report is as of, and summary; the defendants,
each with their standing and days in custody; optionally Mermaid `timeline`
diagrams (of the key events in a long case); the chronology grouped by year, one list item per
event (display date, title in bold for key events, type, people, charges,
outcomes with their notes, fact status, source conflicts with each side and
note, quotes); then people, organizations, charges, related cases, the conflicts
between sources, and the sources: cited as footnotes ``[^source-id]`` that
resolve to full citations, listed only when nothing cites them. All text from
the data goes through `markup`.
"""

from __future__ import annotations

import re
from itertools import groupby

from timeline.dates import Precision
from timeline.dates.units import MONTH_NAMES
from timeline.exporters import Export, ExportOptions
from timeline.exporters import markup as md
from timeline.exporters.common import as_of, chosen_events, display_date, redact, year_of
from timeline.exporters.sections import (
    charge_words,
    charges_section,
    conflicts_section,
    defendants_section,
    footnotes,
    organizations_section,
    people_section,
    related_section,
    sources_section,
)
from timeline.model import describe
from timeline.model.case import Case, Citation, Claim, Event
from timeline.views.chronology import outcome_text
from timeline.views.marks import Marks, annulment_marks
from timeline.views.safe import inert

INDENT = "  "
MERMAID_EVENTS = 12  # more than this and the diagram shows the key events only
MERMAID_COLUMNS = 4
_CITED = re.compile(r"(?<!\\)\[\^([a-z0-9-]+)\](?!:)")


def export(case: Case, options: ExportOptions) -> Export:
    case = redact(case)
    events = chosen_events(case, options)
    blocks = [header(case, events, options), defendants_section(case)]
    if options.mermaid:
        blocks.append(mermaid(case, events))
    blocks.append(chronology(case, events))
    shown = {event.id for event in events}
    blocks += [people_section(case), organizations_section(case), charges_section(case)]
    blocks += [related_section(case), conflicts_section(case, shown)]
    cited = set(_CITED.findall("\n".join(blocks)))
    blocks += [sources_section(case, cited), footnotes(case, cited)]
    text = "\n\n".join(block.rstrip("\n") for block in blocks if block) + "\n"
    return Export(inert(text))  # printed in a CI log, no line is a workflow command


def header(case: Case, events: tuple[Event, ...], options: ExportOptions) -> str:
    status = case.status_label or case.status.words
    facts = [f"**Status:** {md.text(status)}", f"**Jurisdiction:** {md.text(case.jurisdiction)}"]
    if case.court:
        facts.append(f"**Court:** {md.text(case.display_name(case.court))}")
    if case.tags:
        facts.append("**Tags:** " + ", ".join(md.text(tag) for tag in case.tags))
    lines = [f"# {md.text(case.title)}", "", " · ".join(facts)]
    day = as_of(case)
    if day is not None:
        lines += ["", f"*As of {day.day} {day:%B} {day.year}: the latest date in the data.*"]
    if options.events is not None:
        total = len(case.events)
        lines += ["", f"*{len(events)} of {total} events: {md.text(options.filters)}*"]
    for paragraph in md.prose(case.summary or ""):
        lines += ["", paragraph]
    return "\n".join(lines)


def mermaid(case: Case, events: tuple[Event, ...]) -> str:
    """Mermaid `timeline` diagrams: a column per month, at most `MERMAID_COLUMNS` a diagram.

    Mermaid draws each period of a timeline as a column about 200 pixels wide and shrinks
    the whole to the page: 22 columns were unreadable on GitHub, four stay at 70% of their
    size (a browser test measures it). Events of one month stack in its column; a case of
    more than `MERMAID_EVENTS` events shows its key events only.
    """
    shown = [e for e in events if e.key] if len(events) > MERMAID_EVENTS else list(events)
    columns = [(period, list(group)) for period, group in groupby(shown, key=_period)]
    chunks = [columns[i : i + MERMAID_COLUMNS] for i in range(0, len(columns), MERMAID_COLUMNS)]
    # No diagram title: Mermaid never wraps it, and a long case title widened the diagram
    # (and so shrank it) as much as two more columns.
    blocks = [] if len(shown) == len(events) else [f"*The {len(shown)} key events:*"]
    for chunk in chunks:
        lines = ["```mermaid", "timeline"]
        for period, group in chunk:
            items = " : ".join(
                md.mermaid(f"{display_date(event)} – {event.title}") for event in group
            )
            lines.append(f"    {md.mermaid(period)} : {items}")
        blocks.append("\n".join([*lines, "```"]))
    return "\n\n".join(blocks)


def _period(event: Event) -> str:
    """The column of an event: its month ("May 2025"), or its year when it has no month."""
    date = event.date
    if date.earliest is None or date.precision < Precision.MONTH:
        return year_of(event)
    return f"{MONTH_NAMES[date.earliest.month - 1]} {date.earliest.year}"


def chronology(case: Case, events: tuple[Event, ...]) -> str:
    lines = ["## Chronology"]
    marks = annulment_marks(case)
    for year, group in groupby(events, key=year_of):
        lines += ["", f"### {md.text(year)}", ""]
        for event in group:
            lines += entry(case, event, marks)
    return "\n".join(lines)


def entry(case: Case, event: Event, marks: Marks | None = None) -> list[str]:
    """One event: a list item, its details as a nested list, then its description."""
    title = md.text(event.title)
    title = f"**{title}** (key event)" if event.key else title
    kind = md.text(describe.event_type_words(event))
    if event.context:
        kind += ", background"
    notes = md.footnotes(_cited(event.sources))
    lines = [f"- **{md.text(display_date(event))}**: {title} *({kind})*{notes}"]
    lines += [f"{INDENT}- {detail}" for detail in details(case, event, marks)]
    for claim_lines in conflict_lines(case, event):
        lines += [INDENT + line for line in claim_lines]
    for paragraph in md.prose(event.description or ""):
        lines += ["", INDENT + paragraph]
    if len(lines) > 1:
        lines.append("")  # a loose item keeps its description with it
    return lines


def details(case: Case, event: Event, marks: Marks | None = None) -> list[str]:
    found = []
    if event.participants:
        found.append("Who: " + md.text(describe.participants_words(case, event.participants)))
    if event.charges:
        charges = (case.index.get(ref) for ref in event.charges)
        found.append("Charges: " + "; ".join(md.text(charge_words(c)) for c in charges if c))
    marks = annulment_marks(case) if marks is None else marks
    # With its note ("upheld (sentences left unchanged)") and marks (later annulled).
    found += [f"Outcome: {md.text(outcome_text(case, o, event, marks))}" for o in event.outcomes]
    status = describe.status_words(case, event)
    if status:
        found.append(f"Fact status: *{md.text(status)}*")
    if event.source_text:
        found.append(f"Date in the source: “{md.text(event.source_text)}”")
    if event.relative and event.relative.source_text:
        found.append(f"Date given as: “{md.text(event.relative.source_text)}”")
    found += [quote(case, citation) for citation in event.sources if citation.quote]
    return found


def quote(case: Case, citation: Citation) -> str:
    where = f", {md.text(citation.locator)}" if citation.locator else ""
    source = case.index.get(citation.ref)
    publisher = md.text(source.publisher) if source is not None else citation.ref
    return f"Quote ({publisher}{where}): “{md.text(citation.quote or '')}”[^{citation.ref}]"


def conflict_lines(case: Case, event: Event) -> list[list[str]]:
    """Each conflict about the event: a line naming it, then one nested line per side."""
    found = []
    for conflict in case.conflicts_by_ref.get(event.id, ()):
        about = describe.conflict_topic(conflict)
        lines = [f"- **Sources disagree** (`{conflict.id}`): {md.text(about)}"]
        lines += [f"{INDENT}- {claim_text(claim)}" for claim in conflict.claims]
        if conflict.note:
            lines.append(f"{INDENT}- Note: " + " ".join(md.prose(conflict.note)))
        found.append(lines)
    return found


def claim_text(claim: Claim) -> str:
    """One side in words, cited (its `value` is for machines: the JSON export has it)."""
    return md.text(claim.claim) + md.footnotes(_cited(claim.sources))


def _cited(citations: list[Citation]) -> list[str]:
    return list(dict.fromkeys(citation.ref for citation in citations))
