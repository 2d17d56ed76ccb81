"""Models are equal when their fields are (what `diff` relies on to find the changed
items), whatever each has worked out since (a cached property), and hash alike."""

from __future__ import annotations

from pathlib import Path

from conftest import MINIMAL, validate_text
from timeline.model.case import Case, Citation, Participant


def _case(tmp_path: Path, name: str, text: str = MINIMAL) -> Case:
    folder = tmp_path / name
    folder.mkdir()
    case = validate_text(folder, text).case
    assert case is not None
    return case


def test_equal_fields_are_equal_models(tmp_path: Path) -> None:
    one, other = _case(tmp_path, "a"), _case(tmp_path, "b")
    assert one is not other and one == other
    assert one.events[1] == other.events[1]
    assert Participant(ref="ann") == Participant(ref="ann")
    assert hash(Participant(ref="ann")) == hash(Participant(ref="ann"))


def test_a_different_field_or_class_is_not_equal(tmp_path: Path) -> None:
    one = _case(tmp_path, "a")
    other = _case(tmp_path, "b", MINIMAL.replace("title: Verdict", "title: The verdict"))
    assert one != other
    assert one.events[0] == other.events[0] and one.events[1] != other.events[1]
    assert Participant(ref="ann") != Participant(ref="bob")
    assert Participant(ref="src") != Citation(ref="src")
    assert Participant(ref="ann") != "ann"


def test_what_a_case_has_worked_out_does_not_count(tmp_path: Path) -> None:
    one, other = _case(tmp_path, "a"), _case(tmp_path, "b")
    assert one.chronology and "chronology" in vars(one)
    del vars(other)["chronology"]  # worked out by validation: forgotten by one of the two
    assert one == other and other == one
