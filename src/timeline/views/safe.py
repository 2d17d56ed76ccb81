"""Untrusted text made safe for a terminal: control characters shown, never emitted.

Everything a case file says (titles, names, quotes, URLs) goes through `clean`
before it reaches a renderer. Rich markup needs no escaping here because the
renderers only ever build `rich.text.Text` objects (never markup strings); an
escape sequence, a bell, a C1 control or a bidirectional override would still
reach the terminal, so they are written out as ``\\x1b``, ``\\x07``, ``\\u202e``.
"""

from __future__ import annotations

import re
from typing import Any

# C0 and C1 controls and DEL; the line and paragraph separators; bidirectional
# embeddings, overrides and isolates, which can make text read differently from what it is.
_ABOVE_C0 = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\x00-\x1f{_ABOVE_C0}]")
# What the JSON encoder leaves raw (it escapes C0 itself).
_JSON_RAW = re.compile(f"[{_ABOVE_C0}]")
# A run of whitespace is matched once, then kept or folded: `\s*[\n...]\s*` scanned
# every run of spaces again from each of its positions (18 s for a 40 KB title).
_WHITESPACE = re.compile(r"\s+")
_LINE_SPACE = frozenset("\t\n\r\x0b\x0c\x85\u2028\u2029")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# What a rendering sends to a terminal besides text and line breaks: colours and styles.
_STYLE_OR_UNSAFE = re.compile(r"(\x1b\[[0-9;]{0,64}m|\n)|" + _UNSAFE.pattern)


# What GitHub's runner reads as a workflow command in any line it logs: `::name::` after
# leading spaces, and the legacy `##[name]` anywhere in the line.
_WORKFLOW_COMMAND = re.compile(r"^([^\S\n]*:)(?=:)|##\[", re.MULTILINE)  # any space
ZERO_WIDTH_SPACE = "\u200b"


def _interrupted(match: re.Match[str]) -> str:
    start = match.group(1)
    return start + ZERO_WIDTH_SPACE if start is not None else "##" + ZERO_WIDTH_SPACE + "["


def inert(text: str) -> str:
    """Text for a log that CI may read: a zero-width space inside every `::` that starts
    a line and every `##[`, so that no line of data is taken for a workflow command
    (it reads the same in a terminal)."""
    return _WORKFLOW_COMMAND.sub(_interrupted, text)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control character written out (``\\x1b``, ``\\u202e``), line
    breaks and tabs included: what reports print of a file, character for character."""
    return _UNSAFE.sub(_visible, text)


def visible_lines(text: str) -> str:
    """`visible`, but line feeds kept: text of several lines (an iCalendar description)."""
    return "\n".join(visible(line) for line in text.split("\n"))


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_text(value: Any) -> str:
    """`value` as indented JSON, with every control character escaped, not only C0 (the
    encoder writes DEL, C1 controls, bidirectional controls and separators raw), and
    no workflow command for a CI log."""
    import json  # only for the commands that write JSON

    text = _JSON_RAW.sub(_json_escape, json.dumps(value, indent=2, ensure_ascii=False))
    # `##[` anywhere in a line that CI logs is a workflow command: `[` escaped, the same JSON.
    return text.replace("##[", "##\\u005b") + "\n"


def _fold(match: re.Match[str]) -> str:
    run = match.group()
    return run if _LINE_SPACE.isdisjoint(run) else " "


def _replayed(match: re.Match[str]) -> str:
    return match.group() if match.group(1) else _visible(match)


def replayable(text: str) -> str:
    """A stored rendering made safe to print again: colour codes (SGR) and line breaks
    kept, every other control character shown as `visible` shows it. The cache of
    `show` is a folder that someone else may be able to write to."""
    return _STYLE_OR_UNSAFE.sub(_replayed, text)


def clean(text: str) -> str:
    """One line of text: runs of whitespace controls become a space, other controls visible."""
    text = text.strip(" \t\n\r")
    if not _LINE_SPACE.isdisjoint(text):
        text = _WHITESPACE.sub(_fold, text)
    return visible(text)


def clean_optional(text: str | None) -> str | None:
    return None if text is None else clean(text)


def paragraphs(text: str) -> tuple[str, ...]:
    """Text split at blank lines, each paragraph `clean`ed to one line."""
    return tuple(clean(part) for part in _BLANK_LINE.split(text) if part.strip())
