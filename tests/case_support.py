"""Helpers for the tests that pin the facts of a case file in data/cases."""

from __future__ import annotations

from conftest import DATA, TODAY
from timeline.load.validation import validate_file
from timeline.model.case import Case, Event


def load_clean(case_id: str) -> Case:
    """The case as every command loads it; it must validate without a single diagnostic."""
    report = validate_file(DATA / f"{case_id}.yaml", today=TODAY)
    assert report.diagnostics == []
    assert report.case is not None
    return report.case


def event(case: Case, event_id: str) -> Event:
    found = case.index[event_id]
    assert isinstance(found, Event)
    return found


def cited(item: Event) -> set[str]:
    return {citation.ref for citation in item.sources}


def people(item: Event) -> set[str]:
    return {p.ref for p in item.participants}
