"""The bad corpus (tests/fixtures/bad): every broken file is a diagnostic at the right spot.

For each file, `EXPECTED.txt` gives the diagnostics `timeline validate` must
report. The committed files run in-process (fast); the whole folder runs once
more in a subprocess with bounded time and memory, so that a crash of the
interpreter, a hang or a blow-up is caught; the huge inputs (deep nesting, alias
floods, a file over the size limit...) are generated here and each runs in its
own bounded subprocess.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import MINIMAL
from timeline.cli import app
from timeline.load.limits import MAX_FILE_BYTES

CORPUS = Path(__file__).parent / "fixtures" / "bad"
MANIFEST = CORPUS / "EXPECTED.txt"
GENERATED_PREFIX = "generated/"
MEMORY_LIMIT = 512 * 1024 * 1024
TIMEOUT = 30  # seconds; each of these runs takes about one

runner = CliRunner()


@dataclass(frozen=True)
class Expectation:
    name: str
    diagnostics: tuple[str, ...]  # "CODE@LINE:COLUMN"
    strict: bool
    what: str

    @property
    def args(self) -> list[str]:
        return ["--strict"] if self.strict else []


def read_manifest() -> dict[str, Expectation]:
    entries: dict[str, Expectation] = {}
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        left, _, what = line.partition(" # ")
        name, *rest = left.split()
        strict = "--strict" in rest
        codes = tuple(item for item in rest if item != "--strict")
        assert name not in entries, f"{name} is listed twice"
        entries[name] = Expectation(name, codes, strict, what.strip())
    return entries


EXPECTED = read_manifest()
COMMITTED = sorted(name for name in EXPECTED if not name.startswith(GENERATED_PREFIX))


def line_count(raw: bytes) -> int:
    """Lines by any convention (LF, CR, Unicode separators), so no real line is missed."""
    text = raw.decode("utf-8", "replace")
    return max(1, raw.count(b"\n") + 1, raw.count(b"\r") + 1, len(text.splitlines()) + 1)


def assert_reported(
    expectation: Expectation, diagnostics: list[dict[str, Any]], lines: int
) -> None:
    found = {f"{d['code']}@{d['line']}:{d['column']}" for d in diagnostics}
    missing = [code for code in expectation.diagnostics if code not in found]
    assert not missing, f"{expectation.name}: missing {missing}, found {sorted(found)[:20]}"
    allowed = {code.split("@")[0] for code in expectation.diagnostics}
    others = [
        f"{d['code']}@{d['line']}:{d['column']} {d['message']}"
        for d in diagnostics
        if d["severity"] == "error" and d["code"] not in allowed
    ]
    assert not others, f"{expectation.name}: unexpected errors {others}"
    for d in diagnostics:
        assert 1 <= d["line"] <= d["end_line"] <= lines, (expectation.name, d)
        assert d["column"] >= 1 and d["end_column"] >= 1, (expectation.name, d)


# --- the manifest --------------------------------------------------------------------------


def test_every_file_is_listed_and_every_listed_file_exists() -> None:
    on_disk = {p.name for p in CORPUS.iterdir()} - {MANIFEST.name}
    assert on_disk == set(COMMITTED)
    assert set(GENERATED) == {n.removeprefix(GENERATED_PREFIX) for n in EXPECTED} - on_disk
    assert len(EXPECTED) >= 40


def test_every_entry_expects_something_and_says_what_it_is() -> None:
    for expectation in EXPECTED.values():
        assert expectation.diagnostics, expectation.name
        assert expectation.what, expectation.name
        for code in expectation.diagnostics:
            assert code.startswith("TL") and "@" in code and ":" in code, (expectation.name, code)


# --- the committed files, in-process -------------------------------------------------------


@pytest.mark.parametrize("name", COMMITTED)
def test_validate_reports_the_expected_diagnostics(name: str) -> None:
    expectation = EXPECTED[name]
    path = CORPUS / name
    result = runner.invoke(app, ["validate", "--format", "json", *expectation.args, str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1, result.stdout + result.stderr
    document = json.loads(result.stdout)
    assert document["valid"] is expectation.strict  # only warnings: valid, but not --strict
    assert_reported(expectation, document["diagnostics"], line_count(path.read_bytes()))


@pytest.mark.parametrize("name", COMMITTED)
def test_text_report_is_printable(name: str) -> None:
    expectation = EXPECTED[name]
    result = runner.invoke(
        app, ["validate", "--format", "text", *expectation.args, str(CORPUS / name)]
    )
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout  # no colour in a pipe, and no escape from the file
    printable = {"\n", "\t"}
    assert all(ch >= " " or ch in printable for ch in result.stdout), repr(result.stdout)
    assert not any(0x7F <= ord(ch) < 0xA0 for ch in result.stdout), repr(result.stdout)


# Files whose only errors are references a registry could resolve (a person, a charge, a
# source): with no registry beside them, show and export read them as copied files.
AWAY_FROM_REGISTRY = {"dangling-charge.yaml", "dangling-participant.yaml", "dangling-source.yaml"}


@pytest.mark.parametrize("name", COMMITTED)
@pytest.mark.parametrize("command", [["show", "--format", "plain"], ["export", "-f", "json"]])
def test_commands_that_need_a_valid_case_refuse_it_cleanly(name: str, command: list[str]) -> None:
    expectation = EXPECTED[name]
    result = runner.invoke(app, [*command[:1], str(CORPUS / name), *command[1:]])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if expectation.strict:  # only warnings: the case loads
        assert result.exit_code == 0
    elif name in AWAY_FROM_REGISTRY:
        # No registry beside the file: what it does not define is withheld, with a warning.
        assert result.exit_code == 0, result.stderr
        assert "warning[TL307]" in result.stderr
        assert command[0] == "show" or "[unknown]" in result.stdout
    else:
        assert result.exit_code == 1
        assert result.stdout == ""
        assert "error[" in result.stderr


def test_list_shows_every_broken_file_as_invalid() -> None:
    result = runner.invoke(app, ["--data-dir", str(CORPUS), "list", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    listing = json.loads(result.stdout)
    cases = listing["cases"] if isinstance(listing, dict) else listing
    by_id = {case["id"]: case for case in cases}
    for name in COMMITTED:
        stem = name.removesuffix(".yaml")
        assert stem in by_id, stem
        assert by_id[stem]["valid"] is EXPECTED[name].strict, stem


def test_diff_refuses_a_broken_version() -> None:
    good = CORPUS / "unquoted-date.yaml"  # only a warning: it loads
    result = runner.invoke(app, ["diff", str(CORPUS / "alias-bomb.yaml"), str(good)])
    assert result.exit_code == 2
    assert "TL107" in result.stderr
    assert "Traceback" not in result.stderr


# --- the committed files, in one bounded subprocess ----------------------------------------


def _limit_memory() -> None:
    import resource

    with contextlib.suppress(ValueError, OSError):  # some platforms do not support it
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_timeline(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m timeline ARGS` with bounded time and memory; a crash is a failed test."""
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        preexec_fn=_limit_memory,
        cwd=cwd,
        check=False,
    )


