"""Each defendant's standing, folded from the decisions of a case: the sequences of
tests/fixtures/standing/sequences.yaml, one defendant each, pinned state by state."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import TODAY
from timeline.load.validation import validate_file
from timeline.model.case import Case
from timeline.model.standing import Standing, annulments, standings
from timeline.model.standing_words import standing_words
from timeline.model.vocab import ProceduralState, SentenceKind, Verdict

FIXTURE = Path(__file__).parent / "fixtures" / "standing" / "sequences.yaml"


@pytest.fixture(scope="module")
def case() -> Case:
    report = validate_file(FIXTURE, today=TODAY)
    assert report.diagnostics == []
    assert report.case is not None
    return report.case


@pytest.fixture(scope="module")
def standing(case: Case) -> dict[str, Standing]:
    return standings(case)


def test_every_defendant_has_a_standing_and_officials_none(standing):
    assert list(standing) == [
        "upheld-twice",
        "pardoned",
        "amended",
        "acquitted",
        "overturned",
        "annulled",
        "exchanged",
        "requested",
    ]


def test_verdict_upheld_and_upheld_again_keeps_the_verdict_and_sentence(case, standing):
    found = standing["upheld-twice"]
    assert found.state is ProceduralState.CONVICTED
    assert found.verdict is Verdict.GUILTY
    assert found.sentence is not None
    assert (found.sentence.sentence, found.sentence.term) == (SentenceKind.IMPRISONMENT, "P6Y")
    assert found.set_by is not None and found.set_by.id == "verdict"
    assert [event.id for event in found.upheld_by] == ["appeal-decision", "cassation"]
    assert standing_words(case, found).startswith(
        "guilty, 6 years' imprisonment (10 October 2024), "
        "upheld on appeal (18 December 2024) and again (25 February 2025)"
    )


def test_amended_then_upheld_keeps_the_amended_sentence(case, standing):
    found = standing["amended"]
    assert found.state is ProceduralState.CONVICTED
    assert found.sentence is not None and found.sentence.term == "P2Y"
    assert found.amended_by is not None and found.amended_by.id == "appeal-decision"
    assert [event.id for event in found.upheld_by] == ["cassation"]
    assert standing_words(case, found) == (
        "guilty, 3 years' probation (10 October 2024); sentence reduced on appeal to "
        "2 years' probation (18 December 2024), upheld on appeal (25 February 2025); released"
    )


def test_annulled_conviction_leaves_a_retrial_pending(case, standing):
    found = standing["annulled"]
    assert found.state is ProceduralState.RETRIAL_PENDING
    assert (found.verdict, found.sentence, found.set_by) == (None, None, None)
    assert found.retrial
    annulled = [step.event.id for step in found.steps if step.annulled_by is not None]
    assert annulled == ["verdict", "appeal-decision", "cassation"]
    assert standing_words(case, found).startswith(
        "conviction annulled (10 March 2026); retrial pending"
    )


def test_an_annulment_marks_only_the_outcomes_of_its_subjects(case):
    marks = annulments(case)
    assert set(marks) == {
        ("verdict", "annulled"),
        ("appeal-decision", "annulled"),
        ("cassation", "annulled"),
    }
    assert {event.id for event in marks.values()} == {"annulment"}


def test_pardon_keeps_the_conviction(case, standing):
    found = standing["pardoned"]
    assert found.state is ProceduralState.PARDONED
    assert found.verdict is Verdict.GUILTY
    assert found.sentence is not None and found.sentence.term == "P5Y"
    assert found.custody is not None and found.custody.liberty.value == "at-liberty"
    assert standing_words(case, found).endswith("pardoned (date unknown, after 25 February 2025)")


def test_exchange_releases_without_erasing_the_conviction(case, standing):
    found = standing["exchanged"]
    assert found.state is ProceduralState.EXCHANGED
    assert found.verdict is Verdict.GUILTY
    assert standing_words(case, found) == (
        "guilty, 8 years' imprisonment, strict regime (10 October 2024); "
        "released in a prisoner exchange (20 January 2025)"
    )


def test_acquittal_upheld(case, standing):
    found = standing["acquitted"]
    assert found.state is ProceduralState.ACQUITTED
    assert found.sentence is None
    assert standing_words(case, found) == (
        "acquitted (10 October 2024), upheld on appeal (18 December 2024); released"
    )


def test_acquittal_overturned_is_a_conviction_with_the_new_sentence(case, standing):
    found = standing["overturned"]
    assert found.state is ProceduralState.CONVICTED
    assert found.verdict is Verdict.GUILTY
    assert found.sentence is not None and found.sentence.term == "P4Y"
    assert found.set_by is not None and found.set_by.id == "appeal-decision"
    assert standing_words(case, found).startswith(
        "acquittal overturned: guilty, 4 years' imprisonment (18 December 2024)"
    )


def test_decisions_that_name_some_defendants_leave_the_others_alone(standing):
    # The cassation named three people: the others keep what the City Court left them.
    assert [e.id for e in standing["pardoned"].upheld_by] == ["appeal-decision"]
    assert [e.id for e in standing["acquitted"].upheld_by] == ["appeal-decision"]
    assert standing["exchanged"].upheld_by == ()


def test_a_request_is_never_a_decision(case, standing):
    found = standing["requested"]
    assert found.state is ProceduralState.AWAITING_TRIAL
    assert found.verdict is None
    assert all(step.event.id != "request" for step in found.steps)
    assert standing_words(case, found) == "awaiting trial; released"


def test_a_decision_of_unknown_date_is_placed_by_after(case, standing):
    order = [event.id for event in case.chronology]
    assert order.index("pardon") == order.index("cassation") + 1
    pardon = case.index["pardon"]
    assert pardon.date.unknown
    assert pardon.date.display() == "date unknown, after 25 February 2025"
    assert standing["pardoned"].relief is not None
    assert standing["pardoned"].relief.event.id == "pardon"


def test_international_opinions_do_not_change_the_standing(case, standing):
    found = standing["annulled"]
    assert [step.event.id for step in found.opinions] == ["opinion"]
    assert "WGAD found a violation (20 October 2025)" in standing_words(case, found)


def test_charges_added_by_a_measure_are_in_force(standing):
    assert standing["requested"].charges == ("art-278",)


def test_appeal_is_pending_until_decided():
    from timeline.model.standing import Step, fold

    case = validate_file(FIXTURE, today=TODAY).case
    assert case is not None
    verdict, appeal = case.index["verdict"], case.index["appeal"]
    outcome = verdict.outcomes[4]  # the acquittals
    steps = [Step(verdict, outcome, "acquitted"), Step(appeal, None, "appeal")]
    assert fold("overturned", steps).state is ProceduralState.APPEAL_PENDING
