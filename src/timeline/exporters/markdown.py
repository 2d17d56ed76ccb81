"""GitHub-flavoured Markdown: a report-ready chronology.

Title, status and summary; the defendants, each with their standing and days in
custody; optionally a Mermaid `timeline` diagram; the
chronology grouped by year, one list item per event (display date, title in
bold for key events, type, people, charges, outcomes, fact status, source
conflicts with each side, quotes); then people, organizations, charges,
sources and conflicts; sources cited as footnotes ``[^source-id]`` that
resolve to full citations. All text from the data goes through `markup`.
"""

from __future__ import annotations

from itertools import groupby

from timeline.exporters import Export, ExportOptions
from timeline.exporters import markup as md
from timeline.exporters.common import display_date, redact, year_of
from timeline.exporters.sections import (
    charge_words,
    charges_section,
    conflicts_section,
    footnotes,
    organizations_section,
    people_section,
    sources_section,
)
from timeline.exporters.standing import defendant_lines
from timeline.model import describe
from timeline.model.case import Case, Citation, Claim, Event
from timeline.views.chronology import marked_outcome
from timeline.views.marks import Marks, annulment_marks

INDENT = "  "


def export(case: Case, options: ExportOptions) -> Export:
    case = redact(case)
    blocks = [header(case), defendants(case)]
    if options.mermaid:
        blocks.append(mermaid(case))
    blocks.append(chronology(case))
    for section in (
        people_section,
        organizations_section,
        charges_section,
        sources_section,
        conflicts_section,
    ):
        text = section(case)
        if text:
            blocks.append(text)
    blocks.append(footnotes(case))
    return Export("\n\n".join(block.rstrip("\n") for block in blocks if block) + "\n")


def header(case: Case) -> str:
    status = case.status_label or case.status.words
    lines = [
        f"# {md.text(case.title)}",
        "",
        f"**Status:** {md.text(status)} · **Jurisdiction:** {md.text(case.jurisdiction)}",
    ]
    if case.tags:
        lines[-1] += " · **Tags:** " + ", ".join(md.text(tag) for tag in case.tags)
    for paragraph in md.prose(case.summary or ""):
        lines += ["", paragraph]
    return "\n".join(lines)


def defendants(case: Case) -> str:
    """``## Defendants``: each defendant's standing in words, as in the header of `show`."""
    lines = [f"- **{md.text(line.name)}**: {md.text(line.words)}" for line in defendant_lines(case)]
    return "\n".join(["## Defendants", "", *lines]) if lines else ""


def mermaid(case: Case) -> str:
    lines = ["```mermaid", "timeline", f"    title {md.mermaid(case.title)}"]
    for year, events in groupby(case.chronology, key=year_of):
        lines.append(f"    section {md.mermaid(year)}")
        for event in events:
            lines.append(f"        {md.mermaid(display_date(event))} : {md.mermaid(event.title)}")
    lines.append("```")
    return "\n".join(lines)


def chronology(case: Case) -> str:
    lines = ["## Chronology"]
    marks = annulment_marks(case)
    for year, events in groupby(case.chronology, key=year_of):
        lines += ["", f"### {md.text(year)}", ""]
        for event in events:
            lines += entry(case, event, marks)
    return "\n".join(lines)


def entry(case: Case, event: Event, marks: Marks | None = None) -> list[str]:
    """One event: a list item, its details as a nested list, then its description."""
    title = md.text(event.title)
    title = f"**{title}** (key event)" if event.key else title
    kind = md.text(describe.event_type_words(event))
    if event.context:
        kind += ", background"
    notes = "".join(f"[^{ref}]" for ref in _cited(event.sources))
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
    found += [f"Outcome: {md.text(marked_outcome(case, o, event, marks))}" for o in event.outcomes]
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
        about = conflict.description or conflict.field or conflict.id
        lines = [f"- **Sources disagree:** {md.text(about)}"]
        lines += [f"{INDENT}- {claim_text(claim)}" for claim in conflict.claims]
        found.append(lines)
    return found


def claim_text(claim: Claim) -> str:
    """One side in words, cited (its `value` is for machines: the JSON export has it)."""
    return md.text(claim.claim) + "".join(f"[^{ref}]" for ref in _cited(claim.sources))


def _cited(citations: list[Citation]) -> list[str]:
    return list(dict.fromkeys(citation.ref for citation in citations))
