"""The answers kept for the last cases: the same case gets the same answer without
rework, another case its own, and nobody can change an answer for the next caller."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL, validate_text
from timeline.model.case import Case
from timeline.model.custody import custody
from timeline.model.memo import KEPT, last_case
from timeline.model.standing import standings


def _cases(tmp_path: Path, count: int) -> list[Case]:
    found = []
    for number in range(count):
        folder = tmp_path / str(number)
        folder.mkdir()
        case = validate_text(folder, MINIMAL).case
        assert case is not None
        found.append(case)
    return found


def test_the_last_cases_are_answered_again_without_rework(tmp_path: Path) -> None:
    asked: list[Case] = []

    @last_case
    def count(case: Case) -> int:
        asked.append(case)
        return len(asked)

    first, second, third = _cases(tmp_path, KEPT + 1)
    assert [count(first), count(second), count(first), count(second)] == [1, 2, 1, 2]
    assert count(third) == 3  # a third case: the oldest answer goes
    assert count(second) == 2
    assert count(first) == 4  # worked out again
    assert asked == [first, second, third, first]


def test_equal_cases_are_not_the_same_case(tmp_path: Path) -> None:
    one, other = _cases(tmp_path, 2)
    assert one == other and one is not other
    assert custody(one) is not custody(other)
    assert custody(one) is custody(one)


def test_answers_cannot_be_changed(tmp_path: Path) -> None:
    (case,) = _cases(tmp_path, 1)
    with pytest.raises(TypeError):
        custody(case)["ann"] = custody(case)["no"]  # type: ignore[index]
    with pytest.raises(TypeError):
        del standings(case)["ann"]  # type: ignore[attr-defined]
