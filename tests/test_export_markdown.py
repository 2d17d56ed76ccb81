"""The Markdown export, read back through a real GFM renderer (cmark-gfm)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import DATA
from test_export_support import (
    Element,
    export_text,
    load,
    load_changed,
    parse_html,
    render_markdown,
)
from timeline.exporters import markup
from timeline.model.case import Case


@pytest.fixture(scope="module")
def case() -> Case:
    return load()


@pytest.fixture(scope="module")
def text(case: Case) -> str:
    return export_text(case, "markdown", mermaid=True)


@pytest.fixture(scope="module")
def html(text: str) -> Element:
    return parse_html(render_markdown(text))


def test_no_html_from_the_data_becomes_an_element(html: Element) -> None:
    for tag in ("script", "b", "img", "i"):
        assert html.find_all(tag) == [], tag
    title = html.find_all("h1")[0].text
    assert title == "The State v. Example & Co. | <script>alert('title')</script>"
    assert '<script>alert("x")</script>' in html.text
    assert "Annie <i>the</i> Reporter" in html.text


def test_markdown_in_prose_is_kept_but_cannot_open_blocks(html: Element) -> None:
    paragraphs = [p.text for p in html.find_all("p")]
    assert "# Not a heading" in paragraphs
    assert "- not a list item" in paragraphs
    assert "[label]: https://example.org/not-a-definition" in paragraphs
    assert [e.text for e in html.find_all("em")][1:2] == ["Markdown"]  # after "As of"
    assert "code <b>" in [c.text for c in html.find_all("code")]
    assert "[^nope]" in html.text  # a footnote reference in the data stays text
    assert [a.attrs["href"] for a in html.find_all("a") if a.text == "link"] == [
        "https://example.org/verdict"
    ]


def test_every_footnote_reference_resolves(text: str, html: Element) -> None:
    cited = set(re.findall(r"(?<!\\)\[\^([a-z0-9-]+)\](?!:)", text))
    assert cited == {"news-1", "blog-2", "court-doc"}
    ids = {e.attrs.get("id") for e in _all(html)}
    refs = [a.attrs["href"] for a in html.find_all("a") if "data-footnote-ref" in a.attrs]
    assert refs and all(href.startswith("#fn-") and href[1:] in ids for href in refs)
    notes = {
        li.attrs["id"][3:]: li.text
        for li in html.find_all("li")
        if li.attrs.get("id", "").startswith("fn-")
    }
    assert set(notes) == cited
    assert (
        "Example News, Editors detained: a report; part 1, published 29 May 2025."
        in notes["news-1"]
    )
    links = [
        a.attrs["href"]
        for a in html.find_all("a")
        if a.text == "Editors detained: a report; part 1"
    ]
    assert links and set(links) == {"https://example.org/news/1?a=1,2;b=3"}


def _all(element: Element) -> list[Element]:
    found = [element]
    for child in element.children:
        found += _all(child)
    return found


def test_tables_keep_their_cells(html: Element) -> None:
    tables = html.find_all("table")
    assert len(tables) == 4  # defendants, people, organizations, charges
    for table in tables:
        widths = {len(row.find_all("td") or row.find_all("th")) for row in table.find_all("tr")}
        assert len(widths) == 1
    cells = [td.text for td in tables[1].find_all("td")]
    assert "The Daily (editor | writer, former)" in cells
    assert "N.O." in cells
    charge_cells = [td.text for td in tables[3].find_all("td")]
    assert charge_cells == ["Criminal Code", "278", "3", "Calls for mass unrest | riots"]


def test_chronology_is_grouped_by_year_in_display_order(case: Case, html: Element) -> None:
    years: dict[str, list[str]] = {}
    year = ""
    for element in html.children:  # the headings and lists at the top level, in order
        if element.tag == "h3":
            year = element.text
            years[year] = []
        elif element.tag == "ul" and year:
            items = [li for li in element.children if li.tag == "li"]
            years[year] += [li.find_all("strong")[0].text for li in items]
            year = ""
    expected: dict[str, list[str]] = {}
    for event in case.chronology:
        earliest = event.date.earliest
        assert earliest is not None
        shown = event.date.display(inferred=[p.value for p in event.inferred])
        expected.setdefault(str(earliest.year), []).append(shown)
    assert years == expected


def test_key_events_are_bold_and_marked(html: Element) -> None:
    strong = [s.text for s in html.find_all("strong")]
    assert "Ann Example and N.O. detained" in strong
    assert "Guilty | both defendants" in strong
    assert "Police deny mistreatment" not in strong


def test_statuses_conflicts_and_outcomes_are_shown(html: Element) -> None:
    text = html.text
    assert "Fact status: claimed by Example" in text
    assert "Fact status: disputed by Example" in text
    assert "Fact status: sources disagree" in text
    assert "Sources disagree (detention-day): When the detention happened: 28 or 29 May" in text
    sides = [li for li in html.find_all("li") if li.text.startswith("On 2")]
    cited = [[a.attrs["href"] for a in li.find_all("a")] for li in sides]
    assert [li.text.rstrip("0123456789") for li in sides] == [
        "On 28 May",
        "On 29 May; in the evening",
    ]  # where the event is, and not again in the list of conflicts
    assert cited == [["#fn-news-1"], ["#fn-blog-2"]]
    assert (
        "Outcome: Example: prosecution requested guilty; 7 years, general-regime penal colony"
        in text
    )
    assert "Outcome: N.O.: guilty; 3 years probation" in text
    assert "Date in the source: “May 28”" in text
    assert "28 May [2025]" in text


def test_mermaid_block_escapes_its_separators(html: Element, text: str) -> None:
    blocks = [pre.text for pre in html.find_all("pre") if pre.attrs.get("lang") == "mermaid"]
    assert len(blocks) == 2  # ten events in six months: four columns, then two
    assert blocks[0].startswith("timeline\n    2022 : autumn 2022 – The Daily founded\n")
    columns = [line.strip() for block in blocks for line in block.splitlines()[1:]]
    assert all(":" not in line.replace(" : ", "") for line in columns)
    assert columns[-1] == (
        "October 2025 : 1 October 2025 onwards – Appeal pending#59; hearing #35;2#58; TBD"
    )


def test_mermaid_only_on_request(case: Case) -> None:
    assert "```mermaid" not in export_text(case, "markdown")


@pytest.mark.parametrize(
    ("plain", "rendered"),
    [
        ("a | b", "a | b"),
        ("*x* _y_ `z` [a](b) ~~s~~", "*x* _y_ `z` [a](b) ~~s~~"),
        ("<script>x</script> &amp; &#60;", "<script>x</script> &amp; &#60;"),
        ("1. first", "1. first"),
        ("# title", "# title"),
        ("- item", "- item"),
        ("-5 +1 24.kg #tag", "-5 +1 24.kg #tag"),
        ("> quote", "> quote"),
        ("---", "---"),
        ("* * *", "* * *"),
        ("```fence", "```fence"),
        ("[label]: https://example.org", "[label]: https://example.org"),
        ("back\\slash\\*", "back\\slash\\*"),
        ("[^note] ![img](x)", "[^note] ![img](x)"),
    ],
)
def test_plain_text_renders_as_written(plain: str, rendered: str) -> None:
    html = parse_html(render_markdown(markup.text(plain)))
    assert html.text.strip() == rendered
    cell = parse_html(render_markdown(f"| h |\n|---|\n| {markup.cell(markup.text(plain))} |\n"))
    assert [td.text for td in cell.find_all("td")] == [rendered]


def test_mermaid_escape_uses_entity_codes() -> None:
    assert markup.mermaid("a#b:c;d\ne") == "a#35;b#58;c#59;d e"


_MARKUP_CHARS = st.sampled_from(list("ab #*_-+=>|[]()!<>&;:`~\\^.1 \t\n"))
# (A byte-order mark is dropped by renderers at the start of a document, where the export
# never puts data.)
_ANY_TEXT = st.characters(
    blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Zs"), blacklist_characters="\ufeff"
)


@settings(max_examples=300, deadline=None)
@given(st.text(_MARKUP_CHARS, max_size=30) | st.text(_ANY_TEXT, max_size=20))
def test_any_plain_text_renders_as_written(value: str) -> None:
    expected = " ".join(value.split())
    assert parse_html(render_markdown(markup.text(value))).text.strip() == expected
    table = f"| h |\n|---|\n| {markup.cell(markup.text(value))} |\n"
    assert [td.text.strip() for td in parse_html(render_markdown(table)).find_all("td")] == [
        expected
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(_MARKUP_CHARS, max_size=40))
@example("![tracker](https://example.org/pixel.png) <b>x</b> [^1]\n\n# h\n\n1. x\n\n```")
def test_prose_stays_inline(value: str) -> None:
    inline = {"p", "em", "strong", "code", "a", "del"}
    rendered = parse_html(render_markdown("\n\n".join(markup.prose(value))))
    assert {element.tag for element in _all(rendered)} <= inline | {"root"}


# --- what a report needs: court, as-of date, defendants, notes, related cases, sources once ---


def test_the_header_names_the_court_and_the_date_it_is_as_of() -> None:
    text = export_text(load(DATA / "kloop.yaml"), "markdown")
    lines = text.splitlines()
    assert "**Court:** Pervomaisky District Court of Bishkek" in lines[2]
    # The latest day the data speaks of (an event or a source), never today's date.
    case = load(DATA / "kloop.yaml")
    days = [e.date.earliest for e in case.events if e.date.earliest]
    days += [s.published.earliest for s in case.sources if s.published and s.published.earliest]
    latest = max(days)
    assert lines[4] == f"*As of {latest.day} {latest:%B %Y}: the latest date in the data.*"


def test_defendants_have_their_standing_and_days_in_custody() -> None:
    text = export_text(load(DATA / "kloop.yaml"), "markdown")
    section = text.split("## Defendants\n", 1)[1].split("\n## ", 1)[0]
    assert (
        "| Aleksandr Aleksandrov | guilty, 5 years' imprisonment, general regime "
        "(17 September 2025); sentence reduced on appeal to 3 years' probation "
        "(25 November 2025); released | 181 days in custody |"
    ) in section
    assert "| N.O. | guilty, 3 years' probation (17 September 2025), upheld on appeal " in section
    assert section.count("\n| ") == 5  # a header row and four defendants


def test_outcome_notes_and_related_cases_are_kept() -> None:
    text = export_text(load(DATA / "kloop.yaml"), "markdown")
    notes = [o.note for e in load(DATA / "kloop.yaml").events for o in e.outcomes if o.note]
    assert notes
    for note in notes:
        assert f"({note})" in " ".join(text.split())
    related = text.split("## Related cases\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    case = load(DATA / "kloop.yaml")
    assert [line.split(" ")[1] for line in related] == list(case.related_ids)
    assert related[-1].startswith("- temirov-live (same people: The prosecution of Temirov")


def test_related_cases_say_how_they_relate(tmp_path: Path) -> None:
    case = load_changed(
        tmp_path,
        (
            "tags: [press-freedom, test]\n",
            "tags: [press-freedom, test]\nrelated:\n"
            "  - {case: other-case, relation: parallel, note: the civil claim}\n",
        ),
    )
    text = export_text(case, "markdown")
    assert "## Related cases\n\n- other-case (parallel: the civil claim)\n" in text


def test_each_source_is_written_once() -> None:
    case = load(DATA / "kloop.yaml")
    text = export_text(case, "markdown")
    assert "## Sources" not in text  # every source is cited: the footnotes are the list
    for source in case.sources:
        assert text.count(f"[^{source.id}]:") == 1


def test_an_uncited_source_is_listed_once() -> None:
    case = load()
    cites = {"charged", "request", "verdict"}  # the events that cite court-doc
    data = case.model_dump()
    data["events"] = [e for e in data["events"] if e["id"] not in cites]
    kept = Case.model_validate(data)
    text = export_text(kept, "markdown")
    assert "## Other sources\n\n- District Court, “Verdict”." in text
    assert "[^court-doc]:" not in text


def test_conflicts_cited_in_descriptions_are_shown_with_their_id_and_note() -> None:
    case = load(DATA / "kloop.yaml")
    text = export_text(case, "markdown")
    chronology = text.split("## Chronology", 1)[1].split("\n## People", 1)[0]
    for conflict in case.conflicts:
        about_events = [ref for ref in conflict.about if ref in {e.id for e in case.events}]
        if about_events:
            assert f"**Sources disagree** (`{conflict.id}`)" in chronology
        assert f"- `{conflict.id}`: **" in text
    assert "likely an error" in chronology  # the note on the verdict date


def test_mermaid_keeps_to_the_key_events_of_a_long_case() -> None:
    case = load(DATA / "kloop.yaml")
    text = export_text(case, "markdown", mermaid=True)
    diagram = text.split("```mermaid\n", 1)[1].split("```", 1)[0]
    key = [e for e in case.chronology if e.key]
    assert f"*The {len(key)} key events:*\n\n```mermaid\ntimeline\n    May 2025 : " in text
    columns = [line for line in diagram.splitlines() if line.startswith("    ") and " : " in line]
    periods = [line.split(" : ")[0].strip() for line in columns]
    assert periods == list(dict.fromkeys(f"{e.date.earliest:%B %Y}" for e in key))
    items = [item for line in columns for item in line.split(" : ")[1:]]
    assert len(items) == len([e for e in case.events if e.key])
    assert items[0] == "28 May 2025 – Two former Kloop camera operators detained by the GKNB"


def test_mermaid_splits_into_diagrams_of_four_columns() -> None:
    short = export_text(load(), "markdown", mermaid=True)  # ten events: every one of them
    diagrams = short.split("```mermaid\n")[1:]
    assert len(diagrams) == 2
    assert "key events:" not in short
    periods = [
        line.split(" : ")[0].strip()
        for diagram in diagrams
        for line in diagram.split("```")[0].splitlines()[1:]
    ]
    assert periods == ["2022", "2025", "May 2025", "June 2025", "September 2025", "October 2025"]
    assert short.count(" – ") >= len(load().events)
