"""The help of a command line, as `--help` prints it, for the cache (timeline.store.cache).

A help request costs the import of the CLI framework and of every command; its
text depends only on the command line, the terminal and the code, so `__main__`
replays it from the cache, and on a miss this module makes the text that is
printed and kept. It asks click for the same help that `--help` prints (a test
compares the two for every command).
"""

from __future__ import annotations

from collections.abc import Sequence

import typer

from timeline.cli.app import app


def help_text(argv: Sequence[str]) -> str | None:
    """What `timeline ARGV` prints for `[COMMAND...] --help`; None for anything else."""
    *names, last = list(argv) or [""]
    if last not in ("--help", "-h"):
        return None
    command = typer.main.get_command(app)
    context = command.make_context("timeline", [], resilient_parsing=True)
    for name in names:
        sub = getattr(command, "get_command", lambda *_: None)(context, name)
        if sub is None:
            return None  # not a command: the CLI says so
        command = sub
        context = command.make_context(name, [], parent=context, resilient_parsing=True)
    return context.get_help() + "\n"
