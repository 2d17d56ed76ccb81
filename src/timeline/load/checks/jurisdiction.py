"""The jurisdiction is an assigned ISO 3166-1 alpha-2 country code.

Two capitals are not enough: `UK` is not the code of the United Kingdom (it is
`GB`), and `AB` is no country at all.

Fails::

    jurisdiction: UK   # TL703 (did you mean 'GB'?)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.load.diagnostics import Finding
from timeline.model.case import Case
from timeline.model.countries import country_problem

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL703"


def check(case: Case, context: Context) -> Iterator[Finding]:
    problem = country_problem(case.jurisdiction)
    if problem is not None:
        message, hint = problem
        yield Finding(CODE, message, ("jurisdiction",), hint)
