"""Safe YAML -> plain data, with positions for diagnostics.

The loader is the only place that reads case files. It is built to survive
hostile input: size is checked before reading, bytes are decoded strictly,
libyaml composes a node tree (its scanner bounds nesting depth), and our own
constructor turns nodes into plain data while refusing duplicate keys, tags
and aliases. Every problem is a `Diagnostic`, never an exception. An ordinary file is read
from libyaml's events without a tree (`timeline.load.plain`); the tree, with
the positions of every value, is composed only for a file that has something
to report, or anything unusual in it.

Scalars stay the text that was written: no YAML 1.1 guessing turns ``NO`` into
False, ``0123`` into 83 or ``2025-05-28`` into a date. Only ``true``/``false``
and ``null``/``~``/empty are typed here; the models type the rest.
"""

from __future__ import annotations

import gc
import itertools
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from timeline.load.diagnostics import (
    CODES,
    Diagnostic,
    Finding,
    Path,
    Span,
    format_path,
    severity_of,
)
from timeline.load.limits import MAX_DIAGNOSTICS, MAX_DIAGNOSTICS_PER_CODE, MAX_FILE_BYTES
from timeline.load.plain import BOOLS as _BOOLS
from timeline.load.plain import DATE_KEYS as _DATE_KEYS
from timeline.load.plain import NULLS as _NULLS
from timeline.load.plain import plain_values
from timeline.load.positions import KeyIndex, TextPositions, byte_span, find_node, paths_of
from timeline.model.case import QuotedText

MAX_DEPTH = 64
# A dense file under the size limit ("[a,a,a,...") would hold millions of values and
# need gigabytes as a node tree: values are counted as the tree is built (only in
# texts large enough to hold that many), and composing stops at the limit.
MAX_NODES = 1_000_000
# An alias flood ("*a,*a,*a,...") is refused on its first aliases; listing them all
# would cost as much memory as expanding them.
MAX_ALIAS_DIAGNOSTICS = 100

# The resolver's own tags hold a space, which no tag written in a file can (not even a
# verbatim `!<...>` one): a node carrying one of them was written without a tag, so
# every tag from the file, `!!str` and `!!bool` included, is refused (TL110).
_STR = "timeline str"
_NULL = "timeline null"
_BOOL = "timeline bool"
_SEQ = "timeline seq"
_MAP = "timeline map"
# An anchor property starts a token: at the start, after a space or an indicator. (The
# pattern starts with "&" so that the search skips ahead to each "&": anchoring it on
# the character before made it scan every position, 0.58 s for 300 files.)
_ANCHOR = re.compile(r"&(?<![^\s\[\]{},:?\"']&)[0-9A-Za-z_-]")
_DATE_LIKE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?$")

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TooManyNodes(Exception):
    """Raised from inside the composer when a text holds more values than it may."""


