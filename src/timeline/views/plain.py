"""Plain text for pipes and `NO_COLOR`: no escape sequences, no box drawing, wrapped to a width.

Key events are marked with ``★``, context events with ``(context)``; everything
else is words. Long words (URLs) are never broken, so that they stay usable.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for annotations only: `search` uses `wrap` without loading the models
    from timeline.views.chronology import Chronology, CitationLine, Entry, Header, Section
    from timeline.views.listing import CaseRow

INDENT = "    "
KEY_MARK = "★ "


def wrap(text: str, width: int, indent: str = "", hanging: str | None = None) -> list[str]:
    """`text` wrapped to `width`, first line after `indent`, the others after `hanging`."""
    return textwrap.wrap(
        text,
        width=max(width, len(indent) + 10),
        initial_indent=indent,
        subsequent_indent=indent if hanging is None else hanging,
        break_on_hyphens=False,
        break_long_words=False,
    ) or [indent.rstrip()]


def labelled(label: str, text: str, width: int, indent: str = INDENT) -> list[str]:
    """``Label: text``, continued lines indented under the text."""
    return wrap(f"{label}: {text}", width, indent, indent + "  ")


def chronology_text(view: Chronology, width: int = 80) -> str:
    """The whole chronology as plain text (ends with a newline)."""
    lines = list(header_lines(view.header, width))
    if view.filter_line:
        lines += ["", *wrap(view.filter_line, width)]
    for year in view.years:
        lines += ["", year.heading, "-" * len(year.heading)]
        for section in year.sections:
            lines += section_lines(section, width)
    if view.footer:
        lines += ["", *wrap(view.footer, width)]
    return "\n".join(lines) + "\n"


def header_lines(header: Header, width: int) -> Iterator[str]:
    yield from wrap(header.title, width)
    yield "=" * min(len(header.title), width)
    for label, value in header.facts:
        yield from labelled(label, value, width, indent="")
    for paragraph in header.summary:
        yield ""
        yield from wrap(paragraph, width)
    if header.defendants:
        yield ""
        yield f"{header.roster}:"
        for defendant in header.defendants:
            yield from wrap(f"{defendant.name}: {defendant.outcome}", width, "  ", "      ")


def section_lines(section: Section, width: int) -> Iterator[str]:
    if section.heading:
        yield ""
        yield f"-- {section.heading} --"
    for entry in section.entries:
        yield ""
        if entry.gap:
            yield f"  ({entry.gap})"
        yield from entry_lines(entry, width)


def entry_lines(entry: Entry, width: int) -> Iterator[str]:
    mark = KEY_MARK if entry.key else "  "
    context = " (context)" if entry.context else ""
    case = f" [{entry.case}]" if entry.case else ""
    yield from wrap(f"{mark}{entry.date} · {entry.type}{context}{case}", width, "", INDENT)
    yield from wrap(entry.title, width, INDENT)
    if entry.people:
        yield from labelled("Who", entry.people, width)
    if entry.charges:
        yield from labelled("Charges", entry.charges, width)
    for outcome in entry.outcomes:
        yield from labelled("Outcome", outcome, width)
    if entry.status:
        yield from labelled("Status", entry.status, width)
    for conflict in entry.conflicts:
        yield from wrap(conflict.about, width, INDENT + "  ")
        for claim in conflict.claims:
            yield from wrap(claim, width, INDENT + "  - ", INDENT + "    ")
        if conflict.note:
            yield from wrap(f"Note: {conflict.note}", width, INDENT + "  ", INDENT + "    ")
    for quote in entry.quotes:
        yield from wrap(quote, width, INDENT + "> ", INDENT + "  ")
    for paragraph in entry.description:
        yield from wrap(paragraph, width, INDENT)
    if entry.citations:
        yield f"{INDENT}Sources:"
        for citation in entry.citations:
            yield from citation_lines(citation, width)


def citation_lines(citation: CitationLine, width: int) -> Iterator[str]:
    title = f"\u201c{citation.title}\u201d" if citation.title else None
    first = ", ".join(part for part in (citation.publisher, title, citation.date) if part)
    yield from wrap(f"{first} [{citation.ref}]", width, INDENT + "  - ", INDENT + "    ")
    if citation.url:
        yield from wrap(citation.url, width, INDENT + "    ")
    if citation.quote or citation.locator:
        quote = f"\u201c{citation.quote}\u201d" if citation.quote else ""
        where = f"({citation.locator})" if citation.locator else ""
        yield from wrap(" ".join(part for part in (quote, where) if part), width, INDENT + "    ")


# --- timeline list -------------------------------------------------------------------------


def catalog_text(rows: Iterable[CaseRow], width: int = 80) -> str:
    """One block per case: ``id: title`` and a line of facts; invalid files marked."""
    lines: list[str] = []
    for row in rows:
        if row.invalid:
            lines += wrap(f"{row.id}: INVALID ({row.invalid})", width, "", INDENT)
            continue
        lines += wrap(f"{row.id}: {row.title}", width, "", INDENT)
        lines += wrap(row.facts, width, INDENT)
    return "\n".join(lines) + "\n" if lines else "No case files.\n"
