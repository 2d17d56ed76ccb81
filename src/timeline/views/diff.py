"""Renderers of a `CaseDiff`: text (coloured on a terminal), Markdown and JSON, in a registry.

Each renderer returns the whole output as a string and never prints. Text from
the case file is data: in the terminal its control characters are made visible
(an escape sequence in a title is shown, never executed); in Markdown it is
escaped so that it can neither inject HTML nor break a table.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from timeline.views.diff_words import field_words, standing_lines
from timeline.views.safe import inert, json_text
from timeline.views.safe import visible as safe

if TYPE_CHECKING:  # the models are only needed for types: importing this module stays cheap
    from timeline.diff import CaseDiff, Change, DateChange, FieldChange, Version

Renderer = Callable[["CaseDiff", bool], str]

SECTION_TITLES = {
    "events": "Events",
    "case": "Case",
    "people": "People",
    "organizations": "Organizations",
    "charges": "Charges",
    "sources": "Sources",
    "conflicts": "Conflicts",
}
SINGULAR = {
    "events": "event",
    "case": "case",
    "people": "person",
    "organizations": "organization",
    "charges": "charge",
    "sources": "source",
    "conflicts": "conflict",
}
MARKS = {"added": "+", "removed": "-", "changed": "~", "renamed": "~"}
LONG_TEXT = 80

# --- plain words, shared by the formats ------------------------------------------------------


def plain(value: Any, nested: bool = False) -> str:
    """A JSON value as short plain text: `{ref: aleksandrov, role: detainee}`, `a, b`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        text = ", ".join(plain(v, True) for v in value)
        return f"[{text}]" if nested else text
    if isinstance(value, dict):
        pairs = ", ".join(f"{key}: {plain(v, True)}" for key, v in value.items() if v is not None)
        return "{" + pairs + "}"
    return str(value)


def is_long(value: Any) -> bool:
    return isinstance(value, str) and (len(value) > LONG_TEXT or "\n" in value.strip())


def summary_line(diff: CaseDiff) -> str:
    s = diff.summary
    if diff.identical:
        return "no changes"
    counts = f"{s.added} added, {s.removed} removed, {s.changed} changed, {s.renamed} renamed"
    return f"{s.total} change{'' if s.total == 1 else 's'}: {counts}"


def version_words(version: Version) -> str:
    where = version.file or version.id
    return (
        f"{where}@{version.rev}"
        if version.rev
        else f"{where} (working tree)"
        if version.file
        else where
    )


def date_words(change: DateChange) -> str:
    """`moved 19 days earlier; now after x, before y`."""
    from timeline.dates import humanize_gap

    words: str = change.kind
    if change.kind == "moved" and change.shift_days is not None:
        days = abs(change.shift_days)
        words = f"moved {humanize_gap(change.shift_days)}"
        if days >= 14:
            words += f" ({days} days)"
    if change.place is not None:
        neighbours = [
            f"{side} {event_id}"
            for side, event_id in (("after", change.place.after), ("before", change.place.before))
            if event_id is not None
        ]
        words += "; now " + ", ".join(neighbours) if neighbours else ""
    return words


def heading_words(change: Change) -> str:
    parts = [change.id + (f" (renamed from {change.old_id})" if change.old_id else "")]
    if change.date:
        parts.append(change.date)
    parts.append(change.label)
    return "  ".join(parts)


# --- text ------------------------------------------------------------------------------------

