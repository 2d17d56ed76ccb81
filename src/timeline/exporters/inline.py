"""The inline Markdown of a description, summary or note, as safe HTML.

Descriptions, summaries and notes may use Markdown (docs/data-format.md). The HTML
report and the TimelineJS slides show them as HTML, so the inline markup that
case files use is rendered there rather than shown as typed: a code span
(`blocking-date`), **strong**, *emphasis* or _emphasis_, and a link to a web or
mail address ([24.kg](https://24.kg/...)). Everything else is text: each piece is
escaped, no markup can open an element the renderer did not write, and a link
to anything but http(s) or mailto stays text with its brackets, as does an image
(`![alt](address)`: a report loads nothing).
"""

from __future__ import annotations

import html
import re
import unicodedata

# One piece of inline markup. Code spans come first, so that what they hold stays text;
# each delimiter must touch the text it encloses (CommonMark's flanking rule, simplified).
_INLINE = re.compile(
    r"(?<!`)(?P<ticks>`{1,3})(?!`)(?P<code>[^\n]+?)(?<!`)(?P=ticks)(?!`)"
    r"|(?<!!)\[(?P<label>[^\[\]\n]+)\]\((?P<href>(?:https?://|mailto:)[^\s()<>\"]+)\)"
    r"|\*\*(?P<strong>[^\s*](?:[^*]*[^\s*])?)\*\*"
    r"|(?<![\w*])\*(?P<em>[^\s*](?:[^*]*[^\s*])?)\*(?![\w*])"
    r"|(?<![\w_])_(?P<em2>[^\s_](?:[^_]*[^\s_])?)_(?![\w_])",
    re.IGNORECASE,
)


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def inline_html(text: str) -> str:
    """`text` as HTML: its inline Markdown rendered, everything else escaped."""
    pieces: list[str] = []
    done = 0
    for match in _INLINE.finditer(text):
        pieces.append(escape(text[done : match.start()]))
        pieces.append(_element(match))
        done = match.end()
    pieces.append(escape(text[done:]))
    return "".join(pieces)


def _element(match: re.Match[str]) -> str:
    found = match.groupdict()
    if found["code"] is not None:
        return f"<code>{escape(found['code'].strip() or found['code'])}</code>"
    if found["label"] is not None:
        if any(unicodedata.category(char)[0] in "CZ" for char in found["href"]):
            return escape(match.group())  # an address with hidden characters is no link
        return f'<a href="{escape(found["href"])}">{escape(found["label"])}</a>'
    if found["strong"] is not None:
        return f"<strong>{escape(found['strong'])}</strong>"
    return f"<em>{escape(found['em'] or found['em2'])}</em>"
