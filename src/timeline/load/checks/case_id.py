"""The case id equals the file name without `.yaml`, so that `timeline show ID` finds it.

Fails (in `data/cases/kloop.yaml`)::

    id: kloop-case   # TL303
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.load.diagnostics import Finding
from timeline.model.case import Case

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL303"


def check(case: Case, context: Context) -> Iterator[Finding]:
    if context.stem is not None and case.id != context.stem:
        yield Finding(
            CODE,
            f"the case id '{case.id}' differs from the file name '{context.stem}{context.suffix}'",
            ("id",),
            f"write `id: {context.stem}`, or rename the file to {case.id}{context.suffix}",
        )
