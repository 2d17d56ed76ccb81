"""An event marked `status: disputed` names who disputes it in `disputed_by`.

Fails::

    - {id: financing-claim, type: statement, status: disputed, ...}   # TL803
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.load.diagnostics import Finding
from timeline.model.case import Case
from timeline.model.vocab import FactStatus

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL803"


def check(case: Case, context: Context) -> Iterator[Finding]:
    for i, event in enumerate(case.events):
        if event.status is FactStatus.DISPUTED and not event.disputed_by:
            yield Finding(
                CODE,
                f"'{event.id}' is disputed, but `disputed_by` is empty",
                ("events", i, "status"),
                "name the people or organizations who dispute it in `disputed_by`",
            )
