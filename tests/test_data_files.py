"""Every case file in data/cases validates cleanly, related cases link both ways, and the
authoring guide (docs/data-format.md) keeps up with the vocabularies and the date display."""

from __future__ import annotations

import re

import pytest

from conftest import DATA, REPO, TODAY
from timeline import dates
from timeline.load.validation import validate_bytes, validate_file
from timeline.model.case import Case
from timeline.model.vocab import VOCABULARIES
from timeline.store.template import VOCABULARY_END, VOCABULARY_START, vocabulary_markdown

FILES = sorted(DATA.glob("*.yaml"))
GUIDE = REPO / "docs" / "data-format.md"


def load(path) -> Case:  # type: ignore[no-untyped-def]
    report = validate_file(path, today=TODAY)
    assert report.case is not None
    return report.case


def test_there_are_case_files() -> None:
    assert {p.stem for p in FILES} >= {"kloop", "kloop-extremism", "kloop-liquidation"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_validates_without_errors_or_warnings(path) -> None:  # type: ignore[no-untyped-def]
    report = validate_file(path, today=TODAY)
    assert [f"{d.code}@{d.line}:{d.column} {d.message}" for d in report.diagnostics] == []
    assert report.case is not None and report.case.id == path.stem


def test_related_links_are_symmetric() -> None:
    related = {path.stem: set(load(path).related_ids) for path in FILES}
    for case_id, others in related.items():
        for other in others:
            assert other in related, f"{case_id}: related case {other} has no file"
            assert case_id in related[other], f"{other} does not list {case_id} in related"


# --- the authoring guide -------------------------------------------------------------------


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def test_guide_lists_every_vocabulary_term_with_its_definition() -> None:
    text = guide()
    start, end = text.index(VOCABULARY_START), text.index(VOCABULARY_END) + len(VOCABULARY_END)
    assert text[start:end] == vocabulary_markdown(), "run: python -m timeline.store.template"
    for vocabulary in VOCABULARIES.values():
        for term in vocabulary:
            definition = term.definition.replace("|", "\\|")
            assert f"| `{term.value}` | {definition} |" in text


def _model_fields() -> dict[str, list[str]]:
    from timeline.model import case as models

    found: dict[str, list[str]] = {}
    for name in dir(models):
        item = getattr(models, name)
        if isinstance(item, type) and issubclass(item, models.Model) and item is not models.Model:
            found[name] = list(item.model_fields)
    return found


@pytest.mark.parametrize(("model", "fields"), sorted(_model_fields().items()))
def test_guide_documents_every_field(model: str, fields: list[str]) -> None:
    text = guide()
    heading = re.search(rf"^#+ .*\(`{model}`\)$", text, re.MULTILINE)
    assert heading, f"no section for {model} in {GUIDE.name}"
    section = text[heading.end() :].split("\n#", 1)[0]
    documented = re.findall(r"^\| `([a-z_]+)` \|", section, re.MULTILINE)
    assert documented == fields, f"the {model} table must list its fields in model order"


def _date_examples() -> list[tuple[str, str]]:
    text = guide()
    start = text.index("<!-- dates:start -->")
    end = text.index("<!-- dates:end -->")
    rows = re.findall(r'^\| `"([^"`]*)"` \| (.+?) \|', text[start:end], re.MULTILINE)
    assert len(rows) >= 10
    return rows


@pytest.mark.parametrize(("text", "shown"), _date_examples())
def test_guide_date_examples_display_as_documented(text: str, shown: str) -> None:
    assert dates.parse(text).display() == shown


def test_guide_worked_example_validates() -> None:
    text = guide().split("## Worked example", 1)[1]
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    report = validate_bytes(example.encode("utf-8"), "kloop-example.yaml", stem="kloop-example")
    assert [f"{d.code} {d.message}" for d in report.diagnostics] == []
    assert report.case is not None


def _prosecution_example() -> tuple[str, list[str]]:
    text = guide().split("## Worked example: how a prosecution unfolds", 1)[1]
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    shown = text.split("```text\n", 1)[1].split("```", 1)[0]
    return example, shown.splitlines()


def test_guide_prosecution_example_validates_and_shows_its_standing() -> None:
    from timeline.model.standing import standings
    from timeline.model.standing_words import standing_line

    example, shown = _prosecution_example()
    report = validate_bytes(example.encode("utf-8"), "example-eleven.yaml", stem="example-eleven")
    assert [f"{d.code} {d.message}" for d in report.diagnostics] == []
    case = report.case
    assert case is not None
    found = standings(case)
    lines = [f"{case.display_name(p)}: {standing_line(case, s)}" for p, s in found.items()]
    assert lines == shown


def test_guide_snippets_of_the_additions_are_valid_parts_of_a_case() -> None:
    import yaml

    from timeline.model.case import Conflict, Event, Group, Outcome, Related

    section = guide().split("### Decisions by any authority", 1)[1].split("## Vocabularies", 1)[0]
    snippets = [yaml.safe_load(s.split("```", 1)[0]) for s in section.split("```yaml\n")[1:]]
    outcomes, (annulment,), (conflict,), groups, related = snippets
    for outcome in outcomes["outcomes"]:
        Outcome.model_validate(outcome)
    event = Event.model_validate({**annulment, "title": "t"})
    assert event.outcomes[0].acts_on == ["verdict", "city-court", "supreme-court"]
    assert Conflict.model_validate(conflict).subject == "beishekeeva"
    assert Group.model_validate(groups["groups"][0]).members == ["tajibek-kyzy", "ishenbekov"]
    found = [
        Related.model_validate(item if isinstance(item, dict) else {"case": item})
        for item in related["related"]
    ]
    assert [item.relation for item in found] == [None, "same-people"]


def test_guide_lists_every_procedural_state() -> None:
    from timeline.model.vocab import ProceduralState

    text = guide()
    for state in ProceduralState:
        assert f"| `{state.value}` | {state.definition} |" in text
