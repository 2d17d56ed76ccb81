"""An event marked `status: contested-by-sources` is the subject (`about`) of a recorded
conflict, and an event that a conflict is about is marked so.

Fails::

    - {id: verdict, status: contested-by-sources, ...}   # TL802: no conflict is about it

A conflict with a `subject` is about one detail of one outcome (one defendant's
sentence): it does not make the whole event contested.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.load.diagnostics import Finding
from timeline.model.case import Case
from timeline.model.vocab import FactStatus

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL802"


def check(case: Case, context: Context) -> Iterator[Finding]:
    subjects = {ref for conflict in case.conflicts for ref in conflict.about}
    whole = {ref for c in case.conflicts if c.subject is None for ref in c.about}
    for i, event in enumerate(case.events):
        contested = event.status is FactStatus.CONTESTED_BY_SOURCES
        if contested and event.id not in subjects:
            yield Finding(
                CODE,
                f"'{event.id}' is contested by sources, but no conflict is about it",
                ("events", i, "status"),
                "add an entry to `conflicts` with `about: [" + event.id + "]` and each side",
            )
        elif not contested and event.id in whole:
            yield Finding(
                CODE,
                f"a conflict is about '{event.id}', but its status is '{event.status.value}'",
                ("events", i, "id"),
                "set `status: contested-by-sources`",
            )
