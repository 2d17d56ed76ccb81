"""The Temirov Live case, pinned: each defendant's standing and custody, the pardon, the
UN opinion, the annulment and the pending retrial, and the conflicts of the sources.

The standing and custody come from the model's own fold of the decisions, as every command
derives them; a data edit that changes where a defendant stands fails here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from case_support import cited, event, load_clean
from conftest import DATA, TODAY
from timeline.load.validation import validate_file
from timeline.model.case import Case
from timeline.model.custody import DayBounds
from timeline.model.standing import Standing, standings
from timeline.model.standing_words import custody_words, standing_words
from timeline.model.vocab import (
    Authority,
    CaseRelation,
    Liberty,
    ProceduralState,
    SentenceKind,
    Verdict,
)

ELEVEN = [
    "tajibek-kyzy",
    "ishenbekov",
    "beishekeeva",
    "kaparov",
    "akunbekov",
    "sultanaliev",
    "asypbekov",
    "tajibek-uulu",
    "buzumov",
    "turdaliev",
    "orozbekov",
]
ACQUITTED = ELEVEN[4:]


@pytest.fixture(scope="module")
def case() -> Case:
    return load_clean("temirov-live")


@pytest.fixture(scope="module")
def found(case: Case) -> dict[str, Standing]:
    return standings(case)


def test_header_and_related_cases(case: Case) -> None:
    assert (case.id, case.jurisdiction, case.status.value) == ("temirov-live", "KG", "ongoing")
    relations = {r.case: r.relation for r in case.related}
    assert relations == {"kloop": CaseRelation.SAME_PEOPLE, "kloop-extremism": CaseRelation.OTHER}


def test_shared_people_and_outlets_come_from_the_registry() -> None:
    report = validate_file(DATA / "temirov-live.yaml", today=TODAY)
    assert {"temirov", "temirov-live", "ait-ait-dese", "cc-278-3", "supreme-court"} <= report.uses
    # The registry also serves the Kloop cases: one Temirov, one Temirov Live for all.
    for other in ("kloop", "kloop-extremism"):
        uses = validate_file(DATA / f"{other}.yaml", today=TODAY).uses
        assert {"temirov", "temirov-live"} <= uses, other


def test_the_eleven_are_the_defendants(case: Case, found: dict[str, Standing]) -> None:
    assert list(case.members("the-eleven")) == ELEVEN
    assert list(found) == ELEVEN
    assert list(case.members("acquitted-seven")) == ACQUITTED


def test_two_prison_sentences(found: dict[str, Standing]) -> None:
    for person, term in (("tajibek-kyzy", "P6Y"), ("ishenbekov", "P5Y")):
        steps = [s for s in found[person].steps if s.event.id == "verdict"]
        assert steps, person
        outcome = steps[0].outcome
        assert outcome is not None
        assert (outcome.verdict, outcome.sentence, outcome.term) == (
            Verdict.GUILTY,
            SentenceKind.IMPRISONMENT,
            term,
        )
        # No source states the regime: none is recorded.
        assert outcome.regime is None


def test_ishenbekov_convicted_upheld_twice_then_pardoned(
    case: Case, found: dict[str, Standing]
) -> None:
    standing = found["ishenbekov"]
    assert standing.state is ProceduralState.PARDONED
    assert standing.verdict is Verdict.GUILTY
    assert standing.sentence is not None and standing.sentence.term == "P5Y"
    assert [e.id for e in standing.upheld_by] == ["city-court-appeal", "supreme-court-decision"]
    assert standing.relief is not None and standing.relief.event.id == "ishenbekov-pardon"
    assert standing.relief.outcome is not None
    assert standing.relief.outcome.by is Authority.EXECUTIVE
    # The pardon is known to the month only, and it freed him.
    assert event(case, "ishenbekov-pardon").date.text == "2025-04"
    assert standing.custody is not None
    assert standing.custody.liberty is Liberty.AT_LIBERTY
    assert standing.custody.days == DayBounds(441, 470)
    assert "pardoned (April 2025)" in standing_words(case, standing)


@pytest.mark.parametrize("person", ["beishekeeva", "kaparov"])
def test_probation_and_release(case: Case, found: dict[str, Standing], person: str) -> None:
    standing = found[person]
    assert (standing.state, standing.verdict) == (ProceduralState.CONVICTED, Verdict.GUILTY)
    assert standing.sentence is not None
    assert (standing.sentence.sentence, standing.sentence.term) == (SentenceKind.PROBATION, "P3Y")
    assert [e.id for e in standing.upheld_by] == ["city-court-appeal"]
    assert standing.custody is not None
    assert standing.custody.liberty is Liberty.AT_LIBERTY
    assert standing.custody.days == DayBounds(268, 268)  # 16 January to 10 October 2024
    assert custody_words(standing.custody) == "268 days in custody"


def test_the_conflict_on_one_probation_sentence(case: Case) -> None:
    by_subject = {c.subject: c for c in case.conflicts if c.subject is not None}
    beishekeeva, kaparov = by_subject["beishekeeva"], by_subject["kaparov"]
    assert beishekeeva.about == kaparov.about == ["verdict"]
    values = [claim.value for claim in beishekeeva.claims]
    assert values == ["probation, P3Y", "suspended, P3Y", "suspended, P5Y"]
    assert {c.ref for c in beishekeeva.claims[2].sources} == {"tjc-2025-02-25"}
    # The five-year claim is about Beishekeeva alone.
    assert all("P5Y" not in (claim.value or "") for claim in kaparov.claims)


@pytest.mark.parametrize("person", ACQUITTED)
def test_the_seven_acquittals(case: Case, found: dict[str, Standing], person: str) -> None:
    standing = found[person]
    assert (standing.state, standing.verdict) == (ProceduralState.ACQUITTED, Verdict.ACQUITTED)
    assert standing.set_by is not None and standing.set_by.id == "verdict"
    assert standing.sentence is None
    assert standing.custody is not None and standing.custody.liberty is Liberty.AT_LIBERTY
    assert standing_words(case, standing).startswith("acquitted (10 October 2024)")


# person: (days in custody, days under house arrest)
MEASURES = {
    "akunbekov": (51, 217),  # house arrest from 7 March 2024
    "turdaliev": (56, 0),  # released on a written undertaking on 12 March 2024
    "orozbekov": (56, 212),  # house arrest from 12 March 2024
    "sultanaliev": (84, 184),  # house arrest from 9 April 2024
    "asypbekov": (84, 184),
    "tajibek-uulu": (84, 184),
    "buzumov": (84, 184),
}


@pytest.mark.parametrize("person", MEASURES)
def test_pre_trial_measures_per_person(found: dict[str, Standing], person: str) -> None:
    held = found[person].custody
    assert held is not None
    custody_days, house_arrest_days = MEASURES[person]
    assert held.days == DayBounds(custody_days, custody_days)
    assert held.house_arrest_days == DayBounds(house_arrest_days, house_arrest_days)


def test_tajibek_kyzy_annulled_retrial_pending_still_in_custody(
    case: Case, found: dict[str, Standing]
) -> None:
    standing = found["tajibek-kyzy"]
    assert standing.state is ProceduralState.RETRIAL_PENDING
    assert standing.verdict is None and standing.sentence is None and standing.retrial
    annulled = {s.event.id for s in standing.steps if s.annulled_by is not None}
    assert annulled == {"verdict", "city-court-appeal", "supreme-court-decision"}
    assert [s.event.id for s in standing.opinions] == ["wgad-opinion"]
    held = standing.custody
    assert held is not None and held.liberty is Liberty.IN_CUSTODY
    assert held.periods[0].start.text == "2024-01-16" and held.days.high is None
    words = standing_words(case, standing)
    assert "conviction annulled (10 March 2026); retrial pending" in words
    assert custody_words(held).startswith("at least")


def test_annulment_and_retrial_sources(case: Case) -> None:
    annulment = event(case, "annulment")
    (outcome,) = annulment.outcomes
    assert (outcome.verdict, outcome.retrial, annulment.date.text) == (
        Verdict.ANNULLED,
        True,
        "2026-03-10",
    )
    assert {"24kg-365367", "kloop-2026-03-10", "openkg-80176"} <= cited(annulment)
    scope = next(c for c in case.conflicts if c.id == "annulment-scope")
    assert (scope.subject, scope.field) == ("tajibek-kyzy", "acts_on")


def test_un_opinion_date_between_august_and_20_october(case: Case) -> None:
    opinion = event(case, "wgad-opinion")
    assert opinion.date.one_of
    assert (opinion.date.earliest, opinion.date.latest) == (
        dt.date(2025, 8, 1),
        dt.date(2025, 10, 20),
    )
    (outcome,) = opinion.outcomes
    assert (outcome.by, outcome.verdict) == (Authority.INTERNATIONAL, Verdict.VIOLATION)


def test_prosecution_request_changes_no_standing(case: Case) -> None:
    request = event(case, "prosecution-request")
    (outcome,) = request.outcomes
    assert (outcome.kind.value, outcome.term, case.expand(outcome.subjects)) == (
        "request",
        "P6Y",
        tuple(ELEVEN),
    )


# The conflicts of the dossier (numbered as there), and the one found beside them.
CONFLICTS = {
    "beishekeeva-sentence": 1,
    "kaparov-sentence": 1,
    "supreme-court-appellants": 2,
    "december-court": 3,
    "wgad-date": 4,
    "custody-order-date": 5,
    "detained-count": 6,
    "raid-day": 7,
    "organizer": 8,
    "charge-wording": 9,
    "self-harm-account": 10,
    "trial-start": 11,
    "release-measures": 12,
    "incriminated-content": 13,
    "threat-letter-date": 14,
    "annulment-scope": 15,
    "ohchr-date": 16,
    "beating": 17,
    "tajibek-uulu-staff": 18,
    "photo-caption-year": 19,
    "february-appeals": 0,
}


def test_every_conflict_of_the_sources_is_recorded(case: Case) -> None:
    assert {c.id for c in case.conflicts} == set(CONFLICTS)
    assert set(CONFLICTS.values()) == set(range(20))
    for conflict in case.conflicts:
        sides = [frozenset(c.ref for c in claim.sources) for claim in conflict.claims]
        assert len(sides) >= 2 and len(set(sides)) == len(sides), conflict.id
