"""`timeline show`: the chronology in plain and rich text, filters, safety, privacy, widths."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.load.validation import validate_file
from timeline.views import SHOW_FORMATS
from timeline.views.chronology import DENSE_YEAR, build_chronology

FIXTURES = Path(__file__).parent / "fixtures" / "show"
SGR = re.compile(r"\x1b\[[0-9;]*m")
BOX = set("╭╮╰╯│─")

TINY_PLAIN = """\
A tiny case
===========
Jurisdiction: KG
Status: trial

Defendants:
  Ann Example: awaiting trial; in custody since 28 May 2025; at least 3 days in
      custody
  N.O.: awaiting trial; in custody since 28 May 2025; at least 3 days in custody

2025
----

  May 2025 · search (context)
    Office searched
    Who: City Police (authority)

★ 28 May 2025 · detention
    Ann and N.O. detained
    Who: Example, N.O. (detainee); City Police (authority)

  (2 days later)
  30 May 2025 · pretrial measure
    Both remanded in custody
    Outcome: Example, N.O.: 2 months pretrial detention
"""


def show(*args: str, columns: int = 80, no_color: bool = False, data: Path = FIXTURES):  # type: ignore[no-untyped-def]
    env = {"COLUMNS": str(columns), "NO_COLOR": "1" if no_color else None, "TERM": "xterm-256color"}
    return CliRunner().invoke(app, ["--data-dir", str(data), "show", *args], env=env)


def test_plain_golden() -> None:
    result = show("tiny")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == TINY_PLAIN
    assert result.stderr == ""


def test_plain_is_the_default_in_a_pipe_and_explicit_plain_is_the_same() -> None:
    assert show("tiny", "--format", "plain").stdout == TINY_PLAIN
    assert show("tiny", "-f", "plain", no_color=True).stdout == TINY_PLAIN


def test_plain_has_no_escapes_and_no_box_drawing() -> None:
    output = show("full", "--sources").stdout
    assert "\x1b" not in output
    assert not BOX & set(output)


def test_rich_forced_in_a_pipe_has_boxes_and_styles() -> None:
    result = show("tiny", "--format", "rich")
    assert result.exit_code == 0, result.stderr
    assert set(result.stdout) >= BOX
    assert "\x1b[" in result.stdout
    text = SGR.sub("", result.stdout)
    assert "Ann and N.O. detained" in text
    assert "★ 28 May 2025" in text


def _colour_codes(output: str) -> set[str]:
    """SGR parameters that set a colour (30-38, 40-48, 90-97, 100-107)."""
    found = set()
    for match in SGR.finditer(output):
        for code in match.group()[2:-1].split(";"):
            if code and (30 <= int(code) <= 48 or 90 <= int(code) <= 107):
                found.add(code)
    return found


def test_rich_with_no_color_keeps_the_layout_without_colour() -> None:
    coloured = show("full", "--format", "rich").stdout
    plain = show("full", "--format", "rich", no_color=True).stdout
    assert _colour_codes(coloured)
    assert not _colour_codes(plain)
    assert set(plain) >= BOX
    assert SGR.sub("", plain) == SGR.sub("", coloured)


# --- untrusted text ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", list(SHOW_FORMATS))
def test_markup_and_escapes_are_shown_as_typed(fmt: str) -> None:
    result = show("full", "--format", fmt, columns=200)
    assert result.exit_code == 0, result.stderr
    output = SGR.sub("", result.stdout)  # rich's own styles; nothing else may escape
    assert "Editors <b>on trial</b> | [bold red]not markup[/]" in output
    assert "Hearings: <script>alert(1)</script> | a & b" in output
    assert "Guilty\\x1b[2J verdict\\x07 \\x9b31m [bold red]x[/]" in output
    for control in ("\x1b", "\x07", "\x9b"):
        assert control not in output


def test_markup_in_a_defendants_name_is_literal(tmp_path: Path) -> None:
    text = (FIXTURES / "tiny.yaml").read_text(encoding="utf-8")
    text = text.replace("name: Ann Example", 'name: "Ann [red]Ex\\u202eample[/]"')
    (tmp_path / "tiny.yaml").write_text(text, encoding="utf-8")
    result = show("tiny", "--format", "rich", data=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert "Ann [red]Ex\\u202eample[/]" in SGR.sub("", result.stdout)
    assert "\u202e" not in result.stdout


# --- privacy -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", list(SHOW_FORMATS))
def test_initials_only_people_appear_as_initials(fmt: str) -> None:
    output = SGR.sub("", show("full", "--sources", "--format", fmt, columns=200).stdout)
    assert "T.K." in output
    assert "bookkeeper-tk" not in output  # not even the id, which may hint at a name
    # Other people's names (and organizations' short aliases) are fine.
    assert "Anna Ivanova" in output
    assert "KNB (authority)" in output


def test_privacy_holds_for_a_case_built_without_validation() -> None:
    report = validate_file(FIXTURES / "full.yaml")
    assert report.case is not None
    people = [
        person.model_copy(
            update={"aliases": [{"name": "Tatiana Kim"}], "description": "Tatiana Kim, bookkeeper"}
        )
        if person.id == "bookkeeper-tk"
        else person
        for person in report.case.people
    ]
    case = report.case.model_copy(update={"people": people})
    view = build_chronology(case, sources=True)
    for fmt, render in SHOW_FORMATS.items():
        rendered = render(view, 100)
        text = rendered if isinstance(rendered, str) else _rich_text(rendered)
        assert "T.K." in text, fmt
        assert "Tatiana" not in text and "Kim" not in text, fmt


def _rich_text(renderable: object) -> str:
    from rich.console import Console

    console = Console(width=100, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(renderable)
    return console.export_text()


# --- widths --------------------------------------------------------------------------------


def _title_words() -> list[str]:
    report = validate_file(FIXTURES / "full.yaml")
    assert report.case is not None
    return [word for event in report.case.events for word in event.title.split()]


@pytest.mark.parametrize("columns", [60, 80])
@pytest.mark.parametrize("fmt", list(SHOW_FORMATS))
def test_readable_at_narrow_widths(fmt: str, columns: int) -> None:
    result = show("full", "--sources", "--format", fmt, columns=columns)
    assert result.exit_code == 0, result.stderr
    lines = SGR.sub("", result.stdout).splitlines()
    long_lines = [line for line in lines if len(line.rstrip()) > columns]
    # Only an unbreakable URL may run past the edge; nothing is cut off.
    assert all("https://" in line for line in long_lines), long_lines
    words = " ".join(line.strip() for line in lines).split()
    for word in _title_words():
        visible = word.replace("\x1b", "\\x1b").replace("\x07", "\\x07").replace("\x9b", "\\x9b")
        assert visible in words, (word, columns)


# --- the parts of an event -----------------------------------------------------------------


def test_event_details_in_plain() -> None:
    output = show("full", columns=200).stdout
    assert "★ 10 March 2024 · detention" in output
    assert "  autumn 2023 · blocking (context)" in output
    assert "  c. March 2024 · statement" in output
    assert "  3-5 June 2024 · hearing" in output
    assert "  1 September [2024] · prosecution request" in output
    assert "  October 2024? · appeal" in output
    assert "Status: claimed by Sidorov, disputed by Ivanova" in output
    assert "Status: disputed by Petrov" in output
    assert "Charges: Criminal Code: Art. 274(2)" in output
    assert "Outcome: Ivanova, Petrov: prosecution requested 7 years" in output
    assert "Outcome: T.K.: prosecution requested 3 years (no sentence kind reported)" in output
    assert "Outcome: Ivanova, Petrov: guilty; 5 years, general-regime penal colony" in output
    conflict = (
        "    Status: sources disagree\n"
        "      The day of the detention\n"
        "      - On 10 March 2024 (news-1)\n"
        "      - On 11 March 2024 (wire-2)\n"
    )
    assert conflict in output


def test_header_states_each_defendants_standing_and_days_in_custody() -> None:
    output = show("full", columns=200).stdout
    assert output.startswith("Editors <b>on trial</b> | [bold red]not markup[/]\n=====")
    assert "Court: Medeu District Court\nStatus: appeal\n" in output
    summary = "prosecuted over their reporting.\n\nAn appeal is pending.\n\nDefendants:\n"
    assert summary in output
    assert (
        "  Anna Ivanova: guilty, 5 years' imprisonment, general regime (20 September 2024); "
        "appeal pending (filed October 2024?); in custody since 10 March 2024; "
        "at least 235 days in custody\n"
    ) in output
    assert (
        "  T.K.: guilty, 2 years' probation (20 September 2024); appeal pending (filed "
        "October 2024?); released; 192 days in custody\n"
    ) in output


def test_gaps_only_between_single_days() -> None:
    output = show("full", columns=200).stdout
    assert "  (2 days later)\n  12 March 2024 · detention" in output
    assert "  (3 weeks later)\n★ 20 September 2024 · verdict" in output
    # Not after a month, an interval or an approximate date.
    assert output.count(" later)") == 2


def test_sources_lists_citations() -> None:
    output = show("full", "--sources", columns=200).stdout
    expected = (
        "    Sources:\n"
        "      - Example News, \u201cEditors detained\u201d, 12 March 2024 [news-1]\n"
        "        https://example.org/news/1\n"
        "        \u201cdetained on Sunday\u201d (para. 2)\n"
    )
    assert expected in output
    assert "      - Watchdog, 2023 [alert]\n" in output
    assert "https://example.net/a?b=1|2" in output
    assert "Sources:" not in show("full", columns=200).stdout


def test_rich_marks_key_and_context_events() -> None:
    output = SGR.sub("", show("full", "--format", "rich", columns=100).stdout)
    assert "★ 10 March 2024" in output
    assert "blocking · context" in output
    assert re.search(r"╭─ Editors <b>on trial</b>", output)


def _dense_case(tmp_path: Path, count: int) -> Path:
    events = "".join(
        f"""
  - id: e{day}
    date: "2025-{5 + day // 7:02d}-{1 + day % 7:02d}"
    type: hearing
    title: Hearing {day}
    sources: [src]"""
        for day in range(count)
    )
    text = (FIXTURES / "tiny.yaml").read_text(encoding="utf-8")
    text = text[: text.index("events:")] + "events:" + events + "\n"
    (tmp_path / "tiny.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_dense_year_is_divided_into_months(tmp_path: Path) -> None:
    output = show("tiny", data=_dense_case(tmp_path, DENSE_YEAR + 1)).stdout
    assert "\n-- May 2025 --\n" in output
    assert "\n-- June 2025 --\n" in output
    assert output.index("Hearing 6") < output.index("-- June 2025 --") < output.index("Hearing 7")


def test_a_year_that_is_not_dense_has_no_months(tmp_path: Path) -> None:
    output = show("tiny", data=_dense_case(tmp_path, DENSE_YEAR)).stdout
    assert "-- May 2025 --" not in output


# --- filters -------------------------------------------------------------------------------


def _events(output: str) -> list[str]:
    return re.findall(r"^[★ ] (\S.*?) · ", output, flags=re.MULTILINE)


@pytest.mark.parametrize(
    ("args", "dates"),
    [
        (["--from", "2024-09"], ["1 September [2024]", "20 September 2024", "October 2024?"]),
        (["--to", "2024-03-11"], ["autumn 2023", "c. March 2024", "10 March 2024"]),
        (
            ["--type", "detention", "--type", "appeal"],
            ["10 March 2024", "12 March 2024", "October 2024?"],
        ),
        (
            ["--person", "bookkeeper-tk"],
            ["12 March 2024", "1 September [2024]", "20 September 2024"],
        ),
        (["--person", "sidorov", "--person", "city-court"], ["c. March 2024", "October 2024?"]),
        (["--key"], ["10 March 2024", "20 September 2024"]),
        (["--from", "2024-04", "--key"], ["20 September 2024"]),
    ],
)
def test_filters(args: list[str], dates: list[str]) -> None:
    result = show("full", *args, columns=200)
    assert result.exit_code == 0, result.stderr
    assert _events(result.stdout) == dates
    assert f"\n{len(dates)} of 8 events: {' '.join(args)}\n" in result.stdout


def test_a_filtered_chronology_has_a_short_header() -> None:
    whole = show("full", columns=200).stdout
    filtered = show("full", "--key", columns=200).stdout
    assert "Defendants:" in whole
    assert "Defendants:" not in filtered
    assert "Jurisdiction: KZ" in filtered
    assert filtered.index("2 of 8 events: --key") < filtered.index("10 March 2024")
    assert "events:" not in whole


@pytest.mark.parametrize("name", ["T.K.", "t.k.", "TK", "bookkeeper-tk"])
def test_person_by_initials_or_id(name: str) -> None:
    result = show("full", "--person", name, columns=200)
    assert result.exit_code == 0, result.stderr
    assert _events(result.stdout) == ["12 March 2024", "1 September [2024]", "20 September 2024"]


@pytest.mark.parametrize("name", ["Anna Ivanova", "anna ivanova", "Анна Иванова", "KNB"])
def test_person_by_name_or_alias(name: str) -> None:
    by_id = show("full", "--person", {"KNB": "knb"}.get(name, "ivanova"), columns=200).stdout
    result = show("full", "--person", name, columns=200)
    assert result.exit_code == 0, result.stderr
    assert _events(result.stdout) == _events(by_id)
    assert _events(by_id)


def test_an_unknown_person_lists_the_people() -> None:
    result = show("full", "--person", "N.O.")
    assert result.exit_code == 2
    assert "no person or organization 'N.O.' in case 'full'" in result.stderr
    assert "ivanova (Anna Ivanova)" in result.stderr
    assert "bookkeeper-tk (T.K.)" in result.stderr
    assert "knb (National Security Committee)" in result.stderr


def test_no_event_matches() -> None:
    result = show("full", "--from", "2030")
    assert result.exit_code == 0
    assert result.stdout.endswith(
        "\nNo events match the filters (--from 2030; 8 events in the case).\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--type", "detentoin"],
            "timeline: error: unknown event type 'detentoin'; did you mean 'detention'?\n",
        ),
        (
            ["--person", "ivanva"],
            "timeline: error: no person or organization 'ivanva' in case 'full'; "
            "did you mean 'ivanova'?\n",
        ),
        (["--from", "May 2025"], "timeline: error: --from 'May 2025': "),
        (["--to", "2025-02-30"], "timeline: error: --to '2025-02-30': "),
        (["--from", "2025", "--to", "2024"], "timeline: error: --from 2025 is after --to 2024\n"),
    ],
)
def test_bad_filters_are_usage_errors(args: list[str], message: str) -> None:
    result = show("full", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(message)
    assert "Traceback" not in result.stderr


def test_bad_format_is_a_usage_error() -> None:
    result = show("tiny", "--format", "html")
    assert result.exit_code == 2
    assert "html" in result.stderr


# --- finding the case ----------------------------------------------------------------------


def test_unknown_case_suggests_and_lists_known_cases() -> None:
    result = show("tiyn")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"timeline: error: no case 'tiyn' in {FIXTURES}; did you mean 'tiny'?\n"
        "known cases: full, tiny\n"
    )


def test_a_case_given_as_a_path() -> None:
    result = CliRunner().invoke(app, ["show", str(FIXTURES / "tiny.yaml")], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    assert result.stdout == TINY_PLAIN


def test_an_invalid_case_prints_its_diagnostics(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "tiny.yaml", tmp_path / "tiny.yaml")
    path = tmp_path / "tiny.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("type: search", "type: serach"), encoding="utf-8"
    )
    result = show("tiny", data=tmp_path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert re.match(rf"{re.escape(str(path))}:\d+:\d+: error\[TL\d+\] ", result.stderr)
    assert "serach" in result.stderr
    assert result.stderr.rstrip().endswith("1 file, 1 error, 0 warnings")
    assert "Traceback" not in result.stderr


# --- golden files --------------------------------------------------------------------------
# After an intended change to the views (or to the case files), regenerate with
#     TIMELINE_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/test_show.py
# and review the diff of tests/fixtures/show/golden/ (and docs/images/show-kloop.svg).

GOLDEN = FIXTURES / "golden"
REGENERATE = os.environ.get("TIMELINE_REGEN_GOLDEN") == "1"
REPO = Path(__file__).resolve().parents[1]
GOLDEN_RUNS = {
    "kloop.80.txt": (REPO / "data" / "cases", ["kloop"], 80),
    "kloop.60.txt": (REPO / "data" / "cases", ["kloop"], 60),
    "kloop.sources.100.txt": (REPO / "data" / "cases", ["kloop", "--sources"], 100),
    "full.sources.80.txt": (FIXTURES, ["full", "--sources"], 80),
}


@pytest.mark.parametrize("name", GOLDEN_RUNS)
def test_plain_matches_its_golden_file(name: str) -> None:
    data, args, columns = GOLDEN_RUNS[name]
    result = show(*args, columns=columns, data=data)
    assert result.exit_code == 0, result.stderr
    golden = GOLDEN / name
    if REGENERATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(result.stdout, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == result.stdout, (
        f"{name} differs; if intended, regenerate with TIMELINE_REGEN_GOLDEN=1 and review the diff"
    )


def test_every_golden_file_is_checked() -> None:
    assert {path.name for path in GOLDEN.iterdir()} == set(GOLDEN_RUNS)


def test_the_readme_picture_is_up_to_date() -> None:
    script = REPO / "scripts" / "record_screenshot.py"
    spec = importlib.util.spec_from_file_location("record_screenshot", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    svg = module.render_svg()
    assert svg == module.render_svg()  # deterministic
    assert "Prosecution of four former Kloop employees" in svg.replace("&#160;", " ")
    if REGENERATE:
        module.main([])
    assert module.main(["--check"]) == 0, "run scripts/record_screenshot.py"


# --- details -------------------------------------------------------------------------------


def _with_details(tmp_path: Path) -> Path:
    text = (FIXTURES / "full.yaml").read_text("utf-8")
    text = text.replace(
        "    title: The bookkeeper detained\n",
        "    title: The bookkeeper detained\n"
        "    description: |-\n      Taken from home at night.\n\n      Released two days later.\n",
    )
    text = text.replace(
        "      - {claim: On 11 March 2024, sources: [wire-2]}",
        "      - {claim: On 11 March 2024, sources: [wire-2]}\n"
        "    note: The wire service probably counted from the court order.",
    )
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "full.yaml").write_text(text, "utf-8")
    return folder


@pytest.mark.parametrize("color", [True, False])
def test_details_show_descriptions_notes_and_quotes(tmp_path: Path, color: bool) -> None:
    folder = _with_details(tmp_path)
    plain = show("full", data=folder, columns=200).stdout
    args = ["--details", "--format", "rich" if color else "plain"]
    detailed = show("full", *args, data=folder, columns=200).stdout
    for words in (
        "Taken from home at night.",
        "Released two days later.",
        "Note: The wire service probably counted from the court order.",
        "\u201cdetained on Sunday\u201d (Example News, para. 2)",
    ):
        assert words not in plain
        assert words in detailed
    # The note stands with its conflict, the description with its event.
    assert detailed.index("On 11 March 2024") < detailed.index("Note: The wire service")
    assert detailed.index("The bookkeeper detained") < detailed.index("Taken from home")
