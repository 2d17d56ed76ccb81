"""A related case is the id of another case file in the same folder.

Fails (when there is no `kloop-appeal.yaml` beside the file)::

    related: [kloop-appeal]   # TL304
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.load.diagnostics import Finding
from timeline.model.case import Case

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL304"


def check(case: Case, context: Context) -> Iterator[Finding]:
    known = context.known_cases
    if known is None:
        return
    for index, ref in enumerate(case.related_ids):
        if ref == case.id:
            yield Finding(CODE, "a case cannot be related to itself", ("related", index))
        elif ref not in known:
            close = difflib.get_close_matches(ref, known, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"add {ref}.yaml beside this file"
            yield Finding(
                CODE, f"there is no case '{ref}' in this folder", ("related", index), hint
            )
