"""A person marked `privacy: initials` has a name made of initials only.

Fails::

    people:
      - {id: accountant-no, name: Nurgul O., privacy: initials}   # TL601
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.load.diagnostics import Finding
from timeline.model.case import Case
from timeline.model.vocab import Privacy

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL601"
INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.\s?){1,4}$")


def check(case: Case, context: Context) -> Iterator[Finding]:
    for i, person in enumerate(case.people):
        if person.privacy is Privacy.INITIALS and not INITIALS.match(person.name):
            yield Finding(
                CODE,
                f"'{person.id}' is initials-only, but the name '{person.name}' is not initials",
                ("people", i, "name"),
                "write only the initials, such as 'N.O.'",
            )
