"""Record `timeline show kloop` as an SVG for the README: docs/images/show-kloop.svg.

Run from anywhere after changing the Kloop case or the show views:

    python scripts/record_screenshot.py            # writes docs/images/show-kloop.svg
    python scripts/record_screenshot.py --check    # exit 1 if the SVG is out of date

The picture is rendered by the same views as `timeline show kloop --format rich`
at 100 columns; rich's SVG export is deterministic, so an unchanged case gives
an unchanged file.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from rich.console import Console

from timeline.store.atomic import write_atomic
from timeline.store.repository import load_case
from timeline.views.chronology import build_chronology
from timeline.views.styled import chronology_renderable

REPO = Path(__file__).resolve().parents[1]
CASES = REPO / "data" / "cases"
TARGET = REPO / "docs" / "images" / "show-kloop.svg"
WIDTH = 100


def render_svg(case_id: str = "kloop", width: int = WIDTH) -> str:
    case = load_case(case_id, CASES)
    console = Console(
        record=True,
        width=width,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        highlight=False,
        markup=False,
        emoji=False,
    )
    console.print(chronology_renderable(build_chronology(case), width))
    return console.export_svg(title=f"timeline show {case_id}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the SVG is out of date")
    parser.add_argument("--output", type=Path, default=TARGET)
    args = parser.parse_args(argv)
    svg = render_svg()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != svg:
            sys.stderr.write(f"{args.output} is out of date: run {Path(__file__).name}\n")
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(args.output, svg.encode("utf-8"))
    sys.stdout.write(f"wrote {args.output}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
