"""The case file, format version 1: its classes, with the types that pydantic reads
(model/shapes.py) in their annotations. They are validated with the schema that pydantic
built from them (model/base.py, model/compiled.py).

Unknown keys are errors (`extra="forbid"`): in hand-written YAML they are
almost always typos. Semantic rules (references, chronology, privacy) live in
`timeline.load.checks`; this module only describes the shape of a case.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Any, Self

from pydantic_core import PydanticCustomError

from timeline import dates
from timeline.model import base, placement, values, vocab
from timeline.model.base import EMPTY, Model, after_validation, wrap_serialization
from timeline.model.compile import stored_schema
from timeline.model.values import FORMAT_VERSION, SLUG_PATTERN, QuotedText
from timeline.model.vocab import (
    Authority,
    CaseRelation,
    CaseStatus,
    EventType,
    FactStatus,
    InferredPart,
    OrganizationKind,
    OutcomeKind,
    ParticipantRole,
    PersonRole,
    Privacy,
    Regime,
    SentenceKind,
    SourceKind,
    Verdict,
)

if TYPE_CHECKING:  # the types as pydantic reads them (model/compile.py gives it the strings)
    from typing import Annotated

    from pydantic import Field

    from timeline.model.shapes import (
        CitationRef,
        CountryCode,
        CurrencyCode,
        Date,
        Duration,
        Fact,
        Flag,
        FormatVersion,
        Language,
        NonEmptySlugs,
        RelatedRef,
        Slug,
        SlugList,
        Text,
        Url,
    )

__all__ = ["FORMAT_VERSION", "SLUG_PATTERN", "UNKNOWN_DATE", "QuotedText"]

UNKNOWN_DATE = dates.unknown_between(None, None)
"""The date of an event whose date is not known until the case places it (`after`/`before`)."""


class Alias(Model):
    """Another name, spelling or transliteration, with its language."""

    name: Text
    lang: Language | None = None


class Affiliation(Model):
    org: Slug
    role: str | None = None
    former: Fact = None


class Person(Model):
    id: Slug
    name: Text
    short_name: str | None = None
    aliases: list[Alias] = EMPTY
    roles: list[PersonRole] = EMPTY
    label: str | None = None
    affiliations: list[Affiliation] = EMPTY
    privacy: Privacy = Privacy.PUBLIC
    description: str | None = None


class PersonUse(Model):
    """A person of the repository's registry, with their part in this case."""

    ref: Slug
    roles: list[PersonRole] = EMPTY
    label: str | None = None
    description: str | None = None


class Organization(Model):
    id: Slug
    name: Text
    kind: OrganizationKind
    label: str | None = None
    aliases: list[Alias] = EMPTY
    url: Url | None = None
    description: str | None = None


class Charge(Model):
    id: Slug
    code: Text
    article: Text
    part: str | None = None
    title: Text
    description: str | None = None


class Source(Model):
    id: Slug
    publisher: Text
    title: str | None = None
    url: Url | None = None
    published: Date | None = None
    language: Language
    kind: SourceKind = SourceKind.NEWS
    label: str | None = None
    archive_url: Url | None = None
    note: str | None = None


class Citation(Model):
    """A source cited for an event or a claim; a bare source id is short for `{ref: id}`."""

    ref: Slug
    quote: str | None = None
    locator: str | None = None
    lang: Language | None = None


class Group(Model):
    """A named group of people, usable wherever people are referenced."""

    id: Slug
    name: Text
    members: NonEmptySlugs
    description: str | None = None


class Related(Model):
    """Another case file, and how it is related to this one."""

    case: Slug
    relation: CaseRelation | None = None
    label: str | None = None
    note: str | None = None

    @wrap_serialization
    def _bare_id(self, handler: Any) -> object:
        # A bare id stays a bare id in exports, as it was before relations existed.
        if self.relation is None and self.label is None and self.note is None:
            return self.case
        return handler(self)


class Participant(Model):
    ref: Slug
    role: ParticipantRole = ParticipantRole.SUBJECT
    label: str | None = None


class Outcome(Model):
    """What an authority decided, or the prosecution asked for, for some people."""

    subjects: NonEmptySlugs
    kind: OutcomeKind = OutcomeKind.DECISION
    by: Authority = Authority.COURT
    verdict: Verdict | None = None
    acts_on: SlugList = EMPTY
    retrial: Fact = None
    charges_added: list[Slug] = EMPTY
    charges_dropped: list[Slug] = EMPTY
    sentence: SentenceKind | None = None
    term: Duration | None = None
    regime: Regime | None = None
    amount: str | None = None
    currency: CurrencyCode | None = None
    until: Date | None = None
    released: Fact = None
    label: str | None = None
    note: str | None = None


class RelativeDate(Model):
    """A date a source gives relative to another event ("two days later")."""

    event: Slug
    offset: Duration
    source_text: str | None = None


