"""A case does not define again what the registry of its data repository defines:
two definitions of one id would drift apart, and nothing could tell which one a
reference means. Use the registry's entry by its id (and `registry_people` to give a
registry person a part in this case).

Fails (when `data/registry/organizations.yaml` defines `gknb`)::

    organizations:
      - {id: gknb, name: State Committee for National Security, kind: security-service}   # TL305
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.load.diagnostics import Finding
from timeline.model.case import Case

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL305"
SECTIONS = ("people", "organizations", "charges", "sources")


def check(case: Case, context: Context) -> Iterator[Finding]:
    registry = context.registry
    if registry is None:
        return
    for section in SECTIONS:
        for index, item in enumerate(getattr(case, section)):
            where = registry.where(item.id)
            if where is not None:
                yield Finding(
                    CODE,
                    f"the id '{item.id}' is also defined in the registry, at {where}",
                    (section, index, "id"),
                    "remove this entry and use the registry's by its id, or rename one of them",
                )
