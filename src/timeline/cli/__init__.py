"""The command-line interface: a thin shell over the library.

Each command lives in its own module and registers itself on `app`; commands
import what they need inside the function, so that start-up stays small.
"""

from __future__ import annotations

from timeline.cli import diff, export, new, show, validate  # noqa: F401  (registers the commands)
from timeline.cli.app import app

__all__ = ["app", "run"]


def run() -> None:
    app(prog_name="timeline")
