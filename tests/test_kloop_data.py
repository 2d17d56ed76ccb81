"""The key facts of the Kloop case, pinned: an edit that loses one of them fails here.

The case is loaded through the library, as every command loads it.
"""

from __future__ import annotations

import pytest

from case_support import cited, event, load_clean
from timeline.model.case import Case, Event, Outcome
from timeline.model.vocab import (
    EventType,
    FactStatus,
    OutcomeKind,
    Privacy,
    Regime,
    SentenceKind,
    Verdict,
)

EDITORS = {"aleksandrov", "duulatov"}
ACCOUNTANTS = {"accountant-no", "accountant-ke"}


@pytest.fixture(scope="module")
def case() -> Case:
    return load_clean("kloop")


def outcome_for(item: Event, subjects: set[str]) -> Outcome:
    matches = [o for o in item.outcomes if set(o.subjects) == subjects]
    assert len(matches) == 1, f"{item.id}: one outcome for {sorted(subjects)}"
    return matches[0]


def test_case_header(case: Case) -> None:
    assert (case.id, case.jurisdiction, case.status.value) == ("kloop", "KG", "convicted")
    assert set(case.related_ids) == {"kloop-extremism", "kloop-liquidation", "temirov-live"}
    assert {(c.article, c.part) for c in case.charges} == {("40", None), ("278", "3")}


@pytest.mark.parametrize(
    ("event_id", "date", "kind"),
    [
        ("editors-detained", "2025-05-28", EventType.DETENTION),
        ("detention-ordered", "2025-05-30", EventType.PRETRIAL_MEASURE),
        ("accountant-detained", "2025-05-30", EventType.DETENTION),
        ("verdict", "2025-09-17", EventType.VERDICT),
        ("trial-opened", "2025-08-05", EventType.HEARING),
        ("appeal-decision", "2025-11-25", EventType.APPEAL_DECISION),
    ],
)
def test_key_dates(case: Case, event_id: str, date: str, kind: EventType) -> None:
    item = event(case, event_id)
    assert (item.date.text, item.type, item.key) == (date, kind, True)


def test_accounts_frozen_in_july(case: Case) -> None:
    item = event(case, "accounts-frozen")
    assert (item.date.text, item.type) == ("2025-07", EventType.ASSET_FREEZE)


def test_detention_of_the_editors(case: Case) -> None:
    item = event(case, "editors-detained")
    detainees = {p.ref for p in item.participants if p.role.value == "detainee"}
    assert detainees == EDITORS
    assert "gknb" in {p.ref for p in item.participants if p.role.value == "authority"}


def test_detention_order_is_two_days_after_the_arrest(case: Case) -> None:
    item = event(case, "detention-ordered")
    assert item.relative is not None
    assert (item.relative.event, item.relative.offset) == ("editors-detained", "P2D")
    assert item.relative.source_text == "two days later"
    assert outcome_for(item, EDITORS).sentence is SentenceKind.PRETRIAL_DETENTION


def test_prosecution_requests(case: Case) -> None:
    item = event(case, "prosecution-request")
    assert item.type is EventType.PROSECUTION_REQUEST
    editors, accountants = outcome_for(item, EDITORS), outcome_for(item, ACCOUNTANTS)
    assert (editors.kind, editors.term) == (OutcomeKind.REQUEST, "P8Y")
    assert (accountants.kind, accountants.term) == (OutcomeKind.REQUEST, "P6Y")
    # The source gives the terms only: no kind of sentence is recorded for them.
    assert editors.sentence is None and accountants.sentence is None
    # The day is unknown: one day between the opening of the trial and the verdict,
    # not an invented day.
    assert item.date.text == "[2025-08-05..2025-09-17]"
    assert item.date.one_of


