#!/usr/bin/env python3
"""Fuzz `timeline` with mutated case files: nothing may crash, hang or point outside the file.

    .venv/bin/python scripts/fuzz.py --minutes 30
    .venv/bin/python scripts/fuzz.py --minutes 5 --seed 7 --out /tmp/fuzz-crashes \\
        data/cases/kloop.yaml tests/fixtures/hostile/hostile.yaml

Each round takes a valid case file (the seeds: the files given, else data/cases and
the test fixtures), applies a few random mutations (flip, delete or insert bytes;
delete, duplicate, swap or re-indent lines; rename keys; swap values between
fields; put odd values in place of others) and runs it through the commands a user
would: `validate` in every format and, when the mutant is still a valid case,
`show` (plain and rich), `export` in every format and `diff` against its seed.

A problem is an exception (a traceback), an exit status other than the command's
documented ones, a diagnostic whose line is outside the file, or a round that takes
longer than `--timeout` seconds. Each new problem is saved in `--out` as the input
(`<kind>-<hash>.yaml`, to replay with `timeline validate`) and a report (`.txt`);
problems are told apart by their kind and where they were raised. The exit status
is 1 when a problem was found, 0 otherwise.

tests/test_fuzz.py uses the same mutations with hypothesis, for a bounded number of
examples on every test run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import FrameType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SEEDS = (
    "data/cases",
    "tests/fixtures/hostile",
    "tests/fixtures/show",
    "tests/fixtures/export",
)
TODAY = date(2026, 11, 28)

# --- mutations ------------------------------------------------------------------------------

KINDS = (
    "flip",
    "delete",
    "insert",
    "delete_line",
    "duplicate_line",
    "swap_lines",
    "indent",
    "rename_key",
    "swap_values",
    "replace_value",
    "retext",
    "redate",
)
# Mutations that usually keep a case valid, so that show, export and diff see odd data.
GENTLE = ("retext", "redate")
# Bytes that mean something to YAML, to the format or to a decoder.
TOKENS = (
    b":", b": ", b"- ", b"[", b"]", b"{", b"}", b",", b"'", b'"', b"\t", b"\n", b"\r", b"#",
    b"&a ", b"*a", b"!!python/object/apply:os.system ", b"!x ", b"? ", b"|", b">", b"---\n",
    b"...\n", b"%YAML 1.1\n", b"\x00", b"\xff", b"\xef\xbb\xbf", b"\xc3\xa9", b"\xe2\x80\xa8",
    b"\x1b[2J", b"~", b"null", b"true", b"<<: ", b"\\", b"%", b"@", b"`",
)  # fmt: skip
KEYS = (
    "format", "id", "title", "jurisdiction", "status", "summary", "tags", "related", "people",
    "organizations", "charges", "sources", "events", "conflicts", "name", "aliases", "roles",
    "privacy", "date", "type", "participants", "ref", "role", "outcomes", "subjects",
    "verdict", "sentence", "term", "after", "status", "attribution", "disputed_by", "key",
    "inferred", "source_text", "relative", "event", "offset", "claims", "claim", "about",
    "label", "url", "language", "kind", "quote", "titel", "dat", "évènement", "",
)  # fmt: skip
VALUES = (
    "", "~", "null", "true", "false", "[]", "{}", "[a, b]", "{a: 1}", '""', "0", "-1", "1e999",
    "0x1F", "0o17", ".nan", "2025-02-30", '"2025-13"', '"2025-05-28/2025-05-01"', '"2022-23"',
    '"2025-05~"', '"2025?"', '"201X"', '"../.."', '"/.."', "P5Y", "P0D", "initials", "other",
    "contested-by-sources", "x" * 300, '"\\e[2J"', "'a''b'", "|\n  block", ">-\n  folded",
    "!!str 1", "&a x", "*a",
)  # fmt: skip

TEXTS = (
    "", " ", "\n", "a\nb", "|", "| a | b |", "<script>alert(1)</script>", "[bold]x[/]", "\x1b[2J",
    "=1+1", "-", "@", "#", ":", "; ", "::error::x", "\u202eevil", "\u200b", "e\u0301",
    "\U0001f600", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\u4e2d\u6587",
    "x" * 5000, "word " * 400, "\t", "\\", '"', "'", "`code`", "*", "_", "~~", "[^1]",
    "[x](javascript:alert(1))", "N.O.", "\ufeff", "%0A", "{{x}}", "${x}",
)  # fmt: skip
DATES = (
    "2025", "2025-05", "2025-05-28", "2025-05-28T14:00:00+06:00", "2025-05-28/2025-06-02",
    "2025-05~", "2025?", "2025-05-28%", "201X", "2025-XX", "2025-05-XX", "2022-21", "2022-24",
    "2025-05/..", "../2025-05", "/2025-05", "2025-05-28/", "0001", "9999-12-31", "2024-02-29",
)  # fmt: skip
_TEXT_KEYS = rb"title|name|summary|description|quote|locator|claim|note|publisher|label"
_TEXT = re.compile(rb"^([ \t]*(?:- )?(?:" + _TEXT_KEYS + rb"): )([^\n]+)$", re.MULTILINE)
_DATE = re.compile(rb"((?:^|[\s{,])date: )(\"[^\"\n]*\"|[^\s,}]+)", re.MULTILINE)
_KEY = re.compile(rb"^([ \t]*(?:- )?)([^\s:#\-\[\]{},][^:\n]*?)(:)(?=\s|$)", re.MULTILINE)
_VALUE = re.compile(rb"^([ \t]*(?:- )?[^\s:#\[\]{},][^:\n]*?: )([^\n#]+)$", re.MULTILINE)


@dataclass(frozen=True)
class Mutation:
    """One edit of a file; `a` and `b` are positions or indices, taken modulo the sizes."""

    kind: str
    a: int = 0
    b: int = 0
    payload: bytes = b""

    def apply(self, data: bytes) -> bytes:
        return _APPLY[self.kind](data, self)


def mutate(data: bytes, mutations: Sequence[Mutation]) -> bytes:
    for mutation in mutations:
        data = mutation.apply(data)
    return data


def _flip(data: bytes, m: Mutation) -> bytes:
    if not data:
        return data
    i = m.a % len(data)
    return data[:i] + bytes([data[i] ^ (1 << (m.b % 8))]) + data[i + 1 :]


def _delete(data: bytes, m: Mutation) -> bytes:
    i = m.a % (len(data) + 1)
    return data[:i] + data[i + 1 + m.b % 16 :]


def _insert(data: bytes, m: Mutation) -> bytes:
    i = m.a % (len(data) + 1)
    return data[:i] + m.payload + data[i:]


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True) or [b""]


def _delete_line(data: bytes, m: Mutation) -> bytes:
    lines = _lines(data)
    del lines[m.a % len(lines)]
    return b"".join(lines)


def _duplicate_line(data: bytes, m: Mutation) -> bytes:
    lines = _lines(data)
    i = m.a % len(lines)
    lines.insert(m.b % (len(lines) + 1), lines[i])
    return b"".join(lines)


def _swap_lines(data: bytes, m: Mutation) -> bytes:
    lines = _lines(data)
    i, j = m.a % len(lines), m.b % len(lines)
    lines[i], lines[j] = lines[j], lines[i]
    return b"".join(lines)


def _indent(data: bytes, m: Mutation) -> bytes:
    lines = _lines(data)
    i = m.a % len(lines)
    shift = m.b % 5 - 2  # -2..+2 spaces
    line = lines[i]
    spaces = len(line) - len(line.lstrip(b" "))
    lines[i] = b" " * shift + line if shift > 0 else line[min(-shift, spaces) :]
    return b"".join(lines)


def _rename_key(data: bytes, m: Mutation) -> bytes:
    found = list(_KEY.finditer(data))
    if not found:
        return data
    match = found[m.a % len(found)]
    key = m.payload or KEYS[m.b % len(KEYS)].encode()
    return data[: match.start(2)] + key + data[match.end(2) :]


def _swap_values(data: bytes, m: Mutation) -> bytes:
    found = list(_VALUE.finditer(data))
    if len(found) < 2:
        return data
    first, second = _two(found, m)
    return (
        data[: first.start(2)]
        + second.group(2)
        + data[first.end(2) : second.start(2)]
        + first.group(2)
        + data[second.end(2) :]
    )


def _two(found: list[re.Match[bytes]], m: Mutation) -> tuple[re.Match[bytes], re.Match[bytes]]:
    i, j = m.a % len(found), m.b % len(found)
    if i == j:
        j = (j + 1) % len(found)
    return (found[i], found[j]) if i < j else (found[j], found[i])


def _replace_value(data: bytes, m: Mutation) -> bytes:
    found = list(_VALUE.finditer(data))
    if not found:
        return data
    match = found[m.a % len(found)]
    value = m.payload or VALUES[m.b % len(VALUES)].encode()
    return data[: match.start(2)] + value + data[match.end(2) :]


def yaml_quoted(text: str) -> bytes:
    """Any text as a YAML double-quoted scalar (escapes for what YAML may not hold raw)."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or code >= 0xFFFE:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return ('"' + "".join(out) + '"').encode("utf-8", "surrogatepass")