class Event(Model):
    id: Slug
    # Absent only when `after` or `before` places the event; the case then gives it a
    # date with `unknown` set and the anchors' bounds (see `Case._place_unknown_dates`).
    date: Annotated[
        Date, Field(exclude_if=values.is_unknown, json_schema_extra={"default": None})
    ] = UNKNOWN_DATE
    type: EventType
    label: str | None = None
    title: Text
    description: str | None = None
    participants: list[Participant] = EMPTY
    charges: list[Slug] = EMPTY
    outcomes: list[Outcome] = EMPTY
    sources: list[Annotated[Citation, CitationRef]] = EMPTY
    status: FactStatus = FactStatus.CONFIRMED
    attribution: list[Slug] = EMPTY
    disputed_by: list[Slug] = EMPTY
    after: list[Slug] = EMPTY
    before: list[Slug] = EMPTY
    key: Flag = False
    context: Flag = False
    inferred: list[InferredPart] = EMPTY
    source_text: str | None = None
    relative: RelativeDate | None = None

    @after_validation
    def _unknown_date_is_placed(self) -> Self:
        if self.date.unknown and not (self.after or self.before):
            raise PydanticCustomError(
                "missing_date",
                "an event needs a date, or `after`/`before` to place one whose date is unknown",
            )
        return self


class Claim(Model):
    """One side of a conflict: what some sources say."""

    claim: Text
    sources: Annotated[list[Annotated[Citation, CitationRef]], Field(min_length=1)]
    value: str | None = None


class Conflict(Model):
    """Sources that disagree about something in the case, each side with its sources."""

    id: Slug
    about: NonEmptySlugs
    subject: Slug | None = None
    field: str | None = None
    description: str | None = None
    claims: list[Claim]
    note: str | None = None


class Case(Model):
    format: FormatVersion
    id: Slug
    title: Text
    jurisdiction: CountryCode
    status: CaseStatus
    status_label: str | None = None
    court: Slug | None = None
    summary: str | None = None
    tags: list[Slug] = EMPTY
    related: list[Annotated[Related, RelatedRef]] = EMPTY
    people: list[Person] = EMPTY
    groups: list[Group] = EMPTY
    registry_people: list[PersonUse] = EMPTY
    organizations: list[Organization] = EMPTY
    charges: list[Charge] = EMPTY
    sources: list[Source] = EMPTY
    events: list[Event] = EMPTY
    conflicts: list[Conflict] = EMPTY

    @after_validation
    def _place_unknown_dates(self) -> Self:
        if any(event.date.unknown for event in self.events):
            # Frozen, but still being built: the only moment the events can get their bounds.
            object.__setattr__(self, "events", placement.placed(self.events))
        return self

    @cached_property
    def chronology(self) -> tuple[Event, ...]:
        """The events in display order: by date (see `EdtfDate.sort_key`), then file order;
        an event of unknown date right after its `after` (or before its `before`) event."""
        return placement.chronology(self.events)

    @cached_property
    def related_ids(self) -> tuple[str, ...]:
        """The ids of the related cases, in file order."""
        return tuple(item.case for item in self.related)

    @cached_property
    def groups_by_id(self) -> dict[str, Group]:
        return {group.id: group for group in self.groups}

    def members(self, ref: str) -> tuple[str, ...]:
        """A group's members; any other id stands for itself."""
        group = self.groups_by_id.get(ref)
        return tuple(group.members) if group else (ref,)

    def expand(self, refs: Iterable[str]) -> tuple[str, ...]:
        """The people named by `refs`, groups replaced by their members, each once, in order."""
        return tuple(dict.fromkeys(member for ref in refs for member in self.members(ref)))

    @cached_property
    def index(self) -> dict[str, Any]:
        """Every item by id: people, groups, organizations, charges, sources, events, conflicts."""
        found: dict[str, Any] = {}
        sections = (self.people, self.groups, self.organizations, self.charges, self.sources)
        for section in sections:
            found.update((item.id, item) for item in section)
        found.update((event.id, event) for event in self.events)
        return found

    @cached_property
    def conflicts_by_ref(self) -> dict[str, tuple[Conflict, ...]]:
        """The conflicts about each item (its id in `about`), in file order."""
        found: dict[str, list[Conflict]] = {}
        for conflict in self.conflicts:
            for ref in dict.fromkeys(conflict.about):
                found.setdefault(ref, []).append(conflict)
        return {ref: tuple(conflicts) for ref, conflicts in found.items()}

    def display_name(self, ref: str) -> str:
        """A person's or organization's name as shown everywhere (initials stay initials)."""
        item = self.index.get(ref)
        return item.name if isinstance(item, Person | Organization | Group) else ref


_modules = {"case": sys.modules[__name__], "values": values, "vocab": vocab}
base.bind(stored_schema("case", _modules))
