"""What the speed work must keep: the same diagnostics on the fast paths, and no lasting
side effects (the benchmark itself is bench/run.py, not a test)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import MINIMAL, TODAY
from timeline import loader
from timeline.loader import gc_paused, parse_document
from timeline.validation import validate_bytes, validate_file


def _codes(text: str) -> list[str]:
    doc = parse_document(text.encode("utf-8"), "case.yaml")
    return [f"{d.code}@{d.span.line}:{d.span.column}" for d in doc.diagnostics]


@pytest.fixture
def scans(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts that went through the streaming alias scan."""
    seen: list[str] = []
    original = loader._prescan

    def spy(doc: loader.Document) -> bool:
        seen.append(doc.text)
        return original(doc)

    monkeypatch.setattr(loader, "_prescan", spy)
    return seen


def test_markdown_asterisks_do_not_cost_a_scan(scans: list[str]) -> None:
    text = MINIMAL + 'summary: "**Bold** and *emphasis*, 5 * 3, R&D, a & b"\n'
    assert _codes(text) == []
    assert scans == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: &x 1\nb: *x\n", ["TL107@2:4"]),  # an anchor: scanned first, as always
        ("a: *x\nb: 1\n", ["TL107@1:4"]),  # no anchor: the composer fails, then the scan
        ("a: b&x\nc: *x\n", ["TL107@2:4"]),  # '&' inside a value is no anchor
        ("a: *x\nb: [unclosed\n", ["TL107@1:4"]),  # the alias, not the syntax error
        ("a: **bold**\n", ["TL101@1:5"]),  # not an alias: a syntax error, as before
        ("[&x 1, *x]\n", ["TL107@1:8"]),
        ("{a: 1, b: *x}\n", ["TL107@1:11"]),
    ],
)
def test_aliases_are_reported_whether_or_not_an_anchor_is_seen(
    scans: list[str], text: str, expected: list[str]
) -> None:
    assert _codes(text) == expected
    assert scans == [text]


def _collector_states() -> Iterator[bool]:
    yield gc.isenabled()
    with gc_paused():
        yield gc.isenabled()
        with gc_paused():
            yield gc.isenabled()
        yield gc.isenabled()
    yield gc.isenabled()


def test_the_collector_is_paused_and_resumed() -> None:
    assert gc.isenabled()
    assert list(_collector_states()) == [True, False, False, False, True]


def test_a_paused_collector_stays_paused() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_resumes_after_an_error() -> None:
    with pytest.raises(ValueError), gc_paused():
        raise ValueError
    assert gc.isenabled()


def test_validation_leaves_the_collector_running(tmp_path: Path) -> None:
    path = tmp_path / "test-case.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert validate_file(path, today=TODAY).valid
    assert gc.isenabled()
    assert not validate_bytes(b"format: [", "broken.yaml").valid
    assert gc.isenabled()
