"""`timeline export --all -f sqlite`: schema, keys, indexes, example queries, Datasette."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import REPO
from timeline.cli import app

CASES = Path(__file__).parent / "fixtures" / "cases"
DOCS = (REPO / "docs" / "exports.md").read_text(encoding="utf-8")
TABLES = {
    "cases", "case_tags", "related_cases", "people", "person_aliases", "organizations",
    "organization_aliases", "case_people", "case_organizations", "affiliations", "charges",
    "sources", "events", "participants", "outcomes", "standing", "event_charges", "citations",
    "conflicts", "claims", "search",
}  # fmt: skip


def export_all(data: Path, target: Path) -> Any:
    return CliRunner().invoke(
        app, ["--data-dir", str(data), "export", "--all", "-f", "sqlite", "-o", str(target)]
    )


@pytest.fixture
def database(tmp_path: Path) -> Path:
    target = tmp_path / "cases.db"
    result = export_all(CASES, target)
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and result.stderr == ""
    return target


def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def example_queries() -> list[str]:
    """The SQL examples of docs/exports.md's sqlite section, in order."""
    section = DOCS.split("\n## sqlite\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, flags=re.DOTALL)


def test_tables_keys_and_indexes(database: Path) -> None:
    db = connect(database)
    names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert names >= TABLES
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.execute("PRAGMA user_version").fetchone() == (1,)
    keys = {(row[2], row[3]) for row in db.execute("PRAGMA foreign_key_list(participants)")}
    assert keys == {("people", "person_id"), ("organizations", "organization_id"),
                    ("events", "case_id"), ("events", "event_id")}  # fmt: skip
    primary = [row[1] for row in db.execute("PRAGMA table_info(events)") if row[5]]
    assert primary == ["case_id", "id"]
    plan = db.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM participants WHERE person_id = 'ann'"
    ).fetchall()
    assert "participants_person" in str(plan)


def test_rows(database: Path) -> None:
    db = connect(database)
    assert db.execute("SELECT id, jurisdiction, status, events FROM cases").fetchall() == [
        ("alpha", "KG", "convicted", 2), ("beta", "KZ", "ongoing", 5), ("gamma", "KG", "closed", 1)
    ]  # fmt: skip
    assert db.execute("SELECT count(*) FROM people").fetchone() == (4,)  # ann once
    assert db.execute(
        "SELECT case_id, roles FROM case_people WHERE person_id = 'ann' ORDER BY case_id"
    ).fetchall() == [("alpha", '["defendant"]'), ("beta", '["witness"]')]
    assert db.execute(
        "SELECT event_id, person_id, verdict, sentence, term FROM outcomes ORDER BY position"
    ).fetchall() == [
        ("verdict", "ann", "guilty", "imprisonment", "P5Y"),
        ("verdict", "no", "guilty", "probation", "P3Y"),
    ]
    assert db.execute(
        "SELECT case_id, person_id, state, verdict, sentence, term, set_by_event_id, liberty, "
        "custody_days_low, custody_days_high FROM standing"
    ).fetchall() == [
        ("alpha", "ann", "convicted", "guilty", "imprisonment", "P5Y", "verdict",
         "in-custody", 112, None),
        ("alpha", "no", "convicted", "guilty", "probation", "P3Y", "verdict", "at-liberty", 112,
         112),
        ("beta", "bob", "awaiting-trial", None, None, None, None, "in-custody", 116, None),
        ("gamma", "moiseev", "awaiting-trial", None, None, None, None, "in-custody", 0, None),
    ]  # fmt: skip
    assert db.execute("SELECT words FROM standing WHERE person_id = 'ann'").fetchone() == (
        "guilty, 5 years' imprisonment, general regime (17 September 2025); "
        "in custody since 28 May 2025",
    )
    assert db.execute("SELECT source_id, quote FROM citations WHERE event_id = 'verdict'"
                      ).fetchall() == [("src-a", "found guilty")]  # fmt: skip
    assert db.execute("SELECT charge_id FROM event_charges").fetchall() == [("art-278",)]


def test_initials_only_people_are_initials(database: Path) -> None:
    db = connect(database)
    assert db.execute("SELECT name, privacy, description FROM people WHERE id = 'no'"
                      ).fetchall() == [("N.O.", "initials", None)]  # fmt: skip
    assert db.execute("SELECT * FROM person_aliases WHERE person_id = 'no'").fetchall() == []


def test_the_example_queries_of_the_docs(database: Path) -> None:
    db = connect(database)
    full_text, detentions, involving, by_status = example_queries()
    assert [row[:2] for row in db.execute(full_text.replace("liquidation", "newsroom"))] == [
        ("event", "alpha")
    ]
    assert db.execute(detentions).fetchall() == [
        ("alpha", "detained", "28 May 2025", "Ann and N.O. detained by the GKNB")
    ]
    assert [row[:2] for row in db.execute(involving, {"person": "ann"})] == [
        ("beta", "ann-questioned"), ("beta", "ann-held"), ("beta", "ann-released"),
        ("alpha", "detained"), ("alpha", "verdict"),
    ]  # fmt: skip
    assert db.execute(by_status).fetchall() == [
        ("closed", 1, "gamma"), ("convicted", 1, "alpha"), ("ongoing", 1, "beta")
    ]  # fmt: skip


