"""Entry point for ``timeline`` and ``python -m timeline``."""

from __future__ import annotations

import sys


def main() -> None:
    # `--version` is answered before the CLI framework is imported, so that the
    # cheapest question costs no more than starting Python.
    if sys.argv[1:] == ["--version"]:
        from timeline import __version__

        sys.stdout.write(f"timeline {__version__}\n")
        return
    from timeline.cli import run

    run()


if __name__ == "__main__":
    main()
