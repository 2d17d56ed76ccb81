"""What the speed work must keep: the same diagnostics on the fast paths, and no lasting
side effects (the benchmark itself is bench/run.py, not a test)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import MINIMAL, TODAY
from timeline.load import loader
from timeline.load.loader import gc_paused, parse_document
from timeline.load.validation import validate_bytes, validate_file


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


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> int:
    """A value limit of 1,000, so that texts over it stay small."""
    monkeypatch.setattr(loader, "MAX_NODES", 1000)
    return 1000


def _flow_list(items: int, prefix: str = "") -> str:
    return prefix + "a: [" + "x, " * items + "x]\n"


def test_a_text_over_the_value_limit_is_refused_at_the_first_value_past_it(
    small_limit: int, scans: list[str]
) -> None:
    text = _flow_list(1500)
    # The root mapping, its key and the list are three values: the 998th item is past.
    assert _codes(text) == [f"TL109@1:{len('a: [') + 997 * 3 + 1}"]
    assert scans == [text]  # located by the streaming pass once the count ran out


def test_a_long_text_that_cannot_hold_too_many_values_is_not_counted(
    small_limit: int, scans: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def not_counted(*_: object) -> None:
        raise AssertionError("counted")

    monkeypatch.setattr(loader, "_count_nodes", not_counted)
    text = MINIMAL + "summary: " + "word " * 2000 + "\n"
    assert len(text) > small_limit
    assert _codes(text) == []
    assert scans == []


def test_values_under_the_limit_pass_when_the_count_ran_out_on_exclamation_marks(
    small_limit: int, scans: list[str]
) -> None:
    # The composer sets every "!" aside for a tag that its count cannot see; the
    # reader of events (timeline.load.plain) counts exactly, so prose with "!" in it
    # needs neither that budget nor the streaming pass.
    text = _flow_list(600, prefix=f'b: "{"!" * 800}"\n')
    assert _codes(text) == []
    assert scans == []


def test_a_syntax_error_after_a_spent_tag_budget_is_reported(small_limit: int) -> None:
    text = _flow_list(600, prefix=f'b: "{"!" * 800}"\n') + "c: [unclosed\n"
    assert [code.split("@")[0] for code in _codes(text)] == ["TL101"]


def test_a_text_over_the_limit_with_a_syntax_error_is_refused_for_its_size(
    small_limit: int,
) -> None:
    text = _flow_list(1500) + "c: [unclosed\n"
    assert [code.split("@")[0] for code in _codes(text)] == ["TL109"]
