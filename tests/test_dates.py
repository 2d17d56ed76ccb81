"""The EDTF profile: accepted forms, rejected forms, comparison, order and display."""

from __future__ import annotations

import datetime

import pytest

from timeline.dates import (
    EdtfDate,
    EdtfError,
    Precision,
    Relation,
    days_between,
    humanize_gap,
    is_edtf,
    parse,
)

D = datetime.date
Y, S, M, DAY = Precision.YEAR, Precision.SEASON, Precision.MONTH, Precision.DAY

# text, earliest, latest, precision, uncertain, approximate, display
ACCEPTED = [
    ("2025", D(2025, 1, 1), D(2025, 12, 31), Y, False, False, "2025"),
    ("2025-05", D(2025, 5, 1), D(2025, 5, 31), M, False, False, "May 2025"),
    ("2024-02", D(2024, 2, 1), D(2024, 2, 29), M, False, False, "February 2024"),
    ("2025-05-28", D(2025, 5, 28), D(2025, 5, 28), DAY, False, False, "28 May 2025"),
    ("2024-02-29", D(2024, 2, 29), D(2024, 2, 29), DAY, False, False, "29 February 2024"),
    ("0001", D(1, 1, 1), D(1, 12, 31), Y, False, False, "1"),
    ("9999-12-31", D(9999, 12, 31), D(9999, 12, 31), DAY, False, False, "31 December 9999"),
    (
        "2025-05-30T14:00:00+06:00",
        D(2025, 5, 30),
        D(2025, 5, 30),
        DAY,
        False,
        False,
        "30 May 2025, 14:00 UTC+06:00",
    ),
    (
        "1985-04-12T23:20:30-04",  # an offset of hours only: ISO 8601 and EDTF allow it
        D(1985, 4, 12),
        D(1985, 4, 12),
        DAY,
        False,
        False,
        "12 April 1985, 23:20:30 UTC-04",
    ),
    (
        "2025-05-30T14:00:00Z",
        D(2025, 5, 30),
        D(2025, 5, 30),
        DAY,
        False,
        False,
        "30 May 2025, 14:00 UTC",
    ),
    (
        "2025-05-30T09:15:30",
        D(2025, 5, 30),
        D(2025, 5, 30),
        DAY,
        False,
        False,
        "30 May 2025, 09:15:30",
    ),
    ("2022-21", D(2022, 3, 1), D(2022, 5, 31), S, False, False, "spring 2022"),
    ("2022-22", D(2022, 6, 1), D(2022, 8, 31), S, False, False, "summer 2022"),
    ("2022-23", D(2022, 9, 1), D(2022, 11, 30), S, False, False, "autumn 2022"),
    ("2023-24", D(2023, 12, 1), D(2024, 2, 29), S, False, False, "winter 2023-2024"),
    ("2025-05~", D(2025, 5, 1), D(2025, 5, 31), M, False, True, "c. May 2025"),
    ("2025?", D(2025, 1, 1), D(2025, 12, 31), Y, True, False, "2025?"),
    ("2025-05-28%", D(2025, 5, 28), D(2025, 5, 28), DAY, True, True, "c. 28 May 2025?"),
    ("2022-23~", D(2022, 9, 1), D(2022, 11, 30), S, False, True, "c. autumn 2022"),
    ("201X", D(2010, 1, 1), D(2019, 12, 31), Y, False, False, "2010s"),
    ("20XX", D(2000, 1, 1), D(2099, 12, 31), Y, False, False, "2000-2099"),
    ("201X?", D(2010, 1, 1), D(2019, 12, 31), Y, True, False, "2010s?"),
    ("2025-XX", D(2025, 1, 1), D(2025, 12, 31), Y, False, False, "2025"),
    ("2025-XX-XX", D(2025, 1, 1), D(2025, 12, 31), Y, False, False, "2025"),
    ("2025-05-XX", D(2025, 5, 1), D(2025, 5, 31), M, False, False, "May 2025"),
    ("2025-05-28/2025-05-30", D(2025, 5, 28), D(2025, 5, 30), DAY, False, False, "28-30 May 2025"),
    (
        "2025-05-28/2025-06-02",
        D(2025, 5, 28),
        D(2025, 6, 2),
        DAY,
        False,
        False,
        "28 May - 2 June 2025",
    ),
    (
        "2025-05-28/2026-06-02",
        D(2025, 5, 28),
        D(2026, 6, 2),
        DAY,
        False,
        False,
        "28 May 2025 - 2 June 2026",
    ),
    ("2025-05/2025-07", D(2025, 5, 1), D(2025, 7, 31), M, False, False, "May-July 2025"),
    ("2025-05/2025-06", D(2025, 5, 1), D(2025, 6, 30), M, False, False, "May-June 2025"),
    (
        "2025-11/2026-02",
        D(2025, 11, 1),
        D(2026, 2, 28),
        M,
        False,
        False,
        "November 2025 - February 2026",
    ),
    ("2024/2025", D(2024, 1, 1), D(2025, 12, 31), Y, False, False, "2024-2025"),
    ("2024/2025-05", D(2024, 1, 1), D(2025, 5, 31), Y, False, False, "2024 - May 2025"),
    ("2022-21/2022-22", D(2022, 3, 1), D(2022, 8, 31), S, False, False, "spring-summer 2022"),
    ("2025-05-28/2025-05-28", D(2025, 5, 28), D(2025, 5, 28), DAY, False, False, "28 May 2025"),
    ("2025-05~/2025-06", D(2025, 5, 1), D(2025, 6, 30), M, False, True, "c. May 2025 - June 2025"),
    ("2025-05/2025-06?", D(2025, 5, 1), D(2025, 6, 30), M, True, False, "May 2025 - June 2025?"),
    ("../2025-05", None, D(2025, 5, 31), M, False, False, "by May 2025"),
    ("2025-05-28/..", D(2025, 5, 28), None, DAY, False, False, "28 May 2025 onwards"),
    ("2025-05-28/", D(2025, 5, 28), None, DAY, False, False, "from 28 May 2025 (end unknown)"),
    ("/2025-05-28", None, D(2025, 5, 28), DAY, False, False, "until 28 May 2025 (start unknown)"),
    ("/2025", None, D(2025, 12, 31), Y, False, False, "until 2025 (start unknown)"),
    ("2025-05/", D(2025, 5, 1), None, M, False, False, "from May 2025 (end unknown)"),
]


