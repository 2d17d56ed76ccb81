"""What `timeline show` displays, as plain values: built once, rendered as rich or plain text.

`build_chronology` decides the words (dates, names, outcomes, statuses, gaps);
the renderers only lay them out. Every string that comes from the case file is
`clean`ed here, so no renderer can forget to.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import groupby
from typing import NamedTuple

from timeline import dates
from timeline.model import describe
from timeline.model.case import Case, Charge, Event, Outcome, Source
from timeline.model.standing import Standing, standings
from timeline.model.standing_words import custody_words, standing_line
from timeline.model.vocab import OutcomeKind, PersonRole
from timeline.views.marks import Marks, annulled_words, annulment_marks
from timeline.views.safe import clean, clean_optional, paragraphs

DENSE_YEAR = 12  # a year with more events than this is divided into months


class CitationLine(NamedTuple):
    ref: str
    publisher: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    quote: str | None = None
    locator: str | None = None


class ConflictView(NamedTuple):
    """Sources that disagree: what about, and each side as ``claim (source ids)``."""

    about: str
    claims: tuple[str, ...]
    note: str | None = None  # shown with --details: often says which side is likely wrong


class Entry(NamedTuple):
    """One event, in words."""

    date: str
    type: str
    title: str
    key: bool = False
    context: bool = False
    gap: str | None = None  # the time since the event shown before, when it helps
    people: str | None = None
    charges: str | None = None
    outcomes: tuple[str, ...] = ()
    status: str | None = None
    doubt: bool = False  # the status is disputed or contested, not only unconfirmed
    conflicts: tuple[ConflictView, ...] = ()
    citations: tuple[CitationLine, ...] = ()
    case: str | None = None  # the case's id, in a chronology of several cases
    description: tuple[str, ...] = ()  # paragraphs, with --details
    quotes: tuple[str, ...] = ()  # ``“words” (Publisher, locator)``, with --details


class Section(NamedTuple):
    """A month of a dense year (`heading` set), or a whole year's entries."""

    heading: str | None
    entries: tuple[Entry, ...]


class Year(NamedTuple):
    heading: str
    sections: tuple[Section, ...]


class Defendant(NamedTuple):
    name: str
    outcome: str  # the standing in words, then the days in custody
    state: str = ""  # the procedural state's term (`convicted`, `retrial-pending`...)
    custody: str = ""  # "181 days in custody", or ""


class Header(NamedTuple):
    title: str
    facts: tuple[tuple[str, str], ...]  # (label, value): jurisdiction, court, status
    summary: tuple[str, ...]  # paragraphs
    defendants: tuple[Defendant, ...]
    roster: str = "Defendants"  # the heading of `defendants` (a person's view: "Cases")


class Chronology(NamedTuple):
    header: Header
    years: tuple[Year, ...]
    shown: int
    total: int
    filters: str = ""  # the filter options given, such as ``--from 2025-09 --key``

    @property
    def filter_line(self) -> str:
        """What a filtered chronology shows: ``12 of 31 events: --from 2025-09``."""
        if not self.filters or self.shown == 0:
            return ""
        return f"{self.shown} of {self.total} events: {self.filters}"

    @property
    def footer(self) -> str:
        if self.shown == 0 and self.total:
            where = f"{self.filters}; " if self.filters else ""
            return f"No events match the filters ({where}{self.total} events in the case)."
        if self.shown < self.total and not self.filters:
            return f"{self.shown} of {self.total} events shown (filtered)."
        return ""


class Options(NamedTuple):
    """What to show besides the events: citations, details, the filters that chose them."""

    sources: bool = False
    details: bool = False  # descriptions, conflict notes and quotes
    filters: str = ""  # a filtered chronology has a short header and says what it filtered


def build_chronology(
    case: Case,
    events: Sequence[Event] | None = None,
    *,
    sources: bool = False,
    options: Options | None = None,
) -> Chronology:
    """The case's header and `events` (default: the whole chronology), grouped by year."""
    options = options or Options(sources=sources)
    chosen = list(case.chronology if events is None else events)
    found = standings(case)
    marks: dict[str, Marks] = {case.id: annulment_marks(case, found)}
    pairs = [(case, event) for event in chosen]
    years = build_years(pairs, sources=options.sources, marks=marks, details=options.details)
    header = build_header(case, found, short=bool(options.filters))
    return Chronology(
        header, years, shown=len(chosen), total=len(case.events), filters=clean(options.filters)
    )


