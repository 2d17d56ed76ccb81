"""A conflict between sources has at least two claims, and its claims do not all rest
on the same sources.

Fails::

    conflicts:
      - id: verdict-date
        about: [verdict]
        claims:
          - {claim: 17 September, sources: [kloop-20250917]}   # TL801: one side only
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.load.diagnostics import Finding
from timeline.model.case import Case

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL801"


def check(case: Case, context: Context) -> Iterator[Finding]:
    for i, conflict in enumerate(case.conflicts):
        if len(conflict.claims) < 2:
            yield Finding(
                CODE,
                f"the conflict '{conflict.id}' needs at least two claims",
                ("conflicts", i, "claims"),
                "record each side with the sources that say it",
            )
            continue
        sides = {frozenset(c.ref for c in claim.sources) for claim in conflict.claims}
        if len(sides) == 1:
            yield Finding(
                CODE,
                f"every claim of the conflict '{conflict.id}' cites the same sources",
                ("conflicts", i, "claims"),
                "a conflict is between sources: cite on each side the sources that say it",
            )
