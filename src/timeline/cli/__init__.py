"""Layer 7, cli: the commands. Imports every layer; nothing imports it.

The command-line interface: a thin shell over the library.

Each command lives in its own module and registers itself on `app`; commands
import what they need inside the function, so that start-up stays small. A run
imports only the module of its command (the registries behind the `--format`
choices of the others cost a tenth of a cold `show`); `timeline.cli.app`, as
tests and tools use it, has every command.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import timeline.cli.app as _app_module  # noqa: F401  (loaded first: see below)

if TYPE_CHECKING:
    from timeline.store.cache import Entry

# Loading the submodule `app` made it this package's attribute `app`; the name is the
# application's, with every command, made on first use by `__getattr__`.
del globals()["app"]

__all__ = ["app", "run"]

# The modules that register commands, and the module of each command.
MODULES = ("cases", "diff", "export", "init", "new", "show", "validate")
MODULE_OF = {
    "show": "show",
    "list": "show",
    "validate": "validate",
    "schema": "validate",
    "export": "export",
    "diff": "diff",
    "log": "diff",
    "new": "new",
    "init": "init",
    "person": "cases",
    "search": "cases",
}


def __getattr__(name: str) -> Any:
    if name == "app":
        return _app_with(MODULES)
    raise AttributeError(name)


def run(cache_entry: Entry | None = None) -> None:
    """Run the command of `sys.argv`; `show` stores its output in `cache_entry`, if given,
    and so does a help request (an entry without a source file)."""
    argv = sys.argv[1:]
    app = _app_with(modules_for(argv))
    if cache_entry is not None and cache_entry.source is None:
        from timeline.cli.help import help_text

        text = help_text(argv)
        if text is not None:
            sys.stdout.write(text)
            cache_entry.put(text)
            return
        cache_entry = None
    app(prog_name="timeline", obj=cache_entry)


def modules_for(argv: Sequence[str]) -> tuple[str, ...]:
    """The command modules a command line needs: its command's, or all of them when it
    names none that is known (the list of commands, an error) or has another option
    before the command."""
    args = list(argv)
    if args[:1] == ["--data-dir"]:
        args = args[2:]
    elif args[:1] and args[0].startswith("--data-dir="):
        args = args[1:]
    module = MODULE_OF.get(args[0]) if args else None
    return (module,) if module else MODULES


def _app_with(modules: Sequence[str]) -> Any:
    for module in modules:
        importlib.import_module(f"timeline.cli.{module}")
    from timeline.cli.app import app

    if set(modules) == set(MODULES):
        globals()["app"] = app  # `from timeline.cli import app` needs __getattr__ no more
    return app