def build_merged_chronology(
    main: Case, chosen: Sequence[tuple[Case, Sequence[Event]]], *, sources: bool = False
) -> Chronology:
    """`main`'s header, then the chosen events of several cases in one chronology.

    Each entry is labelled with its case's id; events on the same date keep the
    order of the cases in `chosen`.
    """
    pairs = merge_events(chosen)
    total = sum(len(case.events) for case, _ in chosen)
    years = build_years(pairs, sources=sources, labelled=True)
    header = build_header(main)
    cases = ", ".join(clean(case.id) for case, _ in chosen)
    header = header._replace(facts=(*header.facts, ("Cases", cases)))
    return Chronology(header, years, shown=len(pairs), total=total)


def merge_events(chosen: Sequence[tuple[Case, Sequence[Event]]]) -> list[tuple[Case, Event]]:
    """The events of several cases in display order (date, then the order of `chosen`)."""
    keyed = [
        ((event.date.sort_key(), order, position), case, event)
        for order, (case, events) in enumerate(chosen)
        for position, event in enumerate(events)
    ]
    keyed.sort(key=lambda item: item[0])
    return [(case, event) for _, case, event in keyed]


def build_years(
    pairs: Sequence[tuple[Case, Event]],
    *,
    sources: bool = False,
    labelled: bool = False,
    marks: dict[str, Marks] | None = None,
    details: bool = False,
) -> tuple[Year, ...]:
    """Entries for events in display order (each of its own case), grouped by year.

    `marks` are each case's annulment marks by case id (found here when not given).
    """
    marks = {} if marks is None else marks
    entries = []
    previous: Event | None = None
    for case, event in pairs:
        if case.id not in marks:
            marks[case.id] = annulment_marks(case, standings(case))
        gap = gap_words(previous, event) if previous is not None else None
        entry = build_entry(case, event, sources=sources, gap=gap, annulled=marks[case.id])
        if labelled:
            entry = entry._replace(case=clean(case.id))
        if details:
            entry = with_details(case, event, entry)
        entries.append((event, entry))
        previous = event
    return tuple(
        _year(heading, list(group))
        for heading, group in groupby(entries, key=lambda pair: year_of(pair[0]))
    )


def _year(heading: str, pairs: list[tuple[Event, Entry]]) -> Year:
    if len(pairs) <= DENSE_YEAR:
        return Year(heading, (Section(None, tuple(entry for _, entry in pairs)),))
    sections = tuple(
        Section(month, tuple(entry for _, entry in group))
        for month, group in groupby(pairs, key=lambda pair: month_of(pair[0]))
    )
    return Year(heading, sections)


def year_of(event: Event) -> str:
    """The year an event is listed under: its earliest bound's, else its latest's."""
    bound = event.date.earliest or event.date.latest
    return str(bound.year) if bound is not None else "Undated"


def month_of(event: Event) -> str | None:
    """The month heading in a dense year: the earliest bound's month; none for a whole year."""
    date = event.date
    if date.earliest is None or date.precision is dates.Precision.YEAR:
        return None
    return date.earliest.strftime("%B %Y")


# --- the header ----------------------------------------------------------------------------


def build_header(
    case: Case, found: Mapping[str, Standing] | None = None, *, short: bool = False
) -> Header:
    """Title, facts, summary and defendants; `short`: the title and facts only."""
    facts = [("Jurisdiction", case.jurisdiction)]
    if case.court:
        facts.append(("Court", clean(case.display_name(case.court))))
    facts.append(("Status", clean(status_text(case))))
    if short:
        return Header(clean(case.title), tuple(facts), (), ())
    found = standings(case) if found is None else found
    defendants = tuple(
        _defendant(case, person.id, found[person.id])
        for person in case.people
        if PersonRole.DEFENDANT in person.roles and person.id in found
    )
    summary = paragraphs(case.summary or "")
    return Header(clean(case.title), tuple(facts), summary, defendants)


def status_text(case: Case) -> str:
    words = case.status.words
    label = case.status_label
    if not label:
        return words
    return label if case.status.value == "other" else f"{words} ({label})"


def _defendant(case: Case, person: str, standing: Standing) -> Defendant:
    return Defendant(
        clean(describe.full_name(case, person)),
        clean(standing_line(case, standing)),
        standing.state.value,
        clean(custody_words(standing.custody)),
    )


# --- one event -----------------------------------------------------------------------------


