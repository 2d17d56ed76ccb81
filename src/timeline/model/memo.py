"""The last answer of a function of a case, kept for the next question about the same case.

Validation computes a case's custody (for its checks), and every output then asks
for the same case's custody and standing again, often twice (the header, then the
chronology's marks). `last_case` keeps the answers about the last two cases it
was asked about (`diff` reads two versions, then asks about both), recognised by
identity, so that a command that goes through thousands of cases holds two
extra answers, never all of them. A case is not changed once validated; the
answers are read-only, so no caller can change them for the next one.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from timeline.model.case import Case

T = TypeVar("T")
KEPT = 2  # cases


def last_case(function: Callable[[Case], T]) -> Callable[[Case], T]:
    """`function`, answering again for the cases it was last asked about without rework.

    Its answers are shared by every caller: give read-only ones (a tuple, a
    `MappingProxyType`).
    """
    last: list[tuple[Case, T]] = []  # the latest first

    @wraps(function)
    def remembered(case: Case) -> T:
        for asked, answer in last:
            if asked is case:
                return answer
        answer = function(case)
        last[:] = [(case, answer), *last[: KEPT - 1]]
        return answer

    return remembered
