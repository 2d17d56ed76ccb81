from conftest import MINIMAL

ANNULMENT = """\
  - id: annulment
    date: "{date}"
    type: annulment
    title: Conviction annulled
    outcomes:
      - {{subjects: [{who}], verdict: annulled, acts_on: [{target}], retrial: true}}
    sources: [src]
"""


def _with(date: str = "2026-03-10", who: str = "ann", target: str = "verdict") -> str:
    return MINIMAL + ANNULMENT.format(date=date, who=who, target=target)


def test_acting_on_an_earlier_decision_is_fine(diagnose):
    assert diagnose(_with()) == []


def test_acting_on_a_later_decision(diagnose):
    assert diagnose(_with(date="2025-09-01")) == ["TL406@35:56"]


def test_acting_on_an_event_that_decided_nothing_for_the_subjects(diagnose):
    assert diagnose(_with(who="no")) == ["TL406@35:55"]
    assert diagnose(_with(target="detained")) == ["TL406@35:56"]


def test_acting_on_a_missing_event_is_an_unresolved_reference(diagnose):
    assert diagnose(_with(target="verdikt")) == ["TL302@35:56"]