def _one_line_texts(data: bytes) -> list[re.Match[bytes]]:
    """Text values written on one line (not block scalars, not continued on the next line)."""
    found = []
    for match in _TEXT.finditer(data):
        if match.group(2)[:1] in (b"|", b">"):
            continue
        following = data[match.end() + 1 : data.find(b"\n", match.end() + 1)]
        indent = len(match.group(1)) - len(match.group(1).lstrip(b" -"))
        if len(following) - len(following.lstrip(b" ")) > indent and following.strip():
            continue
        found.append(match)
    return found


def _retext(data: bytes, m: Mutation) -> bytes:
    found = _one_line_texts(data)
    if not found:
        return data
    match = found[m.a % len(found)]
    text = m.payload.decode("utf-8", "replace") if m.payload else TEXTS[m.b % len(TEXTS)]
    return data[: match.start(2)] + yaml_quoted(text) + data[match.end(2) :]


def _redate(data: bytes, m: Mutation) -> bytes:
    found = list(_DATE.finditer(data))
    if not found:
        return data
    match = found[m.a % len(found)]
    value = f'"{DATES[m.b % len(DATES)]}"'.encode()
    return data[: match.start(2)] + value + data[match.end(2) :]


_APPLY = {
    "flip": _flip,
    "delete": _delete,
    "insert": _insert,
    "delete_line": _delete_line,
    "duplicate_line": _duplicate_line,
    "swap_lines": _swap_lines,
    "indent": _indent,
    "rename_key": _rename_key,
    "swap_values": _swap_values,
    "replace_value": _replace_value,
    "retext": _retext,
    "redate": _redate,
}