Accepted = tuple[str, datetime.date | None, datetime.date | None, Precision, bool, bool, str]


@pytest.mark.parametrize("row", ACCEPTED, ids=[row[0] for row in ACCEPTED])
def test_accepted_form(row: Accepted) -> None:
    text, earliest, latest, precision, uncertain, approximate, shown = row
    date = parse(text)
    assert date.text == text
    assert (date.earliest, date.latest) == (earliest, latest)
    assert date.precision is precision
    assert (date.uncertain, date.approximate) == (uncertain, approximate)
    assert date.is_interval == ("/" in text)
    assert date.display() == shown
    assert is_edtf(text)


def test_interval_keeps_its_ends() -> None:
    date = parse("2025-05~/..")
    assert date.start == parse("2025-05~")
    assert date.end is None
    assert date.open_end and not date.unknown_end
    unknown = parse("/2025")
    assert unknown.unknown_start and not unknown.open_start


def test_time_and_season_are_kept() -> None:
    assert parse("2025-05-30T14:00:00+06:00").time == "14:00:00+06:00"
    assert parse("2025-05-30").time is None
    assert parse("2022-23").season == 23


# text, words that the message must contain
REJECTED = [
    ("20250528", ["without hyphens", "write 2025-05-28"]),
    ("202505", ["without hyphens", "write 2025-05"]),
    ("2025-5", ["one-digit", "2025-05"]),
    ("2025-05-1", ["one-digit", "2025-05-01"]),
    ("2025-02-30", ["does not exist", "28 days"]),
    ("2025-04-31", ["April 2025 has 30 days"]),
    ("2023-02-29", ["2023 is not a leap year"]),
    ("2025-05-00", ["day 00"]),
    ("2025-13", ["month 13", "01 to 12"]),
    ("2025-00", ["month 00"]),
    ("2025-06/2025-05", ["ends before it starts", "2025-05/2025-06"]),
    ("2025-05-28/2025-05-27", ["ends before it starts"]),
    ("2022-21-05", ["season cannot have a day"]),
    ("2001-25", ["Level 2", "not supported"]),
    ("2001-41", ["Level 2", "not supported"]),
    ("2001-42", ["month 42"]),
    ("199u", ["2012", "199X"]),
    ("2004-uu-01", ["2012"]),
    ("2025-05-28/open", ["2012", "'2025-05-28/..'"]),
    ("unknown/2025", ["2012", "'/2025'"]),
    ("2004?-06-11", ["Level 2", "not supported", "2004-06-11?"]),
    ("?2004-06", ["Level 2", "not supported"]),
    ("2004-?06", ["Level 2", "not supported"]),
    ("2004-06~-11", ["Level 2", "not supported"]),
    ("2025?~", ["more than one qualifier", "2025%"]),
    ("1XXX", ["Level 2", "not supported"]),
    ("XXXX", ["Level 2", "not supported"]),
    ("2X25", ["Level 2", "not supported"]),
    ("2025-XX-12", ["Level 2", "not supported"]),
    ("201X-05", ["Level 2", "not supported"]),
    ("2025-X5", ["Level 2", "not supported"]),
    ("[2001,2002]", ["set", "Level 2", "not supported"]),
    ("{2001..2003}", ["set", "Level 2", "not supported"]),
    ("Y17E7", ["Level 2", "not supported"]),
    ("1950S2", ["Level 2", "not supported"]),
    ("Y170000002", ["valid EDTF", "does not support"]),
    ("-0100", ["negative", "valid EDTF", "does not support"]),
    ("-0100/2025", ["negative", "valid EDTF", "does not support"]),
    ("12345", ["valid EDTF", "does not support"]),
    ("0000", ["0001 to 9999"]),
    ("800", ["four-digit year", "0800"]),
    (" 2025-05-28", ["remove the spaces", "write 2025-05-28"]),
    ("2025-05-28\n", ["remove the spaces"]),
    ("2025-05-28 / 2025-05-30", ["remove the spaces", "2025-05-28/2025-05-30"]),
    ("May 2025", ["not a date in EDTF", "write 2025-05"]),
    ("28 May 2025", ["not a date in EDTF", "write 2025-05-28"]),
    ("May 28, 2025", ["write 2025-05-28"]),
    ("autumn 2022", ["write 2022-23"]),
    ("28/05/2025", ["not a date in EDTF", "write 2025-05-28"]),
    ("05/06/2025", ["year first"]),
    ("2025/05/28", ["write 2025-05-28"]),
    ("hello", ["not a date in EDTF"]),
    ("", ["empty"]),
    ("   ", ["empty"]),
    ("../..", ["neither a known start nor a known end"]),
    ("/", ["neither a known start nor a known end"]),
    ("../", ["neither a known start nor a known end"]),
    ("..", ["open end"]),
    ("2025/2026/2027", ["more than one '/'"]),
    ("2025-05-30T14:00", ["seconds", "2025-05-30T14:00:00"]),
    ("2025-05-30T14:00Z", ["seconds", "2025-05-30T14:00:00Z"]),
    ("2025-05-30T14:00-04", ["seconds", "2025-05-30T14:00:00-04"]),
    ("2025-05-30T14:00:00+24", ["impossible time"]),
    ("2025-05-30T24:00:00", ["impossible time"]),
    ("2025-05-30T14:00:00+6", ["hh:mm:ss"]),
    ("2025-05-30T14:00:00~", ["after a time of day", "2025-05-30~"]),
    ("2025-05-30T14:00:00/2025-06-01", ["time of day", "interval"]),
    ("2025-05-XXT14:00:00", ["unspecified day"]),
    ("201x", ["capitals", "201X"]),
    ("2025-05-30t14:00:00z", ["capitals"]),
    ("2025-05/2025-13", ["In '2025-05/2025-13'", "month 13"]),
    ("9999-24", ["9999"]),
]


