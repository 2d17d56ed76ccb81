"""An inferred date part is one the date has, and the source's own words are kept.

When a source says "May 28" without a year, the file gives the full date, marks
`inferred: [year]` and keeps the words in `source_text`.

Fails::

    - {id: detained, date: "2025-05", inferred: [day], ...}   # TL405: no day, no source_text
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.dates import Precision
from timeline.load.diagnostics import Finding
from timeline.model.case import Case
from timeline.model.vocab import InferredPart

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL405"
_NEEDS = {
    InferredPart.YEAR: (Precision.YEAR, Precision.SEASON, Precision.MONTH, Precision.DAY),
    InferredPart.MONTH: (Precision.MONTH, Precision.DAY),
    InferredPart.DAY: (Precision.DAY,),
}


def check(case: Case, context: Context) -> Iterator[Finding]:
    for i, event in enumerate(case.events):
        if not event.inferred:
            continue
        if not event.source_text:
            yield Finding(
                CODE,
                f"'{event.id}' has inferred date parts but no `source_text`",
                ("events", i, "inferred"),
                "quote the source's own words for the date in `source_text`",
            )
        for j, part in enumerate(event.inferred):
            if event.date.precision not in _NEEDS[part]:
                yield Finding(
                    CODE,
                    f"the date {event.date.text} has no {part.value} to infer",
                    ("events", i, "inferred", j),
                )
