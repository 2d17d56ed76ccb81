"""Schema errors (pydantic's) as findings for people: a misspelt key with a "did you
mean", a vocabulary term with the terms it could be, a pattern with an example.
"""

from __future__ import annotations

import difflib

from pydantic_core import ErrorDetails, ValidationError

from timeline.load.diagnostics import Finding, Path, format_path
from timeline.model.base import Model
from timeline.model.case import FORMAT_VERSION, Case
from timeline.model.vocab import Term


def schema_findings(error: ValidationError, root: type[Model] = Case) -> list[Finding]:
    """Schema errors as findings; `root` is the model of the whole document."""
    findings = [_finding(detail, root) for detail in error.errors(include_url=False)]
    # A misspelt required key is one mistake: keep "unknown key 'titel', did you mean
    # 'title'?" and drop the "missing required key 'title'" it causes.
    misspelt = {
        (f.path[:-1], f.hint.split("'")[1])
        for f in findings
        if f.code == "TL201" and f.hint and f.hint.startswith("did you mean")
    }
    kept = [
        f
        for f in findings
        if not (f.code == "TL202" and (f.path, f.message.rsplit("'", 2)[1]) in misspelt)
    ]
    return list(dict.fromkeys(kept))  # without repeats, in order (linear for many findings)


_TYPE_NAMES = {
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
}

_PATTERN_HELP = {
    "id": "an id is lowercase letters, digits and single hyphens, such as 'editors-detained'",
    "jurisdiction": "an ISO 3166-1 alpha-2 country code in capitals, such as 'KG'",
    "language": "a language code such as 'en' or 'ru'",
    "lang": "a language code such as 'en' or 'ru'",
    "term": "an ISO 8601 duration such as 'P5Y' (5 years) or 'P2M' (2 months)",
    "offset": "an ISO 8601 duration such as 'P2D' (2 days)",
    "url": "a full web address starting with https:// or http://",
    "archive_url": "a full web address starting with https:// or http://",
    "currency": "an ISO 4217 currency code such as 'KGS'",
}


def _finding(detail: ErrorDetails, root: type[Model]) -> Finding:
    loc: Path = tuple(part for part in detail["loc"] if isinstance(part, str | int))
    kind = detail["type"]
    value = detail.get("input")
    name = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if kind == "extra_forbidden":
        return _unknown_key(loc, root)
    if kind == "missing":
        return Finding("TL202", f"missing required key '{name}'", loc[:-1], _example(name))
    if kind == "missing_date":
        return Finding(
            "TL202", f"missing required key 'date': {detail['msg']}", loc, _example("date")
        )
    if kind == "edtf":
        return Finding("TL205", f"invalid date: {detail['msg']}", loc)
    if kind == "enum":
        return _unknown_term(loc, value, root)
    if loc == ("format",):
        return Finding(
            "TL208",
            f"unsupported format version {value!r}: this tool reads format {FORMAT_VERSION}",
            loc,
        )
    if kind in _TYPE_NAMES:
        return Finding(
            "TL203", f"'{name}' must be {_TYPE_NAMES[kind]}, not {_describe(value)}", loc
        )
    if kind == "string_pattern_mismatch":
        key = "id" if name in ("id", "ref", "org", "event") or _in_ref_list(loc) else name
        help_text = _PATTERN_HELP.get(key, "see docs/data-format.md")
        return Finding("TL204", f"{_quote(value)} is not a valid {name}: {help_text}", loc)
    if kind in ("string_too_short", "too_short"):
        return Finding("TL204", f"'{name}' must not be empty", loc)
    return Finding("TL204", f"invalid value for '{name}': {detail['msg']}", loc)


def _in_ref_list(loc: Path) -> bool:
    names = [p for p in loc if isinstance(p, str)]
    return bool(names) and names[-1] in (
        "subjects",
        "charges",
        "after",
        "attribution",
        "disputed_by",
        "related",
        "tags",
        "about",
    )


def _quote(value: object) -> str:
    return repr(value) if isinstance(value, str) else _describe(value)


def _describe(value: object) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, str):
        return f"the text {value!r}" if len(value) < 60 else "a text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _example(name: str) -> str | None:
    examples = {
        "format": "add `format: 1` at the top",
        "id": "add `id: ...` (lowercase, hyphens)",
        "date": 'add `date: "2025-05-28"` (EDTF; quote it)',
        "type": "add `type: ...` (see docs/data-format.md for the event types)",
    }
    return examples.get(name)


def _unknown_key(loc: Path, root: type[Model]) -> Finding:
    key = str(loc[-1])
    allowed = fields_at(loc[:-1], root)
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    hint: str | None = None
    if close:
        hint = f"did you mean '{close[0]}'?"
    elif allowed:
        hint = "allowed here: " + ", ".join(allowed)
    where = _where(loc[:-1])
    return Finding("TL201", f"unknown key '{key}'{where}", loc, hint, target="key")


def _where(loc: Path) -> str:
    return f" in {format_path(loc)}" if loc else ""


def _unknown_term(loc: Path, value: object, root: type[Model]) -> Finding:
    vocabulary = _annotation_at(loc, root)
    name = str(next((p for p in reversed(loc) if isinstance(p, str)), ""))
    if vocabulary is None:
        return Finding("TL207", f"unknown term {value!r} for '{name}'", loc)
    terms = [term.value for term in vocabulary]
    close = difflib.get_close_matches(str(value), terms, n=1) if isinstance(value, str) else []
    hint = f"did you mean '{close[0]}'?" if close else "one of: " + ", ".join(terms)
    return Finding("TL207", f"{_quote(value)} is not a known {name.replace('_', ' ')}", loc, hint)


def fields_at(loc: Path, root: type[Model] = Case) -> list[str]:
    """The keys the format allows at a path of the document."""
    model = _model_at(loc, root)
    return list(model.model_fields) if model else []


def _model_at(loc: Path, root: type[Model]) -> type[Model] | None:
    current: type | None = root
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, Model)):
            return None
        shape = current.model_fields.get(part)
        if shape is None:
            return None
        current = shape.holds
    return current if isinstance(current, type) and issubclass(current, Model) else None


def _annotation_at(loc: Path, root: type[Model]) -> type[Term] | None:
    *parents, last = [p for p in loc if isinstance(p, str)] or [""]
    model = _model_at(tuple(parents), root)
    if model is None or last not in model.model_fields:
        return None
    held = model.model_fields[last].holds
    return held if isinstance(held, type) and issubclass(held, Term) else None
