"""New case files from a commented template, and the generated parts of the authoring guide.

`render_case` fills `templates/case.yaml` (a commented case file with one
example source and one example event) and checks that the result validates;
`create_case` writes it into a data directory without ever replacing a file.
`vocabulary_markdown` is the vocabulary reference of `docs/data-format.md`,
generated from `timeline.model.vocab` so that the guide cannot drift from the code.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from importlib import resources
from pathlib import Path

from timeline.errors import UsageError
from timeline.model.case import SLUG_PATTERN
from timeline.model.countries import country_problem
from timeline.model.vocab import VOCABULARIES

TEMPLATE = "case.yaml"
_SLUG = re.compile(SLUG_PATTERN)
_MAX_ID = 100
_COUNTRY = re.compile(r"^[A-Z]{2}$")
# Plain scalars that a YAML 1.1 reader (some editors, other tools) would not read as text.
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9-]*$")
_PLACEHOLDER = re.compile(r"\$\{(id|title|jurisdiction|file)\}")

VOCABULARY_START = "<!-- vocabularies:start (generated: python -m timeline.store.template) -->"
VOCABULARY_END = "<!-- vocabularies:end -->"


def template_text() -> str:
    """The raw template, with `${id}`, `${title}`, `${jurisdiction}` and `${file}` placeholders."""
    return (resources.files("timeline") / "templates" / TEMPLATE).read_text(encoding="utf-8")


def check_case_id(case_id: str) -> str:
    if len(case_id) > _MAX_ID or not _SLUG.match(case_id):
        raise UsageError(
            f"{case_id!r} is not a valid case id: use lowercase letters, digits and single "
            "hyphens, such as 'kloop-appeal'"
        )
    return case_id


def check_jurisdiction(code: str) -> str:
    upper = code.strip().upper()
    if not _COUNTRY.match(upper):
        raise UsageError(
            f"{code!r} is not a jurisdiction: give an ISO 3166-1 alpha-2 country code such as 'KG'"
        )
    problem = country_problem(upper)
    if problem is not None:
        raise UsageError(f"{problem[0]}; {problem[1]}")
    return upper


def check_title(title: str) -> str:
    text = title.strip()
    if not text:
        raise UsageError("the title must not be empty")
    if any(unicodedata.category(char)[0] == "C" or char in "\u2028\u2029" for char in text):
        raise UsageError("the title must be one line of text, without control characters")
    return text


def default_title(case_id: str) -> str:
    """A placeholder title from the id: ``kloop-appeal`` -> ``Kloop appeal``."""
    words = case_id.replace("-", " ")
    return words[:1].upper() + words[1:]


def _scalar(value: str) -> str:
    """`value` as a YAML scalar: plain when every YAML reader sees text, else double-quoted."""
    if _PLAIN.match(value) and value.lower() not in _YAML11_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars


def render_case(case_id: str, *, jurisdiction: str, title: str | None = None) -> str:
    """The text of a new case file; raises `UsageError` for a bad id, title or jurisdiction."""
    chosen = default_title(case_id) if title is None else title
    values = {
        "id": _scalar(check_case_id(case_id)),
        "title": json.dumps(check_title(chosen), ensure_ascii=False),
        "jurisdiction": _scalar(check_jurisdiction(jurisdiction)),
        "file": f"{case_id}.yaml",
    }
    # One pass, so that a value containing "${...}" is never substituted again.
    text = _PLACEHOLDER.sub(lambda match: values[match[1]], template_text())
    _ensure_valid(text, case_id)
    return text


def _ensure_valid(text: str, case_id: str) -> None:
    """Never write a file that would not validate (a bug in the template, not in the input)."""
    from timeline.load.validation import validate_bytes

    report = validate_bytes(text.encode("utf-8"), f"{case_id}.yaml", stem=case_id)
    if report.diagnostics or report.case is None:
        problems = "; ".join(f"{d.code} {d.message}" for d in report.diagnostics)
        raise UsageError(f"the case template does not validate: {problems}")


def create_case(
    directory: Path, case_id: str, *, jurisdiction: str, title: str | None = None
) -> Path:
    """Write `<directory>/<case_id>.yaml` from the template; never replaces an existing file.

    The file is written to a temporary file and linked into place, so that a
    file created meanwhile by someone else is not overwritten either.
    """
    from timeline.store.atomic import write_atomic

    text = with_schema_line(render_case(case_id, jurisdiction=jurisdiction, title=title), directory)
    path = directory / f"{case_id}.yaml"
    for existing in (path, path.with_suffix(".yml")):
        if existing.exists():
            raise UsageError(f"{existing} already exists; it was left untouched")
    try:
        write_atomic(path, text, exclusive=True)
    except FileExistsError:
        raise UsageError(f"{path} already exists; it was left untouched") from None
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None
    return path


SCHEMA_LINE = "# yaml-language-server: $schema="
SCHEMA_FILE = Path("schema") / "case.schema.json"


def with_schema_line(text: str, directory: Path) -> str:
    """The template's first line pointed at the schema of the repository around `directory`.

    Editors resolve the modeline relative to the file: it names the nearest
    `schema/case.schema.json` above the folder, and is left out when there is none
    (a line pointing nowhere would make editors show an error instead of help).
    """
    first, _, rest = text.partition("\n")
    assert first.startswith(SCHEMA_LINE)
    folder = directory.resolve()
    for parent in (folder, *folder.parents):
        if (parent / SCHEMA_FILE).is_file():
            relative = os.path.relpath(parent / SCHEMA_FILE, folder)
            return f"{SCHEMA_LINE}{Path(relative).as_posix()}\n{rest}"
    return rest.removeprefix("#\n")


def vocabulary_markdown() -> str:
    """Every term of every vocabulary with its definition, as Markdown tables."""
    parts = [VOCABULARY_START, ""]
    for name, vocabulary in VOCABULARIES.items():
        parts += [f"### {name.capitalize()}", "", "| term | meaning |", "|---|---|"]
        parts += [f"| `{term.value}` | {_cell(term.definition)} |" for term in vocabulary]
        parts.append("")
    parts.append(VOCABULARY_END)
    return "\n".join(parts)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def update_guide(path: Path) -> bool:
    """Rewrite the generated vocabulary part of the guide; True when it changed."""
    text = path.read_text(encoding="utf-8")
    start, end = text.index(VOCABULARY_START), text.index(VOCABULARY_END) + len(VOCABULARY_END)
    updated = text[:start] + vocabulary_markdown() + text[end:]
    if updated != text:
        from timeline.store.atomic import write_atomic

        write_atomic(path, updated)
    return updated != text


if __name__ == "__main__":
    import sys

    guide = Path("docs") / "data-format.md"
    sys.stdout.write(f"{guide}: {'updated' if update_guide(guide) else 'up to date'}\n")