def _by_file(document: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for diagnostic in document["diagnostics"]:
        found.setdefault(Path(diagnostic["file"]).name, []).append(diagnostic)
    return found


def test_the_whole_folder_in_a_subprocess() -> None:
    result = run_timeline("validate", "--format", "json", "--strict", str(CORPUS))
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr == ""
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["summary"]["files"] == len(COMMITTED)
    found = _by_file(document)
    for name in COMMITTED:
        assert_reported(
            EXPECTED[name], found.get(name, []), line_count((CORPUS / name).read_bytes())
        )


@pytest.mark.parametrize("format", ["text", "github"])
def test_the_whole_folder_in_other_formats(format: str) -> None:
    result = run_timeline("validate", "--format", format, str(CORPUS))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stderr == ""
    assert "\x1b" not in result.stdout


# --- huge and hostile inputs, generated ----------------------------------------------------


def _alias_bomb(levels: int, width: int) -> bytes:
    lines = ["a0: &a0 [" + ",".join(["lol"] * width) + "]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * width) + "]")
    return ("\n".join(lines) + "\n").encode()


def _keys(count: int, key: Callable[[int], str]) -> bytes:
    return "".join(f"{key(i)}: 1\n" for i in range(count)).encode()


def _unquoted_dates(count: int) -> bytes:
    head = (
        "format: 1\nid: unquoted-dates-5000\ntitle: t\njurisdiction: KG\nstatus: ongoing\n"
        "sources: [{id: s, publisher: p, language: en}]\nevents:\n"
    )
    events = "".join(
        f"  - {{id: e{i}, date: 2025-05-28, type: hearing, title: t, sources: [s]}}\n"
        for i in range(count)
    )
    return (head + events).encode()


GENERATED: dict[str, Callable[[], bytes]] = {
    "nesting-100000-flow.yaml": lambda: b"a: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
    "nesting-100000-mappings.yaml": lambda: b"a: " + b"{a: " * 100_000 + b"}" * 100_000 + b"\n",
    "nesting-100000-block.yaml": lambda: b"- " * 100_000 + b"a\n",
    "too-large.yaml": lambda: b"title: " + b"x" * MAX_FILE_BYTES + b"\n",
    "alias-bomb-30x30.yaml": lambda: _alias_bomb(30, 30),
    "alias-flood.yaml": lambda: b"a: &a x\nb: [" + b"*a," * 5_000_000 + b"]\n",
    "value-flood.yaml": lambda: b"a: [" + b"a," * 8_000_000 + b"]\n",
    "line-flood.yaml": lambda: b"#\n" * 8_000_000 + b"a: [\n",
    "long-line.yaml": lambda: b"format: 1\ntitle: " + b"x" * 16_000_000 + b"\nbad: [\n",
    "unknown-keys-20000.yaml": lambda: _keys(20_000, lambda i: f"k{i}"),
    "duplicate-keys-20000.yaml": lambda: _keys(20_000, lambda i: "title"),
    "unquoted-dates-5000.yaml": lambda: _unquoted_dates(5_000),
    "tags-flood-15000.yaml": lambda: (
        b"format: 1\nid: tags-flood-15000\ntitle: t\njurisdiction: KG\nstatus: ongoing\ntags: ["
        + b", ".join([b"A"] * 15_000)
        + b"]\n"
    ),
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_input_is_refused_within_bounds(tmp_path: Path, name: str) -> None:
    expectation = EXPECTED[GENERATED_PREFIX + name]
    raw = GENERATED[name]()
    path = tmp_path / name
    path.write_bytes(raw)
    result = run_timeline("validate", "--format", "json", *expectation.args, str(path))
    assert "Traceback" not in result.stderr and result.stderr == "", result.stderr[-2000:]
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert_reported(expectation, document["diagnostics"], line_count(raw))


def test_the_limits_leave_an_honest_large_file_alone(tmp_path: Path) -> None:
    # Over the size from which values are counted, but far from the count limit.
    summary = " ".join(["A long summary of a long case."] * 12_000)
    text = MINIMAL.replace("status: ongoing\n", f"status: ongoing\nsummary: {summary}\n")
    assert len(text) > 300_000
    path = tmp_path / "test-case.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 0, result.stdout
