"""The corrections of a second reading of the Kloop sources, pinned.

Each test holds one fact that the first version of the data got wrong or left out: the
appeal was filed on or before 6 October 2025 (not on the 8th, when 24.kg reported it), the
custody term, the opening of the trial, the plea stages each with its own source, the
judge's source, and the disagreements recorded as conflicts.
"""

from __future__ import annotations

import datetime as dt

import pytest

from case_support import cited, event, load_clean, people
from timeline.model.case import Case
from timeline.model.vocab import EventType, FactStatus, SentenceKind, Verdict

EDITORS = {"aleksandrov", "duulatov"}
ACCOUNTANTS = {"accountant-no", "accountant-ke"}


@pytest.fixture(scope="module")
def case() -> Case:
    return load_clean("kloop")


def test_appeal_filed_on_or_before_6_october(case: Case) -> None:
    appeal = event(case, "appeal-filed")
    assert appeal.type is EventType.APPEAL
    # No day is invented: some day after the verdict, at the latest the 6th.
    assert appeal.date.latest == dt.date(2025, 10, 6)
    assert appeal.date.earliest == dt.date(2025, 9, 17)
    assert appeal.date.one_of
    assert {"kloop-20251006", "24kg-346429"} <= cited(appeal)
    assert "abakirov" in people(appeal)


def test_custody_ordered_until_21_july_and_upheld(case: Case) -> None:
    ordered = event(case, "detention-ordered")
    (outcome,) = ordered.outcomes
    assert set(outcome.subjects) == EDITORS
    assert outcome.sentence is SentenceKind.PRETRIAL_DETENTION
    assert "occrp-2025-06-04" in cited(ordered)
    assert outcome.until is not None and outcome.until.text == "2025-07-21"
    upheld = event(case, "custody-upheld")
    assert upheld.type is EventType.APPEAL_DECISION
    assert [(o.subjects, o.verdict) for o in upheld.outcomes] == [(["aleksandrov"], Verdict.UPHELD)]
    assert upheld.date.latest == dt.date(2025, 6, 28)
    assert "24kg-334581" in cited(upheld)


def test_case_sent_to_court_and_trial_opened(case: Case) -> None:
    sent = event(case, "case-sent-to-court")
    assert (sent.type, sent.date.latest) == (EventType.INDICTMENT, dt.date(2025, 7, 23))
    assert "24kg-337233" in cited(sent)
    opened = event(case, "trial-opened")
    assert (opened.date.text, opened.type, opened.key) == ("2025-08-05", EventType.HEARING, True)
    assert people(opened) >= EDITORS | ACCOUNTANTS | {"pervomaisky-court"}
    assert "orda-2025-08" in cited(opened)
    # The house-arrest motion was refused: the camera operators stay in custody.
    (kept,) = opened.outcomes
    assert (set(kept.subjects), kept.sentence) == (EDITORS, SentenceKind.PRETRIAL_DETENTION)
    witnesses = event(case, "witnesses-heard")
    assert (witnesses.date.text, witnesses.type) == ("2025-09-01", EventType.HEARING)
    assert {"occrp-witnesses", "kloop-20250901"} <= cited(witnesses)


# plea event: (date, who pleaded, the sources that report it, status)
PLEAS = {
    "custody-hearing-pleas": (
        "2025-05-30",
        EDITORS | ACCOUNTANTS,
        {"ipi-2025-05"},
        FactStatus.REPORTED,
    ),
    "early-admissions": (
        "[2025-05-28..2025-09-09]",
        EDITORS,
        {"diplomat-2025-09", "afp-2025-09-18"},
        FactStatus.REPORTED,
    ),
    "admissions-withdrawn": (
        "2025-09-09",
        EDITORS,
        {"kloop-20250916", "azattyk-33532550"},
        FactStatus.CONTESTED_BY_SOURCES,
    ),
    "trial-pleas": (
        "[2025-08-05..2025-09-17]",
        EDITORS | ACCOUNTANTS,
        {"fergana-140383"},
        FactStatus.CONFIRMED,
    ),
    "appeal-pleas": (
        "2025-11-04",
        EDITORS,
        {"occrp-2025-11-04", "occrp-release"},
        FactStatus.CONFIRMED,
    ),
}


def test_every_plea_stage_with_its_sources(case: Case) -> None:
    pleas = {e.id for e in case.events if e.type is EventType.PLEA}
    assert pleas == set(PLEAS)
    for event_id, (date, who, sources, status) in PLEAS.items():
        item = event(case, event_id)
        defendants = {p.ref for p in item.participants if p.role.value == "defendant"}
        assert (item.date.text, defendants, cited(item), item.status) == (
            date,
            who,
            sources,
            status,
        ), event_id


def test_only_the_withdrawal_date_of_the_pleas_is_disputed(case: Case) -> None:
    about_pleas = [
        c for c in case.conflicts if set(c.about) & {e for e in PLEAS if e in case.index}
    ]
    assert [(c.id, c.field) for c in about_pleas] == [("admissions-withdrawn-date", "date")]
    assert [claim.value for claim in about_pleas[0].claims] == ["2025-09-09", "2025-09-16"]


def test_the_judge_is_sourced_to_reports_that_name_her(case: Case) -> None:
    judge = next(p for p in case.people if p.id == "umetalieva")
    assert "CPJ" not in (judge.description or "")
    assert "24.kg" in (judge.description or "")
    verdict = event(case, "verdict")
    assert "umetalieva" in people(verdict)
    assert {"24kg-346429", "kloop-20250917"} <= cited(verdict)


def test_spellings_as_aliases(case: Case) -> None:
    aliases = {p.id: {a.name for a in p.aliases} for p in case.people}
    assert "Alexander Alexandrov" in aliases["aleksandrov"]
    assert "Rinat Tuhvatshin" in aliases["tukhvatshin"]


def test_blocking_years_are_marked_inferred(case: Case) -> None:
    kyrgyz = event(case, "kyrgyz-site-blocked")
    assert ([p.value for p in kyrgyz.inferred], kyrgyz.source_text) == (["year"], "early November")
    assert "24kg-295696" in cited(event(case, "blocking-found-lawful"))


def test_statements_after_the_verdict_are_not_cited_for_it(case: Case) -> None:
    # 24kg-365074 is of March 2026: it is no report of the 2025 events before the appeal.
    for item in case.events:
        if item.date.latest and item.date.latest < dt.date(2025, 11, 25):
            assert "24kg-365074" not in cited(item), item.id
