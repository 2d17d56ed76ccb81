"""Layer 5, views: what the terminal shows. Imports every layer below; renders, never prints.

Views: what `show` and `list` display, as rich renderables or plain text.

`chronology` and `listing` turn a case (or a folder of cases) into plain values
in words; `styled` lays them out with rich, `plain` as text for pipes. The
registries below map each `--format` to a function returning either a rich
renderable or a string; the renderer modules are imported only when used, so
that importing this package costs nothing.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline.views.chronology import Chronology
    from timeline.views.person import PersonView
    from timeline.views.query import Catalog
    from timeline.views.search import Results

Rendered = Any  # a rich renderable, or a str to be written as it is


def _rich_chronology(view: Chronology, width: int) -> Rendered:
    from timeline.views.styled import chronology_renderable

    return chronology_renderable(view, width)


def _plain_chronology(view: Chronology, width: int) -> Rendered:
    from timeline.views.plain import chronology_text

    return chronology_text(view, width)


def _rich_catalog(catalog: Catalog, width: int) -> Rendered:
    from timeline.views.listing import case_rows
    from timeline.views.styled import catalog_table

    return catalog_table(case_rows(catalog.cases))


def _plain_catalog(catalog: Catalog, width: int) -> Rendered:
    from timeline.views.listing import case_rows
    from timeline.views.plain import catalog_text

    return catalog_text(case_rows(catalog.cases), width)


def _json_catalog(catalog: Catalog, width: int) -> Rendered:
    from timeline.views.listing import catalog_json

    return catalog_json(catalog.cases)


SHOW_FORMATS: dict[str, Callable[[Chronology, int], Rendered]] = {
    "rich": _rich_chronology,
    "plain": _plain_chronology,
}
LIST_FORMATS: dict[str, Callable[[Catalog, int], Rendered]] = {
    "rich": _rich_catalog,
    "plain": _plain_catalog,
    "json": _json_catalog,
}


def _rich_person(view: PersonView, width: int) -> Rendered:
    return _rich_chronology(view.chronology, width)


def _plain_person(view: PersonView, width: int) -> Rendered:
    return _plain_chronology(view.chronology, width)


def _json_person(view: PersonView, width: int) -> Rendered:
    import json

    return json.dumps(view.record, indent=2, ensure_ascii=False) + "\n"


def _rich_results(results: Results, width: int) -> Rendered:
    from timeline.views.search import results_renderable

    return results_renderable(results, width)


def _plain_results(results: Results, width: int) -> Rendered:
    from timeline.views.search import results_text

    return results_text(results, width)


def _json_results(results: Results, width: int) -> Rendered:
    from timeline.views.search import results_json

    return results_json(results)


PERSON_FORMATS: dict[str, Callable[[PersonView, int], Rendered]] = {
    "rich": _rich_person,
    "plain": _plain_person,
    "json": _json_person,
}
SEARCH_FORMATS: dict[str, Callable[[Results, int], Rendered]] = {
    "rich": _rich_results,
    "plain": _plain_results,
    "json": _json_results,
}


def default_format(stream: IO[str]) -> str:
    """``rich`` on a terminal, ``plain`` in a pipe or when `NO_COLOR` is set."""
    interactive = stream.isatty() and os.environ.get("TERM") != "dumb"
    return "rich" if interactive and "NO_COLOR" not in os.environ else "plain"


def output_width(default: int = 80) -> int:
    """`COLUMNS`, else the terminal's width, else `default` (never below 20)."""
    import shutil

    return max(20, shutil.get_terminal_size((default, 24)).columns)


def as_text(rendered: Rendered, width: int, encoding: str | None = None) -> str:
    """A rendering as text: a string as it is, a rich renderable through a console.

    A renderable asked for in a pipe (``--format rich``) keeps its styles, for
    ``less -R``; `NO_COLOR` drops the colours, as rich does. The console renders
    for `encoding` (by default standard output's): box characters on UTF-8,
    ASCII substitutes elsewhere.
    """
    from timeline.views.safe import inert

    if isinstance(rendered, str):
        return inert(rendered)
    import io

    from rich.console import Console

    class Capture(io.StringIO):
        """A text buffer that tells the console the encoding of the stream it stands for."""

        @property
        def encoding(self) -> str:  # type: ignore[override]
            return encoding or getattr(sys.stdout, "encoding", None) or "utf-8"

    capture = Capture()
    console = Console(
        file=capture,
        width=width,
        force_terminal=True,
        no_color="NO_COLOR" in os.environ or None,
        highlight=False,
        markup=False,
        emoji=False,
    )
    console.print(rendered)
    return inert(capture.getvalue())