def test_first_instance_verdict(case: Case) -> None:
    item = event(case, "verdict")
    assert set(item.charges) == {"cc-40", "cc-278-3"}
    editors = outcome_for(item, EDITORS)
    assert editors.kind is OutcomeKind.DECISION
    assert (editors.verdict, editors.sentence, editors.term, editors.regime) == (
        Verdict.GUILTY,
        SentenceKind.IMPRISONMENT,
        "P5Y",
        Regime.GENERAL,
    )
    accountants = outcome_for(item, ACCOUNTANTS)
    assert accountants.kind is OutcomeKind.DECISION
    assert (accountants.verdict, accountants.sentence, accountants.term) == (
        Verdict.GUILTY,
        SentenceKind.PROBATION,
        "P3Y",
    )
    assert accountants.regime is None
    assert "umetalieva" in {p.ref for p in item.participants}
    assert "pervomaisky-court" in {p.ref for p in item.participants}


def test_appeal_decision(case: Case) -> None:
    item = event(case, "appeal-decision")
    assert "bishkek-city-court" in {p.ref for p in item.participants}
    editors = outcome_for(item, EDITORS)
    assert editors.kind is OutcomeKind.DECISION
    assert (editors.sentence, editors.term, editors.released) == (
        SentenceKind.PROBATION,
        "P3Y",
        True,
    )
    accountants = outcome_for(item, ACCOUNTANTS)
    assert accountants.verdict is Verdict.UPHELD
    assert accountants.released is None  # not stated
    assert {"vlast-2025-11-25", "occrp-release", "24kg-365074"} <= cited(item)


def test_accountants_are_initials_only(case: Case) -> None:
    people = {p.id: p for p in case.people}
    for person_id, initials in (("accountant-no", "N.O."), ("accountant-ke", "K.E.")):
        person = people[person_id]
        assert person.name == initials
        assert person.privacy is Privacy.INITIALS
        assert person.aliases == [] and person.description is None


CONFLICTS = {
    # conflict id: (events or items it is about, [sources of each side, in order])
    "who-detained-may-28": (
        {"editors-detained", "accountant-detained"},
        [{"fergana-140383"}, {"24kg-334581"}],
    ),
    "detained-count": (
        {"staff-questioned"},
        [
            {"24kg-330809", "orda-2025-08"},
            {"24kg-330875"},
            {"occrp-2025-06-04"},
            {"24kg-343834", "fergana-140383"},
        ],
    ),
    "orunbekov-title": ({"orunbekov"}, [{"fergana-140383"}, {"24kg-330843"}]),
    "aleksandrov-employment": (
        {"aleksandrov"},
        [{"24kg-336606", "24kg-337233"}, {"kloop-20250917"}],
    ),
    "frozen-accounts": ({"accounts-frozen"}, [{"fergana-140383"}, {"24kg-336606"}]),
    "custody-at-trial": ({"trial-opened"}, [{"orda-2025-08"}, {"occrp-release"}]),
    "admissions-withdrawn-date": (
        {"admissions-withdrawn"},
        [{"kloop-20250916"}, {"azattyk-33532550"}],
    ),
    "verdict-date": (
        {"verdict"},
        [{"kloop-20250917", "afp-2025-09-18"}, {"vlast-2025-11-25"}],
    ),
    "blocking-date": ({"website-blocked"}, [{"24kg-295696"}, {"eurasianet-2023-09-14"}]),
    "liquidation-date": (
        {"liquidation-ordered"},
        [{"24kg-286460", "24kg-286439", "cpj-2024-05-20"}, {"24kg-303574"}],
    ),
    "liquidation-supreme-court-date": (
        {"liquidation-upheld"},
        [{"24kg-303574"}, {"diplomat-liquidation"}],
    ),
}


def test_the_conflicts_and_their_sides(case: Case) -> None:
    found = {c.id: c for c in case.conflicts}
    assert set(found) == set(CONFLICTS)
    for conflict_id, (about, sides) in CONFLICTS.items():
        conflict = found[conflict_id]
        assert set(conflict.about) == about
        assert [{c.ref for c in claim.sources} for claim in conflict.claims] == sides, conflict_id


