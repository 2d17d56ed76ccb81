"""The reader of events (timeline.load.plain): the same values and diagnostics as the
node tree, no tree for a file without findings, and the full loader for anything unusual."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import MINIMAL, TODAY
from timeline.load import loader
from timeline.load.loader import MAX_DEPTH, MAX_NODES, _Loader, parse_document
from timeline.load.plain import plain_values
from timeline.load.validation import validate_bytes

CASES = sorted((Path(__file__).parent.parent / "data" / "cases").glob("*.yaml"))


def _plain(text: str) -> object:
    return plain_values(_Loader(text), MAX_DEPTH, MAX_NODES)


def _both(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[loader.Document, loader.Document]:
    """The document read from events, and read through the node tree."""
    fast = parse_document(text.encode("utf-8"), "case.yaml")
    with monkeypatch.context() as patch:
        patch.setattr(loader, "plain_values", lambda *_: None)
        tree = parse_document(text.encode("utf-8"), "case.yaml")
    return fast, tree


ORDINARY = [
    MINIMAL,
    "a: NO\nb: 0123\nc: 1:30\nd: 2025-05-28\ne: true\nf: ~\ng:\nh: 'true'\ni: \"null\"\n",
    "a: [1, [2, {b: c}], {}, []]\nd: {e: {f: [g, h]}}\n",
    "events:\n  - id: a\n    date: 2025-05\n  - {id: b, date: '2025'}\nsources:\n"
    "  - published: 2024-01-02\n",
    "text: |\n  line one\n  *emphasis* & R&D\nfolded: >-\n  a\n  b\nanchor: &x 1\n",
    "имя: Александр\n'quoted key': 1\n? explicit\n: value\n",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_texts_come_out_the_same_without_a_tree(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, tree = _both(text, monkeypatch)
    assert _plain(text) is not None
    assert fast.root is None  # no node tree, no marks
    assert (fast.data, fast.plain_dates, fast.diagnostics) == (
        tree.data,
        tree.plain_dates,
        tree.diagnostics,
    )


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_the_shipped_cases_come_out_the_same(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, tree = _both(path.read_text(encoding="utf-8"), monkeypatch)
    assert fast.root is None
    assert fast.data == tree.data
    assert fast.plain_dates == tree.plain_dates


def test_plain_dates_carry_their_paths() -> None:
    doc = parse_document(b"events:\n  - {id: a, date: 2025-05}\n  - date: '2025'\n", "x.yaml")
    assert doc.plain_dates == [(("events", 0, "date"), "2025-05")]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "~\n",
        "- a\n",
        "a: !tag x\n",
        "!!map {a: 1}\n",
        "a: !!str x\n",
        "a: &x 1\nb: *x\n",
        "a: 1\na: 2\n",
        "true: 1\n",
        "~: 1\n",
        "? [a]\n: 1\n",
        "? {a: 1}\n: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: [1, 2\n",
        "a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n",
    ],
)
def test_unusual_texts_go_to_the_full_loader(text: str) -> None:
    assert _plain(text) is None


def test_too_many_values_go_to_the_full_loader() -> None:
    parser = _Loader("a: [" + "x, " * 20 + "x]\n")
    assert plain_values(parser, MAX_DEPTH, 20) is None
    assert plain_values(_Loader("a: [x, x]\n"), MAX_DEPTH, 20) is not None


@pytest.mark.parametrize(
    "text",
    [
        MINIMAL + "titel: typo\n",  # a schema error
        MINIMAL.replace('date: "2025-05-28"', "date: 2025-02-30"),  # a bad date
        MINIMAL.replace('date: "2025-05-28"', "date: 2025-05-28"),  # a date not quoted
        MINIMAL.replace("{ref: ann, role: detainee}", "{ref: nobody, role: detainee}"),
    ],
)
def test_findings_are_located_as_through_the_tree(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = validate_bytes(text.encode("utf-8"), "case.yaml", today=TODAY)
    with monkeypatch.context() as patch:
        patch.setattr(loader, "plain_values", lambda *_: None)
        tree = validate_bytes(text.encode("utf-8"), "case.yaml", today=TODAY)
    assert fast.diagnostics, "each text has a finding"
    assert fast.diagnostics == tree.diagnostics


_scalars = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["true", "False", "null", "~", "", "2025-05", "NO", "0123", "a: b", "- x"]),
    st.booleans(),
    st.none(),
)
_keys = st.text(min_size=1, max_size=8)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(data=st.dictionaries(_keys, _values, min_size=1, max_size=5), flow=st.booleans())
def test_any_dumped_mapping_reads_the_same_both_ways(data: dict[str, object], flow: bool) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    fast = parse_document(text.encode("utf-8"), "x.yaml")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(loader, "plain_values", lambda *_: None)
        tree = parse_document(text.encode("utf-8"), "x.yaml")
    assert fast.data == tree.data
    assert fast.plain_dates == tree.plain_dates
    assert fast.diagnostics == tree.diagnostics
