"""`diff_cases`: matching by id, renames, field changes, multisets, dates, order, privacy."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

from conftest import MINIMAL
from test_diff_support import CANARY, NEW, OLD, load, load_text
from timeline.dates import parse
from timeline.diff import CaseDiff, diff_cases
from timeline.diff.chronology import date_kind
from timeline.diff.values import diff_values

CASE = MINIMAL.replace("id: test-case", "id: press")


def changes(diff: CaseDiff) -> list[tuple[str, str, str, str | None]]:
    return [(c.kind, c.section, c.id, c.old_id) for c in diff.changes]


def fields(diff: CaseDiff, change_id: str) -> list[dict[str, object]]:
    change = next(c for c in diff.changes if c.id == change_id)
    return [f.to_json() for f in change.fields]


def test_identical_versions_have_no_changes() -> None:
    diff = diff_cases(load_text(CASE), load_text(CASE))
    assert diff.identical
    assert diff.to_json() == {
        "version": 1,
        "old": {"id": "press", "file": None, "rev": None},
        "new": {"id": "press", "file": None, "rev": None},
        "summary": {"added": 0, "removed": 0, "changed": 0, "renamed": 0},
        "changes": [],
    }


def test_reordering_the_file_is_no_change() -> None:
    reordered = CASE.replace(
        "participants: [{ref: ann, role: detainee}, {ref: no, role: detainee}]",
        "participants: [{ref: no, role: detainee}, {ref: ann, role: detainee}]",
    ).replace(
        "  - {id: ann, name: Ann Example, roles: [defendant]}\n"
        "  - {id: no, name: N.O., privacy: initials, roles: [defendant]}\n",
        "  - {id: no, name: N.O., privacy: initials, roles: [defendant]}\n"
        "  - {id: ann, name: Ann Example, roles: [defendant]}\n",
    )
    events_at = reordered.index("events:\n") + len("events:\n")
    detained, verdict = reordered[events_at:].split("  - id: verdict\n")
    reordered = reordered[:events_at] + "  - id: verdict\n" + verdict + detained
    assert reordered != CASE
    assert diff_cases(load_text(CASE), load_text(reordered)).identical


def test_fixture_changes_in_their_fixed_order() -> None:
    diff = diff_cases(load(OLD), load(NEW))
    assert changes(diff) == [
        ("changed", "events", "detained", None),
        ("changed", "events", "accountant-detained", None),
        ("renamed", "events", "police-claim", "claim-made"),
        ("changed", "events", "hearing-one", None),
        ("changed", "events", "witness-heard", None),
        ("changed", "events", "verdict", None),
        ("removed", "events", "appeal-lodged", None),
        ("changed", "events", "lawyer-statement", None),
        ("added", "events", "released", None),
        ("changed", "case", "press", None),
        ("changed", "people", "ann", None),
        ("changed", "people", "bob", None),
        ("renamed", "people", "sam-spokesman", "spokesman"),
        ("renamed", "people", "will-witness", "witness-old"),
        ("changed", "organizations", "police", None),
        ("changed", "sources", "news-1", None),
        ("removed", "sources", "old-blog", None),
        ("changed", "conflicts", "when-detained", None),
    ]
    assert diff.summary.to_json() == {"added": 1, "removed": 2, "changed": 12, "renamed": 3}


def test_fixture_field_changes() -> None:
    diff = diff_cases(load(OLD), load(NEW))
    assert fields(diff, "detained") == [
        {"path": "date", "old": "2025-07", "new": "2025-07-03"},
        {"path": "participants", "old": None, "new": {"ref": "accountant-no", "role": "detainee"}},
        {
            "path": "sources[news-2].quote",
            "old": "detained in July",
            "new": "detained on 3 July | early",
        },
    ]
    # The outcomes are paired by kind and subjects (in any order): only the term changed.
    assert fields(diff, "verdict") == [
        {"path": "outcomes[decision:ann,bob].term", "old": "P5Y", "new": "P3Y"}
    ]
    assert fields(diff, "press") == [
        {"path": "status", "old": "trial", "new": "convicted"},
        {"path": "tags", "old": None, "new": "appeal"},
    ]
    assert fields(diff, "ann") == [
        {"path": "affiliations[outlet].role", "old": "editor", "new": "chief editor"}
    ]
    assert fields(diff, "news-1") == [{"path": "published", "old": None, "new": "2025-07"}]
    # A renamed person is one change: references to the old id are no change of their own.
    assert fields(diff, "sam-spokesman") == []
    assert fields(diff, "will-witness") == []


def test_added_and_removed_items_carry_their_fields() -> None:
    diff = diff_cases(load(OLD), load(NEW))
    assert fields(diff, "released") == [
        {"path": "date", "old": None, "new": "2025-11-25"},
        {"path": "type", "old": None, "new": "release"},
        {"path": "title", "old": None, "new": "Ann & Bob released <i>in court</i>"},
        {"path": "participants", "old": None, "new": [{"ref": "ann"}, {"ref": "bob"}]},
        {"path": "sources", "old": None, "new": [{"ref": "news-2"}]},
        {"path": "key", "old": None, "new": True},
    ]
    removed = next(c for c in diff.changes if c.id == "old-blog")
    assert (removed.label, removed.fields[0].to_json()) == (
        "A Blog",
        {"path": "publisher", "old": "A Blog", "new": None},
    )


def test_date_changes_are_classified() -> None:
    diff = diff_cases(load(OLD), load(NEW))
    by_id = {c.id: c.date_change for c in diff.changes}
    assert by_id["detained"] is not None and by_id["detained"].to_json() == {
        "kind": "refined",
        "old": "2025-07",
        "new": "2025-07-03",
        "old_display": "July 2025",
        "new_display": "3 July 2025",
        "shift_days": None,
        "place": None,
    }
    assert (
        by_id["accountant-detained"] is not None
        and by_id["accountant-detained"].kind == "coarsened"
    )
    assert (
        by_id["hearing-one"] is not None and by_id["hearing-one"].kind == "refined"
    )  # no longer "c."
    # The witness moved five days later, past the second hearing: its place changed.
    witness = by_id["witness-heard"]
    assert witness is not None and witness.to_json() == {
        "kind": "moved",
        "old": "2025-08-21",
        "new": "2025-08-26",
        "old_display": "21 August 2025",
        "new_display": "26 August 2025",
        "shift_days": 5,
        "place": {"after": "hearing-two", "before": "request"},
    }
    assert by_id["police-claim"] is None  # renamed, same date


@pytest.mark.parametrize(
    ("old", "new", "kind", "shift"),
    [
        ("2025", "2025-07-15", "refined", None),
        ("2025-07-15", "2025", "coarsened", None),
        ("2025-05~", "2025-05", "refined", None),
        ("2025-05", "2025-05?", "coarsened", None),
        ("2025-05", "2025-05-XX", "changed", None),
        ("2022-23", "2022-10", "refined", None),
        ("2025-05-28/2025-05-30", "2025-05-29", "refined", None),
        ("2025-05-28/..", "2025-06-02", "refined", None),
        ("2025-07", "2025-06-12", "moved", -19),
        ("2025-05-28/2025-05-30", "2025-05-30/2025-06-02", "moved", 2),
        ("2024", "2025", "moved", 366),
        ("../2025-05", "../2025-07", "coarsened", None),
        ("../2025-05", "2025-06-02/..", "changed", None),
    ],
)
def test_date_kind(old: str, new: str, kind: str, shift: int | None) -> None:
    assert date_kind(parse(old), parse(new)) == (kind, shift)


def _with_event_date(event: str, date: str) -> str:
    marker = f"  - id: {event}\n    date: "
    start = CASE.index(marker) + len(marker)
    end = CASE.index("\n", start)
    return CASE[:start] + f'"{date}"' + CASE[end:]


def _hearings(*dates: str) -> str:
    """The minimal case with extra hearings `h0`, `h1`... on these dates (in file order)."""
    events = "".join(
        f'  - {{id: h{i}, date: "{date}", type: hearing, title: Hearing {i}, sources: [src]}}\n'
        for i, date in enumerate(dates)
    )
    return CASE.replace("events:\n", "events:\n" + events)


def test_a_date_change_that_crosses_another_event_reports_the_new_place() -> None:
    old = load_text(_hearings("2025-06-01", "2025-06-10", "2025-06-20"))
    new = load_text(_hearings("2025-06-15", "2025-06-10", "2025-06-20"))
    change = diff_cases(old, new).changes[0]
    assert change.id == "h0" and change.date_change is not None
    assert change.date_change.shift_days == 14
    assert change.date_change.place is not None
    assert asdict(change.date_change.place) == {"after": "h1", "before": "h2"}


def test_an_added_event_does_not_change_the_place_of_others() -> None:
    old = load_text(_hearings("2025-06-01", "2025-06-20"))
    new = load_text(_hearings("2025-06-05", "2025-06-20", "2025-06-03"))
    diff = diff_cases(old, new)
    assert changes(diff) == [("added", "events", "h2", None), ("changed", "events", "h0", None)]
    assert diff.changes[1].date_change is not None
    assert diff.changes[1].date_change.place is None


def test_events_that_swap_places_both_report_it() -> None:
    old = load_text(_hearings("2025-06-01", "2025-06-10"))
    new = load_text(_hearings("2025-06-12", "2025-06-02"))
    places = {c.id: c.date_change.place for c in diff_cases(old, new).changes if c.date_change}
    assert {k: asdict(v) if v else None for k, v in places.items()} == {
        "h1": {"after": "detained", "before": "h0"},
        "h0": {"after": "h1", "before": "verdict"},
    }


def test_a_date_change_that_stays_in_place_has_no_place() -> None:
    diff = diff_cases(load_text(CASE), load_text(_with_event_date("detained", "2025-05")))
    assert diff.changes[0].date_change is not None
    assert diff.changes[0].date_change.kind == "coarsened"
    assert diff.changes[0].date_change.place is None


@pytest.mark.parametrize(
    ("edit", "paths"),
    [
        (("title: Ann detained", "title: Ann detained at home"), ["title"]),  # a similar title
        (('date: "2025-05-28"', 'date: "2025-05-27"'), ["date"]),  # the date moved too
    ],
)
def test_an_event_renamed_and_edited_a_little_is_a_rename(
    edit: tuple[str, str], paths: list[str]
) -> None:
    renamed = (
        CASE.replace("id: detained", "id: ann-detained")
        .replace(*edit)
        .replace("after: [detained]", "after: [ann-detained]")
    )
    diff = diff_cases(load_text(CASE), load_text(renamed))
    assert changes(diff) == [("renamed", "events", "ann-detained", "detained")]
    assert [f["path"] for f in fields(diff, "ann-detained")] == paths
    if paths == ["title"]:
        assert fields(diff, "ann-detained")[0] == {
            "path": "title",
            "old": "Ann detained",
            "new": "Ann detained at home",
        }
    else:
        assert diff.changes[0].date_change is not None
        assert diff.changes[0].date_change.kind == "moved"


@pytest.mark.parametrize(
    "edit",
    [
        ("title: Ann detained", "title: Police raid the newsroom"),  # another title
        # another date, and other people
        (
            'date: "2025-05-28"\n    type: detention\n    title: Ann detained\n'
            "    participants: [{ref: ann, role: detainee}, {ref: no, role: detainee}]",
            'date: "2025-05-29"\n    type: detention\n    title: Ann detained\n'
            "    participants: [{ref: ann, role: detainee}]",
        ),
        ("type: detention", "type: arrest"),  # another type
    ],
)
def test_an_event_that_differs_too_much_is_removed_and_added(edit: tuple[str, str]) -> None:
    renamed = CASE.replace("id: detained", "id: other").replace(
        "after: [detained]", "after: [other]"
    )
    renamed = renamed.replace(*edit)
    diff = diff_cases(load_text(CASE), load_text(renamed))
    assert sorted((kind, change_id) for kind, _, change_id, _ in changes(diff)) == [
        ("added", "other"),
        ("changed", "verdict"),
        ("removed", "detained"),
    ]


def test_list_members_are_a_multiset() -> None:
    assert [f.to_json() for f in diff_values({"tags": ["a", "b", "a"]}, {"tags": ["b", "a"]})] == [
        {"path": "tags", "old": "a", "new": None}
    ]
    assert diff_values({"tags": ["a", "b"]}, {"tags": ["b", "a"]}) == []


def test_members_with_the_same_reference_twice_are_compared_as_a_multiset() -> None:
    old = {"participants": [{"ref": "a", "role": "x"}, {"ref": "a", "role": "y"}]}
    new = {"participants": [{"ref": "a", "role": "y"}, {"ref": "a", "role": "z"}]}
    assert [f.to_json() for f in diff_values(old, new)] == [
        {"path": "participants", "old": {"ref": "a", "role": "x"}, "new": None},
        {"path": "participants", "old": None, "new": {"ref": "a", "role": "z"}},
    ]


def test_the_full_name_of_a_person_made_initials_only_is_withheld() -> None:
    diff = diff_cases(load(OLD), load(NEW))
    assert fields(diff, "bob") == [
        {"path": "name", "old": "[withheld]", "new": "B.W."},
        {"path": "privacy", "old": "public", "new": "initials"},
    ]
    text = json.dumps(diff.to_json(), ensure_ascii=False)
    assert not any(word in text for word in CANARY)


def test_a_person_made_public_again_is_withheld_too() -> None:
    diff = diff_cases(load(NEW), load(OLD))
    assert fields(diff, "bob")[0] == {"path": "name", "old": "B.W.", "new": "[withheld]"}
    assert next(c for c in diff.changes if c.id == "bob").label == "B.W."
    assert not any(word in json.dumps(diff.to_json(), ensure_ascii=False) for word in CANARY)


def test_a_diff_in_reverse_swaps_added_and_removed() -> None:
    forward = diff_cases(load(OLD), load(NEW)).summary
    backward = diff_cases(load(NEW), load(OLD)).summary
    assert (backward.added, backward.removed) == (forward.removed, forward.added)
    assert (backward.changed, backward.renamed) == (forward.changed, forward.renamed)
