"""The JSON Schemas of the case file and of a registry file, generated from the models.

Editors use them through yaml-language-server; other tools validate with them. The
repository ships copies in `schema/case.schema.json` and `schema/registry.schema.json`,
kept in sync by a test.
"""

from __future__ import annotations

import json
from typing import Any

from timeline.model.case import Case
from timeline.model.registry import RegistryFile
from timeline.model.vocab import VOCABULARIES

SCHEMA_ID = "https://timeline.invalid/schema/case-1.json"
SCHEMA_PATH = "schema/case.schema.json"
REGISTRY_SCHEMA_ID = "https://timeline.invalid/schema/registry-1.json"
REGISTRY_SCHEMA_PATH = "schema/registry.schema.json"


def case_schema() -> dict[str, Any]:
    schema = Case.model_json_schema(mode="validation")
    definitions = schema.get("$defs", {})
    _describe_vocabularies(definitions)
    _allow_bare_citations(definitions)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "timeline case file, format 1",
        "description": "One legal case: people, organizations, charges, sources and dated events.",
        **schema,
    }


def registry_schema() -> dict[str, Any]:
    schema = RegistryFile.model_json_schema(mode="validation")
    _describe_vocabularies(schema.get("$defs", {}))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": REGISTRY_SCHEMA_ID,
        "title": "timeline registry file, format 1",
        "description": "People, organizations, charges and sources that every case may use.",
        **schema,
    }


def _describe_vocabularies(definitions: dict[str, Any]) -> None:
    """Each vocabulary term gets its one-line definition (shown by editors on hover)."""
    for vocabulary in VOCABULARIES.values():
        entry = definitions.get(vocabulary.__name__)
        if entry is None:
            continue
        entry["description"] = (vocabulary.__doc__ or "").strip().splitlines()[0]
        entry["enumDescriptions"] = [term.definition for term in vocabulary]
        entry["markdownEnumDescriptions"] = [term.definition for term in vocabulary]


def _allow_bare_citations(definitions: dict[str, Any]) -> None:
    """`sources: [id, {ref: id, quote: ...}]`: a citation may be just the source's id."""
    slug = definitions["Citation"]["properties"]["ref"]
    bare = {key: slug[key] for key in ("type", "pattern", "maxLength") if key in slug}
    for name in ("Event", "Claim"):
        items = definitions[name]["properties"]["sources"]["items"]
        definitions[name]["properties"]["sources"]["items"] = {"anyOf": [bare, items]}


def schema_text(*, registry: bool = False) -> str:
    schema = registry_schema() if registry else case_schema()
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
