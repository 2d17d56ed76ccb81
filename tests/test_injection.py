"""Text from a case file can never take over a terminal, a report, a spreadsheet or a CI log.

tests/fixtures/hostile/hostile.yaml is a valid case with rich markup, terminal
escapes (CSI, OSC, BEL, C1), HTML, Markdown table pipes, spreadsheet formula
prefixes, Mermaid separators and GitHub workflow commands in every text field.
Every command that prints data runs on it, in every format, and the output is
checked for what the format must guarantee:

- terminal text (show, list, validate, diff, log): no control character
  (C0, DEL, C1) from the data; rich markup shown literally;
- GitHub workflow commands: no line that comes from the data starts with `::`;
- Markdown (export, diff, the job summary): rendered to HTML, no tag or
  attribute that the data brought (no `<script`), no table made by pipes;
- TimelineJS: text and headlines HTML-escaped;
- CSV: no cell a spreadsheet would evaluate;
- JSON and iCalendar: valid, no raw control character.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from test_diff_support import GitRepo
from timeline.cli import app

HOSTILE = Path(__file__).parent / "fixtures" / "hostile" / "hostile.yaml"
runner = CliRunner()

# Control characters a terminal may act on: C0 except tab and line ends, DEL, and C1; and
# what makes text read differently from what it is: bidi controls, line separators.
TERMINAL_CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f\u061c\u200e\u200f\u2028\u2029"
    "\u202a-\u202e\u2066-\u2069]"
)
# What no output may carry raw, in any format (JSON and iCalendar keep C1 as data).
RAW_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The styles rich writes itself (colour, bold, dim): the only escapes a styled output has.
SGR = re.compile(r"\x1b\[[0-9;]*m")


def invoke(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def assert_terminal_safe(text: str, *, styled: bool = False) -> None:
    """No control character from the data: only rich's own colour escapes when styled."""
    if styled:
        text = SGR.sub("", text)
    found = TERMINAL_CONTROLS.search(text)
    assert found is None, f"raw {found.group()!r} in: {text[max(0, found.start() - 60) :][:120]!r}"


def assert_no_raw_controls(text: str) -> None:
    found = RAW_CONTROLS.search(text)
    assert found is None, f"raw {found.group()!r} in: {text[max(0, found.start() - 60) :][:120]!r}"


