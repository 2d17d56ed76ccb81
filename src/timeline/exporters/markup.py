"""Escaping for GitHub-flavoured Markdown and Mermaid: data must never become markup.

Names, titles and other plain fields are escaped completely (`text`). Fields
the case file allows to hold Markdown (summaries, descriptions, notes) keep
their inline markup (`prose`) but cannot inject raw HTML, footnotes, link
definitions or block structure (headings, lists, tables) into the report.
"""

from __future__ import annotations

import re

# Characters that start inline markup anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What would make the start of a line a block: a quote, a heading, a list item, a code
# fence, a thematic break, a link reference definition. (Setext underlines and tables
# need a second line, which escaped text never has.)
_BLOCK_START = re.compile(
    r"^(?:>|#{1,6}(?=\s|$)|[-+*](?=\s|$)|`{3}|~{3}|[-*_](?:\s*[-*_]){2,}\s*$|\[[^\]]*\]:)"
)
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_MERMAID = str.maketrans({"#": "#35;", ":": "#58;", ";": "#59;", "<": "#60;", ">": "#62;"})


def text(value: str) -> str:
    """Plain text, escaped so that it renders exactly as written (one line)."""
    flat = " ".join(value.split())
    return _block_safe(_ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", flat)))


def cell(markdown: str) -> str:
    """Already escaped Markdown made safe for a table cell: a `|` cannot end the cell."""
    return re.sub(r"(?<!\\)((?:\\\\)*)\|", r"\1\\|", markdown) if markdown else " "


def prose(value: str) -> list[str]:
    """Markdown from the data as paragraphs (one line each), its inline markup kept.

    Raw HTML is escaped (outside code spans), images, footnote references and
    link definitions are neutralised, and a paragraph cannot open a block.
    """
    paragraphs = (" ".join(block.split()) for block in re.split(r"\n\s*\n", value.strip()))
    return [_block_safe(_inline_safe(block)) for block in paragraphs if block]


def _inline_safe(paragraph: str) -> str:
    pieces, position = [], 0
    for match in _CODE_SPAN.finditer(paragraph):
        pieces.append(_escape_html(paragraph[position : match.start()]))
        pieces.append(match.group(0))
        position = match.end()
    pieces.append(_escape_html(paragraph[position:]))
    return "".join(pieces)


def _escape_html(fragment: str) -> str:
    """No raw HTML, footnote references or images (a remote image would load with the report)."""
    return fragment.replace("<", "\\<").replace("[^", "\\[^").replace("![", "!\\[")


def _block_safe(line: str) -> str:
    ordered = _ORDERED.match(line)
    if ordered:
        return f"{ordered.group(1)}\\{ordered.group(2)}{line[ordered.end() :]}"
    if _BLOCK_START.match(line):
        return "\\" + line
    return line


def url(address: str) -> str:
    """A URL for an autolink or a link destination in angle brackets."""
    return address.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")


def link(label: str, address: str) -> str:
    """A link with escaped text: ``[label](<address>)``."""
    return f"[{text(label)}](<{url(address)}>)"


def mermaid(value: str) -> str:
    """Text for a Mermaid timeline: ``#``, ``:``, ``;`` (and ``<``, ``>``) as entity codes."""
    return " ".join(value.split()).translate(_MERMAID)
