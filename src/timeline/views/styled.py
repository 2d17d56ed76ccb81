"""Rich renderables for `timeline show` and `timeline list`; they are returned, never printed.

Text from case files only ever enters `rich.text.Text` objects as plain
strings (`Text.append`), so markup such as ``[bold red]`` is shown as typed;
control characters were already made visible by `views.safe.clean`.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from timeline.views.chronology import Chronology, CitationLine, Entry, Header, Section
from timeline.views.listing import CaseRow

STYLES = {
    "title": "bold",
    "label": "dim",
    "date": "bold",
    "key": "bold yellow",
    "type": "magenta",
    "context": "dim",
    "gap": "dim italic",
    "status": "yellow",
    "doubt": "bold red",
    "source": "dim",
    "url": "blue",
    "year": "bold cyan",
    "month": "cyan",
    "invalid": "bold red",
    "case": "bold green",
}
KEY_MARK = "★"


def chronology_renderable(view: Chronology, width: int = 80) -> RenderableType:
    """The header in a panel, then a rule per year and a grid of events: mark, date, what."""
    parts: list[RenderableType] = [header_panel(view.header)]
    if view.filter_line:
        parts.append(Text(view.filter_line, style=STYLES["label"]))
    date_width = _date_width(view, width)
    for year in view.years:
        parts.append(Rule(Text(year.heading, style=STYLES["year"]), align="left", style="cyan"))
        for section in year.sections:
            parts.append(section_grid(section, date_width))
    if view.footer:
        parts.append(Text(view.footer, style=STYLES["label"]))
    return Group(*parts)


def _date_width(view: Chronology, width: int) -> int:
    """One date column for the whole chronology, so that years line up; long dates wrap."""
    longest = max(
        (len(entry.date) for year in view.years for s in year.sections for entry in s.entries),
        default=4,
    )
    return min(longest, max(11, width // 4))


def header_panel(header: Header) -> Panel:
    facts = Table.grid(padding=(0, 1))
    facts.add_column(style=STYLES["label"], no_wrap=True)
    facts.add_column()
    for label, value in header.facts:
        facts.add_row(label, Text(value))
    parts: list[RenderableType] = [facts]
    for paragraph in header.summary:
        parts += [Text(""), Text(paragraph)]
    if header.defendants:
        people = Table.grid(padding=(0, 1))
        people.add_column(style=STYLES["title"])
        people.add_column()
        for defendant in header.defendants:
            people.add_row(Text(defendant.name), Text(defendant.outcome))
        parts += [Text(""), Text(header.roster, style=STYLES["label"]), people]
    return Panel(
        Group(*parts),
        title=Text(header.title, style=STYLES["title"]),
        title_align="left",
        box=box.ROUNDED,
    )


def section_grid(section: Section, date_width: int) -> RenderableType:
    """Events in a grid: a key mark, the date, and what happened (wrapped)."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=1, no_wrap=True)
    grid.add_column(width=date_width)
    grid.add_column(ratio=1)
    for index, entry in enumerate(section.entries):
        if index:
            grid.add_row()
        if entry.gap:
            grid.add_row("", "", Text(entry.gap, style=STYLES["gap"]))
        mark = Text(KEY_MARK, style=STYLES["key"]) if entry.key else Text("")
        style = STYLES["context"] if entry.context else ""
        grid.add_row(mark, Text(entry.date, style=STYLES["date"]), entry_body(entry), style=style)
    if section.heading:
        return Group(Text(section.heading, style=STYLES["month"]), grid, Text(""))
    return Group(grid, Text(""))


def entry_body(entry: Entry) -> RenderableType:
    """Type, title, people, charges, outcomes, status; then conflicts and sources, indented."""
    text = Text()
    text.append(entry.type, style=STYLES["type"])
    if entry.context:
        text.append(" · context", style=STYLES["context"])
    if entry.case:
        text.append(f" · {entry.case}", style=STYLES["case"])
    text.append("\n")
    text.append(entry.title, style=STYLES["key"] if entry.key else STYLES["title"])
    _line(text, "Who", entry.people)
    _line(text, "Charges", entry.charges)
    for outcome in entry.outcomes:
        _line(text, "Outcome", outcome)
    if entry.status:
        _line(text, "Status", entry.status, STYLES["doubt"] if entry.doubt else STYLES["status"])
    if not (entry.conflicts or entry.citations or entry.quotes or entry.description):
        return text
    parts: list[RenderableType] = [text]
    for conflict in entry.conflicts:
        parts.append(Text(conflict.about, style="italic"))
        parts += [_hanging("  •", Text(claim)) for claim in conflict.claims]
        if conflict.note:
            parts.append(_hanging("  ", Text(f"Note: {conflict.note}", style=STYLES["status"])))
    parts += [_hanging("  >", Text(quote, style="italic")) for quote in entry.quotes]
    parts += [Text(paragraph) for paragraph in entry.description]
    for citation in entry.citations:
        parts.append(_hanging("  ↳", citation_text(citation), STYLES["source"]))
    return Group(*parts)


def _hanging(bullet: str, body: Text, style: str = "") -> Table:
    """`body` after `bullet`, its continuation lines indented under the first."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style=style)
    grid.add_column(ratio=1)
    grid.add_row(Text(bullet), body)
    return grid


def _line(text: Text, label: str, value: str | None, style: str = "") -> None:
    if value:
        text.append(f"\n{label}: ", style=STYLES["label"])
        text.append(value, style=style)


def citation_text(citation: CitationLine) -> Text:
    text = Text()
    title = f"\u201c{citation.title}\u201d" if citation.title else None
    first = ", ".join(part for part in (citation.publisher, title, citation.date) if part)
    text.append(first, style=STYLES["source"])
    text.append(f" [{citation.ref}]", style=STYLES["source"])
    if citation.url:
        text.append("\n")
        text.append(citation.url, style=STYLES["url"])
    if citation.quote:
        text.append(f"\n\u201c{citation.quote}\u201d", style="italic")
    if citation.locator:
        text.append(f" ({citation.locator})", style=STYLES["source"])
    return text


def catalog_table(rows: Iterable[CaseRow]) -> RenderableType:
    """A table of the cases; invalid files are marked, with how to see their errors below."""
    table = Table(box=box.SIMPLE_HEAD, header_style="bold")
    table.add_column("Case", no_wrap=True)
    table.add_column("Title", ratio=2, min_width=12, overflow="fold")
    table.add_column("Events", justify="right")
    table.add_column("Dates", ratio=1)
    table.add_column("Status")
    invalid: list[str] = []
    for row in rows:
        if row.invalid:
            invalid.append(f"{row.id}: {row.invalid}")
            table.add_row(Text(row.id), Text(f"invalid ({row.errors})", style=STYLES["invalid"]))
            continue
        dates = row.first if row.first == row.last else f"{row.first} to {row.last}"
        cells = (row.id, row.title, row.events.split(" ", 1)[0], dates, row.status)
        table.add_row(*(Text(cell) for cell in cells))
    if not invalid:
        return table
    return Group(table, *(Text(line, style=STYLES["invalid"]) for line in invalid))
