"""Validation whose cost does not grow with the number of problems in a hostile file.

A file of 330,000 empty events (`events: [{}, {}, ...]`, under 1 MB) gives pydantic
1.6 million errors: gigabytes before a line is reported. Files larger than
`FULL_REPORT_BYTES` are therefore validated with a copy of the case schema in
which every list stops at its first invalid item (pydantic's `fail_fast`): a
valid file costs the same, and an invalid one reports its first problems (in
each list, the first bad item) instead of all of them.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from pydantic_core import SchemaValidator

from timeline.model.case import Case

# Up to this size every problem is reported (a file of 64 KB holds at most ~20,000
# empty items, about 100,000 errors: tens of megabytes).
FULL_REPORT_BYTES = 64 * 1024


def _fail_fast(schema: Any) -> Any:
    """Make every list of `schema` stop at its first invalid item."""
    if isinstance(schema, dict):
        if schema.get("type") == "list":
            schema["fail_fast"] = True
        for value in schema.values():
            _fail_fast(value)
    elif isinstance(schema, list):
        for value in schema:
            _fail_fast(value)
    return schema


@cache
def _first_problems() -> SchemaValidator:
    return SchemaValidator(_fail_fast(copy.deepcopy(Case.model_schema)))


def validate_case(data: Any, size: int) -> Case:
    """`Case.model_validate(data)`, bounded for a file of `size` characters.

    Raises pydantic's `ValidationError`, with every problem for a small file and
    the first ones for a large file.
    """
    if size <= FULL_REPORT_BYTES:
        return Case.model_validate(data)
    case = _first_problems().validate_python(data)
    assert isinstance(case, Case)
    return case
