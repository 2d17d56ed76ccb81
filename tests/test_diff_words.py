"""A diff's changed fields in words (text and Markdown), while the JSON keeps its paths."""

from __future__ import annotations

import json

import pytest

from conftest import DATA
from test_export_support import load
from timeline.diff import diff_cases
from timeline.model.case import Case
from timeline.views.diff import render_json, render_markdown, render_text
from timeline.views.diff_words import field_words

NAMES = {"aleksandrov": "Aleksandrov", "duulatov": "Duulatov", "gknb": "GKNB", "kloop": "Kloop"}


@pytest.mark.parametrize(
    ("path", "old", "new", "line"),
    [
        (
            "outcomes[decision:aleksandrov,duulatov].term",
            "P5Y",
            "P7Y",
            "Aleksandrov, Duulatov: sentence 5 years -> 7 years",
        ),
        (
            "outcomes[request:aleksandrov].term",
            "P8Y",
            "P6Y6M",
            "prosecution request for Aleksandrov: sentence 8 years -> 6 years 6 months",
        ),
        (
            "outcomes[decision:duulatov].verdict",
            "guilty",
            "acquitted",
            "Duulatov: verdict guilty -> acquitted",
        ),
        (
            "outcomes[decision:duulatov].released",
            False,
            True,
            "Duulatov: released no -> yes",
        ),
        ("participants[gknb].role", "authority", "subject", "GKNB's part: authority -> subject"),
        ("affiliations[kloop].role", "editor", "chief", "role at Kloop: editor -> chief"),
        ("sources[fergana].locator", "p. 1", "p. 2", "locator from fergana: p. 1 -> p. 2"),
        ("key", False, True, "key event: no -> yes"),
        ("context", True, False, "background: yes -> no"),
        ("status", "reported", "confirmed", "fact status: reported -> confirmed"),
        ("title", "Old", "New", "title: Old -> New"),
    ],
)
def test_a_field_in_words(path: str, old: object, new: object, line: str) -> None:
    words = field_words(path, old, new, NAMES)
    assert words.old is not None and words.new is not None
    assert words.line(words.old, words.new) == line


def test_whole_members_in_words() -> None:
    words = field_words("participants", None, {"ref": "gknb", "role": "authority"}, NAMES)
    assert (words.what, words.new) == ("participants", "GKNB (authority)")
    outcome = {"subjects": ["aleksandrov"], "verdict": "guilty", "term": "P5Y"}
    assert field_words("outcomes", outcome, None, NAMES).old == "Aleksandrov: guilty; 5 years"
    claim = {"claim": "On 17 September", "sources": [{"ref": "kloop"}]}
    assert field_words("claims", None, claim, NAMES).new == "On 17 September (kloop)"
    # The case's status is no fact status.
    assert field_words("status", "trial", "convicted", NAMES, section="case").what == "status"


def _resentenced(case: Case) -> Case:
    data = case.model_dump(mode="json")
    verdict = next(e for e in data["events"] if e["id"] == "verdict")
    verdict["outcomes"][0]["term"] = "P7Y"
    return Case.model_validate(data)


def test_the_kloop_diff_speaks_in_words_and_its_json_keeps_paths() -> None:
    kloop = load(DATA / "kloop.yaml")
    diff = diff_cases(kloop, _resentenced(kloop))
    assert "      Aleksandrov, Duulatov: sentence 5 years -> 7 years\n" in render_text(diff)
    assert "| Aleksandrov, Duulatov: sentence | 5 years | 7 years |" in render_markdown(diff)
    fields = json.loads(render_json(diff))["changes"][0]["fields"]
    assert fields == [
        {"path": "outcomes[decision:aleksandrov,duulatov].term", "old": "P5Y", "new": "P7Y"}
    ]


def test_initials_follow_a_person_whose_id_was_renamed() -> None:
    kloop = load(DATA / "kloop.yaml")
    data = kloop.model_dump(mode="json")
    text = json.dumps(data).replace('"accountant-no"', '"accountant-one"')
    renamed = Case.model_validate(json.loads(text))
    diff = diff_cases(kloop, renamed)
    assert diff.names["accountant-no"] == diff.names["accountant-one"] == "N.O."


def test_a_standing_that_changed_is_said_in_words() -> None:
    kloop = load(DATA / "kloop.yaml")
    diff = diff_cases(kloop, _resentenced(kloop))
    assert [item.person for item in diff.standing] == ["aleksandrov", "duulatov"]
    text = render_text(diff)
    assert (
        "  ~ standing of Aleksandrov changed: guilty, 5 years' imprisonment, general regime "
        "(17 September 2025); sentence reduced on appeal"
    ) in text
    assert "-> guilty, 7 years' imprisonment, general regime (17 September 2025)" in text
    assert "#### Standing\n\n- standing of Aleksandrov changed: " in render_markdown(diff)
    assert "standing" not in json.loads(render_json(diff))  # the JSON keeps to its contract


def test_a_large_case_says_its_standing_was_not_compared(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from timeline.diff import standing

    kloop = load(DATA / "kloop.yaml")
    monkeypatch.setattr(standing, "WHOLE_CASE", 10)
    diff = diff_cases(kloop, _resentenced(kloop))
    assert diff.standing is None
    assert render_text(diff).endswith(
        "\nStanding\n  ~ not compared: the case has more than 10 events "
        "(timeline show prints the standing of each version)\n"
    )
    # A change that cannot move a standing (a new title) is no reason to say so.
    data = kloop.model_dump(mode="json")
    data["events"][0]["title"] += " (edited)"
    assert diff_cases(kloop, Case.model_validate(data)).standing == ()
