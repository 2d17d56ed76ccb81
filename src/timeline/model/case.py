"""The case file, format version 1, as pydantic models.

Unknown keys are errors (`extra="forbid"`): in hand-written YAML they are
almost always typos. Semantic rules (references, chronology, privacy) live in
`timeline.load.checks`; this module only describes the shape of a case.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cached_property
from typing import Annotated, Any, Self
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from timeline import dates
from timeline.model import placement
from timeline.model.durations import DURATION_PATTERN
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

FORMAT_VERSION = 1
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def _parse_date(value: object) -> dates.EdtfDate:
    if isinstance(value, dates.EdtfDate):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("edtf", "a date must be text, such as '2025-05-28'")
    try:
        return dates.parse(value)
    except dates.EdtfError as error:
        raise PydanticCustomError("edtf", "{reason}", {"reason": str(error)}) from None


def _empty_list() -> Any:
    # A factory, not `= []`: pydantic deep-copies an unhashable default for every
    # instance, which showed in profiles of `validate` (63,693 `copy.deepcopy` calls for
    # 99 files). The schema still says `"default": []`.
    return Field(default_factory=_new_list, json_schema_extra={"default": []})


def _new_list() -> list[Any]:
    # A function of this module, not the built-in `list`: pydantic reads the signature
    # of a factory, and reading a built-in's signature costs a tokenizer run each time.
    return []


def _citation_from_ref(value: object) -> object:
    return {"ref": value} if isinstance(value, str) else value


def _related_from_id(value: object) -> object:
    return {"case": value} if isinstance(value, str) else value


def _list_from_one(value: object) -> object:
    return [value] if isinstance(value, str) else value


UNKNOWN_DATE = dates.unknown_between(None, None)
"""The date of an event whose date is not known until the case places it (`after`/`before`)."""


class QuotedText(str):
    """A scalar the file wrote in quotes, where a number is expected (`format: "1"`)."""

    __slots__ = ()


def _format_number(value: object) -> object:
    """The format version as written: the number 1, not `true`, `"1"` or `1.0`."""
    if isinstance(value, bool | float | QuotedText) or (
        isinstance(value, str) and not (value.isascii() and value.isdigit())
    ):
        raise PydanticCustomError("format", "not a whole number")
    return value


def _visible_text(value: str) -> str:
    """Text that shows something: not only spaces and zero-width characters."""
    if all(unicodedata.category(ch)[0] in "ZC" or ch.isspace() for ch in value):
        raise PydanticCustomError("blank", "the text has no visible character")
    return value


def _web_address(value: str) -> str:
    """A URL that a parser reads as http(s) with a host, of printable characters only.

    The pattern alone let controls (ESC, BEL, DEL, C1) and bidirectional overrides
    through, and the iCalendar export wrote them raw.
    """
    hidden = next((ch for ch in value if unicodedata.category(ch)[0] in "ZC"), None)
    if hidden is not None:
        raise PydanticCustomError(
            "url",
            "the address contains the invisible character U+{code}",
            {"code": f"{ord(hidden):04X}"},
        )
    try:
        parts = urlsplit(value)
        web = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:  # a malformed host, such as "http://[::1"
        web = False
    if not web:
        raise PydanticCustomError("url", "not a web address with a host")
    return value


Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=100)]
Text = Annotated[str, Field(min_length=1), AfterValidator(_visible_text)]
Language = Annotated[str, Field(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")]
Duration = Annotated[str, Field(pattern=DURATION_PATTERN)]
Url = Annotated[str, Field(pattern=r"^https?://\S+$"), AfterValidator(_web_address)]


class _EdtfText:
    """How pydantic reads, writes and describes a date: from and to its EDTF text.

    The schema is given whole, so that pydantic does not build one for the fields of
    `EdtfDate` (a dataclass) that the text replaces: PlainValidator and
    PlainSerializer would each build it, for every date field, at import.
    """

    def __get_pydantic_core_schema__(self, source: object, handler: object) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(
            _parse_date,
            serialization=core_schema.plain_serializer_function_ser_schema(
                _date_text, return_schema=core_schema.str_schema()
            ),
        )

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: object) -> JsonSchemaValue:
        return {
            "type": "string",
            "description": "An EDTF date (the profile in docs/data-format.md).",
            "examples": ["2025-05-28", "2025-05", "2025", "2022-23", "2025-05~", "2025-05-28/.."],
        }


def _date_text(date: dates.EdtfDate) -> str:
    return date.text


Date = Annotated[dates.EdtfDate, _EdtfText()]


# Only `true` and `false`: pydantic would also read "yes", "on", "1" as true, the
# YAML 1.1 guessing that the loader refuses for every other scalar.
Flag = Annotated[bool, Field(strict=True)]
# A yes/no fact that may be unknown: absent (None) means "not stated", never "no".
Fact = Annotated[bool | None, Field(strict=True)]


class Model(BaseModel):  # noqa: PLW1641 (pydantic gives each frozen model its hash)
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)

    def __eq__(self, other: object) -> bool:
        # `diff` compares every item of two versions, most of them equal: two items of
        # the same class with the same fields are equal at once (the models have no extra
        # or private attributes, the rest of what pydantic compares). Otherwise pydantic
        # answers (it also ignores a cached property that only one of them has).
        if type(other) is type(self) and self.__dict__ == other.__dict__:
            return True
        return super().__eq__(other)


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
    aliases: list[Alias] = _empty_list()
    roles: list[PersonRole] = _empty_list()
    label: str | None = None
    affiliations: list[Affiliation] = _empty_list()
    privacy: Privacy = Privacy.PUBLIC
    description: str | None = None


class PersonUse(Model):
    """A person of the repository's registry, with their part in this case."""

    ref: Slug
    roles: list[PersonRole] = _empty_list()
    label: str | None = None
    description: str | None = None


