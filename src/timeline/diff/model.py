"""The result of a diff: its JSON (`CaseDiff.to_json()`) *is* `timeline diff --format json`."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

ChangeKind = Literal["added", "removed", "changed", "renamed"]
DateKind = Literal["refined", "coarsened", "moved", "changed"]
# The order of the sections in `changes` (events first, by date).
SECTIONS = ("events", "case", "people", "organizations", "charges", "sources", "conflicts")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class FieldChange(_Model):
    """One changed field: `old` is null for an added value, `new` null for a removed one."""

    path: str
    old: Any = None
    new: Any = None


class Place(_Model):
    """An event's neighbours in the new chronology, when its date change moved it past others."""

    after: str | None
    before: str | None


class DateChange(_Model):
    """How a date changed: refined, coarsened, moved (by `shift_days`), or changed."""

    kind: DateKind
    old: str
    new: str
    old_display: str
    new_display: str
    shift_days: int | None = None
    place: Place | None = None


class Change(_Model):
    """One item that was added, removed, changed or renamed (`old_id` is the former id)."""

    kind: ChangeKind
    section: str
    id: str
    old_id: str | None = None
    label: str
    date: str | None = None
    fields: list[FieldChange] = []
    date_change: DateChange | None = None


class Summary(_Model):
    added: int = 0
    removed: int = 0
    changed: int = 0
    renamed: int = 0

    @property
    def total(self) -> int:
        return self.added + self.removed + self.changed + self.renamed


class Version(_Model):
    """Which version a side is: the case id, the file, the git revision (null: on disk)."""

    id: str
    file: str | None = None
    rev: str | None = None


class CaseDiff(_Model):
    version: Literal[1] = 1
    old: Version
    new: Version
    summary: Summary
    changes: list[Change]

    @property
    def identical(self) -> bool:
        return not self.changes

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def sections(self) -> list[tuple[str, list[Change]]]:
        """The changes grouped by section, in the fixed section order."""
        groups: dict[str, list[Change]] = {}
        for change in self.changes:
            groups.setdefault(change.section, []).append(change)
        return [(section, groups[section]) for section in SECTIONS if section in groups]
