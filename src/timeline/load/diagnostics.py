"""The `Diagnostic` value, the catalogue of diagnostic codes, and severities.

A problem found in a case file travels in two stages. Checks and the schema
step produce a `Finding`: a code, a message and the path of the offending item
in the document (``("events", 3, "date")``). Only files that have findings pay
for positions: the loader then turns each finding into a `Diagnostic` with a
file, a line and a column (see `timeline.load.loader.Document.add`).

The core, not the check, decides severity: it comes from `CODES`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from timeline.model.case import Case

PathPart = str | int
Path = tuple[PathPart, ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Code(NamedTuple):
    """One diagnostic code: its severity and a one-line rule for the docs."""

    code: str
    severity: Severity
    title: str
    rule: str


class Finding(NamedTuple):
    """A problem at a path in the document, not yet located in the file."""

    code: str
    message: str
    path: Path = ()
    hint: str | None = None
    # "key" points at a mapping key (an unknown or duplicate key); "value" at its value.
    target: Literal["key", "value"] = "value"


class Span(NamedTuple):
    """1-based start and end positions in a file; the end column is exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


class Diagnostic(NamedTuple):
    code: str
    severity: Severity
    file: str
    span: Span
    path: str
    message: str
    hint: str | None = None
    excerpt: str | None = None
    # The column of the line that `excerpt` starts at: 1, unless the line is too long to
    # show whole and the spot is far along it.
    excerpt_column: int = 1

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "severity": str(self.severity),
            "code": self.code,
            "path": self.path,
            "message": self.message,
            "hint": self.hint,
        }


@dataclass(slots=True)
class FileReport:
    """The outcome of validating one file: its diagnostics and, if it loaded, the case."""

    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # The case resolved through the registry: its own entries, then the registry's it uses.
    case: Case | None = None
    uses: frozenset[str] = frozenset()  # the ids of registry entries it uses

    @property
    def errors(self) -> int:
        return count(self.diagnostics)[0]

    @property
    def warnings(self) -> int:
        return count(self.diagnostics)[1]

    @property
    def valid(self) -> bool:
        return self.case is not None and self.errors == 0


def format_path(path: Sequence[PathPart]) -> str:
    """``("events", 3, "date")`` -> ``"events[3].date"``."""
    out: list[str] = []
    for part in path:
        if isinstance(part, int):
            out.append(f"[{part}]")
        else:
            out.append(f".{part}" if out else part)
    return "".join(out)


def severity_of(code: str) -> Severity:
    return CODES[code].severity


def count(diagnostics: Iterable[Diagnostic]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = warnings = 0
    for diagnostic in diagnostics:
        if diagnostic.severity is Severity.ERROR:
            errors += 1
        else:
            warnings += 1
    return errors, warnings


_E, _W = Severity.ERROR, Severity.WARNING

_CATALOGUE: tuple[tuple[str, Severity, str, str], ...] = (
    # TL1xx: the file and its YAML
    ("TL101", _E, "yaml-syntax", "The file must be well-formed YAML."),
    ("TL102", _E, "encoding", "The file must be UTF-8 text (not UTF-16, not binary)."),
    ("TL103", _E, "empty-file", "The file must contain a case, not nothing."),
    ("TL104", _E, "not-a-mapping", "The document must be a mapping of case fields."),
    ("TL105", _E, "several-documents", "A case file holds exactly one YAML document."),
    ("TL106", _E, "duplicate-key", "A key appears at most once in a mapping."),
    ("TL107", _E, "alias", "Anchors and aliases (&a, *a) are not allowed."),
    ("TL108", _E, "too-deep", "Nesting is limited in depth."),
    ("TL109", _E, "too-large", "A case file is limited in size."),
    ("TL110", _E, "tag", "Explicit YAML tags (!!python/object...) are not allowed."),
    ("TL111", _W, "byte-order-mark", "A UTF-8 file should not start with a byte-order mark."),
    ("TL112", _E, "unreadable", "The file must be readable."),
    ("TL113", _W, "more-problems", "Only the first diagnostics of each code are listed."),
    # TL2xx: the schema
    ("TL201", _E, "unknown-key", "Every key must be a field of the format."),
    ("TL202", _E, "missing-key", "Required fields must be present."),
    ("TL203", _E, "wrong-type", "A value must have the type its field expects."),
    ("TL204", _E, "invalid-value", "A value must have the form its field expects."),
    ("TL205", _E, "invalid-date", "Dates are EDTF in the profile the tool supports."),
    ("TL206", _W, "unquoted-date", "Dates should be quoted, so YAML keeps them as text."),
    ("TL207", _E, "unknown-term", "Vocabulary fields take one of the documented terms."),
    ("TL208", _E, "format-version", "The file declares a format version this tool reads."),
    # TL3xx: identity and references
    ("TL301", _E, "duplicate-id", "Ids are unique in the file."),
    ("TL302", _E, "unresolved-reference", "Every reference names an item of the right kind."),
    ("TL303", _E, "id-mismatch", "The case id equals the file name."),
    ("TL304", _W, "unknown-related-case", "A related case is a case file of the same folder."),
    ("TL305", _E, "registry-redefined", "A case does not define an id the registry defines."),
    ("TL306", _W, "outcome-subject", "A decision names defendants or suspects (or groups)."),
    ("TL307", _W, "no-registry", "References the file does not define need its registry."),
    ("TL308", _W, "unused-registry-entry", "Every registry entry is used by some case."),
    (
        "TL309",
        _E,
        "related-case-removed",
        "A change (validate --changed) leaves no case naming a case it deletes or renames.",
    ),
    # TL4xx: chronology
    ("TL401", _E, "after-violated", "`after` and `before` must agree with the dates."),
    ("TL402", _E, "outcome-before-arrest", "No verdict for a person before their first arrest."),
    ("TL403", _E, "future-date", "Events do not happen in the future."),
    ("TL404", _E, "relative-date", "A relative date must agree with its anchor's date."),
    ("TL405", _E, "inferred-parts", "An inferred date part needs `source_text` and the part."),
    ("TL406", _E, "acts-on", "A decision acts on earlier decisions for its subjects."),
    ("TL407", _W, "custody-order", "Custody periods follow one another without overlapping."),
    # TL5xx: sourcing
    ("TL501", _W, "unsourced-event", "Every event cites at least one source."),
    ("TL502", _W, "unused-source", "Every listed source is cited somewhere."),
    # TL6xx: privacy
    ("TL601", _E, "privacy-name", "An initials-only person's name is initials only."),
    ("TL602", _E, "privacy-details", "An initials-only person has no aliases or other names."),
    # TL7xx: vocabularies
    ("TL701", _E, "other-needs-label", "`other` needs a `label` that says what it is."),
    ("TL702", _W, "label-without-other", "A `label` only goes with the term `other`."),
    ("TL703", _E, "unknown-country", "The jurisdiction is an ISO 3166-1 alpha-2 country code."),
    # TL8xx: disputes and conflicts between sources
    ("TL801", _E, "conflict-claims", "A conflict has two or more claims, each with sources."),
    ("TL802", _E, "conflict-status", "A contested event is the subject of a recorded conflict."),
    ("TL803", _W, "disputed-without-who", "A disputed event names who disputes it."),
)

CODES: dict[str, Code] = {c[0]: Code(*c) for c in _CATALOGUE}
