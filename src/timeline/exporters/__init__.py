"""Layer 6, exporters: one module per export format. Imports `views` and below.

Exports of a case to other formats: a registry, one module per format.

Every format module has a function ``export(case, options) -> Export``: pure and
deterministic (the same case gives byte-identical text, no clock is read), in
`case.chronology` order, with initials-only people named by their initials only.
The registry only names the modules; a format's module is imported when it is
used, so that `timeline export --format csv` never loads the Markdown code.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from timeline.model.case import Case


class ExportOptions(NamedTuple):
    """Format-specific switches; each exporter reads the ones it knows."""

    mermaid: bool = False  # markdown: add a Mermaid timeline diagram
    ics_spans: bool = False  # ics: export events without a day as all-day spans
    # The ids of the events to export (`timeline.views.query.select_events` chose them),
    # None for all; `filters` says in words what chose them (``--from 2025-09``).
    events: frozenset[str] | None = None
    filters: str = ""


class Export(NamedTuple):
    """An export's text, and notices for the user (what was left out, and why)."""

    text: str
    notices: tuple[str, ...] = ()
    data: bytes | None = None  # a binary format's content (then `text` is empty)

    def content(self) -> bytes:
        """The bytes to write: the binary content, or the text in UTF-8."""
        return self.data if self.data is not None else self.text.encode("utf-8")


ExportFunction = Callable[["Case", ExportOptions], Export]
ExportAllFunction = Callable[[Iterable["Case"], ExportOptions], Export]


class Exporter(NamedTuple):
    """A format: its module (imported on first use), file suffix and a one-line description.

    A format that can hold many cases (`every`) has ``export_all(cases, options)``
    too, for `timeline export --all`; a binary one (`binary`) is written to a file only.
    """

    module: str
    suffix: str
    description: str
    every: bool = False
    binary: bool = False

    def load(self) -> ExportFunction:
        module = importlib.import_module(f"{__name__}.{self.module}")
        function: ExportFunction = module.export
        return function

    def __call__(self, case: Case, options: ExportOptions | None = None) -> Export:
        return self.load()(case, options or ExportOptions())

    def export_all(self, cases: Iterable[Case], options: ExportOptions | None = None) -> Export:
        """Every case of `cases` in one export (only for a format that is `every`); the
        cases may come one at a time, from a generator."""
        module = importlib.import_module(f"{__name__}.{self.module}")
        function: ExportAllFunction = module.export_all
        return function(cases, options or ExportOptions())


EXPORTERS: dict[str, Exporter] = {
    "markdown": Exporter("markdown", ".md", "a report for GitHub-flavoured Markdown"),
    "json": Exporter("json_export", ".json", "the validated case with derived date fields"),
    "csv": Exporter("csv_export", ".csv", "one row per event, for spreadsheets"),
    "ics": Exporter("ics", ".ics", "iCalendar all-day events, for calendars"),
    "timelinejs": Exporter("timelinejs", ".json", "Knight Lab TimelineJS 3 JSON, to embed"),
    "html": Exporter("html", ".html", "a self-contained report page, to read or print"),
    "sqlite": Exporter(
        "sqlite", ".db", "every case in one SQLite database", every=True, binary=True
    ),
}
