"""`person`, `search`, `show --related` and `list`'s filters on a folder of several cases."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

CASES = Path(__file__).parent / "fixtures" / "cases"
ENV = {"COLUMNS": "100", "NO_COLOR": None, "TERM": "xterm-256color"}


def run(*args: str, data: Path = CASES):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["--data-dir", str(data), *args], env=ENV)


def json_of(*args: str) -> dict:  # type: ignore[type-arg]
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


# --- person ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["ann", "ANN", "Ann Élise Example", "ann elise example", "анна елкина", "Анна Ёлкина",
     "élise", "A.E.E."],
)  # fmt: skip
def test_person_by_id_name_alias_initials_or_words(query: str) -> None:
    assert json_of("person", query)["person"]["id"] == "ann"


def test_person_across_cases() -> None:
    document = json_of("person", "ann")
    assert document["person"] == {
        "id": "ann",
        "name": "Ann Élise Example",
        "aliases": ["Анна Ёлкина"],
        "description": "Editor-in-chief of Alpha Media.",
    }
    assert [(c["id"], c["roles"]) for c in document["cases"]] == [
        ("alpha", ["defendant"]),
        ("beta", ["witness"]),
    ]
    standing = document["cases"][0]["standing"]
    assert (standing["state"], standing["verdict"], standing["set_by"]) == (
        "convicted", "guilty", "verdict"
    )  # fmt: skip
    assert standing["words"] == (
        "guilty, 5 years' imprisonment, general regime (17 September 2025); "
        "in custody since 28 May 2025"
    )
    assert document["cases"][1]["standing"] is None  # a witness there
    assert [c["custody"] for c in document["cases"]] == [
        "at least 112 days in custody", "10 days in custody"
    ]  # fmt: skip
    assert document["custody"] == "at least 122 days in custody across 2 cases"
    assert [(e["case"], e["id"], e["date"]) for e in document["events"]] == [
        ("beta", "ann-questioned", "2024-03"),
        ("beta", "ann-held", "2024-03-10"),
        ("beta", "ann-released", "2024-03-20"),
        ("alpha", "detained", "2025-05-28"),
        ("alpha", "verdict", "2025-09-17"),
    ]


def test_custody_across_cases_says_when_periods_overlap(tmp_path: Path) -> None:
    for name in ("alpha.yaml", "beta.yaml"):
        shutil.copy(CASES / name, tmp_path / name)
    beta = tmp_path / "beta.yaml"
    text = beta.read_text(encoding="utf-8").replace('"2024-03-10"', '"2025-06-01"')
    beta.write_text(text.replace('"2024-03-20"', '"2025-06-11"'), encoding="utf-8")
    result = run("person", "ann", "--format", "json", data=tmp_path)
    assert json.loads(result.stdout)["custody"] == (
        "at least 122 days in custody across 2 cases "
        "(periods of different cases overlap: some days may be counted twice)"
    )


def test_person_plain_labels_each_event_with_its_case() -> None:
    result = run("person", "ann", "--format", "plain")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("Ann Élise Example\n=================\nId: ann\n")
    assert "Also known as: Анна Ёлкина\nEvents: 5 in 2 cases\n" in out
    assert "Custody: at least 122 days in custody across 2 cases\n" in out
    assert "Cases:\n  alpha: Prosecution of the Alpha editors; role: defendant; standing:" in out
    assert "  beta: Extremism case against Alpha Media; role: witness; 10 days in custody\n" in out
    assert "  March 2024 · questioning [beta]\n    Ann questioned" in out
    assert "★ 28 May 2025 · detention [alpha]\n" in out
    assert out.index("[beta]") < out.index("[alpha]")


def test_person_rich_on_a_terminal_style() -> None:
    result = run("person", "ann", "--format", "rich")
    assert result.exit_code == 0
    assert "\x1b[" in result.stdout and "alpha" in result.stdout and "Cases" in result.stdout


def test_initials_only_person_stays_initials() -> None:
    for query in ("no", "N.O.", "n. o."):
        document = json_of("person", query)
        assert document["person"] == {
            "id": "no", "name": "N.O.", "aliases": [], "description": None,
        }  # fmt: skip
    standing = json_of("person", "N.O.")["cases"][0]["standing"]
    assert standing["words"].startswith("guilty, 3 years' probation")


def test_no_match_lists_the_people() -> None:
    result = run("person", "zorro")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "timeline: error: no person matches 'zorro'\npeople:\n  ann: Ann Élise Example\n"
        "  bob: Bob Builder\n  moiseev: Йован Мойсеев\n  no: N.O.\n"
    )


def test_several_matches_ask_for_an_id(tmp_path: Path) -> None:
    for name in ("alpha.yaml", "beta.yaml"):
        shutil.copy(CASES / name, tmp_path / name)
    text = (tmp_path / "beta.yaml").read_text(encoding="utf-8")
    (tmp_path / "beta.yaml").write_text(text.replace("Bob Builder", "Bob Example"), "utf-8")
    result = run("person", "example", data=tmp_path)
    assert result.exit_code == 2
    assert "several people match 'example'; give an id:\n  ann: Ann Élise Example\n" in (
        result.stderr
    )
    assert "  bob: Bob Example\n" in result.stderr


def test_an_invalid_file_is_left_out_with_a_notice(tmp_path: Path) -> None:
    shutil.copy(CASES / "alpha.yaml", tmp_path / "alpha.yaml")
    shutil.copy(CASES / "beta.yaml", tmp_path / "beta.yaml")
    (tmp_path / "broken.yaml").write_text("format: 1\nid: broken\n", encoding="utf-8")
    result = run("person", "ann", "--format", "json", data=tmp_path)
    assert result.exit_code == 0
    assert f"skipped {tmp_path / 'broken.yaml'}: not a valid case file" in result.stderr
    assert len(json.loads(result.stdout)["cases"]) == 2


# --- search ---------------------------------------------------------------------------------


def hits(text: str) -> dict[str, list[str]]:
    document = json_of("search", text)
    return {
        section: [item["id"] for item in document[section]]
        for section in ("cases", "people", "organizations", "events")
        if document[section]
    }


def test_search_ignores_case_and_accents() -> None:
    assert hits("ELISE") == {"people": ["ann"]}
    assert hits("Ёлкина") == hits("елкина") == {"people": ["ann"]}


def test_search_every_word_must_match_somewhere_in_the_item() -> None:
    assert hits("alpha media") == {
        "cases": ["alpha", "beta"],  # alpha's summary, beta's title
        "people": ["ann"],  # her description
        "organizations": ["alpha-media"],
        "events": ["ann-questioned", "same-day"],
    }
    assert hits("alpha zebra") == {}


def test_search_short_i_is_not_i() -> None:
    assert hits("мойсеев") == {"cases": ["gamma"], "people": ["moiseev"],
                               "events": ["moiseev-detained"]}  # fmt: skip
    assert hits("мои") == {"events": ["moiseev-detained"]}  # the description's "Мои"
    assert hits("моисеев") == {}


def test_search_descriptions_and_titles() -> None:
    assert hits("newsroom") == {"events": ["detained"]}
    assert hits("mass unrest") == {"cases": ["alpha"]}


def test_search_finds_initials_only_people_by_their_initials_only() -> None:
    assert hits("N.O.") == {"people": ["no"], "events": ["detained"]}


def test_search_json_and_plain() -> None:
    document = json_of("search", "bob")
    assert document["version"] == 1 and document["query"] == "bob"
    assert document["people"] == [{"id": "bob", "name": "Bob Builder", "cases": ["beta"]}]
    assert document["events"] == [
        {"case": "beta", "id": "bob-detained", "title": "Bob detained in Almaty",
         "date": "1 February 2025"}
    ]  # fmt: skip
    plain = run("search", "bob", "--format", "plain")
    assert plain.stdout == (
        "People (1)\n  bob: Bob Builder (in beta)\n\nEvents (1)\n"
        "  1 February 2025 · detention [beta] bob-detained: Bob detained in Almaty\n"
    )
    nothing = run("search", "zebra", "--format", "plain")
    assert (nothing.exit_code, nothing.stdout) == (0, "Nothing matches 'zebra'.\n")


def test_search_several_arguments_are_one_query() -> None:
    assert run("search", "alpha", "media").stdout == run("search", "alpha media").stdout


# --- show --related -------------------------------------------------------------------------


def test_show_related_merges_the_chronologies() -> None:
    result = run("show", "alpha", "--related", "--format", "plain")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Cases: alpha, beta\n" in out
    order = ["questioning [beta]", "detention [beta]", "detention [alpha]", "statement [beta]",
             "verdict [alpha]"]  # fmt: skip
    positions = [out.index(label) for label in order]
    assert positions == sorted(positions)  # same day (28 May): the case itself first


def test_show_related_filters_apply_to_every_case() -> None:
    result = run("show", "alpha", "--related", "--person", "bob", "--format", "plain")
    assert result.exit_code == 0, result.stderr
    assert "detention [beta]" in result.stdout and "[alpha]" not in result.stdout
    assert "1 of 7 events shown (filtered)." in result.stdout
    unknown = run("show", "alpha", "--related", "--person", "zed")
    assert unknown.exit_code == 2
    assert "no person or organization 'zed' in cases 'alpha', 'beta'" in unknown.stderr


def test_show_without_related_has_no_labels() -> None:
    result = run("show", "alpha", "--format", "plain")
    assert "[alpha]" not in result.stdout and "Cases:" not in result.stdout


def test_show_related_leaves_out_an_invalid_related_case(tmp_path: Path) -> None:
    shutil.copy(CASES / "alpha.yaml", tmp_path / "alpha.yaml")
    (tmp_path / "beta.yaml").write_text("format: 1\nid: beta\n", encoding="utf-8")
    result = run("show", "alpha", "--related", "--format", "plain", data=tmp_path)
    assert "timeline: notice: skipped" in result.stderr and "beta.yaml" in result.stderr
    assert "Cases: alpha\n" in result.stdout


def test_show_related_is_never_cached(tmp_path: Path) -> None:
    for name in ("alpha.yaml", "beta.yaml"):
        shutil.copy(CASES / name, tmp_path / name)
    first = run("show", "alpha", "--related", "--format", "plain", data=tmp_path)
    beta = tmp_path / "beta.yaml"
    beta.write_text(beta.read_text("utf-8").replace("Bob detained", "Bob arrested"), "utf-8")
    second = run("show", "alpha", "--related", "--format", "plain", data=tmp_path)
    assert "Bob detained" in first.stdout and "Bob arrested" in second.stdout


# --- list filters ---------------------------------------------------------------------------


def listed(*args: str, data: Path = CASES) -> list[str]:
    result = run("list", *args, "--format", "json", data=data)
    assert result.exit_code == 0, result.stderr
    return [case["id"] for case in json.loads(result.stdout)]


def test_list_filters() -> None:
    assert listed() == ["alpha", "beta", "gamma"]
    assert listed("--status", "convicted") == ["alpha"]
    assert listed("--status", "convicted", "--status", "closed") == ["alpha", "gamma"]
    assert listed("--jurisdiction", "kz") == ["beta"]
    assert listed("--tag", "press-freedom") == ["alpha", "gamma"]
    assert listed("--tag", "press-freedom", "--jurisdiction", "KG", "--status", "closed") == [
        "gamma"
    ]
    assert listed("--person", "Ann Elise Example") == ["alpha", "beta"]
    assert listed("--person", "N.O.") == ["alpha"]
    assert listed("--person", "yovan") == ["gamma"]
    assert listed("--person", "nobody") == []


def test_list_unknown_status() -> None:
    result = run("list", "--status", "jailed")
    assert result.exit_code == 2
    assert result.stderr.startswith("timeline: error: unknown status 'jailed'\ncase statuses: ")


def test_list_filters_leave_out_invalid_files_with_a_notice(tmp_path: Path) -> None:
    for name in ("alpha.yaml", "beta.yaml"):
        shutil.copy(CASES / name, tmp_path / name)
    (tmp_path / "broken.yaml").write_text("format: 1\nid: broken\n", encoding="utf-8")
    unfiltered = run("list", "--format", "json", data=tmp_path)
    assert [c["valid"] for c in json.loads(unfiltered.stdout)] == [True, True, False]
    result = run("list", "--tag", "press-freedom", "--format", "json", data=tmp_path)
    assert [c["id"] for c in json.loads(result.stdout)] == ["alpha"]
    assert "skipped" in result.stderr and "broken.yaml" in result.stderr


def test_search_rich_marks_each_hit() -> None:
    result = run("search", "bob", "--format", "rich")
    assert result.exit_code == 0
    assert "\x1b[" in result.stdout
    assert result.stdout.count("•") == 2  # one person, one event


def test_search_lists_every_case_of_a_person_found_in_one() -> None:
    document = json_of("search", "editor-in-chief")  # ann's description, in alpha only
    assert document["people"] == [
        {"id": "ann", "name": "Ann Élise Example", "cases": ["alpha", "beta"]}
    ]
