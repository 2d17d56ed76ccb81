"""Every regular expression of the package runs in time linear in the text it reads.

Case files are hostile: a pattern that can scan a run of text from each of its
positions, or split one run between two quantifiers in many ways, turns a long
title into a hang (`\\s*[\\n]\\s*` took 18 s on a 40 KB title). This test reads
every pattern the package compiles or applies (at module level and written inline)
and refuses the shapes that backtrack:

- an unbounded quantifier inside another repeat (`(a+)+`, `(?:\\s*x){2,}`);
- two unbounded quantifiers over overlapping characters with nothing but optional
  items between them (`\\s*\\s*`, `\\w+\\d*`);
- a pattern that can start with an unbounded quantifier and fail after it
  (`\\s*\\n`, `(\\d+)Y`): `search`, `sub` and `findall` try it from every position
  of the run, unless a lookbehind (or `^`) makes it start only where the run starts.

Possessive quantifiers and atomic groups never backtrack, so they are allowed anywhere.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import re._constants as C
import re._parser as P
from pathlib import Path
from typing import Any

import timeline

SRC = Path(timeline.__file__).parent
UNBOUNDED = C.MAXREPEAT
REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT)
ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
# Characters to compare what two items match: ASCII, Latin-1, spaces and separators.
PROBE = [chr(c) for c in range(0x250)] + list("\u2028\u2029\u200b\u3000\u202e\ufeff")
# Patterns whose shape the rules flag but that cannot backtrack, with the reason.
REVIEWED = {
    # Every start is a line break; the run after it ends at the next break, where the
    # match succeeds: a failing attempt scans only the text's last run.
    r"\n\s*\n": "a failing attempt ends at the text's last line break",
    # Each repeat starts with "-", which the class does not match: one way to split a slug.
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$": "the repeats are separated by a character they exclude",
}


def module_patterns() -> set[tuple[str, int]]:
    found: set[tuple[str, int]] = set()
    for info in pkgutil.walk_packages(timeline.__path__, "timeline."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            for item in value if isinstance(value, tuple | list) else (value,):
                if isinstance(item, re.Pattern) and isinstance(item.pattern, str):
                    found.add((item.pattern, item.flags))
    return found


def inline_patterns() -> set[tuple[str, int]]:
    found: set[tuple[str, int]] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add((node.args[0].value, 0))
    return found


def matched_by(item: tuple[Any, Any], flags: int) -> set[str] | None:
    """The probe characters one item matches, or None when it is not a single character."""
    if item[0] not in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY, C.CATEGORY):
        return None
    pattern = re.compile(_source(item, flags), flags)
    return {ch for ch in PROBE if pattern.fullmatch(ch)}


def _source(item: tuple[Any, Any], flags: int) -> str:
    """Rebuild a single-character item as a pattern, through its own compiled program."""
    op, av = item
    if op is C.LITERAL:
        return re.escape(chr(av))
    if op is C.NOT_LITERAL:
        return f"[^{re.escape(chr(av))}]"
    if op is C.ANY:
        return "(?s:.)" if flags & re.DOTALL else "."
    if op is C.CATEGORY:
        return _CATEGORIES[av]
    parts = []
    negate = ""
    for sub_op, sub_av in av:
        if sub_op is C.NEGATE:
            negate = "^"
        elif sub_op is C.LITERAL:
            parts.append(re.escape(chr(sub_av)))
        elif sub_op is C.RANGE:
            parts.append(f"{re.escape(chr(sub_av[0]))}-{re.escape(chr(sub_av[1]))}")
        elif sub_op is C.CATEGORY:
            parts.append(_CATEGORIES[sub_av])
    return f"[{negate}{''.join(parts)}]"


_CATEGORIES = {
    C.CATEGORY_DIGIT: r"\d",
    C.CATEGORY_NOT_DIGIT: r"\D",
    C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S",
    C.CATEGORY_WORD: r"\w",
    C.CATEGORY_NOT_WORD: r"\W",
}


def repeated_set(item: tuple[Any, Any], flags: int) -> set[str] | None:
    """What an unbounded repeat of one character class matches (None: something longer)."""
    _, (_, _, body) = item
    return matched_by(body[0], flags) if len(body) == 1 else None


def unbounded(item: tuple[Any, Any]) -> bool:
    return item[0] in REPEATS and item[1][1] == UNBOUNDED


def may_be_empty(item: tuple[Any, Any]) -> bool:
    op, av = item
    return op in ZERO_WIDTH or (op in REPEATS and av[0] == 0)


def overlap(a: set[str] | None, b: set[str] | None) -> bool:
    return a is None or b is None or bool(a & b)


def problems(items: list[tuple[Any, Any]], flags: int, inside_repeat: bool) -> list[str]:
    found: list[str] = []
    previous: tuple[Any, Any] | None = None
    for item in items:
        op, av = item
        if unbounded(item):
            if inside_repeat:
                found.append("an unbounded quantifier inside a repeat")
            if previous is not None and overlap(
                repeated_set(previous, flags), repeated_set(item, flags)
            ):
                found.append("two unbounded quantifiers over the same characters")
            previous = item
        elif not may_be_empty(item):
            previous = None
        for body in _bodies(item):
            found += problems(list(body), flags, inside_repeat or (op in REPEATS and av[1] > 1))
    return found


def _bodies(item: tuple[Any, Any]) -> list[Any]:
    op, av = item
    if op in REPEATS:
        return [av[2]]
    if op is C.SUBPATTERN:
        return [av[3]]
    if op is C.BRANCH:
        return list(av[1])
    if op in (C.ASSERT, C.ASSERT_NOT):
        return [av[1]]
    return []  # possessive repeats and atomic groups never backtrack


def starts_unbounded(items: list[tuple[Any, Any]]) -> bool:
    """Whether an attempt can begin with an unbounded quantifier and go on to fail.

    A lookbehind or an anchor in front makes the attempts start only where a run starts.
    """
    for index, (op, av) in enumerate(items):
        if op in (C.AT, C.ASSERT_NOT, C.ASSERT) and (op is C.AT or av[0] < 0):
            return False
        if op is C.SUBPATTERN:
            return starts_unbounded(list(av[3]) + list(items[index + 1 :]))
        if unbounded((op, av)):
            return index + 1 < len(items)
        if not may_be_empty((op, av)):
            return False
    return False


def test_every_pattern_is_linear() -> None:
    patterns = module_patterns() | inline_patterns()
    assert len(patterns) > 30  # the search found them
    bad = {}
    for source, flags in sorted(patterns):
        if source in REVIEWED:
            continue
        parsed = P.parse(source, flags)
        found = problems(list(parsed), parsed.state.flags, False)
        if starts_unbounded(list(parsed)):
            found.append("starts with an unbounded quantifier that can fail after it")
        if found:
            bad[source] = found
    assert not bad, "\n".join(f"{k}: {v}" for k, v in bad.items())


def test_the_check_refuses_the_shapes_that_backtrack() -> None:
    def verdict(source: str) -> bool:
        parsed = P.parse(source)
        return bool(problems(list(parsed), parsed.state.flags, False)) or starts_unbounded(
            list(parsed)
        )

    for shape in [r"\s*[\n]\s*", r"(\d+)([YMWD])", r"(a+)+b", r"(?:\s*x){2,}", r"x\w+\d*y"]:
        assert verdict(shape), shape
    for shape in [r"\s+", r"(?<!\d)(\d+)Y", r"^\s*x", r"x[a-z]+y", r"(?:\s*+x){2,}", r"a(?>b+)+"]:
        assert not verdict(shape), shape
