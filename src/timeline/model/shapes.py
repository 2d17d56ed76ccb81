"""The types of the case model's fields as pydantic reads them: patterns, lengths, and the
functions of model/values.py that read a value.

Only `timeline.model.compile` imports this module when timeline runs (pydantic's
`Field` and validators cost an import that the compiled schema spares every command);
model/case.py and model/registry.py name these types in their annotations.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from timeline import dates
from timeline.model.durations import DURATION_PATTERN
from timeline.model.values import (
    FORMAT_VERSION,
    SLUG_PATTERN,
    citation_from_ref,
    date_text,
    format_number,
    list_from_one,
    parse_date,
    related_from_id,
    visible_text,
    web_address,
)

Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=100)]
Text = Annotated[str, Field(min_length=1), AfterValidator(visible_text)]
Language = Annotated[str, Field(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")]
Duration = Annotated[str, Field(pattern=DURATION_PATTERN)]
Url = Annotated[str, Field(pattern=r"^https?://\S+$"), AfterValidator(web_address)]
CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
CurrencyCode = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
FormatVersion = Annotated[
    int, Field(ge=FORMAT_VERSION, le=FORMAT_VERSION), BeforeValidator(format_number)
]
SlugList = Annotated[list[Slug], BeforeValidator(list_from_one)]
"""A list of ids, or one id alone."""
NonEmptySlugs = Annotated[list[Slug], Field(min_length=1)]

# Only `true` and `false`: pydantic would also read "yes", "on", "1" as true, the
# YAML 1.1 guessing that the loader refuses for every other scalar.
Flag = Annotated[bool, Field(strict=True)]
# A yes/no fact that may be unknown: absent (None) means "not stated", never "no".
Fact = Annotated[bool | None, Field(strict=True)]

# The short forms whose class is defined in model/case.py: `Annotated[Citation, CitationRef]`.
CitationRef = BeforeValidator(citation_from_ref)
"""A citation, or a bare source id for `{ref: id}`."""
RelatedRef = BeforeValidator(related_from_id)
"""A related case, or a bare case id for `{case: id}`."""


class _EdtfText:
    """How pydantic reads, writes and describes a date: from and to its EDTF text.

    The schema is given whole, so that pydantic does not build one for the fields of
    `EdtfDate` (a dataclass) that the text replaces.
    """

    def __get_pydantic_core_schema__(self, source: object, handler: object) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(
            parse_date,
            serialization=core_schema.plain_serializer_function_ser_schema(
                date_text, return_schema=core_schema.str_schema()
            ),
        )

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: object) -> JsonSchemaValue:
        return {
            "type": "string",
            "description": "An EDTF date (the profile in docs/data-format.md).",
            "examples": ["2025-05-28", "2025-05", "2025", "2022-23", "2025-05~", "2025-05-28/.."],
        }


Date = Annotated[dates.EdtfDate, _EdtfText()]

NAMESPACE: dict[str, Any] = {
    "Annotated": Annotated,
    "BeforeValidator": BeforeValidator,
    "Field": Field,
    "FORMAT_VERSION": FORMAT_VERSION,
    **{
        name: globals()[name]
        for name in (
            "Slug",
            "Text",
            "Language",
            "Duration",
            "Url",
            "CountryCode",
            "CurrencyCode",
            "FormatVersion",
            "SlugList",
            "NonEmptySlugs",
            "Flag",
            "Fact",
            "CitationRef",
            "RelatedRef",
            "Date",
        )
    },
}
"""What the models' annotations name, for pydantic to read them (they are strings)."""