_COLORS = {
    "added": "32",
    "removed": "31",
    "changed": "33",
    "renamed": "36",
    "bold": "1",
    "dim": "2",
}


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_COLORS[style]}m{text}\x1b[0m" if color else text


def _text_field(
    field: FieldChange, change: Change, color: bool, names: dict[str, str]
) -> list[str]:
    if field.path == "date" and change.date_change is not None:
        d = change.date_change
        arrow = f"{safe(d.old_display)} -> {safe(d.new_display)}"
        return [f"date: {arrow} ({d.old} -> {d.new}; {date_words(d)})"]
    words = field_words(field.path, field.old, field.new, names, change.section)
    what = safe(words.what)
    if change.kind in ("added", "removed"):
        value = field.new if change.kind == "added" else field.old
        if is_long(value):
            return [f"{what}:", *(f"  {safe(line)}" for line in str(value).splitlines())]
        shown = words.new if change.kind == "added" else words.old
        return [f"{what}: {safe(shown or '')}"]
    if is_long(field.old) or is_long(field.new):
        lines = [f"{what}:"]
        lines += [
            _paint(f"  - {safe(line)}", "removed", color) for line in plain(field.old).splitlines()
        ]
        lines += [
            _paint(f"  + {safe(line)}", "added", color) for line in plain(field.new).splitlines()
        ]
        return lines
    if words.old is None:
        return [f"{what}{words.joint}" + _paint(f"+ {safe(words.new or '')}", "added", color)]
    if words.new is None:
        return [f"{what}{words.joint}" + _paint(f"- {safe(words.old)}", "removed", color)]
    return [safe(words.line(words.old, words.new))]


def text_change(
    change: Change, color: bool = False, indent: str = "  ", names: dict[str, str] | None = None
) -> list[str]:
    """One change: a heading line and its fields, in words, indented."""
    mark = _paint(MARKS[change.kind], change.kind, color)
    lines = [f"{indent}{mark} {safe(heading_words(change))}"]
    for field in change.fields:
        lines += [f"{indent}    {line}" for line in _text_field(field, change, color, names or {})]
    return lines


def render_text(diff: CaseDiff, color: bool = False) -> str:
    lines = [
        _paint(f"--- {safe(version_words(diff.old))}", "removed", color),
        _paint(f"+++ {safe(version_words(diff.new))}", "added", color),
        _paint(summary_line(diff), "bold", color),
    ]
    for section, changes in diff.sections():
        lines += ["", _paint(SECTION_TITLES[section], "bold", color)]
        for change in changes:
            lines += text_change(change, color, names=diff.names)
    if diff.standing or diff.standing is None:
        lines += ["", _paint("Standing", "bold", color)]
        lines += [f"  ~ {safe(line)}" for line in standing_lines(diff.standing)]
    return inert("\n".join(lines) + "\n")


# --- markdown --------------------------------------------------------------------------------

# Inline markup, table cells and GitHub's math; `<`, `>` and `&` become entities first. What
# only matters at the start of a line (`#`, `-`, `1.`) needs nothing: data never starts one.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")


def entities(text: str) -> str:
    """`&`, `<` and `>` as HTML entities (what `html.escape` does, without importing it)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# "@name" in a pull-request comment notifies that account (a backslash does not stop it): a
# zero-width space after the "@" does. An e-mail address ("a@b.org") notifies nobody.
_MENTION = re.compile(r"(?<![\w@])@(?=[A-Za-z0-9])")


def md(text: str) -> str:
    """Data text for a Markdown paragraph or table cell: no HTML, no markup, no broken table,
    no mention that notifies someone."""
    escaped = entities(text)
    escaped = _MD_SPECIAL.sub(r"\\\1", escaped)
    escaped = _MENTION.sub("@&#8203;", escaped)
    return "<br>".join(safe(line) for line in escaped.splitlines()) if escaped else ""


def _fence(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _md_details(field: FieldChange) -> list[str]:
    """Long text in a collapsed block, as a line diff inside a fenced code block."""
    old, new = plain(field.old).splitlines(), plain(field.new).splitlines()
    if old and new:
        from difflib import ndiff

        body = [line for line in ndiff(old, new) if not line.startswith("?")]
    else:
        body = [f"- {line}" for line in old] + [f"+ {line}" for line in new]
    text = "\n".join(safe(line) for line in body)
    fence = _fence(text)
    summary = entities(field.path)
    return [
        "<details>",
        f"<summary>{summary}</summary>",
        "",
        f"{fence}diff",
        text,
        fence,
        "",
        "</details>",
        "",
    ]


def _md_cell(field: FieldChange, change: Change, side: str, names: dict[str, str]) -> str:
    if field.path == "date" and change.date_change is not None:
        d = change.date_change
        shown, text = (d.old_display, d.old) if side == "old" else (d.new_display, d.new)
        extra = f" ({md(date_words(d))})" if side == "new" else ""
        return f"{md(shown)} ({md(text)}){extra}"
    words = field_words(field.path, field.old, field.new, names, change.section)
    return md((words.old if side == "old" else words.new) or "")


def markdown_change(change: Change, names: dict[str, str] | None = None) -> list[str]:
    """A heading line, a table of the short fields, long text in `<details>`."""
    was = f" (was `{change.old_id}`)" if change.old_id else ""
    when = f" · {md(change.date)}" if change.date else ""
    what = f"{change.kind.capitalize()} {SINGULAR[change.section]}"
    lines = [f"**{what}** `{change.id}`{was}{when} · {md(change.label)}", ""]
    short = [f for f in change.fields if not (is_long(f.old) or is_long(f.new))]
    if short:
        lines += ["| Field | Old | New |", "| --- | --- | --- |"]
        names = names or {}
        for f in short:
            what = md(field_words(f.path, f.old, f.new, names, change.section).what)
            old, new = _md_cell(f, change, "old", names), _md_cell(f, change, "new", names)
            lines.append(f"| {what} | {old} | {new} |")
        lines.append("")
    for field in change.fields:
        if field not in short:
            lines += _md_details(field)
    return lines


def render_markdown(diff: CaseDiff, color: bool = False) -> str:
    title = f"{md(version_words(diff.old))} → {md(version_words(diff.new))}"
    lines = [f"### timeline diff: {title}", "", f"**{summary_line(diff)}**", ""]
    for section, changes in diff.sections():
        lines += [f"#### {SECTION_TITLES[section]}", ""]
        for change in changes:
            lines += markdown_change(change, diff.names)
    if diff.standing or diff.standing is None:
        lines += ["#### Standing", ""]
        lines += [f"- {md(line)}" for line in standing_lines(diff.standing)]
    return inert("\n".join(lines).rstrip("\n") + "\n")


# --- json ------------------------------------------------------------------------------------


def render_json(diff: CaseDiff, color: bool = False) -> str:

    return json_text(diff.to_json())


RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
}
