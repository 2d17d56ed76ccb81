"""The JSON Schemas of the case file and of a registry file, generated from the models.

Editors use them through yaml-language-server; other tools validate with them. The
package ships them as `case.schema.json` and `registry.schema.json` beside this
module, and `timeline schema` prints those files: generating one means building
every model class, 90% of the command's time. The repository keeps copies in
`schema/` for editors. A test keeps all of them in sync with the models; after
changing the models, run `python -m timeline.load.schema` to write them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

SCHEMA_ID = "https://timeline.invalid/schema/case-1.json"
SCHEMA_PATH = "schema/case.schema.json"
REGISTRY_SCHEMA_ID = "https://timeline.invalid/schema/registry-1.json"
REGISTRY_SCHEMA_PATH = "schema/registry.schema.json"
SHIPPED = Path(__file__).with_name("case.schema.json")
REGISTRY_SHIPPED = Path(__file__).with_name("registry.schema.json")


def shipped_schema_text(*, registry: bool = False) -> str:
    """A schema as the package ships it (generated when the file is missing)."""
    try:
        return (REGISTRY_SHIPPED if registry else SHIPPED).read_text(encoding="utf-8")
    except OSError:
        return schema_text(registry=registry)


def case_schema() -> dict[str, Any]:
    schema = _twins()["Case"].model_json_schema(mode="validation")
    definitions = schema.get("$defs", {})
    _describe_vocabularies(definitions)
    _allow_bare_ids(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "timeline case file, format 1",
        "description": "One legal case: people, organizations, charges, sources and dated events.",
        **schema,
    }


def registry_schema() -> dict[str, Any]:
    schema = _twins()["RegistryFile"].model_json_schema(mode="validation")
    _describe_vocabularies(schema.get("$defs", {}))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": REGISTRY_SCHEMA_ID,
        "title": "timeline registry file, format 1",
        "description": "People, organizations, charges and sources that every case may use.",
        **schema,
    }


@cache
def _twins() -> dict[str, Any]:
    """The pydantic models of the case model's classes, by name (timeline.model.compile)."""
    from timeline.model import case, registry
    from timeline.model.compile import twins

    return twins([case, registry])


def _describe_vocabularies(definitions: dict[str, Any]) -> None:
    """Each vocabulary term gets its one-line definition (shown by editors on hover)."""
    from timeline.model.vocab import VOCABULARIES

    for vocabulary in VOCABULARIES.values():
        entry = definitions.get(vocabulary.__name__)
        if entry is None:
            continue
        entry["description"] = (vocabulary.__doc__ or "").strip().splitlines()[0]
        entry["enumDescriptions"] = [term.definition for term in vocabulary]
        entry["markdownEnumDescriptions"] = [term.definition for term in vocabulary]


def _allow_bare_ids(schema: dict[str, Any]) -> None:
    """The short forms the model reads (its `BeforeValidator`s), which pydantic leaves out.

    A citation may be just the source's id (`sources: [id, {ref: id, quote: ...}]`), a
    related case just the case's id (`related: [other-case]`), and an outcome's
    `acts_on` one id instead of a list of them.
    """
    definitions = schema["$defs"]
    slug = definitions["Citation"]["properties"]["ref"]
    bare = {key: slug[key] for key in ("type", "pattern", "maxLength") if key in slug}
    for name in ("Event", "Claim"):
        sources = definitions[name]["properties"]["sources"]
        sources["items"] = {"anyOf": [bare, sources["items"]]}
    related = schema["properties"]["related"]
    related["items"] = {"anyOf": [bare, related["items"]]}
    acts_on = definitions["Outcome"]["properties"]["acts_on"]
    definitions["Outcome"]["properties"]["acts_on"] = {
        "anyOf": [bare, {key: acts_on.pop(key) for key in ("items", "type")}],
        **acts_on,
    }


def schema_text(*, registry: bool = False) -> str:
    """A schema generated from the models."""
    import json

    schema = registry_schema() if registry else case_schema()
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    """Write the schemas beside this module and, in a checkout, to `schema/`."""
    checkout = SHIPPED.parents[3]
    for registry, shipped, copy in (
        (False, SHIPPED, SCHEMA_PATH),
        (True, REGISTRY_SHIPPED, REGISTRY_SCHEMA_PATH),
    ):
        text = schema_text(registry=registry)
        shipped.write_text(text, encoding="utf-8")
        if (checkout / copy).parent.is_dir():
            (checkout / copy).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