def random_mutation(rng: random.Random, gentle: bool = False) -> Mutation:
    kind = rng.choice(GENTLE if gentle else KINDS)
    payload = b""
    if kind == "insert":
        payload = rng.choice(TOKENS) if rng.random() < 0.8 else rng.randbytes(rng.randint(1, 8))
    elif kind == "retext" and rng.random() < 0.5:
        payload = random_text(rng).encode("utf-8", "surrogatepass")
    return Mutation(kind, rng.randrange(1 << 30), rng.randrange(1 << 30), payload)


def random_text(rng: random.Random) -> str:
    """A short text from anywhere in Unicode (controls and unassigned code points included)."""
    size = rng.choice((1, 3, 10, 40, 200))
    top = rng.choice((0x80, 0x800, 0x10000, 0x110000))
    return "".join(chr(rng.randrange(1, top)) for _ in range(size)).replace("\ud800", "?")


def random_mutations(rng: random.Random) -> list[Mutation]:
    """Half the time one or two gentle edits (the case often stays valid), else a few of any."""
    if rng.random() < 0.5:
        return [random_mutation(rng, gentle=True) for _ in range(rng.randint(1, 2))]
    return [random_mutation(rng) for _ in range(rng.randint(1, 4))]


# --- running the commands -------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """Something that must never happen, and enough to tell one problem from another."""

    kind: str  # crash, exit, position, hang
    command: tuple[str, ...]
    detail: str
    where: str  # the exception and the line that raised it, or the command

    @property
    def signature(self) -> str:
        return f"{self.kind}:{self.where}"


