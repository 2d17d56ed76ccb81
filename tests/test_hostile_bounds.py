"""The worst inputs an outside review found, each run in a bounded subprocess.

Each input is valid, or nearly, and made to cost: a title of spaces, a flood of
invalid items, two versions with huge titles for the rename detection. Every
command that reads it must finish within the limits of the generated inputs of
the bad corpus (`test_bad_corpus.run_timeline`: 512 MiB of address space, a
timeout that only guards against a hang), and say something sensible.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from conftest import MINIMAL
from test_bad_corpus import run_timeline

SPACES = "a" + " " * 900_000 + "b"  # was hours in `clean`'s `\s*[\n]\s*`


def write_case(folder: Path, text: str, stem: str = "test-case") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def spaced_case() -> str:
    return MINIMAL.replace("title: A test case", f'title: "{SPACES}"')


@pytest.mark.parametrize(
    "command",
    [
        ["show", "--format", "plain"],
        ["show", "--format", "rich"],
        ["export", "-f", "markdown"],
        ["export", "-f", "csv"],
        ["export", "-f", "timelinejs"],
    ],
)
def test_a_title_of_900_000_spaces(tmp_path: Path, command: list[str]) -> None:
    path = write_case(tmp_path / "cases", spaced_case())
    result = run_timeline(command[0], str(path), *command[1:])
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Verdict" in result.stdout


def test_list_with_a_title_of_900_000_spaces(tmp_path: Path) -> None:
    write_case(tmp_path / "cases", spaced_case())
    result = run_timeline("--data-dir", str(tmp_path / "cases"), "list", "--format", "plain")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "test-case" in result.stdout


HEAD = "format: 1\nid: test-case\ntitle: t\njurisdiction: KG\nstatus: ongoing\n"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("events: [" + ", ".join(["{}"] * 330_000) + "]\n", "TL202"),  # was 4.5 GB, 52 s
        ("tags: [" + ", ".join(["A"] * 330_000) + "]\n", "TL204"),  # was 2.1 GB, a 262 MB report
    ],
)
def test_a_flood_of_invalid_items(tmp_path: Path, body: str, code: str) -> None:
    path = write_case(tmp_path / "cases", HEAD + body)
    for format in ("json", "text", "github"):
        result = run_timeline("validate", "--format", format, str(path))
        assert result.returncode == 1, result.stderr[-2000:]
        assert len(result.stdout) < 1_000_000
    document = json.loads(run_timeline("validate", "--format", "json", str(path)).stdout)
    codes = [d["code"] for d in document["diagnostics"]]
    assert code in codes
    assert len(codes) <= 1001


def _long_titled(ids: tuple[str, str], seed: int) -> str:
    rnd = random.Random(seed)
    events = "".join(
        f'  - id: {event}\n    date: "2025-05-28"\n    type: hearing\n'
        f'    title: "{"".join(rnd.choice("ab ") for _ in range(16_000))}"\n    sources: [src]\n'
        for event in ids
    )
    sources = '  - {id: src, publisher: P, url: "https://example.org/1", language: en}\n'
    return HEAD + "sources:\n" + sources + "events:\n" + events


@pytest.mark.parametrize("format", ["text", "json", "markdown"])
def test_rename_detection_between_huge_titles(tmp_path: Path, format: str) -> None:
    # Every event id changed, and the titles are 16,000 characters: was 213 s.
    old = write_case(tmp_path / "old", _long_titled(("a1", "a2"), 1))
    new = write_case(tmp_path / "new", _long_titled(("b1", "b2"), 2))
    result = run_timeline("diff", str(old), str(new), "--format", format)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    assert "b1" in result.stdout


# Each free-text field one long run of a character that escaping or parsing treats
# specially: a pattern that backtracks over such a run takes minutes, not a second.
RUNS = {
    ("title",): " ",
    ("summary",): "*",
    ("people", 0, "name"): "\\",
    ("organizations", 0, "name"): "<",
    ("charges", 0, "title"): "`",
    ("sources", 0, "publisher"): "[",
    ("events", 0, "title"): "](",
    ("events", 0, "description"): "\n \n",
    ("events", 1, "title"): "::",
    ("events", 1, "sources", 0, "quote"): "##[",
}


def long_runs_case(length: int) -> str:
    from timeline.load.loader import parse_document

    data = parse_document(MINIMAL.encode(), "minimal").data
    data["format"] = 1
    for where, piece in RUNS.items():
        *parents, last = where
        target = data
        for part in parents:
            target = target[part]
        target[last] = "x" + piece * (length // len(piece)) + "x"
    return json.dumps(data)


@pytest.mark.parametrize(
    "command",
    [
        ["validate", "--format", "text"],
        ["show", "--format", "plain"],
        ["export", "-f", "markdown", "--mermaid"],
        ["export", "-f", "csv"],
        ["export", "-f", "ics"],
    ],
)
def test_long_runs_of_special_characters_in_every_field(tmp_path: Path, command: list[str]) -> None:
    path = write_case(tmp_path / "cases", long_runs_case(100_000))
    result = run_timeline(command[0], str(path), *command[1:])
    assert result.returncode == 0, result.stderr[-2000:]
    assert "2025" in result.stdout or "0 errors" in result.stdout


def test_diff_of_long_runs(tmp_path: Path) -> None:
    old = write_case(tmp_path / "old", MINIMAL)
    new = write_case(tmp_path / "new", long_runs_case(100_000))
    for format in ("text", "markdown", "json"):
        result = run_timeline("diff", str(old), str(new), "--format", format)
        assert result.returncode == 0, result.stderr[-2000:]