def test_verdict_date_conflict_values(case: Case) -> None:
    conflict = next(c for c in case.conflicts if c.id == "verdict-date")
    assert [claim.value for claim in conflict.claims] == ["2025-09-17", "2025-09-19"]


def test_contested_events_are_marked(case: Case) -> None:
    about = {ref for c in case.conflicts for ref in c.about}
    contested = {e.id for e in case.events if e.status is FactStatus.CONTESTED_BY_SOURCES}
    assert contested == about & {e.id for e in case.events}


def test_statements(case: Case) -> None:
    claim = event(case, "financing-claim")
    assert (claim.type, claim.status) == (EventType.STATEMENT, FactStatus.CLAIMED)
    assert (claim.attribution, claim.disputed_by) == (["orunbekov"], ["temirov", "tukhvatshin"])
    denial = event(case, "temirov-denial")
    assert (denial.type, denial.attribution) == (EventType.DENIAL, ["temirov", "tukhvatshin"])
    # Dated by The Diplomat's report of May 2025, not left open-ended.
    assert denial.date.text == "[2025-05-28..2025-05-31]"
    assert "diplomat-2025-05" in cited(denial)
    gknb = event(case, "gknb-statement")
    assert (gknb.type, gknb.attribution) == (EventType.STATEMENT, ["gknb"])


def test_background_is_context(case: Case) -> None:
    context = {e.id for e in case.events if e.context}
    assert context == {
        "temirov-deported",
        "website-blocked",
        "kyrgyz-site-blocked",
        "liquidation-ordered",
        "liquidation-appeal-refused",
        "liquidation-upheld",
        "blocking-found-lawful",
        "interpol-refused",
    }
    assert event(case, "temirov-deported").date.text == "2022-11-23"
    assert event(case, "liquidation-ordered").date.text == "2024-02-09"


def test_sources_without_url_are_described(case: Case) -> None:
    without = {s.id for s in case.sources if s.url is None}
    assert without == {
        "24kg-286439",
        "kloop-20250814",
        "kloop-20250901",
        "occrp-witnesses",
        "diplomat-2025-09",
        "diplomat-liquidation",
    }
    assert all(s.note for s in case.sources if s.url is None)
    urls = {s.id: str(s.url) for s in case.sources if s.url is not None}
    for found in ("vlast-2025-11-25", "meduza-temirov", "eurasianet-2023-09-14", "cpj-2024-05-20"):
        assert urls[found].startswith("https://"), found


def test_publication_dates_are_only_as_precise_as_known(case: Case) -> None:
    published = {s.id: (s.published.text if s.published else None) for s in case.sources}
    assert published["fergana-140383"] is None
    assert published["fergana-138409"] == "2025-05/2025-06"
    assert published["24kg-334581"] == "2025-06-28"


@pytest.mark.parametrize(
    ("source_id", "published"),
    [
        ("24kg-365074", "2026-03-09"),
        ("24kg-295696", "2024-06-03"),
        ("24kg-303574", "2024-08-30"),
        ("24kg-346429", "2025-10-08"),
        ("meduza-temirov", "2022-11-24"),
    ],
)
def test_corrected_publication_dates(case: Case, source_id: str, published: str) -> None:
    source = next(s for s in case.sources if s.id == source_id)
    assert source.published is not None and source.published.text == published


def test_standing_of_each_defendant(case: Case) -> None:
    from timeline.model.standing import standings
    from timeline.model.standing_words import custody_words, standing_words

    found = standings(case)
    assert list(found) == ["aleksandrov", "duulatov", "accountant-no", "accountant-ke"]
    for person in EDITORS:
        assert standing_words(case, found[person]) == (
            "guilty, 5 years' imprisonment, general regime (17 September 2025); sentence "
            "reduced on appeal to 3 years' probation (25 November 2025); released"
        )
        assert custody_words(found[person].custody) == "181 days in custody"
    for person in ACCOUNTANTS:
        assert standing_words(case, found[person]) == (
            "guilty, 3 years' probation (17 September 2025), upheld on appeal (25 November 2025)"
        )
        assert custody_words(found[person].custody) == ""