def line_count(raw: bytes) -> int:
    """Lines by any convention (LF, CR, Unicode separators), so that no real line is missed."""
    text = raw.decode("utf-8", "replace")
    return max(1, raw.count(b"\n") + 1, raw.count(b"\r") + 1, len(text.splitlines()) + 1)


class Session:
    """Runs the CLI in-process on files of one folder; collects problems."""

    def __init__(self, folder: Path, *, thorough: bool = True) -> None:
        from typer.testing import CliRunner

        from timeline.cli import app  # the package registers every command

        self.app = app
        self.runner = CliRunner()
        self.folder = folder
        self.valid = 0  # how many files checked were still valid cases
        self.diff_formats = ("text", "markdown", "json") if thorough else ("text",)

    def run(self, args: list[str], allowed: tuple[int, ...]) -> tuple[Any, list[Problem]]:
        result = self.runner.invoke(self.app, args)
        command = tuple(args)
        error = result.exception
        if error is not None and not isinstance(error, SystemExit):
            trace = "".join(traceback.format_exception(error))
            frames = traceback.extract_tb(error.__traceback__)
            place = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
            where = f"{type(error).__name__}{place}"
            return result, [Problem("crash", command, trace, where)]
        if result.exit_code not in allowed:
            detail = f"exit {result.exit_code}\n{result.stdout}\n{result.stderr}"
            return result, [Problem("exit", command, detail, f"{args[0]} exit {result.exit_code}")]
        return result, []

    def check(self, path: Path, seed: Path | None = None) -> list[Problem]:
        """Every command a user would run on this file; the problems found."""
        raw = path.read_bytes()
        result, problems = self.run(["validate", "--format", "json", str(path)], (0, 1))
        if problems:
            return problems
        problems += _positions(result.stdout, line_count(raw), ("validate", str(path)))
        if result.exit_code == 0:
            self.valid += 1
            return problems + self.check_valid(path, seed)
        for format in ("text", "github"):  # the reporters, on what was found
            problems += self.run(["validate", "--format", format, str(path)], (1,))[1]
        return problems

    def check_valid(self, path: Path, seed: Path | None) -> list[Problem]:
        from timeline.exporters import EXPORTERS

        spec = str(path)
        runs = [
            ["show", spec, "--format", "plain", "--sources"],
            ["show", spec, "--format", "rich"],
            ["--data-dir", str(self.folder), "list", "--format", "plain"],
            *(["export", spec, "-f", name, "--mermaid", "--ics-spans"] for name in EXPORTERS),
        ]
        # A binary format goes to a file, never to stdout.
        database = str(self.folder / "export.out")
        runs = [[*args, "-o", database] if _binary(args, EXPORTERS) else args for args in runs]
        if seed is not None:
            runs += [["diff", str(seed), spec, "--format", name] for name in self.diff_formats]
        return [problem for args in runs for problem in self.run(args, (0,))[1]]


def _binary(args: list[str], exporters: dict[str, Any]) -> bool:
    # (getattr: a test may stand a plain function in for an exporter)
    return args[0] == "export" and getattr(exporters[args[3]], "binary", False)


