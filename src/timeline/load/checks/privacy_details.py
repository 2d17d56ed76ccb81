"""A person marked `privacy: initials` has no aliases, no short name and no description:
nothing that could name them besides the initials.

Fails::

    people:
      - id: accountant-no
        name: N.O.
        privacy: initials
        aliases: [{name: Н.О., lang: ru}]   # TL602
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.load.diagnostics import Finding
from timeline.model.case import Case
from timeline.model.vocab import Privacy

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL602"


def check(case: Case, context: Context) -> Iterator[Finding]:
    for i, person in enumerate(case.people):
        if person.privacy is not Privacy.INITIALS:
            continue
        for field in ("aliases", "short_name", "description"):
            if getattr(person, field):
                yield Finding(
                    CODE,
                    f"'{person.id}' is initials-only and must not have `{field}`",
                    ("people", i, field),
                    "remove it: nothing but the initials may be shown",
                    target="key",
                )
