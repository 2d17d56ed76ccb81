"""Periods in custody and the days they add up to, as bounds when dates are uncertain."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA, MINIMAL, TODAY, validate_text
from timeline.dates import parse
from timeline.load.validation import validate_file
from timeline.model.custody import NO_DAYS, DayBounds, custody, day_bounds, total_days
from timeline.model.standing_words import custody_words, days_words
from timeline.model.vocab import Liberty

FIXTURE = Path(__file__).parent / "fixtures" / "standing" / "sequences.yaml"


@pytest.fixture(scope="module")
def held():
    case = validate_file(FIXTURE, today=TODAY).case
    assert case is not None
    return custody(case)


def test_kloop_camera_operators_spent_181_days_in_custody():
    case = validate_file(DATA / "kloop.yaml", today=TODAY).case
    assert case is not None
    found = custody(case)
    for person in ("aleksandrov", "duulatov"):
        (period,) = found[person].periods
        assert (period.start.text, period.end and period.end.text) == ("2025-05-28", "2025-11-25")
        assert found[person].days == DayBounds(181, 181)
        assert found[person].liberty is Liberty.AT_LIBERTY
        assert custody_words(found[person]) == "181 days in custody"


def test_a_day_between_two_dates_gives_bounds(held):
    # Released on recognizance some day between 12 and 14 March 2024.
    assert held["requested"].days == DayBounds(56, 58)
    assert custody_words(held["requested"]) == "56-58 days in custody"


def test_house_arrest_is_counted_apart(held):
    found = held["amended"]
    assert [p.kind for p in found.periods] == [Liberty.IN_CUSTODY, Liberty.HOUSE_ARREST]
    assert (found.days, found.house_arrest_days) == (DayBounds(84, 84), DayBounds(184, 184))
    assert custody_words(found) == "84 days in custody, 184 days under house arrest"


def test_a_period_still_running_is_a_lower_bound(held):
    found = held["upheld-twice"]
    assert found.liberty is Liberty.IN_CUSTODY
    assert found.periods[-1].end is None
    assert found.days.high is None
    assert days_words(found.days) == "at least 784 days"


def test_a_release_of_unknown_date_has_no_upper_bound(held):
    assert held["pardoned"].days == DayBounds(406, None)


def test_acquittal_and_exchange_end_custody(held):
    assert held["acquitted"].days == DayBounds(268, 268)
    assert held["exchanged"].days == DayBounds(370, 370)


def test_a_request_changes_no_custody(held):
    # The request asked for prison for everyone; only decisions count.
    assert all(p.started_by.id != "request" for h in held.values() for p in h.periods)


def test_day_bounds_of_uncertain_ends():
    assert day_bounds(parse("2025-05"), parse("2025-06-10"), TODAY) == DayBounds(10, 40)
    assert day_bounds(parse("2025-05-28"), None, parse("2025-06-01").earliest) == DayBounds(4, None)


def test_detained_again_without_a_release_is_a_gap(tmp_path):
    again = """\
  - id: second
    date: "2025-06-28"
    type: detention
    title: Held again
    participants: [{ref: ann, role: detainee}]
    sources: [src]
"""
    report = validate_text(tmp_path, MINIMAL + again)
    assert report.case is not None
    problems = custody(report.case)["ann"].gaps
    assert [(event.id, text) for event, text in problems] == [
        ("second", "detained again without a release in between")
    ]
    assert custody(report.case)["ann"].days == DayBounds(112, None)


def test_background_events_and_a_deportation_are_not_custody_that_never_ended(tmp_path):
    background = """\
  - id: earlier-matter
    date: "2022-01"
    type: detention
    context: true
    title: Ann detained in another matter
    participants: [{ref: ann, role: detainee}]
    sources: [src]
  - id: expelled
    date: "2025-11-01"
    type: deportation
    title: N.O. expelled
    participants: [{ref: no, role: subject}]
    sources: [src]
"""
    report = validate_text(tmp_path, MINIMAL + background)
    assert report.case is not None
    found = custody(report.case)
    # Ann: only the detention of 28 May 2025 counts, and the prison term that follows.
    assert [p.started_by.id for p in found["ann"].periods] == ["detained"]
    # N.O.: detained 28 May 2025 and deported 1 November 2025.
    assert found["no"].days == DayBounds(157, 157)
    assert found["no"].liberty is Liberty.AT_LIBERTY


def test_temirov_is_not_counted_in_custody_for_a_background_detention():
    case = validate_file(DATA / "temirov-live.yaml", today=TODAY).case
    assert case is not None
    assert "temirov" not in custody(case)


@pytest.mark.parametrize(
    ("released", "days", "liberty"),
    [
        # "Released in May 2025" sorts before "detained on 28 May 2025" (by its earliest
        # day) but may come after it, so it ends that detention: 0 to 3 days.
        ("2025-05", DayBounds(0, 3), Liberty.AT_LIBERTY),  # "up to 3 days in custody"
        # A release before the detention can only be of something else: custody goes on.
        ("2025-04", DayBounds(112, None), Liberty.IN_CUSTODY),
    ],
)
def test_a_release_of_a_less_precise_date_ends_the_detention_it_may_follow(
    tmp_path, released, days, liberty
):
    release = f"""\
  - id: freed
    date: "{released}"
    type: release
    title: N.O. released
    participants: [{{ref: no, role: subject}}]
    sources: [src]
"""
    report = validate_text(tmp_path, MINIMAL + release)
    assert report.case is not None
    held = custody(report.case)["no"]
    assert (held.days, held.liberty) == (days, liberty)
    expected = "up to 3 days" if released == "2025-05" else "at least 112 days"
    assert custody_words(held) == f"{expected} in custody"


@pytest.mark.parametrize(
    ("counts", "total"),
    [
        ([], NO_DAYS),
        ([DayBounds(3, 5)], DayBounds(3, 5)),
        ([DayBounds(3, 5), DayBounds(10, 10)], DayBounds(13, 15)),
        ([DayBounds(3, 5), DayBounds(10, None), DayBounds(1, 1)], DayBounds(14, None)),
    ],
)
def test_counts_of_days_add_up_low_and_high(counts: list[DayBounds], total: DayBounds) -> None:
    # Not as tuples: (3, 5) + (10, 10) would be four numbers.
    assert total_days(counts) == total
    assert len(total_days(counts)) == 2