@pytest.mark.parametrize(("text", "words"), REJECTED)
def test_rejected_form_says_why(text: str, words: list[str]) -> None:
    with pytest.raises(EdtfError) as caught:
        parse(text)
    message = str(caught.value)
    for word in words:
        assert word in message
    assert message.endswith(".")
    assert not is_edtf(text)


def test_error_is_a_value_error() -> None:
    assert issubclass(EdtfError, ValueError)


def test_long_text_is_shortened_in_the_message() -> None:
    with pytest.raises(EdtfError) as caught:
        parse("this is a very long sentence that is certainly not a date " * 3)
    assert len(str(caught.value)) < 150


def test_non_text_is_rejected() -> None:
    with pytest.raises(EdtfError, match="must be text"):
        parse(20250528)


@pytest.mark.parametrize(
    ("first", "second", "relation"),
    [
        ("2025-07", "2025-07-15", Relation.OVERLAP),
        ("2025-07-15", "2025-07", Relation.OVERLAP),
        ("2025-05-28", "2025-05-30", Relation.BEFORE),
        ("2025-05-30", "2025-05-28", Relation.AFTER),
        ("2025-05-28", "2025-05-29", Relation.BEFORE),
        ("2025-05-28~", "2025-05-29", Relation.OVERLAP),
        ("2025-05~", "2025-06-01", Relation.OVERLAP),
        ("2025-05~", "2025-07-01", Relation.BEFORE),
        ("2025-05", "2025-06-01", Relation.BEFORE),
        ("2025?", "2026-01", Relation.OVERLAP),
        ("2022-23~", "2022-12-15", Relation.OVERLAP),
        ("2022-23", "2022-12-15", Relation.BEFORE),
        ("2025-05-28", "2025-05-28", Relation.SAME),
        ("2025", "2025-XX", Relation.SAME),
        ("2025-05-28~", "2025-05-28~", Relation.OVERLAP),
        ("2025", "2025-01-01/2025-12-31", Relation.OVERLAP),
        ("2025-05-28/..", "2030", Relation.OVERLAP),
        ("2025-05-28/..", "2025-05-27", Relation.AFTER),
        ("../2025-05", "2025-06", Relation.BEFORE),
        ("../2025-05", "1900", Relation.OVERLAP),
        ("2025-05-28/", "2040", Relation.OVERLAP),
    ],
)
def test_compare(first: str, second: str, relation: Relation) -> None:
    assert parse(first).compare(parse(second)) is relation


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("2025-05-28", D(2025, 5, 28), D(2025, 5, 28)),
        ("2025-05-28?", D(2025, 5, 27), D(2025, 5, 29)),
        ("2025-05~", D(2025, 4, 1), D(2025, 6, 30)),
        ("2025-01%", D(2024, 12, 1), D(2025, 2, 28)),
        ("2022-23~", D(2022, 6, 1), D(2023, 2, 28)),
        ("2025?", D(2024, 1, 1), D(2026, 12, 31)),
        ("201X~", D(2009, 1, 1), D(2020, 12, 31)),
        ("2025-05~/2025-06", D(2025, 4, 1), D(2025, 6, 30)),
        ("2025-05/2025-06?", D(2025, 5, 1), D(2025, 7, 31)),
        ("../2025-05~", None, D(2025, 6, 30)),
        ("0001-01-01?", D(1, 1, 1), D(1, 1, 2)),
        ("9999?", D(9998, 1, 1), D(9999, 12, 31)),
    ],
)
def test_widened(text: str, low: datetime.date | None, high: datetime.date | None) -> None:
    assert parse(text).widened() == (low, high)