def _positions(output: str, lines: int, command: tuple[str, ...]) -> list[Problem]:
    problems = []
    for d in json.loads(output)["diagnostics"]:
        if not (1 <= d["line"] <= d["end_line"] <= lines and d["column"] >= 1):
            where = f"{d['code']} outside the file"
            problems.append(Problem("position", command, json.dumps(d), where))
    return problems


# --- the session ----------------------------------------------------------------------------


def seed_files(paths: Sequence[Path]) -> list[Path]:
    """The valid case files among the given files and folders."""
    from timeline.load.validation import iter_case_files, validate_file

    return [p for p in iter_case_files(paths) if validate_file(p, today=TODAY).valid]


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def fuzz(
    seeds: list[Path], deadline: float, rng: random.Random, out: Path, timeout: int
) -> tuple[int, int]:
    """Mutate and check until the deadline; save each new problem.

    Returns the number of rounds and how many mutants were still valid cases.
    """
    seen: set[str] = set()
    rounds = 0
    signal.signal(signal.SIGALRM, _alarm)
    with tempfile.TemporaryDirectory(prefix="timeline-fuzz-") as tmp:
        session = Session(Path(tmp))
        homes = {seed: _home(Path(tmp) / str(i), seed) for i, seed in enumerate(seeds)}
        while time.monotonic() < deadline:
            seed = rng.choice(seeds)
            data = mutate(seed.read_bytes(), random_mutations(rng))
            path = homes[seed] / seed.name
            path.write_bytes(data)
            session.folder = homes[seed]
            signal.alarm(timeout)
            try:
                problems = session.check(path, seed)
            except _Timeout:
                problems = [Problem("hang", ("check", seed.name), f"over {timeout}s", "hang")]
            finally:
                signal.alarm(0)
            rounds += 1
            for problem in problems:
                if problem.signature not in seen:
                    seen.add(problem.signature)
                    save(out, data, problem)
    return rounds, session.valid


def _home(folder: Path, seed: Path) -> Path:
    """A folder for the mutants of a seed, with its sibling cases (for `related`)."""
    folder.mkdir(parents=True)
    for sibling in seed.parent.iterdir():
        if sibling.suffix in (".yaml", ".yml") and sibling.is_file():
            (folder / sibling.name).write_bytes(sibling.read_bytes())
    return folder


def save(out: Path, data: bytes, problem: Problem) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    name = f"{problem.kind}-{hashlib.sha256(data).hexdigest()[:12]}"
    (out / f"{name}.yaml").write_bytes(data)
    report = f"{problem.where}\ncommand: timeline {' '.join(problem.command)}\n\n{problem.detail}\n"
    (out / f"{name}.txt").write_text(report, encoding="utf-8")
    sys.stderr.write(f"problem: {problem.where} (saved {out / name}.yaml)\n")
    return out / f"{name}.yaml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", nargs="*", help="valid case files or folders to mutate")
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to run")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: random)")
    parser.add_argument("--out", type=Path, default=Path("fuzz-problems"), help="where to save")
    parser.add_argument("--timeout", type=int, default=20, help="seconds a round may take")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1 << 32)
    seeds = seed_files([Path(p) for p in args.seeds] or [REPO / p for p in DEFAULT_SEEDS])
    if not seeds:
        sys.stderr.write("no valid case file to start from\n")
        return 2
    sys.stderr.write(f"fuzzing {len(seeds)} seed files for {args.minutes:g} min (--seed {seed})\n")
    deadline = time.monotonic() + args.minutes * 60
    before = len(list(args.out.glob("*.yaml"))) if args.out.is_dir() else 0
    rounds, valid = fuzz(seeds, deadline, random.Random(seed), args.out, args.timeout)
    found = (len(list(args.out.glob("*.yaml"))) if args.out.is_dir() else 0) - before
    sys.stderr.write(f"{rounds} rounds ({valid} still valid cases), {found} new problems\n")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
