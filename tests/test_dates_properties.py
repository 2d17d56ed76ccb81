"""Property tests of the EDTF profile over generated dates and arbitrary text."""

from __future__ import annotations

import calendar

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import EdtfDate, EdtfError, Relation, parse

EXAMPLES = settings(max_examples=150, deadline=None)

years = st.integers(min_value=1, max_value=9998).map(lambda year: f"{year:04d}")
qualifiers = st.sampled_from(["", "", "?", "~", "%"])


@st.composite
def days(draw: st.DrawFn) -> str:
    year = draw(st.integers(min_value=1, max_value=9999))
    month = draw(st.integers(min_value=1, max_value=12))
    day = draw(st.integers(min_value=1, max_value=calendar.monthrange(year, month)[1]))
    return f"{year:04d}-{month:02d}-{day:02d}"


def _unspecified_year(year: str) -> str:
    return year[:3] + "X"


plain_dates = st.one_of(
    years,
    years.map(_unspecified_year),
    st.integers(min_value=0, max_value=99).map(lambda century: f"{century:02d}XX"),
    st.tuples(years, st.integers(min_value=1, max_value=12)).map(lambda ym: f"{ym[0]}-{ym[1]:02d}"),
    years.map(lambda year: f"{year}-XX"),
    years.map(lambda year: f"{year}-XX-XX"),
    st.tuples(years, st.integers(min_value=1, max_value=12)).map(
        lambda ym: f"{ym[0]}-{ym[1]:02d}-XX"
    ),
    st.tuples(years, st.integers(min_value=21, max_value=24)).map(lambda ys: f"{ys[0]}-{ys[1]}"),
    days(),
)
qualified_dates = st.tuples(plain_dates, qualifiers).map("".join)
date_times = st.tuples(
    days(),
    st.integers(min_value=0, max_value=23),
    st.integers(min_value=0, max_value=59),
    st.sampled_from(["", "Z", "+06:00", "-05:30"]),
).map(lambda parts: f"{parts[0]}T{parts[1]:02d}:{parts[2]:02d}:00{parts[3]}")


@st.composite
def intervals(draw: st.DrawFn) -> str:
    first, second = parse(draw(qualified_dates)), parse(draw(qualified_dates))
    if first.earliest and second.latest and first.earliest > second.latest:
        first, second = second, first
    start = draw(st.sampled_from([first.text, first.text, "..", ""]))
    end = draw(st.sampled_from([second.text, second.text, "..", ""]))
    if start in ("..", "") and end in ("..", ""):
        end = second.text
    return f"{start}/{end}"


edtf_texts = st.one_of(qualified_dates, date_times, intervals())


@EXAMPLES
@given(edtf_texts)
def test_canonical_round_trip(text: str) -> None:
    date = parse(text)
    assert date.text == text
    parse.cache_clear()
    assert parse(date.text) == date


@EXAMPLES
@given(edtf_texts)
def test_bounds_are_ordered(text: str) -> None:
    date = parse(text)
    if date.earliest is not None and date.latest is not None:
        assert date.earliest <= date.latest
    low, high = date.widened()
    if low is not None and high is not None:
        assert low <= high
    if low is not None and date.earliest is not None:
        assert low <= date.earliest
    if high is not None and date.latest is not None:
        assert date.latest <= high


@EXAMPLES
@given(edtf_texts, edtf_texts)
def test_sort_order_agrees_with_compare(first: str, second: str) -> None:
    a, b = parse(first), parse(second)
    relation = a.compare(b)
    if relation is Relation.BEFORE:
        assert a.sort_key() < b.sort_key()
        assert b.compare(a) is Relation.AFTER
    if relation is Relation.SAME:
        assert b.compare(a) is Relation.SAME


@EXAMPLES
@given(edtf_texts)
def test_a_date_is_the_same_as_itself_unless_qualified(text: str) -> None:
    date = parse(text)
    expected = Relation.OVERLAP if date.uncertain or date.approximate else Relation.SAME
    assert date.compare(date) is expected


@EXAMPLES
@given(edtf_texts, st.sets(st.sampled_from(["year", "month", "day", "other"])))
def test_display_never_fails(text: str, inferred: set[str]) -> None:
    date = parse(text)
    assert date.display()
    assert date.display(inferred)
    assert date.to_json()["display"] == date.display()


@EXAMPLES
@given(st.text())
def test_any_text_parses_or_is_rejected_cleanly(text: str) -> None:
    try:
        date = parse(text)
    except EdtfError as error:
        assert str(error)
    else:
        assert isinstance(date, EdtfDate)


edtf_alphabet = st.text(alphabet="0123456789X-/.~?%TZ:+ uY", max_size=30)


@EXAMPLES
@given(edtf_alphabet)
def test_near_dates_parse_or_are_rejected_cleanly(text: str) -> None:
    try:
        date = parse(text)
    except EdtfError as error:
        assert str(error).endswith(".")
    else:
        assert date.display()
