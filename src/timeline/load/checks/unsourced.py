"""Every event cites at least one source.

Fails::

    - {id: detained, date: "2025-05-28", type: detention, title: ...}   # TL501: no sources
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.load.diagnostics import Finding
from timeline.model.case import Case

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL501"


def check(case: Case, context: Context) -> Iterator[Finding]:
    for i, event in enumerate(case.events):
        if not event.sources:
            yield Finding(
                CODE,
                f"the event '{event.id}' cites no source",
                ("events", i, "id"),
                "add `sources: [SOURCE-ID]` naming where the fact comes from",
            )
