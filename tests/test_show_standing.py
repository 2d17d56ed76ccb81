"""`show` on the standing sequences: each defendant's standing and days in custody in the
header, annulled outcomes marked where they appear, dates of unknown and in-between days."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

FIXTURES = Path(__file__).parent / "fixtures" / "standing"


@pytest.fixture(scope="module")
def output() -> str:
    env = {"COLUMNS": "400", "TERM": "xterm-256color"}
    argv = ["--data-dir", str(FIXTURES), "show", "sequences", "--format", "plain"]
    result = CliRunner().invoke(app, argv, env=env)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(
    "line",
    [
        "  Aibek Upheld: guilty, 6 years' imprisonment (10 October 2024), upheld on appeal "
        "(18 December 2024) and again (25 February 2025); in custody since 16 January 2024; "
        "at least 784 days in custody",
        "  Bakyt Pardoned: guilty, 5 years' imprisonment (10 October 2024), upheld on appeal "
        "(18 December 2024); pardoned (date unknown, after 25 February 2025); "
        "at least 406 days in custody",
        "  Cholpon Amended: guilty, 3 years' probation (10 October 2024); sentence reduced on "
        "appeal to 2 years' probation (18 December 2024), upheld on appeal (25 February 2025); "
        "released; 84 days in custody, 184 days under house arrest",
        "  Dinara Tajibek kyzy: acquitted (10 October 2024), upheld on appeal (18 December "
        "2024); released; 268 days in custody",
        "  Emil Overturned: acquittal overturned: guilty, 4 years' imprisonment (18 December "
        "2024); in custody since 18 December 2024; at least 715 days in custody",
        "  Farida Annulled: conviction annulled (10 March 2026); retrial pending; WGAD found a "
        "violation (20 October 2025); in custody since 16 January 2024; at least 784 days in "
        "custody",
        "  Gulnara Exchanged: guilty, 8 years' imprisonment, strict regime (10 October 2024); "
        "released in a prisoner exchange (20 January 2025); 370 days in custody",
        "  Hasan Requested uulu: awaiting trial; released; 56-58 days in custody",
    ],
)
def test_the_header_states_each_standing(output: str, line: str) -> None:
    assert line + "\n" in output


def test_annulled_outcomes_are_marked_for_their_people_only(output: str) -> None:
    assert (
        "    Outcome: Upheld, Farida: guilty; 6 years (annulled for Farida (10 March 2026))\n"
        in output
    )
    assert "    Outcome: Pardoned: guilty; 5 years\n" in output
    assert "    Outcome: Farida: annulled; retrial ordered\n" in output


def test_unknown_and_in_between_dates_say_what_they_are(output: str) -> None:
    assert "  date unknown, after 25 February 2025 · pardon\n" in output
    assert "  between 12 and 14 March 2024 · pretrial measure\n" in output


def test_a_conflict_about_one_detail_marks_that_outcome_only(output: str) -> None:
    assert (
        "    Outcome: Exchanged: guilty; 8 years, strict-regime penal colony (sources disagree "
        "on term for Exchanged)\n"
    ) in output
    assert "    Outcome: Amended: guilty; 3 years probation\n" in output
    assert "  10 October 2024 · verdict\n    Verdict\n" in output  # not marked contested


def test_person_filter_finds_events_that_name_a_group_or_its_members() -> None:
    argv = ["--data-dir", str(FIXTURES), "show", "sequences", "--format", "plain"]
    env = {"COLUMNS": "200"}
    alone = CliRunner().invoke(app, [*argv, "--person", "requested"], env=env)
    assert alone.exit_code == 0, alone.stderr
    assert "· detention\n    The eight detained" in alone.stdout  # named through the group
    assert "Verdict\n" not in alone.stdout
    group = CliRunner().invoke(app, [*argv, "--person", "the-eight"], env=env)
    assert group.exit_code == 0, group.stderr
    assert "Verdict\n" in group.stdout  # names members of the group


def test_diff_of_a_date_that_became_known(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    text = (FIXTURES / "sequences.yaml").read_text("utf-8")
    (old / "sequences.yaml").write_text(text, "utf-8")
    known = text.replace("    type: pardon\n", '    date: "2025-04"\n    type: pardon\n')
    (new / "sequences.yaml").write_text(known, "utf-8")
    argv = ["diff", str(old / "sequences.yaml"), str(new / "sequences.yaml")]
    result = CliRunner().invoke(app, argv, env={"COLUMNS": "200"})
    assert "date: date unknown, after 25 February 2025 -> April 2025 (no date -> 2025-04" in (
        result.stdout
    )
