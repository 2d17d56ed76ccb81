"""The result of a diff: its JSON (`CaseDiff.to_json()`) *is* `timeline diff --format json`.

Plain frozen dataclasses: a diff of a large case makes hundreds of thousands of
field changes, and their values are already JSON (from `model_dump(mode="json")`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ChangeKind = Literal["added", "removed", "changed", "renamed"]
DateKind = Literal["refined", "coarsened", "moved", "changed"]
# The order of the sections in `changes` (events first, by date).
SECTIONS = ("events", "case", "people", "organizations", "charges", "sources", "conflicts")


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One changed field: `old` is null for an added value, `new` null for a removed one."""

    path: str
    old: Any = None
    new: Any = None

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "old": self.old, "new": self.new}


@dataclass(frozen=True, slots=True)
class Place:
    """An event's neighbours in the new chronology, when its date change moved it past others."""

    after: str | None
    before: str | None


@dataclass(frozen=True, slots=True)
class DateChange:
    """How a date changed: refined, coarsened, moved (by `shift_days`), or changed."""

    kind: DateKind
    old: str
    new: str
    old_display: str
    new_display: str
    shift_days: int | None = None
    place: Place | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Change:
    """One item that was added, removed, changed or renamed (`old_id` is the former id)."""

    kind: ChangeKind
    section: str
    id: str
    label: str
    old_id: str | None = None
    date: str | None = None
    fields: tuple[FieldChange, ...] = ()
    date_change: DateChange | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "section": self.section,
            "id": self.id,
            "old_id": self.old_id,
            "label": self.label,
            "date": self.date,
            "fields": [f.to_json() for f in self.fields],
            "date_change": self.date_change.to_json() if self.date_change else None,
        }


@dataclass(frozen=True, slots=True)
class Summary:
    added: int = 0
    removed: int = 0
    changed: int = 0
    renamed: int = 0

    @classmethod
    def of(cls, changes: tuple[Change, ...] | list[Change]) -> Summary:
        counts = {"added": 0, "removed": 0, "changed": 0, "renamed": 0}
        for change in changes:
            counts[change.kind] += 1
        return cls(**counts)

    @property
    def total(self) -> int:
        return self.added + self.removed + self.changed + self.renamed

    def to_json(self) -> dict[str, int]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class StandingChange:
    """Where a person stands, in words, before and after (None: not a defendant then)."""

    person: str
    name: str
    old: str | None
    new: str | None


@dataclass(frozen=True, slots=True)
class Version:
    """Which version a side is: the case id, the file, the git revision (null: on disk)."""

    id: str
    file: str | None = None
    rev: str | None = None

    def to_json(self) -> dict[str, str | None]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class CaseDiff:
    old: Version
    new: Version
    changes: tuple[Change, ...]
    summary: Summary = field(default_factory=Summary)
    version: Literal[1] = 1
    # Short names of the people and organizations, by id, for renderers that speak in words
    # (initials-only people by their initials); not part of the JSON, which keeps ids.
    names: dict[str, str] = field(default_factory=dict, compare=False)
    # How the changes moved where people stand (text and Markdown say it; not in the JSON);
    # None when they may have, but the case was too large to fold.
    standing: tuple[StandingChange, ...] | None = field(default=(), compare=False)

    @classmethod
    def of(
        cls,
        old: Version,
        new: Version,
        changes: tuple[Change, ...],
        names: dict[str, str] | None = None,
        standing: tuple[StandingChange, ...] | None = (),
    ) -> CaseDiff:
        return cls(old, new, changes, Summary.of(changes), names=names or {}, standing=standing)

    @property
    def identical(self) -> bool:
        return not self.changes

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "old": self.old.to_json(),
            "new": self.new.to_json(),
            "summary": self.summary.to_json(),
            "changes": [change.to_json() for change in self.changes],
        }

    def sections(self) -> list[tuple[str, list[Change]]]:
        """The changes grouped by section, in the fixed section order."""
        groups: dict[str, list[Change]] = {}
        for change in self.changes:
            groups.setdefault(change.section, []).append(change)
        return [(section, groups[section]) for section in SECTIONS if section in groups]