def test_full_text_ignores_case_and_accents(database: Path) -> None:
    db = connect(database)

    def found(words: str) -> list[tuple[str, str]]:
        query = "SELECT kind, ref FROM search WHERE search MATCH ? ORDER BY kind, ref"
        return db.execute(query, (words,)).fetchall()

    assert found("ЁЛКИНА") == [("person", "ann")]
    assert found("elise") == [("person", "ann")]
    assert found("мойсеева") == [("case", "gamma"), ("event", "moiseev-detained")]
    assert found('"N.O."') == [("event", "detained"), ("person", "no")]  # a phrase


def test_the_same_cases_give_the_same_bytes(database: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.db"
    assert export_all(CASES, again).exit_code == 0
    assert again.read_bytes() == database.read_bytes()


def test_an_invalid_case_writes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(CASES, data)
    (data / "broken.yaml").write_text("format: 1\nid: broken\n", encoding="utf-8")
    target = tmp_path / "cases.db"
    target.write_bytes(b"the previous database")
    result = export_all(data, target)
    assert result.exit_code == 1
    assert "broken.yaml" in result.stderr
    assert "1 case file(s) not valid; nothing was exported" in result.stderr
    assert target.read_bytes() == b"the previous database"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.db", "data"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--all", "-f", "csv"], "--all needs a format that holds many cases: sqlite"),
        (["--all", "-f", "sqlite"], "the sqlite format is written to a file: give -o FILE"),
        (["alpha", "-f", "sqlite", "-o", "-"], "the sqlite format is written to a file"),
        (["-f", "sqlite", "-o", "x.db"], "give a CASE or --all (and not both)"),
        (["alpha", "--all", "-f", "sqlite", "-o", "x.db"], "give a CASE or --all"),
    ],
)
def test_usage_errors(args: list[str], message: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["--data-dir", str(CASES), "export", *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_one_case_into_a_database(tmp_path: Path) -> None:
    target = tmp_path / "alpha.db"
    result = CliRunner().invoke(
        app, ["--data-dir", str(CASES), "export", "alpha", "-f", "sqlite", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert connect(target).execute("SELECT id FROM cases").fetchall() == [("alpha",)]


def test_different_definitions_of_an_id_and_privacy_whichever_case_says_it(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    shutil.copytree(CASES, data)
    beta = data / "beta.yaml"
    text = beta.read_text(encoding="utf-8").replace("Ann Élise Example", "Anne Example")
    text = text.replace(  # the initials-only N.O. of alpha, named in full in beta
        "  - id: bob\n", "  - id: 'no'\n    name: Nurlan Omurov\n    aliases: [{name: Нурлан}]\n"
        "    roles: [witness]\n  - id: bob\n"
    )  # fmt: skip
    beta.write_text(text, encoding="utf-8")
    result = export_all(data, tmp_path / "cases.db")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "timeline: notice: 2 id(s) are defined differently by different cases; the database "
        "keeps one definition of each: 'ann' (alpha, beta: kept alpha's); "
        "'no' (alpha, beta: kept alpha's)\n"
    )
    db = connect(tmp_path / "cases.db")
    assert db.execute("SELECT name FROM people WHERE id = 'no'").fetchall() == [("N.O.",)]
    dump = "\n".join(db.iterdump())
    assert "Nurlan" not in dump and "Нурлан" not in dump


def test_datasette_serves_the_database(database: Path) -> None:
    from datasette.app import Datasette

    async def ask() -> list[Any]:
        datasette = Datasette(files=[str(database)])
        await datasette.invoke_startup()
        answers = []
        for path, params in [
            ("/cases/events.json", {"type": "detention", "_shape": "array"}),
            ("/cases/search.json", {"_search": "newsroom", "_shape": "array"}),
            ("/cases.json", {"sql": example_queries()[3], "_shape": "array"}),
            ("/cases/participants.json", {"person_id": "ann", "_labels": "on",
                                          "_shape": "array"}),
        ]:  # fmt: skip
            response = await datasette.client.get(path, params=params)
            assert response.status_code == 200, response.text
            answers.append(response.json())
        return answers

    detentions, found, by_status, labelled = asyncio.run(ask())
    assert [(row["case_id"], row["id"]) for row in detentions] == [
        ("alpha", "detained"), ("beta", "ann-held"), ("beta", "bob-detained"),
        ("gamma", "moiseev-detained"),
    ]  # fmt: skip
    assert [(row["kind"], row["ref"]) for row in found] == [("event", "detained")]
    assert by_status[0] == {"status": "closed", "cases": 1, "ids": "gamma"}
    assert labelled[0]["person_id"] == {"value": "ann", "label": "Ann Élise Example"}


def test_a_group_is_one_row_per_member(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(CASES, data)
    alpha = data / "alpha.yaml"
    text = alpha.read_text(encoding="utf-8").replace(
        "organizations:\n", "groups:\n  - {id: editors, name: the editors, members: [ann, 'no']}\n"
        "organizations:\n", 1
    ).replace("participants: [{ref: ann, role: detainee}, {ref: no, role: detainee},",
              "participants: [{ref: editors, role: detainee},")  # fmt: skip
    alpha.write_text(text, encoding="utf-8")
    result = export_all(data, tmp_path / "cases.db")
    assert result.exit_code == 0, result.output
    db = connect(tmp_path / "cases.db")
    assert db.execute(
        "SELECT person_id, organization_id, role FROM participants WHERE event_id = 'detained'"
    ).fetchall() == [("ann", None, "detainee"), ("no", None, "detainee"),
                     (None, "gknb", "authority")]  # fmt: skip
    person = CliRunner().invoke(app, ["--data-dir", str(data), "person", "no", "-f", "json"])
    assert [event["id"] for event in json.loads(person.stdout)["events"]] == [
        "detained", "verdict"
    ]  # fmt: skip
