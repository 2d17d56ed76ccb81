"""Entry point for ``timeline`` and ``python -m timeline``."""

from __future__ import annotations

import gc
import sys


def main() -> None:
    # `--version` is answered before the CLI framework is imported, so that the
    # cheapest question costs no more than starting Python.
    if sys.argv[1:] == ["--version"]:
        from timeline import __version__

        sys.stdout.write(f"timeline {__version__}\n")
        return
    # A command is a short-lived process, and what it builds (a case file is millions of
    # objects) forms no cycles: validating the 300 files of the benchmark corpus leaves
    # no cyclic garbage. The cycle collector would only traverse those objects again and
    # again, so the command runs without it.
    gc.disable()
    from timeline.cli import run

    run()


if __name__ == "__main__":
    main()
