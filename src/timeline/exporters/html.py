"""HTML: one self-contained report page, readable without scripts, that prints well to PDF.

The header (title, jurisdiction, court, status, the day the report is as of, summary),
each defendant's standing, a drawn timeline (inline SVG, `drawing`), the chronology with
numbered source footnotes, conflicts and quotes, then the people, organizations and the
sources. No script, no external file, no web font: a Content-Security-Policy forbids the
page to load anything, so that opening a report never tells anyone it was opened.

The words come from the same functions as `timeline show` (`views.chronology`); the page
is a Jinja2 template with autoescaping, so text from the case file is always text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import Environment, PackageLoader, StrictUndefined, Template, select_autoescape
from markupsafe import Markup

from timeline.exporters import Export, ExportOptions
from timeline.exporters.common import as_of, chosen_events, display_date, redact
from timeline.exporters.drawing import drawing
from timeline.exporters.inline import inline_html
from timeline.exporters.standing import defendant_lines
from timeline.model import describe
from timeline.model.case import Case, Citation, Event, Source
from timeline.views.chronology import Entry, build_entry, build_header, with_details, year_of
from timeline.views.safe import clean, inert, paragraphs


@dataclass(frozen=True, slots=True)
class Claim:
    text: str
    notes: tuple[int, ...]  # footnote numbers of its sources


@dataclass(frozen=True, slots=True)
class ConflictBlock:
    id: str
    about: str
    claims: tuple[Claim, ...]
    note: str | None


@dataclass(frozen=True, slots=True)
class EventBlock:
    id: str
    entry: Entry
    notes: tuple[int, ...]
    conflicts: tuple[ConflictBlock, ...]


@dataclass(frozen=True, slots=True)
class YearBlock:
    heading: str
    events: list[EventBlock] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Defendant:
    id: str
    name: str
    standing: str
    custody: str


@dataclass(frozen=True, slots=True)
class SourceNote:
    number: int
    id: str
    publisher: str
    title: str | None
    published: str | None
    url: str | None
    archive_url: str | None
    note: str | None


def export(case: Case, options: ExportOptions) -> Export:
    case = redact(case)
    events = chosen_events(case, options)
    numbers = source_numbers(case, events)
    header = build_header(case)
    defendants = [
        Defendant(d.person, clean(d.name), clean(d.standing), clean(d.custody))
        for d in defendant_lines(case)
    ]
    labels = {e.id: clean(f"{display_date(e)}: {e.title}") for e in events}
    picture = drawing(case, events, [(d.id, d.name) for d in defendants], labels)
    day = as_of(case)
    page = _template().render(
        header=header,
        as_of=f"{day.day} {day:%B} {day.year}" if day else None,
        filters=clean(f"{len(events)} of {len(case.events)} events: {options.filters}")
        if options.events is not None
        else None,
        tags=[clean(tag) for tag in case.tags],
        defendants=defendants,
        drawing=picture,
        years=years(case, events, numbers),
        people=people_rows(case),
        sources=source_notes(case, numbers),
        related=[clean(words) for words in describe.related_words(case)],
    )
    return Export(inert(page))  # printed in a CI log, no line is a workflow command


def _template() -> Template:
    environment = Environment(
        loader=PackageLoader("timeline.exporters", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # Fields that may hold Markdown (summary, descriptions, notes): rendered, still escaped.
    environment.filters["inline"] = lambda text: Markup(inline_html(text))
    return environment.get_template("report.html.j2")


def source_numbers(case: Case, events: tuple[Event, ...]) -> dict[str, int]:
    """A footnote number per source: in order of first citation, then the uncited ones."""
    refs: list[str] = []
    for event in events:
        refs += [c.ref for c in event.sources]
        for conflict in case.conflicts_by_ref.get(event.id, ()):
            refs += [c.ref for claim in conflict.claims for c in claim.sources]
    refs += [source.id for source in case.sources]
    known = {source.id for source in case.sources}
    ordered = [ref for ref in dict.fromkeys(refs) if ref in known]
    return {ref: number for number, ref in enumerate(ordered, start=1)}


def years(case: Case, events: tuple[Event, ...], numbers: dict[str, int]) -> list[YearBlock]:
    found: list[YearBlock] = []
    for event in events:
        heading = year_of(event)
        if not found or found[-1].heading != heading:
            found.append(YearBlock(heading))
        entry = with_details(case, event, build_entry(case, event))
        conflicts = tuple(
            ConflictBlock(
                clean(conflict.id),
                clean(describe.conflict_topic(conflict)),
                tuple(
                    Claim(clean(claim.claim), _notes(claim.sources, numbers))
                    for claim in conflict.claims
                ),
                clean(conflict.note) if conflict.note else None,
            )
            for conflict in case.conflicts_by_ref.get(event.id, ())
        )
        found[-1].events.append(
            EventBlock(event.id, entry, _notes(event.sources, numbers), conflicts)
        )
    return found


def _notes(citations: list[Citation], numbers: dict[str, int]) -> tuple[int, ...]:
    return tuple(sorted({numbers[c.ref] for c in citations if c.ref in numbers}))


def people_rows(case: Case) -> list[tuple[str, str, str]]:
    """Name, roles (or kind) and affiliations of every person and organization."""
    rows = []
    for person in case.people:
        roles = ", ".join(r.words for r in person.roles)
        orgs = "; ".join(case.display_name(a.org) for a in person.affiliations)
        rows.append((clean(person.name), clean(roles), clean(orgs)))
    for org in case.organizations:
        aliases = ", ".join(alias.name for alias in org.aliases)
        name = f"{org.name} ({aliases})" if aliases else org.name
        rows.append((clean(name), clean(org.kind.words), ""))
    return rows


def source_notes(case: Case, numbers: dict[str, int]) -> list[SourceNote]:
    notes = []
    for source in sorted(case.sources, key=lambda s: numbers[s.id]):
        notes.append(_source_note(source, numbers[source.id]))
    return notes


def _source_note(source: Source, number: int) -> SourceNote:
    published = source.published.display() if source.published else None
    return SourceNote(
        number=number,
        id=source.id,
        publisher=clean(source.publisher),
        title=clean(source.title) if source.title else None,
        published=clean(published) if published else None,
        url=clean(source.url) if source.url else None,
        archive_url=clean(source.archive_url) if source.archive_url else None,
        note=" ".join(paragraphs(source.note)) if source.note else None,
    )