def build_entry(
    case: Case,
    event: Event,
    *,
    sources: bool = False,
    gap: str | None = None,
    annulled: Marks | None = None,
) -> Entry:
    status = describe.status_words(case, event)
    marks = annulment_marks(case) if annulled is None else annulled
    return Entry(
        gap=gap,
        date=clean(event.date.display(inferred=[part.value for part in event.inferred])),
        type=clean(describe.event_type_words(event)),
        title=clean(event.title),
        key=event.key,
        context=event.context,
        people=clean_optional(describe.participants_words(case, event.participants) or None),
        charges=clean_optional(charges_text(case, event.charges)),
        outcomes=tuple(
            clean(outcome_text(case, outcome, event, marks)) for outcome in event.outcomes
        ),
        status=clean_optional(status),
        doubt=event.status.value in ("disputed", "contested-by-sources"),
        conflicts=tuple(
            ConflictView(clean(about), tuple(clean(claim) for claim in claims))
            for about, claims in describe.conflict_sides(case, event.id)
        ),
        citations=citations(case, event) if sources else (),
    )


def with_details(case: Case, event: Event, entry: Entry) -> Entry:
    """`entry` with the event's description, its conflicts' notes and its sources' quotes."""
    conflicts = tuple(
        view._replace(note=clean_optional(conflict.note))
        for view, conflict in zip(
            entry.conflicts, case.conflicts_by_ref.get(event.id, ()), strict=True
        )
    )
    return entry._replace(
        description=paragraphs(event.description or ""),
        conflicts=conflicts,
        quotes=tuple(clean(line) for line in quote_lines(case, event)),
    )


def quote_lines(case: Case, event: Event) -> list[str]:
    """``“detained them on May 28” (24.kg, para. 3)`` for each citation with a quote."""
    lines = []
    for citation in event.sources:
        if not citation.quote:
            continue
        source = case.index.get(citation.ref)
        where = [source.publisher if isinstance(source, Source) else citation.ref]
        where += [citation.locator] if citation.locator else []
        lines.append(f"\u201c{citation.quote}\u201d ({', '.join(where)})")
    return lines


def charges_text(case: Case, refs: Sequence[str]) -> str | None:
    """``Criminal Code: Art. 40, Art. 278(3)``, grouped by code."""
    by_code: dict[str, list[str]] = {}
    for ref in refs:
        charge = case.index.get(ref)
        if isinstance(charge, Charge):
            article = f"Art. {charge.article}" + (f"({charge.part})" if charge.part else "")
            by_code.setdefault(charge.code, []).append(article)
    return "; ".join(f"{code}: {', '.join(items)}" for code, items in by_code.items()) or None


def marked_outcome(case: Case, outcome: Outcome, event: Event, annulled: Marks) -> str:
    """The outcome with its marks (later annulled, disputed for one person) but not its note:
    the line of the exports, which keep notes for `show`."""
    return outcome_text(case, outcome.model_copy(update={"note": None}), event, annulled)


def outcome_text(
    case: Case,
    outcome: Outcome,
    event: Event | None = None,
    annulled: Marks | None = None,
) -> str:
    """The outcome in words, its note, and marks: later annulled, disputed by sources."""
    line = describe.outcome_line(case, outcome)
    notes = [outcome.note] if outcome.note else []
    if event is not None:
        notes += [
            f"sources disagree on {describe.field_words(c.field)}"
            f" for {describe.short_name(case, c.subject)}"
            for c in describe.outcome_conflicts(case, event, outcome)
            if c.subject is not None
        ]
        found = (annulled or {}).get(event.id)
        if found and outcome.kind is OutcomeKind.DECISION:
            notes += annulled_words(case, case.expand(outcome.subjects), found)
    return f"{line} ({'; '.join(notes)})" if notes else line


def citations(case: Case, event: Event) -> tuple[CitationLine, ...]:
    lines = []
    for citation in event.sources:
        source = case.index.get(citation.ref)
        if not isinstance(source, Source):
            continue
        published = source.published.display() if source.published is not None else None
        lines.append(
            CitationLine(
                ref=clean(source.id),
                publisher=clean(source.publisher),
                title=clean_optional(source.title),
                date=clean_optional(published),
                url=clean_optional(source.url),
                quote=clean_optional(citation.quote),
                locator=clean_optional(citation.locator),
            )
        )
    return tuple(lines)


def gap_words(previous: Event, event: Event) -> str | None:
    """``2 days later`` between two single-day dates; nothing where a gap would mislead."""
    if not (_single_day(previous.date) and _single_day(event.date)):
        return None
    days = dates.days_between(previous.date, event.date)
    if days is None or days <= 0:
        return None
    return dates.humanize_gap(days)


def _single_day(date: dates.EdtfDate) -> bool:
    return (
        not date.is_interval
        and date.precision is dates.Precision.DAY
        and not (date.uncertain or date.approximate)
        and date.earliest is not None
        and date.earliest == date.latest
    )
