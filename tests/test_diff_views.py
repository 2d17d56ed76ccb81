"""The renderers of `timeline diff`: exact text, colour only when asked, safe Markdown, JSON."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from conftest import MINIMAL
from test_diff_support import CANARY, NEW, OLD, load, load_text
from timeline.diff import CaseDiff, Version, diff_cases
from timeline.views.diff import RENDERERS, md, render_json, render_markdown, render_text

CASE = MINIMAL.replace("id: test-case", "id: press")


def fixture_diff() -> CaseDiff:
    return diff_cases(
        load(OLD),
        load(NEW),
        old_version=Version(id="press", file="cases/press.yaml", rev="main"),
        new_version=Version(id="press", file="cases/press.yaml"),
    )


def test_the_registry_has_the_three_formats() -> None:
    assert list(RENDERERS) == ["text", "markdown", "json"]


def test_text_of_a_small_diff() -> None:
    new = CASE.replace("term: P5Y", "term: P3Y").replace("status: ongoing", "status: convicted")
    new = new.replace('date: "2025-05-28"', 'date: "2025-05"')
    text = render_text(diff_cases(load_text(CASE), load_text(new)))
    assert text == (
        "--- press\n"
        "+++ press\n"
        "3 changes: 0 added, 0 removed, 3 changed, 0 renamed\n"
        "\n"
        "Events\n"
        "  ~ detained  May 2025  Ann detained\n"
        "      date: 28 May 2025 -> May 2025 (2025-05-28 -> 2025-05; coarsened)\n"
        "  ~ verdict  17 September 2025  Verdict\n"
        "      Example: sentence 5 years -> 3 years\n"
        "\n"
        "Case\n"
        "  ~ press  A test case\n"
        "      status: ongoing -> convicted\n"
        "\n"
        "Standing\n"
        "  ~ standing of Example changed: guilty, 5 years' imprisonment, general regime "
        "(17 September 2025); in custody since 28 May 2025; at least 112 days in custody -> "
        "guilty, 3 years' imprisonment, general regime (17 September 2025); in custody since "
        "May 2025; at least 109 days in custody\n"
        "  ~ standing of N.O. changed: awaiting trial; in custody since 28 May 2025; at least "
        "112 days in custody -> awaiting trial; in custody since May 2025; at least 109 days "
        "in custody\n"
    )


def test_text_of_the_fixture() -> None:
    text = render_text(fixture_diff())
    assert text.startswith(
        "--- cases/press.yaml@main\n"
        "+++ cases/press.yaml (working tree)\n"
        "18 changes: 1 added, 2 removed, 12 changed, 3 renamed\n"
        "\n"
        "Events\n"
        "  ~ detained  3 July 2025  Ann and Bob detained\n"
        "      date: July 2025 -> 3 July 2025 (2025-07 -> 2025-07-03; refined)\n"
        "      participants: + N.O. (detainee)\n"
        "      quote from news-2: detained in July -> detained on 3 July | early\n"
    )
    assert (
        "  ~ witness-heard  26 August 2025  A witness heard\n"
        "      date: 21 August 2025 -> 26 August 2025 (2025-08-21 -> 2025-08-26; "
        "moved 5 days later; now after hearing-two, before request)\n"
    ) in text
    assert (
        "  ~ police-claim (renamed from claim-made)  10 August 2025  "
        "Police say the videos called for mass unrest\n"
        "      title: Police say the videos called for unrest -> "
        "Police say the videos called for mass unrest\n"
        "      description:\n"
        "        - The spokesman said the *videos* were <script>alert(1)</script> a threat | "
        "nothing else.\n"
    ) in text
    assert (
        "  - appeal-lodged  1 October 2025  The defence appeals\n      date: 2025-10-01\n" in text
    )
    assert "  ~ lawyer-statement  5 October [2025]  The lawyer speaks to the press\n" in text
    assert (
        "  ~ bob  B.W.\n      name: [withheld] -> B.W.\n      privacy: public -> initials\n" in text
    )
    assert "\x1b" not in text


def test_colour_only_when_asked_and_data_never_emits_escapes() -> None:
    hostile = CASE.replace("title: Ann detained", 'title: "Ann \\e[31mdetained\\u202e \\a"')
    diff = diff_cases(load_text(CASE), load_text(hostile))
    plain = render_text(diff, False)
    assert "Ann detained -> Ann \\x1b[31mdetained\\u202e \\x07" in plain
    coloured = render_text(diff, True)
    assert "\x1b[31m--- press\x1b[0m" in coloured
    # The only escape sequences are ours: every ESC starts one of the styles we use.
    assert re.sub(r"\x1b\[(?:0|1|2|31|32|33|36)m", "", coloured).count("\x1b") == 0


class Cells(HTMLParser):
    """The rows of every table, as lists of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.rows[-1].append("")

    def handle_data(self, data: str) -> None:
        if self.rows and self.rows[-1] and "tr" in self.tags and data.strip():
            self.rows[-1][-1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr":
            self.tags = [t for t in self.tags if t != "tr"]


def rendered(markdown: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


def test_markdown_renders_cleanly_with_gfm() -> None:
    markdown = render_markdown(fixture_diff())
    html = rendered(markdown)
    # No HTML from the data, even with raw HTML allowed: only our own tags.
    tags = set(re.findall(r"</?([a-z0-9]+)", html))
    assert tags <= {
        "h3",
        "h4",
        "p",
        "strong",
        "code",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "details",
        "summary",
        "pre",
        "a",
        "br",
        "ul",  # the standing changes
        "li",
    }
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Ann &amp; Bob released &lt;i&gt;in court&lt;/i&gt;" in html
    # Tables are intact: every row has its three cells, a `|` in the data stays in its cell.
    parser = Cells()
    parser.feed(html)
    assert parser.rows and all(len(row) == 3 for row in parser.rows)
    assert [
        "quote from news-2",
        "detained in July",
        "detained on 3 July | early",
    ] in parser.rows
    assert [
        "date",
        "c. 20 August 2025 (2025-08-20~)",
        "20 August 2025 (2025-08-20) (refined)",
    ] in parser.rows
    assert ["Editor, B.W.: sentence", "5 years", "3 years"] in parser.rows


def test_markdown_summary_entries_and_details() -> None:
    markdown = render_markdown(fixture_diff())
    assert markdown.startswith(
        "### timeline diff: cases/press.yaml@main → cases/press.yaml (working tree)\n"
        "\n"
        "**18 changes: 1 added, 2 removed, 12 changed, 3 renamed**\n"
        "\n"
        "#### Events\n"
        "\n"
        "**Changed event** `detained` · 3 July 2025 · Ann and Bob detained\n"
    )
    assert "**Renamed event** `police-claim` (was `claim-made`) · 10 August 2025 ·" in markdown
    assert (
        "**Added event** `released` · 25 November 2025 · "
        "Ann &amp; Bob released &lt;i&gt;in court&lt;/i&gt;\n" in markdown
    )
    assert (
        "<details>\n<summary>description</summary>\n\n```diff\n"
        "- The spokesman said the *videos* were <script>alert(1)</script> a threat "
        "| nothing else.\n"
        "+ The spokesman said the *videos* were <script>alert(1)</script> a threat "
        "| nothing more.\n"
        "  A second line with `code` and [a link](https://example.org).\n"
        "```\n\n</details>\n"
    ) in markdown
    html = rendered(markdown)
    assert '<pre lang="diff"><code>- The spokesman said the *videos* were &lt;script&gt;' in html
    assert html.count("<strong>") == 18 + 1  # one per entry, and the summary line


def test_a_fence_longer_than_any_backticks_in_the_text() -> None:
    old = CASE.replace("title: Verdict", "title: Verdict\n    description: " + "x" * 90)
    new = CASE.replace("title: Verdict", 'title: Verdict\n    description: "```` ' + "y" * 90 + '"')
    markdown = render_markdown(diff_cases(load_text(old), load_text(new)))
    assert "`````diff\n" in markdown
    html = rendered(markdown)
    assert "<details>" in html and "&lt;" not in html.split("<pre")[0]
    assert "<code>- " + "x" * 90 + "\n+ ```` " in html


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a | b", "a \\| b"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        (
            "*not* _emphasis_ [link](x) `code` ~~s~~",
            "\\*not\\* \\_emphasis\\_ \\[link\\](x) \\`code\\` \\~\\~s\\~\\~",
        ),
        ("$x$ costs", "\\$x\\$ costs"),
        ("line one\nline two", "line one<br>line two"),
        ("&amp;", "&amp;amp;"),
        ("cc @octocat, @github/legal", "cc @&#8203;octocat, @&#8203;github/legal"),
        ("press@kloop.kg and @ 5 pm", "press@kloop.kg and @ 5 pm"),
    ],
)
def test_md_escapes_data(text: str, escaped: str) -> None:
    assert md(text) == escaped


def test_json_is_the_model() -> None:
    diff = fixture_diff()
    assert json.loads(render_json(diff)) == diff.to_json()
    assert render_json(diff) == render_json(fixture_diff())  # deterministic


@pytest.mark.parametrize("format", list(RENDERERS))
def test_no_format_names_an_initials_only_person(format: str) -> None:
    for old, new in ((OLD, NEW), (NEW, OLD)):
        output = RENDERERS[format](diff_cases(load(old), load(new)), False)
        assert not any(word in output for word in CANARY)


def test_a_mention_in_the_data_notifies_nobody() -> None:
    new = CASE.replace("title: Verdict", "title: Verdict, as @octocat reported")
    html = rendered(render_markdown(diff_cases(load_text(CASE), load_text(new))))
    assert "@\u200boctocat" in html
    assert not re.search(r"(?<![\w@])@octocat", html)
