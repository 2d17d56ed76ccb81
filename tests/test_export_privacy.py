"""Initials-only people: in every format, their initials and nothing else that names them."""

from __future__ import annotations

import pytest

from test_export_support import CANARY, export_text, leaky, load
from timeline.exporters import EXPORTERS
from timeline.exporters.common import redact
from timeline.model.case import Case
from timeline.model.vocab import Privacy


@pytest.fixture(scope="module")
def case() -> Case:
    return leaky(load())


def test_the_canary_is_in_the_case(case: Case) -> None:
    person = next(p for p in case.people if p.id == "accountant-no")
    assert person.privacy is Privacy.INITIALS
    assert all(word in case.model_dump_json() for word in CANARY)


@pytest.mark.parametrize("format", sorted(EXPORTERS))
@pytest.mark.parametrize("options", [{}, {"mermaid": True, "ics_spans": True}])
def test_only_the_initials_appear(case: Case, format: str, options: dict[str, bool]) -> None:
    text = export_text(case, format, **options)
    assert "N.O." in text
    for word in CANARY:
        assert word not in text, f"{format} leaks {word!r}"


@pytest.mark.parametrize("format", ["markdown", "json"])
def test_other_peoples_aliases_are_exported(case: Case, format: str) -> None:
    # The same code path shows a public person's aliases: their absence above is redaction.
    assert "Анна Пример" in export_text(case, format)


def test_redact_leaves_public_people_alone(case: Case) -> None:
    redacted = redact(case)
    assert [p for p in redacted.people if p.id != "accountant-no"] == [
        p for p in case.people if p.id != "accountant-no"
    ]
    person = next(p for p in redacted.people if p.id == "accountant-no")
    assert (person.name, person.aliases, person.description) == ("N.O.", [], None)
    assert redact(redacted) is redacted
