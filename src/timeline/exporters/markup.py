"""Escaping for GitHub-flavoured Markdown and Mermaid: data must never become markup.

Names, titles and other plain fields are escaped completely (`text`). Fields
the case file allows to hold Markdown (summaries, descriptions, notes) keep
their inline markup (`prose`) but cannot inject raw HTML, footnotes, link
definitions or block structure (headings, lists, tables) into the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from timeline.views.safe import clean

# Characters that start inline markup anywhere in a line.
# (`<` and `>` become entities instead: GitHub's autolinks swallow the backslash before a
# `<` that ends a bare address, and `https://x\<img ...>` rendered an image tag.)
_INLINE = re.compile(r"([\\`*_\[\]|~])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What would make the start of a line a block: a quote, a heading, a list item, a code
# fence, a thematic break, a link reference definition. (Setext underlines and tables
# need a second line, which escaped text never has.)
_BLOCK_START = re.compile(
    r"^(?:>|#{1,6}(?=\s|$)|[-+*](?=\s|$)|`{3}|~{3}|[-*_](?:\s*+[-*_]){2,}\s*+$|\[[^\]]*\]:)"
)
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
# A code span opens with a whole run of backticks that is not backslash-escaped.
_CODE_SPAN = re.compile(r"(?<![\\`])((?:\\\\)*)(`+)(?!`)(.+?)(?<!`)\2(?!`)", re.DOTALL)
# `[^` that is not already escaped (an even run of backslashes before it).
_UNESCAPED_FOOTNOTE = re.compile(r"(?<!\\)((?:\\\\)*)\[(?=\^)")
# `](` that opens a link destination which is not a web or mail address. CommonMark allows
# spaces, tabs and a line end between `(` and the destination; entities, backslash escapes
# or anything else before the scheme make it not count.
_UNSAFE_LINK = re.compile(r"\]\((?![ \t\n]*(?:https?://|mailto:))", re.IGNORECASE)
_URL_UNSAFE = re.compile("[\x00-\x20\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_MERMAID = str.maketrans({"#": "#35;", ":": "#58;", ";": "#59;", "<": "#60;", ">": "#62;"})


def text(value: str) -> str:
    """Plain text, escaped so that it renders exactly as written (one line)."""
    flat = " ".join(clean(value).split())
    escaped = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", flat))
    return _block_safe(escaped.replace("<", "&lt;").replace(">", "&gt;"))


def cell(markdown: str) -> str:
    """Already escaped Markdown made safe for a table cell: a `|` cannot end the cell."""
    return re.sub(r"(?<!\\)((?:\\\\)*)\|", r"\1\\|", markdown) if markdown else " "


def prose(value: str) -> list[str]:
    """Markdown from the data as paragraphs (one line each), its inline markup kept.

    Raw HTML is escaped (outside code spans), images, footnote references, link
    definitions and links to anything but http, https and mailto addresses are
    neutralised, and a paragraph cannot open a block.
    """
    blocks = re.split(r"\n\s*\n", value.strip())
    paragraphs = (" ".join(clean(block).split()) for block in blocks)
    return [_block_safe(_inline_safe(_links_safe(block))) for block in paragraphs if block]


def _links_safe(paragraph: str) -> str:
    """A link to anything but the web or a mail address stays text: ``[x]\\(javascript:...)``.

    Applied to the whole paragraph, code spans included (where the backslash shows), so
    that no difference in finding code spans can let a link through.
    """
    return _UNSAFE_LINK.sub(r"]\\(", paragraph)


def _inline_safe(paragraph: str) -> str:
    pieces, position = [], 0
    for match in _CODE_SPAN.finditer(paragraph):
        pieces.append(_escape_html(paragraph[position : match.start()] + match.group(1)))
        pieces.append(match.group(0)[len(match.group(1)) :])
        position = match.end()
    pieces.append(_escape_html(paragraph[position:]))
    return "".join(pieces)


def _escape_html(fragment: str) -> str:
    """No raw HTML, footnote references or images (a remote image would load with the report).

    Every `<` is an entity, even one the data escaped: an autolink before it would
    swallow the backslash.
    """
    fragment = _UNESCAPED_FOOTNOTE.sub(r"\1\\[", fragment.replace("<", "&lt;"))
    return fragment.replace("![", "!\\[")


def _block_safe(line: str) -> str:
    ordered = _ORDERED.match(line)
    if ordered:
        return f"{ordered.group(1)}\\{ordered.group(2)}{line[ordered.end() :]}"
    if _BLOCK_START.match(line):
        return "\\" + line
    return line


def url(address: str) -> str:
    """A URL for an autolink or a link destination in angle brackets (controls %-encoded)."""
    address = _URL_UNSAFE.sub(_percent, address)
    return address.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")


def _percent(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8"))


def link(label: str, address: str) -> str:
    """A link with escaped text: ``[label](<address>)``."""
    return f"[{text(label)}](<{url(address)}>)"


def mermaid(value: str) -> str:
    """Text for a Mermaid timeline: ``#``, ``:``, ``;`` (and ``<``, ``>``) as entity codes."""
    return " ".join(clean(value).split()).translate(_MERMAID)


def footnotes(refs: Iterable[str]) -> str:
    """Footnote references, comma-separated: side by side, GFM would render the numbers
    of ``[^a][^b]`` as one ("10" and "6" read as "106")."""
    return ",".join(f"[^{ref}]" for ref in refs)
