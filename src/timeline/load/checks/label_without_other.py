"""A `label` is only read when a vocabulary field is `other`; elsewhere it is ignored,
which is usually a mistake.

Fails::

    - {id: detained, type: detention, label: Detention at the airport, ...}   # TL702
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.load.checks.other_label import label_key, labelled_terms
from timeline.load.diagnostics import Finding
from timeline.model.case import Case

if TYPE_CHECKING:
    from timeline.load.checks import Context

CODE = "TL702"


def check(case: Case, context: Context) -> Iterator[Finding]:
    for path, terms, label in labelled_terms(case):
        if label is not None and not any(term.value == "other" for term in terms):
            key = label_key(path)
            yield Finding(
                CODE,
                f"`{key}` is only used with the term `other`",
                (*path, key),
                "remove the label, or use `other`",
                target="key",
            )
