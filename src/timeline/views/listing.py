"""What `timeline list` displays: one row per case file, and its JSON form."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from timeline.views.query import CaseSummary
from timeline.views.safe import clean, json_text


@dataclass(frozen=True, slots=True)
class CaseRow:
    """A case in words; `invalid` says why a file could not be summarized."""

    id: str
    file: str
    title: str = ""
    events: str = ""
    first: str = ""
    last: str = ""
    status: str = ""
    invalid: str | None = None
    errors: str = ""

    @property
    def facts(self) -> str:
        """``16 events, 23 November 2022 to 25 November 2025; convicted``."""
        span = ""
        if self.first:
            span = (
                f", {self.first}" if self.first == self.last else f", {self.first} to {self.last}"
            )
        return f"{self.events}{span}; {self.status}"


def case_rows(summaries: Iterable[CaseSummary]) -> list[CaseRow]:
    return [case_row(summary) for summary in summaries]


def case_row(summary: CaseSummary) -> CaseRow:
    if not summary.valid:
        errors = _plural(summary.errors, "error")
        return CaseRow(
            id=clean(summary.id),
            file=clean(summary.file),
            invalid=f"{errors}; see: timeline validate {clean(summary.file)}",
            errors=errors,
        )
    return CaseRow(
        id=clean(summary.id),
        file=clean(summary.file),
        title=clean(summary.title or ""),
        events=_plural(summary.events, "event"),
        first=clean(summary.first_display or ""),
        last=clean(summary.last_display or ""),
        status=clean(status_words(summary)),
    )


def status_words(summary: CaseSummary) -> str:
    words = (summary.status or "").replace("-", " ")
    label = summary.status_label
    if not label:
        return words
    return label if summary.status == "other" else f"{words} ({label})"


def _plural(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def summary_json(summary: CaseSummary) -> dict[str, object]:
    """The fields of a summary; dates both as displayed and as EDTF (null when unknown)."""
    return {
        "id": summary.id,
        "file": summary.file,
        "valid": summary.valid,
        "title": summary.title,
        "status": summary.status,
        "status_label": summary.status_label,
        "events": summary.events if summary.valid else None,
        "first_date": summary.first.text if summary.first else None,
        "first_date_display": summary.first_display,
        "last_date": summary.last.text if summary.last else None,
        "last_date_display": summary.last_display,
        "errors": summary.errors,
        "warnings": summary.warnings,
    }


def catalog_json(summaries: Iterable[CaseSummary]) -> str:
    """A JSON list of the cases (ends with a newline)."""
    document = [summary_json(summary) for summary in summaries]
    return json_text(document)
