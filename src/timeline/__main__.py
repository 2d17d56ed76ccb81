"""Entry point for ``timeline`` and ``python -m timeline``."""

from __future__ import annotations

import gc
import os
import sys


def main() -> None:
    # Shell completion (each press of Tab) is answered from a table of the commands when it
    # can be (timeline.store.completion), before the CLI framework is imported.
    if os.environ.get("_TIMELINE_COMPLETE"):
        from timeline.store.completion import answer

        text = answer(os.environ)
        if text is not None:
            _write(text)
            return
    # `--version` is answered before the CLI framework is imported, so that the
    # cheapest question costs no more than starting Python.
    if sys.argv[1:] == ["--version"]:
        from timeline import __version__

        sys.stdout.write(f"timeline {__version__}\n")
        return
    if sys.argv[1:] in (["schema"], ["schema", "--registry"]):  # files the package ships
        from timeline.load.schema import shipped_schema_text

        _write(shipped_schema_text(registry=len(sys.argv) > 2))
        return
    # So is a `timeline show` that was run before on the same file, in the same
    # terminal, the same day: its output is in the cache (timeline.store.cache).
    # And so is a help request (`timeline show --help`) made before in the same terminal.
    from timeline.store.cache import help_entry, show_entry

    entry = help_entry(sys.argv[1:]) or show_entry(sys.argv[1:])
    if entry is not None:
        text = entry.get()
        if text is not None:
            from timeline.views.safe import replayable

            _write(replayable(text))
            return
    # A command is a short-lived process, and what it builds (a case file is millions of
    # objects) forms no cycles: validating the 300 files of the benchmark corpus leaves
    # no cyclic garbage. The cycle collector would only traverse those objects again and
    # again, so the command runs without it.
    gc.disable()
    from timeline.cli import run

    run(cache_entry=entry)


def _write(text: str) -> None:
    """Write `text` to stdout; a reader that stops early (`| head`) ends the run quietly."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # Nothing more can be written, not even at exit, when Python flushes stdout again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)


if __name__ == "__main__":
    main()