def test_sort_order_is_earliest_then_coarser_first() -> None:
    texts = ["2025-07-15", "2025-07", "2025-06-30", "2025", "../2025-01", "2025-07-15/2025-07-20"]
    ordered = sorted(texts, key=lambda text: parse(text).sort_key())
    assert ordered == [
        "../2025-01",
        "2025",
        "2025-06-30",
        "2025-07",
        "2025-07-15",
        "2025-07-15/2025-07-20",
    ]


def test_precision_orders_coarser_before_finer() -> None:
    assert Precision.YEAR < Precision.SEASON < Precision.MONTH < Precision.DAY
    assert Precision.DAY > Precision.YEAR
    assert Precision.MONTH <= Precision.MONTH
    assert max(Precision) is Precision.DAY
    assert [p.rank for p in Precision] == [0, 1, 2, 3]


@pytest.mark.parametrize(
    ("inferred", "shown"),
    [
        ({"year"}, "28 May [2025]"),
        ({"month"}, "28 [May] 2025"),
        ({"day"}, "[28] May 2025"),
        ({"month", "year"}, "28 [May] [2025]"),
        ({"nonsense"}, "28 May 2025"),
        ((), "28 May 2025"),
    ],
)
def test_inferred_parts_are_bracketed(inferred: set[str], shown: str) -> None:
    assert parse("2025-05-28").display(inferred=inferred) == shown


