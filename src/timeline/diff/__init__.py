"""Layer 3, diff: compares two cases. Imports `model` and `dates`.

A semantic diff of two versions of a case: `diff_cases(old, new) -> CaseDiff`.

Items are matched by id in every section (events, people, organizations,
charges, sources, conflicts) and the case's own fields are compared. Among
the items left unmatched, a removed and an added item that are clearly the
same are reported as a rename (see `timeline.diff.renames`). Matching is
linear in the size of the case: only unmatched items are compared for
similarity, and only items whose models differ are compared field by field.

The order of `changes` is fixed: events first, by date (the new date, or the
old one for a removed event; see `EdtfDate.sort_key`) and then id; then the
case fields; then people, organizations, charges, sources and conflicts, each
by id.
"""

from __future__ import annotations

from timeline.diff.core import diff_cases
from timeline.diff.model import (
    SECTIONS,
    CaseDiff,
    Change,
    DateChange,
    FieldChange,
    Place,
    Summary,
    Version,
)

__all__ = [
    "SECTIONS",
    "CaseDiff",
    "Change",
    "DateChange",
    "FieldChange",
    "Place",
    "Summary",
    "Version",
    "diff_cases",
]