def copy_case(folder: Path, text: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "hostile.yaml"
    if text is None:
        shutil.copy(HOSTILE, path)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def edited(text: str) -> str:
    """A second version of the case: hostile text in changed fields, so diffs print it."""
    return (
        text.replace(
            'title: "Prosecutor asks for prison \\e[2J"',
            'title: "Prosecutor asks \\e]0;changed\\a [bold]y[/] <script>z</script>\\n::error::x"',
        )
        .replace('date: "2025-06-02"', 'date: "2025-06-03"')
        .replace("  - id: appeal\n", "  - id: appeal-filed\n")
        .replace('"@bob ::warning::Bob | Prosecutor"', '"@bob \\e[2J\\x9b ::warning::Bobby | X"')
    )


# --- show and list ------------------------------------------------------------------------


@pytest.mark.parametrize("extra", [[], ["--sources"], ["--person", "ann", "--sources"]])
@pytest.mark.parametrize("format", ["plain", "rich"])
def test_show_prints_text_literally(format: str, extra: list[str]) -> None:
    result = invoke("show", str(HOSTILE), "--format", format, *extra)
    assert result.exit_code == 0, result.stderr
    assert_terminal_safe(result.stdout, styled=format == "rich")
    visible = SGR.sub("", result.stdout)
    assert "[bold" in visible and "[/]" in visible  # markup shown, not applied
    assert "\\x1b[2J" in visible  # the escape is shown as text


@pytest.mark.parametrize("format", ["plain", "rich", "json"])
def test_list_prints_text_literally(tmp_path: Path, format: str) -> None:
    copy_case(tmp_path)
    result = invoke("--data-dir", str(tmp_path), "list", "--format", format)
    assert result.exit_code == 0, result.stderr
    assert_terminal_safe(result.stdout, styled=format == "rich")
    if format == "json":
        assert "[bold red]case[/]" in json.loads(result.stdout)[0]["title"]


# --- validate -------------------------------------------------------------------------------


INVALID = """\
format: 1
id: "\\e[2J"
title: t
jurisdiction: KG
status: ongoing
"\\e]0;x\\a::error::key\\n::warning::line": 1
people:
  - {id: ann, name: "Ann\\e[2J Example\\n::error::name", privacy: initials}
events:
  - {id: a, date: "2025-05-28\\e[2J\\n::error::date", type: "det\\x9bention", title: t}
"""


def invalid_file(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    # The file name is data too: a contributor chooses it.
    path = folder / "x\x1b[2J::error::name.yaml"
    path.write_text(INVALID, encoding="utf-8")
    return path


def test_validate_text_shows_text_literally(tmp_path: Path) -> None:
    result = invoke("validate", "--format", "text", str(invalid_file(tmp_path)))
    assert result.exit_code == 1
    assert_terminal_safe(result.stdout)
    assert "\\x1b[2J" in result.stdout


def test_validate_writes_out_bidi_controls_and_line_separators(tmp_path: Path) -> None:
    path = copy_case(tmp_path, 'format: 1\ntitle: "a\u2028b"\ntitle: "c\u202ed"\n')
    result = invoke("validate", "--format", "text", str(path))
    assert result.exit_code == 1
    assert_terminal_safe(result.stdout)
    assert '3 | title: "c\\u202ed"' in result.stdout


def _github_lines(output: str) -> Iterator[tuple[str, bool]]:
    """Each line, and whether it is inside the group where workflow commands are stopped."""
    token = None
    for line in output.splitlines():
        if token is None and line.startswith("::stop-commands::"):
            token = line.removeprefix("::stop-commands::")
            yield line, False
        elif token is not None and line == f"::{token}::":
            token = None
            yield line, False
        else:
            yield line, token is not None


def test_validate_github_starts_no_line_with_data(tmp_path: Path) -> None:
    result = invoke("validate", "--format", "github", str(invalid_file(tmp_path)))
    assert result.exit_code == 1
    commands = re.compile(r"::(group|endgroup|stop-commands)::|::(error|warning) file=")
    for line, stopped in _github_lines(result.stdout):
        if not stopped:
            assert line.startswith("::"), line
            assert commands.match(line) or re.fullmatch("::[0-9a-f]{16}::", line), line


def test_validate_github_writes_no_raw_escape(tmp_path: Path) -> None:
    result = invoke("validate", "--format", "github", str(invalid_file(tmp_path)))
    assert_terminal_safe(result.stdout)


def test_validate_json_and_step_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = invalid_file(tmp_path / "cases")
    result = invoke("validate", "--format", "json", str(path))
    assert_no_raw_controls(result.stdout)
    messages = " ".join(d["message"] for d in json.loads(result.stdout)["diagnostics"])
    assert "\\x1b[2J" in messages
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    invoke("validate", "--format", "github", str(path))
    assert_markdown_is_inert(summary.read_text(encoding="utf-8"))


def test_a_command_that_refuses_an_invalid_case_prints_it_literally(tmp_path: Path) -> None:
    result = invoke("show", str(invalid_file(tmp_path)))
    assert result.exit_code == 1
    assert_terminal_safe(result.stderr)


# --- Markdown -------------------------------------------------------------------------------


# The tags the Markdown renderers write themselves (and the renderer makes of Markdown).
OWN_TAGS = {
    *("h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "strong", "em", "code", "pre"),
    *("a", "table", "thead", "tbody", "tr", "th", "td", "br", "hr", "blockquote", "del"),
    *("details", "summary", "sup", "section", "div", "span"),
}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def html_tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def render_markdown(text: str) -> str:
    """GitHub-flavoured Markdown to HTML, raw HTML let through: no tag filter, no sanitiser.

    GitHub would filter `<script>` itself; other renderers would not, so the escaping
    must be the exporter's.
    """
    import cmarkgfm  # type: ignore[import-untyped]
    from cmarkgfm.cmark import Options  # type: ignore[import-untyped]

    html: str = cmarkgfm.markdown_to_html_with_extensions(
        text,
        options=Options.CMARK_OPT_UNSAFE,
        extensions=["table", "autolink", "strikethrough"],
    )
    return html


def assert_markdown_is_inert(text: str) -> str:
    html = render_markdown(text)
    for tag, attrs in html_tags(html):
        assert tag in OWN_TAGS, f"<{tag}> in the rendered report"
        for name, _ in attrs:
            assert not name.startswith("on"), f"<{tag} {name}=...>"
            assert name not in ("src", "style", "srcdoc"), f"<{tag} {name}=...>"
    assert "<script" not in html and "<th>a</th>" not in html
    return html


def link_targets(html: str) -> list[str]:
    return [value or "" for _, attrs in html_tags(html) for name, value in attrs if name == "href"]


@pytest.mark.parametrize("extra", [[], ["--mermaid"]])
def test_markdown_export_renders_no_html_from_the_data(extra: list[str]) -> None:
    result = invoke("export", str(HOSTILE), "-f", "markdown", *extra)
    assert result.exit_code == 0
    html = assert_markdown_is_inert(result.stdout)
    # Pipes in a cell stay in the cell.
    assert "<td>3 | 4</td>" in html
    assert "<td>@bob ::warning::Bob | Prosecutor</td>" in html


def test_markdown_export_links_only_to_the_web() -> None:
    html = render_markdown(invoke("export", str(HOSTILE), "-f", "markdown").stdout)
    for target in link_targets(html):
        assert target.startswith(("http://", "https://", "#")), target


def test_diff_markdown_links_only_to_the_web(versions: tuple[Path, Path]) -> None:
    html = render_markdown(invoke("diff", *map(str, versions), "--format", "markdown").stdout)
    for target in link_targets(html):
        assert target.startswith(("http://", "https://", "#")), target


def test_mermaid_lines_have_one_separator() -> None:
    result = invoke("export", str(HOSTILE), "-f", "markdown", "--mermaid")
    block = result.stdout.split("```mermaid\n", 1)[1].split("```", 1)[0]
    lines = block.splitlines()
    assert lines[0] == "timeline"
    for line in lines[1:]:
        head = line.strip().split(" ", 1)[0]
        # "period : event : event": the only colons are the separators between the parts.
        assert head == "title" or (" : " in line and ":" not in line.replace(" : ", "")), line
        assert "#" not in line.replace("#35;", "").replace("#58;", "").replace("#59;", "").replace(
            "#60;", ""
        ).replace("#62;", ""), line
        assert ";" not in re.sub(r"#\d+;", "", line), line


@pytest.mark.parametrize("format", ["markdown", "csv"])
def test_text_exports_carry_no_terminal_escape(format: str) -> None:
    result = invoke("export", str(HOSTILE), "-f", format)
    assert_terminal_safe(result.stdout)


# --- CSV, JSON, iCalendar, TimelineJS -------------------------------------------------------


def test_csv_cells_are_never_formulas() -> None:
    result = invoke("export", str(HOSTILE), "-f", "csv")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert len(rows) == 10
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert "'-5 hours of questioning, =SUM(A1) @home +1" in cells
    assert "'@Police" in " ".join(cells)


def test_json_export_keeps_the_text_exactly() -> None:
    result = invoke("export", str(HOSTILE), "-f", "json")
    assert_no_raw_controls(result.stdout)
    title = json.loads(result.stdout)["case"]["title"]
    assert title.startswith('=HYPERLINK("http://evil.example","x") [bold red]case[/] \x1b[2J')


@pytest.mark.parametrize("extra", [[], ["--ics-spans"]])
def test_ics_lines_are_all_properties(extra: list[str]) -> None:
    from icalendar import Calendar

    result = invoke("export", str(HOSTILE), "-f", "ics", *extra)
    assert result.exit_code == 0
    assert_no_raw_controls(result.stdout.replace("\r\n", "\n"))
    unfolded = result.stdout.replace("\r\n ", "")
    for line in unfolded.split("\r\n")[:-1]:
        assert re.match(r"[A-Z][A-Z0-9-]*[;:]", line), line  # data never starts a line
    calendar = Calendar.from_ical(result.stdout)
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert "Ann Example and N.O. detained\n::warning::injected" in " ".join(summaries)


def _timelinejs_strings(document: Any) -> Iterator[str]:
    for event in [document["title"], *document["events"]]:
        yield event["text"]["headline"]
        yield event["text"].get("text", "")


def test_timelinejs_text_is_html_escaped() -> None:
    result = invoke("export", str(HOSTILE), "-f", "timelinejs")
    assert result.exit_code == 0
    assert_no_raw_controls(result.stdout)
    document = json.loads(result.stdout)
    for html in _timelinejs_strings(document):
        for tag, attrs in html_tags(html):
            assert tag in {"p", "a", "strong", "em", "code", "br", "ul", "li"}, tag
            assert {name for name, _ in attrs} <= {"href"}, attrs
            assert all((v or "").startswith("https://") for _, v in attrs), attrs
    headline = document["title"]["text"]["headline"]
    assert "&lt;script&gt;" in headline and "<script" not in headline


# --- diff and log ---------------------------------------------------------------------------


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    text = HOSTILE.read_text(encoding="utf-8")
    new_text = edited(text)
    assert new_text.count("\n") == text.count("\n") and new_text != text
    return copy_case(tmp_path / "old"), copy_case(tmp_path / "new", new_text)


def test_diff_text_prints_text_literally(versions: tuple[Path, Path]) -> None:
    result = invoke("diff", *map(str, versions), "--format", "text")
    assert result.exit_code == 0, result.stderr
    assert "request" in result.stdout and "bob" in result.stdout
    assert_terminal_safe(result.stdout)
    assert not [line for line in result.stdout.splitlines() if line.startswith("::")]


def test_diff_markdown_renders_no_html_from_the_data(versions: tuple[Path, Path]) -> None:
    result = invoke("diff", *map(str, versions), "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    assert_terminal_safe(result.stdout)
    assert_markdown_is_inert(result.stdout)


def test_diff_json_is_valid(versions: tuple[Path, Path]) -> None:
    result = invoke("diff", *map(str, versions), "--format", "json")
    assert_no_raw_controls(result.stdout)
    assert json.loads(result.stdout)["summary"]["changed"] >= 2


@pytest.fixture
def history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three commits of the case, with hostile commit messages and author names."""
    monkeypatch.delenv("TIMELINE_DATA_DIR", raising=False)
    repo = GitRepo(tmp_path / "repo")
    text = HOSTILE.read_text(encoding="utf-8")
    path = "data/cases/hostile.yaml"
    repo.commit("Add \x1b[2J [bold]case[/] <script>", {path: text}, author="Eve \x1b]0;pwned\x07")
    repo.commit("::error::subject\x9b31m\n\n::warning::body", {path: edited(text)})
    broken = edited(text).replace("  - id: founded\n", '  - "\\e[2J": [\n    id: founded\n')
    repo.commit("break \x07", {path: broken})
    monkeypatch.chdir(repo.root)
    return repo.root / path


def test_log_text_prints_text_literally(history: Path) -> None:
    result = invoke("log", "hostile", "--format", "text")
    assert result.exit_code == 0, result.stderr
    assert "\\x1b[2J" in result.stdout  # the commit subject, shown as text
    assert_terminal_safe(result.stdout)
    assert not [line for line in result.stdout.splitlines() if line.startswith("::")]


def test_log_json_is_valid(history: Path) -> None:
    result = invoke("log", "hostile", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert_no_raw_controls(result.stdout)
    assert len(json.loads(result.stdout)["commits"]) == 3


# --- new ------------------------------------------------------------------------------------


TITLE = "Evil\" x: [] # <script> ::error::x 'q' \\\" &a *b !!python/object:os.system {"


def test_new_writes_any_title_as_text(tmp_path: Path) -> None:
    result = invoke("--data-dir", str(tmp_path), "new", "evil", "-j", "KG", "--title", TITLE)
    assert result.exit_code == 0, result.stderr
    assert invoke("validate", "--strict", str(tmp_path / "evil.yaml")).exit_code == 0
    shown = invoke("show", str(tmp_path / "evil.yaml"), "--format", "plain")
    assert shown.stdout.splitlines()[0] == TITLE


@pytest.mark.parametrize("title", ["a\x1b[2Jb", "a\nevents: []", "a\rb", "a\x9bb"])
def test_new_refuses_control_characters_in_a_title(tmp_path: Path, title: str) -> None:
    result = invoke("--data-dir", str(tmp_path), "new", "evil", "-j", "KG", "--title", title)
    assert result.exit_code == 2
    assert not list(tmp_path.iterdir())


# --- the checks themselves ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("check", "bad"),
    [
        (assert_terminal_safe, "title \x1b[2J"),
        (assert_terminal_safe, "title \x9b31m"),
        (assert_terminal_safe, "\x1b]0;title\x07"),
        (assert_no_raw_controls, "\x1b[2J"),
        (assert_markdown_is_inert, "a <script>alert(1)</script>"),
        (assert_markdown_is_inert, '<img src="x" onerror="alert(1)">'),
        (assert_markdown_is_inert, "| a | b |\n|---|---|\n| c | d |\n"),
    ],
)
def test_the_checks_catch_what_they_look_for(check: Any, bad: str) -> None:
    with pytest.raises(AssertionError):
        check(bad)


@pytest.mark.parametrize("spec", ["nosuch", "kloopx", "kloop\x1b"])
def test_file_names_in_messages_are_shown_not_sent(tmp_path: Path, spec: str) -> None:
    # The "known cases" list and the did-you-mean hint name the files of the folder.
    source = Path(__file__).parents[1] / "data" / "cases" / "kloop.yaml"
    for stem in ("kloop\x1b]0;owned\x07", "kloop\x1b[2J", "kloop\u202e"):
        shutil.copy(source, tmp_path / f"{stem}.yaml")
    for command in (["show", spec], ["export", spec], ["diff", spec, spec]):
        result = runner.invoke(app, ["--data-dir", str(tmp_path), *command])
        assert result.exit_code == 2, result.output
        assert not RAW_CONTROLS.search(result.stderr), repr(result.stderr)
        assert "\u202e" not in result.stderr
        assert "\\x1b" in result.stderr


def test_the_step_summary_renders_no_markdown_from_the_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cases" / "test-case.yaml"
    path.parent.mkdir()
    key = "![x](https://evil.example/p.png) [y](https://evil.example) **b** www.evil.example"
    path.write_text(f'format: 1\n"{key}": 1\n', encoding="utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    invoke("validate", "--format", "github", str(path))
    written = summary.read_text(encoding="utf-8")
    html = assert_markdown_is_inert(written)
    assert "<img" not in html and "<strong>b" not in html
    assert link_targets(html) == []
    assert "https://evil" not in written and "www.evil" not in written  # no autolink either


# GitHub's runner reads `::name::` after leading spaces and the legacy `##[name]` anywhere.
WORKFLOW_COMMAND = re.compile(r"^[^\S\n]*::[A-Za-z-]+|##\[", re.MULTILINE)


def _commanding(tmp_path: Path) -> tuple[Path, Path]:
    from conftest import MINIMAL

    old = tmp_path / "old" / "test-case.yaml"
    new = tmp_path / "new" / "test-case.yaml"
    for path in (old, new):
        path.parent.mkdir()
    old.write_text(MINIMAL, encoding="utf-8")
    hostile = MINIMAL.replace("title: Ann detained", 'title: "::warning::pwned"').replace(
        "title: Verdict", 'title: "##[error]pwned\\n  ::error::again"'
    )
    new.write_text(hostile, encoding="utf-8")
    return old, new


def test_no_line_of_data_is_a_workflow_command(tmp_path: Path) -> None:
    old, new = _commanding(tmp_path)
    outputs = [
        invoke("diff", str(old), str(new)).stdout,
        invoke("diff", str(old), str(new), "--format", "markdown").stdout,
        invoke("show", str(new), "--format", "plain").stdout,
        invoke("show", str(new), "--format", "rich").stdout,
    ]
    broken = new.parent / "broken.yaml"
    broken.write_text('format: 1\n"##[error]x": 1\n"::warning::y": 2\n', encoding="utf-8")
    outputs.append(invoke("validate", "--format", "text", str(broken)).stdout)
    outputs.append(invoke("show", str(broken)).stderr)
    for output in outputs:
        assert "pwned" in output or "error[" in output
        assert not WORKFLOW_COMMAND.search(output), WORKFLOW_COMMAND.search(output)


def test_the_github_report_raises_only_its_own_commands(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text('format: 1\n"##[error]x": 1\n" ::warning::y": 2\n', encoding="utf-8")
    output = invoke("validate", "--format", "github", str(broken)).stdout
    own = re.compile(r"::(group|stop-commands|endgroup|error|warning)[ :]|::[0-9a-f]{16}::")
    for line in output.splitlines():
        if WORKFLOW_COMMAND.search(line):
            assert own.match(line) and "##[" not in line, line