def test_inferred_year_in_an_interval() -> None:
    assert parse("2025-05-28/2025-05-30").display(inferred=["year"]) == "28-30 May [2025]"


def test_to_json() -> None:
    assert parse("2025-05~/..").to_json() == {
        "edtf": "2025-05~/..",
        "display": "c. May 2025 onwards",
        "earliest": "2025-05-01",
        "latest": None,
        "precision": "month",
        "uncertain": False,
        "approximate": True,
    }


def test_dates_are_hashable_values() -> None:
    assert len({parse("2025-05"), parse("2025-05"), parse("2025-06")}) == 2
    assert isinstance(parse("2025"), EdtfDate)
    with pytest.raises(AttributeError):
        parse("2025").text = "2026"  # type: ignore[misc]


def test_contains() -> None:
    date = parse("2025-05")
    assert date.contains(D(2025, 5, 31))
    assert not date.contains(D(2025, 6, 1))
    assert parse("../2025").contains(D(1, 1, 1))


def test_days_between() -> None:
    assert days_between(parse("2025-05-28"), parse("2025-06-02")) == 5
    assert days_between(parse("2025-06"), parse("2025-05-31")) == -1
    assert days_between(parse("../2025"), parse("2025")) is None


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (0, "same day"),
        (1, "1 day later"),
        (2, "2 days later"),
        (13, "13 days later"),
        (14, "2 weeks later"),
        (21, "3 weeks later"),
        (59, "8 weeks later"),
        (60, "2 months later"),
        (91, "3 months later"),
        (365, "1 year later"),
        (729, "1 year later"),
        (730, "2 years later"),
        # 2025.9 years (0001-01-01 to 2026-11-25): 365-day years counted 2027 of them.
        ((datetime.date(2026, 11, 25) - datetime.date(1, 1, 1)).days, "2025 years later"),
        ((datetime.date(2026, 1, 1) - datetime.date(1, 1, 1)).days, "2025 years later"),
        ((datetime.date(2025, 12, 31) - datetime.date(1, 1, 1)).days, "2024 years later"),
        (-1, "1 day earlier"),
        (-400, "1 year earlier"),
    ],
)
def test_humanize_gap(days: int, words: str) -> None:
    assert humanize_gap(days) == words
