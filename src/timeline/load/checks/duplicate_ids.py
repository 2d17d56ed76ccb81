"""Ids are unique: within each section, and events, people, organizations, charges
and sources share one namespace so that a reference is never ambiguous.

Fails::

    people:
      - {id: aleksandrov, name: Aleksandr Aleksandrov}
    organizations:
      - {id: aleksandrov, name: ..., kind: media}   # TL301
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.load.diagnostics import Finding
from timeline.model.case import Case

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL301"
SECTIONS = ("people", "organizations", "charges", "sources", "events", "conflicts")


def check(case: Case, context: Context) -> Iterator[Finding]:
    seen: dict[str, str] = {}
    for section in SECTIONS:
        for index, item in enumerate(getattr(case, section)):
            first = seen.get(item.id)
            if first is None:
                seen[item.id] = f"{section}"
                continue
            where = "earlier in this section" if first == section else f"in {first}"
            yield Finding(
                CODE,
                f"the id '{item.id}' is already used {where}",
                (section, index, "id"),
                "give every item its own id",
            )
