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


def _fail_fast(schema: Any, models: set[type]) -> Any:
    """Make every list of `schema` stop at its first invalid item; collect its models."""
    if isinstance(schema, dict):
        if schema.get("type") == "list":
            schema["fail_fast"] = True
        if schema.get("type") == "model":
            models.add(schema["cls"])
        for value in schema.values():
            _fail_fast(value, models)
    elif isinstance(schema, list):
        for value in schema:
            _fail_fast(value, models)
    return schema


@cache
def _first_problems() -> SchemaValidator:
    models: set[type] = set()
    schema = _fail_fast(copy.deepcopy(Case.__pydantic_core_schema__), models)
    # pydantic-core reuses a complete model's own validator for its schema (and so would
    # ignore the changed lists): the models are marked incomplete while it builds.
    complete = {model: model.__dict__.get("__pydantic_complete__") for model in models}
    try:
        for model in models:
            type.__setattr__(model, "__pydantic_complete__", False)
        return SchemaValidator(schema)
    finally:
        for model, value in complete.items():
            type.__setattr__(model, "__pydantic_complete__", value)


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
