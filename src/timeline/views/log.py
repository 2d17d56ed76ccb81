"""Renderers of `timeline log`: text (coloured on a terminal) and JSON, in a registry."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from timeline.views.diff import SECTION_TITLES, SINGULAR, summary_line, text_change
from timeline.views.safe import inert, json_text
from timeline.views.safe import visible as safe

if TYPE_CHECKING:
    from timeline.store.history import Entry, History

LogRenderer = Callable[["History", bool], str]
MAX_DIAGNOSTICS = 5


def _created_words(entry: Entry) -> str:
    """`created: 12 events, 3 people, 2 sources`."""
    assert entry.diff is not None
    counts = Counter(change.section for change in entry.diff.changes if change.kind == "added")
    parts = [
        f"{counts[s]} {SINGULAR[s] if counts[s] == 1 else SECTION_TITLES[s].lower()}"
        for s in SECTION_TITLES
        if counts[s]
    ]
    return "created" + (": " + ", ".join(parts) if parts else "")


def _entry_lines(entry: Entry, color: bool, detailed: bool) -> list[str]:
    from timeline.views.reports import format_diagnostic

    commit = entry.commit
    head = f"{commit.short}  {commit.date[:10]}  {safe(commit.author)}  {safe(commit.subject)}"
    lines = [f"\x1b[33m{head}\x1b[0m" if color else head]
    if entry.status == "invalid":
        errors = sum(1 for d in entry.diagnostics if d.severity == "error")
        plural = "" if errors == 1 else "s"
        lines.append(f"    {safe(entry.path)} does not validate ({errors} error{plural}):")
        for diagnostic in entry.diagnostics[:MAX_DIAGNOSTICS]:
            lines += ["      " + line for line in format_diagnostic(diagnostic, color).splitlines()]
        if len(entry.diagnostics) > MAX_DIAGNOSTICS:
            lines.append(f"      ... and {len(entry.diagnostics) - MAX_DIAGNOSTICS} more")
        return lines
    if entry.status == "deleted" or entry.diff is None:
        return [*lines, f"    {safe(entry.path)} deleted"]
    if entry.status == "created" and not detailed:
        return [*lines, f"    {safe(entry.path)} {_created_words(entry)}"]
    if entry.status == "earliest":
        note = "the earliest version in this shallow clone (its history was not fetched)"
        return [*lines, f"    {safe(entry.path)}: {note}"]
    against = (
        f" (compared with {entry.base}, the last version that validates)" if entry.base else ""
    )
    lines.append(f"    {summary_line(entry.diff)}{against}")
    for change in entry.diff.changes:
        lines += text_change(change, color, indent="    ", names=entry.diff.names)
    return lines


def render_log_text(history: History, color: bool = False) -> str:
    blocks = [
        "\n".join(_entry_lines(entry, color, history.event is not None))
        for entry in history.entries
    ]
    return inert("\n\n".join(blocks) + "\n") if blocks else ""


def render_log_json(history: History, color: bool = False) -> str:

    return json_text(history.to_json())


LOG_RENDERERS: dict[str, LogRenderer] = {"text": render_log_text, "json": render_log_json}
