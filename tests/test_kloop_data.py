"""The key facts of the Kloop case, pinned: an edit that loses one of them fails here.

The case is loaded through the library, as every command loads it.
"""

from __future__ import annotations

import pytest

from conftest import DATA, TODAY
from timeline.load.validation import validate_file
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
    report = validate_file(DATA / "kloop.yaml", today=TODAY)
    assert report.diagnostics == []
    assert report.case is not None
    return report.case


def event(case: Case, event_id: str) -> Event:
    found = case.index[event_id]
    assert isinstance(found, Event)
    return found


def outcome_for(item: Event, subjects: set[str]) -> Outcome:
    matches = [o for o in item.outcomes if set(o.subjects) == subjects]
    assert len(matches) == 1, f"{item.id}: one outcome for {sorted(subjects)}"
    return matches[0]


def cited(item: Event) -> set[str]:
    return {citation.ref for citation in item.sources}


def test_case_header(case: Case) -> None:
    assert (case.id, case.jurisdiction, case.status.value) == ("kloop", "KG", "convicted")
    assert set(case.related_ids) == {"kloop-extremism", "kloop-liquidation"}
    assert {(c.article, c.part) for c in case.charges} == {("40", None), ("278", "3")}


@pytest.mark.parametrize(
    ("event_id", "date", "kind"),
    [
        ("editors-detained", "2025-05-28", EventType.DETENTION),
        ("detention-ordered", "2025-05-30", EventType.PRETRIAL_MEASURE),
        ("accountant-detained", "2025-05-30", EventType.DETENTION),
        ("verdict", "2025-09-17", EventType.VERDICT),
        ("appeal-filed", "2025-10-08", EventType.APPEAL),
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
    # The day is unknown: one day before the verdict, not an invented day, nor a span.
    assert item.date.text == "[2025-05-30..2025-09-17]"
    assert item.date.one_of and not item.date.is_interval


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
    # conflict id: (events or items it is about, {sources of one side}, {sources of the other})
    "who-detained-may-28": (
        {"editors-detained", "accountant-detained"},
        {"fergana-140383"},
        {"24kg-334581"},
    ),
    "orunbekov-title": ({"orunbekov"}, {"fergana-140383"}, {"24kg-330843"}),
    "frozen-accounts": ({"accounts-frozen"}, {"fergana-140383"}, {"24kg-336606"}),
    "verdict-date": ({"verdict"}, {"kloop-20250917"}, {"vlast-2025-11-25"}),
    "pleas": ({"trial-pleas", "appeal-pleas"}, {"fergana-140383"}, {"occrp-release"}),
}


def test_the_five_conflicts_and_their_sides(case: Case) -> None:
    found = {c.id: c for c in case.conflicts}
    assert set(found) == set(CONFLICTS)
    for conflict_id, (about, one, other) in CONFLICTS.items():
        conflict = found[conflict_id]
        assert set(conflict.about) == about
        sides = [{c.ref for c in claim.sources} for claim in conflict.claims]
        assert sides == [one, other], conflict_id


def test_verdict_date_conflict_values(case: Case) -> None:
    conflict = next(c for c in case.conflicts if c.id == "verdict-date")
    assert [claim.value for claim in conflict.claims] == ["2025-09-17", "2025-09-19"]


def test_contested_events_are_marked(case: Case) -> None:
    about = {ref for c in case.conflicts for ref in c.about}
    contested = {e.id for e in case.events if e.status is FactStatus.CONTESTED_BY_SOURCES}
    assert contested == about & {e.id for e in case.events}


def test_pleas_at_both_stages(case: Case) -> None:
    trial, appeal = event(case, "trial-pleas"), event(case, "appeal-pleas")
    assert {p.ref for p in trial.participants} == EDITORS | ACCOUNTANTS
    assert {p.ref for p in appeal.participants} == EDITORS
    assert trial.date.text == "[2025-05-30..2025-09-17]"
    assert appeal.date.text == "[2025-10-08..2025-11-25]"


def test_statements(case: Case) -> None:
    claim = event(case, "financing-claim")
    assert (claim.type, claim.status) == (EventType.STATEMENT, FactStatus.CLAIMED)
    assert (claim.attribution, claim.disputed_by) == (["orunbekov"], ["temirov"])
    denial = event(case, "temirov-denial")
    assert (denial.type, denial.attribution) == (EventType.DENIAL, ["temirov"])
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
    }
    assert event(case, "temirov-deported").date.text == "2022-11-23"
    assert event(case, "liquidation-ordered").date.text == "2024-02-09"


def test_sources_without_url_are_described(case: Case) -> None:
    without = {s.id for s in case.sources if s.url is None}
    assert without == {
        "vlast-2025-11-25",
        "meduza-temirov",
        "eurasianet-2023-09-14",
        "cpj-2024-05-20",
    }
    assert all(s.note for s in case.sources if s.url is None)


def test_publication_dates_are_only_as_precise_as_known(case: Case) -> None:
    published = {s.id: (s.published.text if s.published else None) for s in case.sources}
    assert published["fergana-140383"] is None
    assert published["fergana-138409"] == "2025-05/2025-06"
    assert published["24kg-365074"] == "2025-11/.."
    assert published["24kg-334581"] == "2025-06-28"
    assert published["24kg-295696"] == "2023"


def test_standing_of_each_defendant(case):
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
