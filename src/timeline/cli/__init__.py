"""Layer 7, cli: the commands. Imports every layer; nothing imports it.

The command-line interface: a thin shell over the library.

Each command lives in its own module and registers itself on `app`; commands
import what they need inside the function, so that start-up stays small.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.cli import (  # noqa: F401  (registers the commands)
    cases,
    diff,
    export,
    init,
    new,
    show,
    validate,
)
from timeline.cli.app import app

if TYPE_CHECKING:
    from timeline.store.cache import Entry

__all__ = ["app", "run"]


def run(cache_entry: Entry | None = None) -> None:
    """Run the command of `sys.argv`; `show` stores its output in `cache_entry`, if given,
    and so does a help request (an entry without a source file)."""
    if cache_entry is not None and cache_entry.source is None:
        import sys

        from timeline.cli.help import help_text

        text = help_text(sys.argv[1:])
        if text is not None:
            sys.stdout.write(text)
            cache_entry.put(text)
            return
        cache_entry = None
    app(prog_name="timeline", obj=cache_entry)
