"""Every listed source is cited by an event or a conflict's claim.

Fails::

    sources:
      - {id: old-article, publisher: ..., language: en}   # TL502: cited nowhere
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.load.diagnostics import Finding
from timeline.model.case import Case

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL502"


def check(case: Case, context: Context) -> Iterator[Finding]:
    cited = {citation.ref for event in case.events for citation in event.sources}
    cited.update(
        citation.ref
        for conflict in case.conflicts
        for claim in conflict.claims
        for citation in claim.sources
    )
    cited.update(ref for event in case.events for ref in event.attribution)
    for i, source in enumerate(case.sources):
        if source.id not in cited:
            yield Finding(
                CODE,
                f"the source '{source.id}' is not cited by any event or claim",
                ("sources", i, "id"),
                "cite it where it supports a fact, or remove it",
            )
