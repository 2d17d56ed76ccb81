"""Shared helpers of the export tests: the fixture case, a leaky variant, an HTML reader."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from conftest import TODAY
from timeline.exporters import EXPORTERS, Export, ExportOptions
from timeline.load.validation import validate_file
from timeline.model.case import Alias, Case

FIXTURES = Path(__file__).parent / "fixtures" / "export"
EVERYTHING = FIXTURES / "everything.yaml"
# Words that identify the initials-only person N.O. and must appear in no export.
CANARY = ("Nurgul", "Omurbekova", "Нургуль")


def load(path: Path = EVERYTHING) -> Case:
    report = validate_file(path, today=TODAY)
    assert report.case is not None and report.valid, [d.message for d in report.diagnostics]
    return report.case


def load_changed(folder: Path, *replacements: tuple[str, str]) -> Case:
    """The export fixture with some of its text replaced (each replacement must apply)."""
    text = EVERYTHING.read_text("utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = folder / "everything.yaml"
    path.write_text(text, "utf-8")
    return load(path)


def leaky(case: Case) -> Case:
    """The case with a full name and aliases for N.O. that validation would refuse."""
    people = [
        p.model_copy(
            update={
                "aliases": [Alias(name="Nurgul Omurbekova"), Alias(name="Нургуль", lang="ru")],
                "description": "Nurgul Omurbekova, chief accountant",
            }
        )
        if p.id == "accountant-no"
        else p
        for p in case.people
    ]
    return case.model_copy(update={"people": people})


def export_text(case: Case, format: str, **options: bool) -> str:
    """An export as text; a binary one (the SQLite database) as its SQL dump."""
    return as_text(EXPORTERS[format](case, ExportOptions(**options)))


def as_text(result: Export) -> str:
    if result.data is None:
        return result.text
    return "\n".join(database(result.data).iterdump())


def database(data: bytes) -> sqlite3.Connection:
    """An in-memory database holding `data`, the bytes of a database file."""
    connection = sqlite3.connect(":memory:")
    connection.deserialize(data)
    return connection


TEXT_FORMATS = sorted(name for name, exporter in EXPORTERS.items() if not exporter.binary)


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    children: list[Element] = field(default_factory=list)

    def find_all(self, tag: str) -> list[Element]:
        found = [self] if self.tag == tag else []
        for child in self.children:
            found += child.find_all(tag)
        return found


class _TreeBuilder(HTMLParser):
    VOID = frozenset({"br", "hr", "img", "input", "meta", "link"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        while len(self.stack) > 1:
            if self.stack.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text += data


def parse_html(html: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def render_markdown(text: str) -> str:
    """GitHub-flavoured Markdown to HTML with footnotes; raw HTML kept, so that a leak shows."""
    import cmarkgfm
    from cmarkgfm.cmark import Options

    return cmarkgfm.github_flavored_markdown_to_html(
        text, options=Options.CMARK_OPT_FOOTNOTES | Options.CMARK_OPT_UNSAFE
    )


def test_the_html_reader_sees_nested_elements() -> None:
    root = parse_html("<p>a <b>b <i>c</i></b></p><script>x</script>")
    assert [e.tag for e in root.find_all("i")] == ["i"]
    assert root.find_all("p")[0].text == "a b c"
    assert root.find_all("script")[0].text == "x"