class _Loader(_BaseLoader):  # type: ignore[misc]
    """libyaml's parser and composer with a resolver that keeps scalars as text."""

    def resolve(self, kind: type[Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                if value in _NULLS:
                    return _NULL
                if value in _BOOLS:
                    return _BOOL
            return _STR
        return _SEQ if kind is SequenceNode else _MAP


@dataclass(slots=True)
class Document:
    """A case file read from disk or from git: its name, its text and what parsing found."""

    name: str
    text: str = ""
    root: Node | None = None
    data: Any = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Plain (unquoted) scalars under a date key: their paths and texts.
    plain_dates: list[tuple[Path, str]] = field(default_factory=list)
    _keys: KeyIndex = field(default_factory=dict)
    _where: TextPositions | None = None
    # Diagnostics past the limits are only counted (per code), never located.
    _shown: dict[str, int] = field(default_factory=dict)
    _omitted: dict[str, int] = field(default_factory=dict)

    @property
    def where(self) -> TextPositions:
        """Lines, spans and excerpts of the text (worked out only when reporting)."""
        if self._where is None or self._where.text is not self.text:
            self._where = TextPositions(self.text)
        return self._where

    def add(self, finding: Finding) -> None:
        """Locate a finding (a path in the document) and keep it as a diagnostic."""
        if self._omit(finding.code):
            return
        span = self.locate(finding.path, finding.target)
        self._keep(finding.code, span, format_path(finding.path), finding.message, finding.hint)

    def locate(self, path: Path, target: str = "value") -> Span:
        """The span of the value (or key) at a path of the document."""
        if self.root is None and self.data is not None:
            # Read from libyaml's events (timeline.load.plain), without positions: the
            # node tree and its marks are built only now that something is reported.
            self.root = _Loader(self.text).get_single_node()
        if self.root is None:
            return Span(1, 1, 1, 1)
        node, key = find_node(self.root, path, self._keys)
        return self.where.node_span(key if target == "key" and key is not None else node)

    def add_at(self, code: str, message: str, span: Span, hint: str | None = None) -> None:
        if not self._omit(code):
            self._keep(code, span, "", message, hint)

    def _omit(self, code: str) -> bool:
        """Count a diagnostic past the limits instead of keeping it (True when omitted)."""
        shown = self._shown.get(code, 0)
        if shown < MAX_DIAGNOSTICS_PER_CODE and len(self.diagnostics) < MAX_DIAGNOSTICS:
            self._shown[code] = shown + 1
            return False
        self._omitted[code] = self._omitted.get(code, 0) + 1
        return True

    def note_omitted(self) -> None:
        """End the diagnostics with one line for each code that had more than were kept."""
        for code, omitted in self._omitted.items():
            message = f"and {omitted:,} more {code} ({CODES[code].title}) not shown"
            hint = "fix the problems above first"
            self._keep("TL113", Span(1, 1, 1, 1), "", message, hint)
        self._omitted.clear()

    def _keep(self, code: str, span: Span, path: str, message: str, hint: str | None) -> None:
        excerpt = self.where.excerpt(span)
        self.diagnostics.append(
            Diagnostic(code, severity_of(code), self.name, span, path, message, hint, *excerpt)
        )


def read_document(path: FilePath, name: str | None = None) -> Document:
    """Read and parse one case file; problems become diagnostics of the document."""
    doc = Document(name or str(path))
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a pipe would block the read forever
            message = "cannot read the file: it is a pipe, a device or a folder, not a file"
            doc.add_at("TL112", message, Span(1, 1, 1, 1))
            return doc
        size = info.st_size
        if size > MAX_FILE_BYTES:
            doc.add_at("TL109", _too_large(size), Span(1, 1, 1, 1))
            return doc
        raw = path.read_bytes()
    except OSError as error:
        doc.add_at("TL112", f"cannot read the file: {error.strerror or error}", Span(1, 1, 1, 1))
        return doc
    return parse_document(raw, doc.name)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while one case file is read, validated and checked.

    A file becomes millions of objects at once (nodes, marks, dicts, models), none of
    them in a cycle; as they pile up the collector traverses them again and again. A
    20,000-event file took 11 s to parse, validate and check with it, 4 s without.
    Cycles made meanwhile (an exception's traceback) are collected once it resumes.
    """
    if not gc.isenabled():  # already paused by a caller
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def parse_document(raw: bytes, name: str) -> Document:
    """Parse the bytes of a case file (from disk, from git, from a test)."""
    with gc_paused():
        return _parse(raw, name)


def _parse(raw: bytes, name: str) -> Document:
    doc = Document(name)
    if len(raw) > MAX_FILE_BYTES:
        doc.add_at("TL109", _too_large(len(raw)), Span(1, 1, 1, 1))
        return doc
    text = _decode(raw, doc)
    if text is None:
        return doc
    doc.text = text
    plain = plain_values(_Loader(text), MAX_DEPTH, MAX_NODES)
    if plain is not None:
        doc.data, doc.plain_dates = plain
        return doc
    root = _compose(doc)
    if root is None:
        return doc
    doc.root = root
    if not isinstance(root, MappingNode):
        kind = "a list" if isinstance(root, SequenceNode) else "a single value"
        doc.add_at(
            "TL104",
            f"the document is {kind}; a case file is a mapping of fields",
            doc.where.node_span(root),
            "start with `format: 1`, `id: ...`, `title: ...` at the top level",
        )
        return doc
    constructor = _Constructor(doc)
    doc.data = constructor.build(root, 0)
    paths = paths_of(root, constructor.dates)  # one walk of the tree for all of them
    doc.plain_dates = [(paths.get(id(n), ()), n.value) for n in constructor.dates]
    return doc


def _too_large(size: int) -> str:
    return f"the file has {size:,} bytes; case files are limited to {MAX_FILE_BYTES:,}"


_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _decode(raw: bytes, doc: Document) -> str | None:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            doc.add_at(
                "TL102",
                f"the file is encoded as {encoding}; case files are UTF-8",
                Span(1, 1, 1, 1),
                "re-save the file as UTF-8 (without a byte-order mark)",
            )
            return None
    if b"\x00" in raw:
        utf16 = _utf16_without_bom(raw)
        if utf16:
            doc.add_at(
                "TL102",
                f"the file is encoded as {utf16} without a byte-order mark; case files are UTF-8",
                Span(1, 1, 1, 1),
                "re-save the file as UTF-8",
            )
            return None
        offset = raw.index(b"\x00")
        doc.add_at(
            "TL102", "the file contains NUL bytes: it is binary, not text", byte_span(raw, offset)
        )
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        doc.add_at(
            "TL102",
            f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x})",
            byte_span(raw, error.start),
            "re-save the file as UTF-8",
        )
        return None
    if text.startswith("\ufeff"):
        doc.add_at(
            "TL111",
            "the file starts with a byte-order mark",
            Span(1, 1, 1, 2),
            "save as UTF-8 without BOM",
        )
        text = text[1:]
    return text


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text (mostly ASCII) has a NUL in every other byte, and only there."""
    sample = raw[:4096]
    half = len(sample) // 2
    for zeros_at, name in ((1, "UTF-16 (little-endian)"), (0, "UTF-16 (big-endian)")):
        if half and sample[zeros_at::2].count(0) * 2 > half and 0 not in sample[1 - zeros_at :: 2]:
            return name
    return None


def _compose(doc: Document) -> Node | None:
    text = doc.text
    # Aliases are refused before any tree is built: an alias bomb must never expand. An
    # alias needs an anchor, so a text without one only needs the streaming scan if the
    # composer fails (an alias then has nothing to refer to). Skipping the scan saves a
    # third of the time to load files whose Markdown has an asterisk.
    scanned = "*" in text and _ANCHOR.search(text) is not None
    if scanned and _prescan(doc):
        return None
    try:
        try:
            root: Node | None = _compose_counted(text)
        except _TooManyNodes:
            # The exact value past the limit comes from a streaming pass (the partial
            # tree is freed by then); if the budget only ran out on the tags it set
            # aside, the text is composed again without one.
            if _prescan(doc):
                return None
            root = _Loader(text).get_single_node()
    except (yaml.YAMLError, RecursionError) as error:
        if not scanned and "*" in text and _prescan(doc):
            return None
        _compose_error(doc, error)
        return None
    if root is None or (isinstance(root, ScalarNode) and root.tag == _NULL):
        empty = not text.strip() or all(
            not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
        )
        message = "the file is empty" if empty else "the document is empty (null)"
        doc.add_at("TL103", message, Span(1, 1, 1, 1), "start from `timeline new CASE`")
        return None
    return root


def _compose_error(doc: Document, error: yaml.YAMLError | RecursionError) -> None:
    if isinstance(error, yaml.MarkedYAMLError):
        _yaml_error(doc, error)
    elif isinstance(error, yaml.reader.ReaderError):
        span = doc.where.offset_span(error.position)
        character = error.character
        shown = f"U+{character:04X}" if isinstance(character, int) else repr(character)
        doc.add_at(
            "TL101",
            f"invalid character {shown} in the file",
            span,
            "control characters are not allowed in YAML: remove it, or write it as an escape "
            'such as "\\t" inside double quotes',
        )
    elif isinstance(error, RecursionError):
        doc.add_at(
            "TL108", f"the document is nested too deeply (limit {MAX_DEPTH})", Span(1, 1, 1, 1)
        )
    else:
        raise error


def _compose_counted(text: str) -> Node | None:
    """Compose `text`, stopping (`_TooManyNodes`) once it holds more than `MAX_NODES` values.

    A text too short to hold that many values is composed as it is: every value but
    the first starts after a `:`, a `,`, a `-`, a `[`, a `{` or a `?`, and a key
    without a value (`{a, b}`) adds a null one, so this count, taken at C speed,
    bounds the values from above. A longer text is counted as it is composed, so
    that a flood of values costs no more memory than the largest file allowed. A
    node with an explicit tag is not resolved, hence not counted: every `!` in the
    text is reserved from the budget.
    """
    dense = len(text) > MAX_NODES and (
        1 + 2 * sum(text.count(ch) for ch in ":,{?") + sum(text.count(ch) for ch in "-[")
        > MAX_NODES
    )
    loader = _Loader(text)
    if dense:
        _count_nodes(loader, MAX_NODES - text.count("!"))
    root: Node | None = loader.get_single_node()
    return root


def _count_nodes(loader: _Loader, budget: int) -> None:
    """Make `loader` stop composing (`_TooManyNodes`) after `budget` nodes.

    libyaml's composer asks the resolver for the tag of every node written without
    one, so counting there costs no second parse. The count lives in a closure: kept
    as an attribute of the loader (a Cython object), it made composing half as slow
    again (2.7 s instead of 1.8 s for the 20,000-event benchmark file).
    """
    count = itertools.count(1).__next__
    resolve = loader.resolve

    def counted(kind: type[Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        if count() > budget:
            raise _TooManyNodes
        return resolve(kind, value, implicit)

    # An instance attribute comes before the class's method when libyaml looks it up.
    loader.resolve = counted  # type: ignore[method-assign]


def _prescan(doc: Document) -> bool:
    """Refuse aliases and too many values before any tree is built; True when refused.

    An alias bomb must never expand: aliases are reported (the first
    `MAX_ALIAS_DIAGNOSTICS` of them) and the document is not composed.
    """
    aliases = nodes = 0
    try:
        for event in yaml.parse(doc.text, Loader=_Loader):
            if not isinstance(event, yaml.NodeEvent):
                continue
            nodes += 1
            if nodes > MAX_NODES:
                doc.add_at(
                    "TL109",
                    f"the file holds more than {MAX_NODES:,} values; case files are limited "
                    f"to {MAX_NODES:,}",
                    doc.where.mark_span(event.start_mark, event.end_mark),
                    "split the case into several files (see `related`)",
                )
                return True
            if isinstance(event, yaml.AliasEvent):
                aliases += 1
                doc.add_at(
                    "TL107",
                    f"alias *{event.anchor} refers to another part of the file",
                    doc.where.mark_span(event.start_mark, event.end_mark),
                    "write the value out in full: anchors and aliases are not allowed",
                )
                if aliases == MAX_ALIAS_DIAGNOSTICS:
                    return True
    except yaml.YAMLError:
        return aliases > 0  # the composer reports the syntax error, unless an alias came first
    return aliases > 0


def _yaml_error(doc: Document, error: yaml.MarkedYAMLError) -> None:
    mark = error.problem_mark or error.context_mark
    span = doc.where.mark_span(mark, None) if mark else Span(1, 1, 1, 1)
    problem = error.problem or "invalid YAML"
    if "maximum nesting depth" in problem:
        doc.add_at("TL108", "the document is nested too deeply", span)
        return
    if "expected a single document" in str(error.context or ""):
        doc.add_at("TL105", "the file holds more than one YAML document", span, "one case per file")
        return
    opened = _unclosed(doc, error)
    if opened is not None:
        doc.add_at("TL101", *opened)
        return
    message = f"{error.context}: {problem}" if error.context else problem
    doc.add_at(
        "TL101",
        f"YAML syntax error: {message}",
        span,
        _syntax_hint(doc.where.line(span.line), problem),
    )


# libyaml's context of an unclosed bracket or quote -> what it is, and how to close it.
_UNCLOSED = {
    "while parsing a flow mapping": ("the '{'", "add '}' where the mapping ends, or a comma"),
    "while parsing a flow sequence": ("the '['", "add ']' where the list ends, or a comma"),
    "while scanning a quoted scalar": ("the quote", "close the quote where the text ends"),
}


def _unclosed(doc: Document, error: yaml.MarkedYAMLError) -> tuple[str, Span, str] | None:
    """A bracket or quote that is never closed, reported where it opened and where it broke.

    libyaml notices only at the next token that does not fit, often lines later; the
    place to fix is where the bracket opened (the error's context mark).
    """
    known = _UNCLOSED.get(str(error.context or ""))
    if known is None or error.context_mark is None or error.problem_mark is None:
        return None
    what, hint = known
    opened = doc.where.mark_span(error.context_mark, None)
    broke = doc.where.mark_span(error.problem_mark, None)
    message = (
        f"YAML syntax error: {what} opened here is not closed "
        f"(at line {broke.line}, column {broke.column}: {error.problem})"
    )
    return message, opened, hint


def _syntax_hint(line: str, problem: str) -> str | None:
    if "\t" in line or "tab" in problem:
        return "indent with spaces: YAML does not allow tabs for indentation"
    if "could not find expected ':'" in problem or "mapping values" in problem:
        return "check the indentation, and quote values that contain ': '"
    if "found unexpected end of stream" in problem:
        return "a quote or bracket opened earlier is never closed"
    return None


class _Constructor:
    """Nodes -> plain dicts, lists, strings, booleans and None."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.dates: list[Node] = []  # plain scalars under a date key

    def build(self, node: Node, depth: int) -> Any:
        tag = node.tag
        if isinstance(node, ScalarNode):
            if tag == _STR:
                return node.value
            if tag == _NULL:
                return None
            if tag == _BOOL:
                return _BOOLS[node.value]
            return self._tag(node)
        if depth >= MAX_DEPTH:
            self.doc.add_at(
                "TL108",
                f"the document is nested too deeply (limit {MAX_DEPTH})",
                self.doc.where.node_span(node),
            )
            return None
        if tag not in (_SEQ, _MAP):
            return self._tag(node)
        if isinstance(node, SequenceNode):
            return [self.build(item, depth + 1) for item in node.value]
        assert isinstance(node, MappingNode)
        return self._mapping(node, depth)

    def _mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_keys: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag != _STR:
                self.doc.add_at(
                    "TL203", "keys must be plain text", self.doc.where.node_span(key_node)
                )
                continue
            key = key_node.value
            if key in result:
                first = self.doc.where.node_span(first_keys[key])
                self.doc.add_at(
                    "TL106",
                    f"duplicate key '{key}' (first at line {first.line}, column {first.column})",
                    self.doc.where.node_span(key_node),
                    "YAML keeps only one of the values: merge them or rename one",
                )
                continue
            first_keys[key] = key_node
            if key in _DATE_KEYS and isinstance(value_node, ScalarNode) and not value_node.style:
                self.dates.append(value_node)
            result[key] = self.build(value_node, depth + 1)
            if key == "format" and depth == 0 and getattr(value_node, "style", None):
                result[key] = QuotedText(result[key])  # the model wants the number written
        return result

    def _tag(self, node: Node) -> None:
        self.doc.add_at(
            "TL110",
            f"the tag {_short_tag(node.tag)} is not allowed",
            self.doc.where.node_span(node),
            "remove the tag: case files hold plain text, lists and mappings",
        )


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag
