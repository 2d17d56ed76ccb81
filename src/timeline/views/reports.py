"""Reporters for `timeline validate`: text, github and json, in a registry.

A reporter receives one `FileReport` at a time (so validation can stream) and
returns the whole output at the end. The CLI's `--format` choices are the keys
of `REPORTERS` (plus `auto`).
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from timeline.load.diagnostics import CODES, Diagnostic, Severity
from timeline.views.safe import inert, json_text, visible

if TYPE_CHECKING:
    from timeline.errors import InvalidCaseError
    from timeline.load.validation import FileReport


@dataclass(slots=True)
class Summary:
    files: int = 0
    errors: int = 0
    warnings: int = 0
    # The folder that was checked, named when no path was given (the data directory).
    folder: str | None = None

    def add(self, report: FileReport) -> None:
        self.files += 1
        self.errors += report.errors
        self.warnings += report.warnings

    def to_json(self) -> dict[str, int]:
        return {"files": self.files, "errors": self.errors, "warnings": self.warnings}

    def line(self) -> str:
        files = _plural(self.files, "file") + (f" in {self.folder}" if self.folder else "")
        return ", ".join((files, _plural(self.errors, "error"), _plural(self.warnings, "warning")))


def _plural(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


@dataclass(slots=True)
class Reporter:
    """Collects diagnostics file by file; `render` gives the output."""

    color: bool = False
    diagnostics: list[Diagnostic] = field(default_factory=list)
    summary: Summary = field(default_factory=Summary)

    def add(self, report: FileReport) -> None:
        self.summary.add(report)
        self.diagnostics.extend(report.diagnostics)

    def render(self) -> str:
        raise NotImplementedError


# --- text ----------------------------------------------------------------------------------

_STYLES = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[1;33m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def format_diagnostic(d: Diagnostic, color: bool = False) -> str:
    """`path:line:col: error[CODE] message`, a hint line and an excerpt with a caret."""
    severity = f"{d.severity}[{d.code}]"
    if color:
        severity = f"{_STYLES[d.severity]}{severity}{_RESET}"
    lines = [f"{visible(d.file)}:{d.line}:{d.column}: {severity} {visible(d.message)}"]
    if d.hint:
        lines.append(f"  = hint: {visible(d.hint)}")
    if d.excerpt is not None:
        number = str(d.line)
        gutter = " " * len(number)
        shown, pad, width = _excerpt(d)
        lines.append(f"  {number} | {shown}")
        caret = " " * pad + "^" * width
        lines.append(f"  {gutter} | {_DIM if color else ''}{caret}{_RESET if color else ''}")
    return "\n".join(lines)


def _excerpt(d: Diagnostic) -> tuple[str, int, int]:
    """The excerpt as printed, and where its caret starts and how wide it is.

    The caret is placed in the text as printed, in terminal cells: an invisible
    character written out as `\\u202e` moves what follows it along, and so do a wide
    character (CJK, most emoji: two cells) and the "…" of a line cut short.
    """
    raw = (d.excerpt or "").expandtabs(1)
    lead = "…" if d.excerpt_column > 1 else ""
    start = min(d.column - d.excerpt_column, len(raw))
    end = d.span.end_column - d.excerpt_column if d.span.end_line == d.line else len(raw)
    end = min(max(end, start + 1), len(raw))
    pad = len(lead) + _cells(visible(raw[:start]))
    return lead + visible(raw), pad, max(1, _cells(visible(raw[start:end])))


def _cells(text: str) -> int:
    """How many terminal cells `text` takes: wide characters two, combining marks none."""
    if text.isascii():
        return len(text)
    from unicodedata import combining, east_asian_width

    return sum(
        0 if combining(ch) else 2 if east_asian_width(ch) in ("W", "F") else 1 for ch in text
    )


class TextReporter(Reporter):
    def render(self) -> str:
        parts = [format_diagnostic(d, self.color) for d in self.diagnostics]
        summary = self.summary.line()
        if self.color:
            summary = f"{_BOLD}{summary}{_RESET}"
        parts.append(summary)
        text = "\n\n".join(parts[:-1]) + ("\n\n" if len(parts) > 1 else "") + parts[-1] + "\n"
        return inert(text)


# --- json ----------------------------------------------------------------------------------


class JsonReporter(Reporter):
    def render(self) -> str:
        document = {
            "version": 1,
            "valid": self.summary.errors == 0,
            "summary": self.summary.to_json(),
            "diagnostics": [d.to_json() for d in self.diagnostics],
        }
        return json_text(document)


# --- github --------------------------------------------------------------------------------


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(d: Diagnostic) -> str:
    level = "error" if d.severity is Severity.ERROR else "warning"
    props = {
        "file": d.file,
        "line": d.span.line,
        "col": d.span.column,
        "endLine": d.span.end_line,
        "endColumn": d.span.end_column,
        "title": f"{d.code} {CODES[d.code].title}",
    }
    rendered = ",".join(
        f"{key}={escape_property(inert(visible(str(value))))}" for key, value in props.items()
    )
    message = inert(visible(d.message) + (f"\n{visible(d.hint)}" if d.hint else ""))
    return f"::{level} {rendered}::{escape_data(message)}"


class GithubReporter(Reporter):
    def render(self) -> str:
        text = TextReporter(diagnostics=self.diagnostics, summary=self.summary).render()
        # Text from case files must not be read as workflow commands inside the group.
        token = hashlib.sha256(text.encode()).hexdigest()[:16]
        lines = [
            "::group::timeline validate: " + escape_data(self.summary.line()),
            f"::stop-commands::{token}",
            text.rstrip("\n"),
            f"::{token}::",
            "::endgroup::",
        ]
        lines.extend(workflow_command(d) for d in self.diagnostics)
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:
            from pathlib import Path

            from timeline.store.atomic import append_text

            append_text(Path(summary_file), step_summary(self.diagnostics, self.summary))
        return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Data in a table cell of the job summary: no HTML, and no Markdown either (an
    image or a link from a file name or an unknown key would render). A zero-width
    space keeps a bare address from becoming a link."""
    from timeline.views.diff import md

    cell = md(text.replace("\n", " "))
    return cell.replace("://", "&#8203;://").replace("www.", "www&#8203;.")


def step_summary(diagnostics: list[Diagnostic], summary: Summary) -> str:
    """A Markdown table for `$GITHUB_STEP_SUMMARY`."""
    icon = "✅" if summary.errors == 0 else "❌"
    lines = [f"### {icon} timeline validate: {summary.line()}", ""]
    if diagnostics:
        lines += ["| File | Line | Severity | Code | Message |", "|---|---:|---|---|---|"]
        lines += [
            f"| {_cell(d.file)} | {d.line}:{d.column} | {d.severity} | {d.code} | "
            f"{_cell(d.message)} |"
            for d in diagnostics
        ]
    return "\n".join(lines) + "\n\n"


REPORTERS: dict[str, Callable[..., Reporter]] = {
    "text": TextReporter,
    "github": GithubReporter,
    "json": JsonReporter,
}


def pick_format(name: str) -> str:
    if name != "auto":
        return name
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def use_color(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def print_invalid(error: InvalidCaseError) -> None:
    """A command needed a valid case: print its diagnostics as `validate` would, on stderr."""
    report = error.report
    color = use_color(sys.stderr)
    reporter = TextReporter(color=color)
    reporter.add(report)  # type: ignore[arg-type]
    sys.stderr.write(reporter.render())
