"""Property-based fuzzing: mutated case files never crash a command or point outside the file.

The mutations (flip, delete and insert bytes; delete, duplicate, swap and re-indent
lines; rename keys; swap values between fields; odd values and odd text in place of
others) come from scripts/fuzz.py, which runs the same checks for as long as asked:

    .venv/bin/python scripts/fuzz.py --minutes 30

Here hypothesis draws a bounded number of examples, derandomized so that every run
checks the same ones (set TIMELINE_FUZZ_EXAMPLES for more).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL
from timeline.load.validation import validate_bytes, validate_file

REPO = Path(__file__).resolve().parents[1]
# A valid mutant goes through every command (about 0.2 s); most mutants are not valid.
EXAMPLES = int(os.environ.get("TIMELINE_FUZZ_EXAMPLES", "50"))


def fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def _load_fuzz() -> ModuleType:
    spec = importlib.util.spec_from_file_location("timeline_fuzz", REPO / "scripts" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


fuzz = _load_fuzz()

SEEDS = {
    "test-case.yaml": MINIMAL.encode(),
    **{
        path.name: path.read_bytes()
        for path in (
            REPO / "tests" / "fixtures" / "hostile" / "hostile.yaml",
            REPO / "tests" / "fixtures" / "export" / "everything.yaml",
            REPO / "tests" / "fixtures" / "show" / "full.yaml",
        )
    },
}

mutations = st.builds(
    fuzz.Mutation,
    kind=st.sampled_from(fuzz.KINDS),
    a=st.integers(0, 1 << 20),
    b=st.integers(0, 1 << 20),
    payload=st.one_of(
        st.just(b""),
        st.sampled_from(fuzz.TOKENS),
        st.binary(max_size=6),
        st.text(max_size=20).map(lambda text: text.encode("utf-8", "surrogatepass")),
    ),
)
gentle = st.builds(
    fuzz.Mutation,
    kind=st.sampled_from(fuzz.GENTLE),
    a=st.integers(0, 1 << 20),
    b=st.integers(0, 1 << 20),
    payload=st.one_of(st.just(b""), st.text(max_size=40).map(lambda text: text.encode())),
)


# The real case, once it validates, with the cases it is related to and its registry.
KLOOP = REPO / "data" / "cases" / "kloop.yaml"
REGISTRY = REPO / "data" / "registry"
if KLOOP.is_file() and validate_file(KLOOP, today=fuzz.TODAY).valid:
    SEEDS["kloop.yaml"] = KLOOP.read_bytes()
# The cases kloop.yaml relates to, so that its `related` entries resolve.
SIBLINGS = {"kloop.yaml": sorted(p for p in KLOOP.parent.glob("*.yaml") if p != KLOOP)}


def seed_folder(home: Path) -> Path:
    # Beside the home folder, not inside it: both read the registry beside them.
    return home.with_name(f"{home.name}-seed")


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """A folder per seed, with the seed as it is (to diff against) in a folder beside it."""
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(REGISTRY, root / "registry")
    homes: dict[str, Path] = {}
    for name, data in SEEDS.items():
        home = root / name.removesuffix(".yaml")
        seed_folder(home).mkdir(parents=True)
        home.mkdir()
        (seed_folder(home) / name).write_bytes(data)
        for sibling in SIBLINGS.get(name, []):
            for folder in (home, seed_folder(home)):
                (folder / sibling.name).write_bytes(sibling.read_bytes())
        homes[name] = home
    yield homes


def check(folders: dict[str, Path], name: str, data: bytes) -> None:
    home = folders[name]
    path = home / name
    path.write_bytes(data)
    session = fuzz.Session(home, thorough=False)
    problems = session.check(path, seed_folder(home) / name)
    assert not problems, "\n\n".join(f"{p.where}: {p.command}\n{p.detail}" for p in problems)


def test_every_seed_is_a_valid_case(folders: dict[str, Path]) -> None:
    for name, data in SEEDS.items():
        path = folders[name] / name
        path.write_bytes(data)
        report = validate_file(path, today=fuzz.TODAY)
        assert report.valid, (name, report.diagnostics)
        session = fuzz.Session(folders[name])
        assert session.check(path, seed_folder(folders[name]) / name) == []
        assert session.valid == 1


@fuzz_settings(EXAMPLES)
@given(name=st.sampled_from(sorted(SEEDS)), edits=st.lists(mutations, min_size=1, max_size=4))
def test_mutated_files_never_crash_a_command(
    folders: dict[str, Path], name: str, edits: list[Any]
) -> None:
    check(folders, name, fuzz.mutate(SEEDS[name], edits))


@fuzz_settings(EXAMPLES // 2)
@given(name=st.sampled_from(sorted(SEEDS)), edits=st.lists(gentle, min_size=1, max_size=3))
def test_odd_text_and_dates_in_valid_cases_never_crash_a_command(
    folders: dict[str, Path], name: str, edits: list[Any]
) -> None:
    check(folders, name, fuzz.mutate(SEEDS[name], edits))


@fuzz_settings(EXAMPLES * 5)
@given(data=st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_any_bytes_load_into_diagnostics_inside_the_file(data: bytes) -> None:
    report = validate_bytes(data, "x.yaml", stem="x", today=fuzz.TODAY)
    lines = fuzz.line_count(data)
    for d in report.diagnostics:
        assert 1 <= d.span.line <= d.span.end_line <= lines, (d, data)
        assert d.span.column >= 1 and d.span.end_column >= 1, (d, data)


# --- the harness finds what it looks for ----------------------------------------------------


def test_mutations_change_the_file() -> None:
    data = SEEDS["test-case.yaml"]
    for kind in fuzz.KINDS:
        changed = [fuzz.Mutation(kind, a, 3, b"!").apply(data) != data for a in range(40)]
        assert any(changed), kind


def test_gentle_mutations_mostly_keep_the_case_valid() -> None:
    import random

    rng = random.Random(0)
    valid = 0
    for _ in range(100):
        name = rng.choice(sorted(SEEDS))
        data = fuzz.mutate(SEEDS[name], [fuzz.random_mutation(rng, gentle=True)])
        stem = name.removesuffix(".yaml")
        valid += validate_bytes(data, name, stem=stem, today=fuzz.TODAY).valid
    assert valid >= 60


def test_a_crash_is_reported_with_its_place(
    folders: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline.exporters import EXPORTERS

    def broken(*args: object) -> None:
        raise ZeroDivisionError

    monkeypatch.setitem(EXPORTERS, "csv", broken)
    home = folders["test-case.yaml"]
    path = home / "test-case.yaml"
    path.write_bytes(SEEDS["test-case.yaml"])
    problems = fuzz.Session(home).check(path)
    assert [(p.kind, p.command[:3]) for p in problems] == [("crash", ("export", str(path), "-f"))]
    assert problems[0].where.startswith("ZeroDivisionError at test_fuzz.py:")


def test_a_position_outside_the_file_is_reported() -> None:
    output = '{"diagnostics": [{"line": 9, "end_line": 9, "column": 1, "code": "TL101"}]}'
    problems = fuzz._positions(output, 3, ("validate", "x.yaml"))
    assert [p.kind for p in problems] == ["position"]


def test_the_script_saves_what_it_finds(tmp_path: Path) -> None:
    problem = fuzz.Problem("crash", ("validate", "x.yaml"), "Traceback ...", "KeyError at x.py:1")
    saved = fuzz.save(tmp_path, b"format: 1\n", problem)
    assert saved.read_bytes() == b"format: 1\n"
    report = saved.with_suffix(".txt").read_text(encoding="utf-8")
    assert report.startswith("KeyError at x.py:1\ncommand: timeline validate x.yaml")


# --- what fuzzing found ---------------------------------------------------------------------


def _relative(offset: str, anchor: str = "2025-05-28") -> bytes:
    text = MINIMAL.replace('date: "2025-05-28"', f'date: "{anchor}"').replace(
        "    after: [detained]\n",
        f"    after: [detained]\n    relative: {{event: detained, offset: {offset}}}\n",
    )
    return text.encode()


FOUND = {
    # exporters/ics.py: the day after an interval that ends on 9999-12-31 overflowed
    # (export -f ics --ics-spans); such spans are now left out with a notice.
    "interval-to-the-last-day": MINIMAL.replace(
        'date: "2025-09-17"', 'date: "2020-01-01/9999-12-31"'
    ).encode(),
    # durations: a term of 5,000 digits passed the schema, then int() raised in show and
    # export; terms are now at most five digits per part.
    "term-with-5000-digits": MINIMAL.replace("term: P5Y", "term: P" + "9" * 5000 + "Y").encode(),
    # checks/relative.py added the offset to the anchor's date with no bound: an
    # OverflowError or ValueError (a traceback) from `validate`.
    "anchor-on-the-last-day": _relative("P2D", anchor="9999-12-31"),
    "offset-past-the-calendar": _relative("P99999999D"),
    "years-past-the-calendar": _relative("P99999Y"),
    "offset-with-5000-digits": _relative("P" + "9" * 5000 + "D"),
}


@pytest.mark.parametrize("name", sorted(FOUND))
def test_what_fuzzing_found(folders: dict[str, Path], name: str) -> None:
    check(folders, "test-case.yaml", FOUND[name])