class Organization(Model):
    id: Slug
    name: Text
    kind: OrganizationKind
    label: str | None = None
    aliases: list[Alias] = _empty_list()
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


CitationRef = Annotated[Citation, BeforeValidator(_citation_from_ref)]


class Group(Model):
    """A named group of people, usable wherever people are referenced."""

    id: Slug
    name: Text
    members: Annotated[list[Slug], Field(min_length=1)]
    description: str | None = None


class Related(Model):
    """Another case file, and how it is related to this one."""

    case: Slug
    relation: CaseRelation | None = None
    label: str | None = None
    note: str | None = None

    @model_serializer(mode="wrap")
    def _bare_id(self, handler: SerializerFunctionWrapHandler) -> object:
        # A bare id stays a bare id in exports, as it was before relations existed.
        if self.relation is None and self.label is None and self.note is None:
            return self.case
        return handler(self)


RelatedRef = Annotated[Related, BeforeValidator(_related_from_id)]
SlugList = Annotated[list[Slug], BeforeValidator(_list_from_one)]


class Participant(Model):
    ref: Slug
    role: ParticipantRole = ParticipantRole.SUBJECT
    label: str | None = None


class Outcome(Model):
    """What an authority decided, or the prosecution asked for, for some people."""

    subjects: Annotated[list[Slug], Field(min_length=1)]
    kind: OutcomeKind = OutcomeKind.DECISION
    by: Authority = Authority.COURT
    verdict: Verdict | None = None
    acts_on: SlugList = _empty_list()
    retrial: Fact = None
    charges_added: list[Slug] = _empty_list()
    charges_dropped: list[Slug] = _empty_list()
    sentence: SentenceKind | None = None
    term: Duration | None = None
    regime: Regime | None = None
    amount: str | None = None
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] | None = None
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
    date: Date = Field(
        default=UNKNOWN_DATE,
        exclude_if=lambda date: date.unknown,
        json_schema_extra={"default": None},
    )
    type: EventType
    label: str | None = None
    title: Text
    description: str | None = None
    participants: list[Participant] = _empty_list()
    charges: list[Slug] = _empty_list()
    outcomes: list[Outcome] = _empty_list()
    sources: list[CitationRef] = _empty_list()
    status: FactStatus = FactStatus.CONFIRMED
    attribution: list[Slug] = _empty_list()
    disputed_by: list[Slug] = _empty_list()
    after: list[Slug] = _empty_list()
    before: list[Slug] = _empty_list()
    key: Flag = False
    context: Flag = False
    inferred: list[InferredPart] = _empty_list()
    source_text: str | None = None
    relative: RelativeDate | None = None

    @model_validator(mode="after")
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
    sources: Annotated[list[CitationRef], Field(min_length=1)]
    value: str | None = None


class Conflict(Model):
    """Sources that disagree about something in the case, each side with its sources."""

    id: Slug
    about: Annotated[list[Slug], Field(min_length=1)]
    subject: Slug | None = None
    field: str | None = None
    description: str | None = None
    claims: list[Claim]
    note: str | None = None


class Case(Model):
    format: Annotated[
        int, Field(ge=FORMAT_VERSION, le=FORMAT_VERSION), BeforeValidator(_format_number)
    ]
    id: Slug
    title: Text
    jurisdiction: Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
    status: CaseStatus
    status_label: str | None = None
    court: Slug | None = None
    summary: str | None = None
    tags: list[Slug] = _empty_list()
    related: list[RelatedRef] = _empty_list()
    people: list[Person] = _empty_list()
    groups: list[Group] = _empty_list()
    registry_people: list[PersonUse] = _empty_list()
    organizations: list[Organization] = _empty_list()
    charges: list[Charge] = _empty_list()
    sources: list[Source] = _empty_list()
    events: list[Event] = _empty_list()
    conflicts: list[Conflict] = _empty_list()

    @model_validator(mode="after")
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
