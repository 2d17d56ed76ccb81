"""`timeline log`: the history of a case or of one event, across real git commits."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import MINIMAL
from test_diff_support import GitRepo
from timeline.cli import app
from timeline.store.history import case_history

CASE = MINIMAL.replace("id: test-case", "id: press")
RETITLED = CASE.replace("title: Ann detained", "title: Ann detained at dawn")
RENAMED = RETITLED.replace("id: detained", "id: ann-detained").replace(
    "after: [detained]", "after: [ann-detained]"
)
BROKEN = RENAMED.replace("type: detention", "type: [detention")
REDATED = RENAMED.replace('date: "2025-05-28"', 'date: "2025-05-27"')
SENTENCED = REDATED.replace("term: P5Y", "term: P3Y")
runner = CliRunner()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Seven commits: create, retitle, rename the event id, break the file, fix it with a new
    date, change the sentence, move the file to another folder."""
    monkeypatch.delenv("TIMELINE_DATA_DIR", raising=False)
    repo = GitRepo(tmp_path / "repo")
    path = "data/cases/press.yaml"
    commits = {
        "create": repo.commit("Create the case", {path: CASE}, author="Ann Author"),
        "retitle": repo.commit("Retitle the detention", {path: RETITLED}),
        "rename": repo.commit("Rename the detention's id", {path: RENAMED}),
        "break": repo.commit("Break the file", {path: BROKEN}),
        "fix": repo.commit("Fix the file, new date", {path: REDATED}),
        "sentence": repo.commit("Change the sentence", {path: SENTENCED}),
    }
    repo.git("mv", "data", "archive")
    commits["move"] = repo.commit("Move the data")
    monkeypatch.chdir(repo.root)
    return {
        "repo": repo,
        "commits": commits,
        "path": repo.root / "archive" / "cases" / "press.yaml",
    }


def _summary(entry: dict[str, Any]) -> tuple[str, str, list[tuple[str, str, str | None]]]:
    changes = entry["diff"]["changes"] if entry["diff"] else []
    return entry["subject"], entry["status"], [(c["kind"], c["id"], c["old_id"]) for c in changes]


def test_the_history_of_a_case(repo: dict[str, Any]) -> None:
    history = case_history(repo["path"]).to_json()
    assert history["file"] == "archive/cases/press.yaml"
    assert [_summary(entry) for entry in history["commits"]] == [
        ("Move the data", "unchanged", []),
        ("Change the sentence", "changed", [("changed", "verdict", None)]),
        ("Fix the file, new date", "changed", [("changed", "ann-detained", None)]),
        ("Break the file", "invalid", []),
        ("Rename the detention's id", "changed", [("renamed", "ann-detained", "detained")]),
        ("Retitle the detention", "changed", [("changed", "detained", None)]),
        (
            "Create the case",
            "created",
            [("added", "detained", None), ("added", "verdict", None)]
            + [("added", i, None) for i in ("ann", "no", "court", "art-1", "src")],
        ),
    ]
    commits = repo["commits"]
    assert [entry["short"] for entry in history["commits"]] == [
        commits[name]
        for name in ("move", "sentence", "fix", "break", "rename", "retitle", "create")
    ]
    assert [entry["file"] for entry in history["commits"]] == ["archive/cases/press.yaml"] + [
        "data/cases/press.yaml"
    ] * 6


def test_a_commit_after_an_invalid_one_is_compared_with_the_last_valid_version(
    repo: dict[str, Any],
) -> None:
    entries = {e["subject"]: e for e in case_history(repo["path"]).to_json()["commits"]}
    fix = entries["Fix the file, new date"]
    assert fix["base"] == repo["commits"]["rename"]
    assert fix["diff"]["old"]["rev"] == repo["commits"]["rename"]
    assert fix["diff"]["changes"][0]["date_change"]["kind"] == "moved"
    assert fix["diff"]["changes"][0]["date_change"]["shift_days"] == -1
    broken = entries["Break the file"]
    assert broken["diff"] is None
    assert [d["code"] for d in broken["diagnostics"]] == ["TL101"]
    assert broken["diagnostics"][0]["file"] == f"data/cases/press.yaml@{repo['commits']['break']}"
    assert entries["Change the sentence"]["base"] is None


def test_the_history_of_one_event_follows_its_renames(repo: dict[str, Any]) -> None:
    history = case_history(repo["path"], event="ann-detained").to_json()
    assert history["event"] == "ann-detained"
    assert [_summary(entry) for entry in history["commits"]] == [
        ("Fix the file, new date", "changed", [("changed", "ann-detained", None)]),
        ("Break the file", "invalid", []),
        ("Rename the detention's id", "changed", [("renamed", "ann-detained", "detained")]),
        ("Retitle the detention", "changed", [("changed", "detained", None)]),
        ("Create the case", "created", [("added", "detained", None)]),
    ]
    retitle = history["commits"][3]["diff"]
    assert retitle["summary"] == {"added": 0, "removed": 0, "changed": 1, "renamed": 0}
    assert retitle["changes"][0]["fields"] == [
        {"path": "title", "old": "Ann detained", "new": "Ann detained at dawn"}
    ]


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_log_text(repo: dict[str, Any]) -> None:
    code, out, err = run("log", "archive/cases/press.yaml", "--event", "ann-detained")
    assert (code, err) == (0, "")
    c = repo["commits"]
    assert out == (
        f"{c['fix']}  2025-01-01  t  Fix the file, new date\n"
        f"    1 change: 0 added, 0 removed, 1 changed, 0 renamed (compared with {c['rename']}, "
        "the last version that validates)\n"
        "    ~ ann-detained  27 May 2025  Ann detained at dawn\n"
        "        date: 28 May 2025 -> 27 May 2025 (2025-05-28 -> 2025-05-27; moved 1 day earlier)\n"
        "\n"
        f"{c['break']}  2025-01-01  t  Break the file\n"
        "    data/cases/press.yaml does not validate (1 error):\n"
        f"      data/cases/press.yaml@{c['break']}:18:11: error[TL101] YAML syntax error: the "
        "'[' opened here is not closed (at line 19, column 10: did not find expected ',' or ']')\n"
        "        = hint: add ']' where the list ends, or a comma\n"
        "        18 |     type: [detention\n"
        "           |           ^\n"
        "\n"
        f"{c['rename']}  2025-01-01  t  Rename the detention's id\n"
        "    1 change: 0 added, 0 removed, 0 changed, 1 renamed\n"
        "    ~ ann-detained (renamed from detained)  28 May 2025  Ann detained at dawn\n"
        "\n"
        f"{c['retitle']}  2025-01-01  t  Retitle the detention\n"
        "    1 change: 0 added, 0 removed, 1 changed, 0 renamed\n"
        "    ~ detained  28 May 2025  Ann detained at dawn\n"
        "        title: Ann detained -> Ann detained at dawn\n"
        "\n"
        f"{c['create']}  2025-01-01  Ann Author  Create the case\n"
        "    1 change: 1 added, 0 removed, 0 changed, 0 renamed\n"
        "    + detained  28 May 2025  Ann detained\n"
        "        date: 2025-05-28\n"
        "        type: detention\n"
        "        title: Ann detained\n"
        "        participants: Example (detainee), N.O. (detainee)\n"
        "        sources: src\n"
    )


def test_log_text_summarises_the_creation_of_the_file(repo: dict[str, Any]) -> None:
    code, out, _ = run("log", "archive/cases/press.yaml")
    assert code == 0
    assert out.endswith(
        f"{repo['commits']['create']}  2025-01-01  Ann Author  Create the case\n"
        "    data/cases/press.yaml created: "
        "2 events, 2 people, 1 organization, 1 charge, 1 source\n"
    )


def test_log_json_and_errors(repo: dict[str, Any]) -> None:
    code, out, _ = run("log", "archive/cases/press.yaml", "--format", "json")
    assert code == 0
    assert len(json.loads(out)["commits"]) == 7
    code, out, err = run("log", "archive/cases/press.yaml", "--event", "ann-detaind")
    assert (code, out) == (2, "")
    assert err == (
        "timeline: error: no event 'ann-detaind' in the history of archive/cases/press.yaml; "
        "did you mean 'ann-detained'?\n"
    )


def test_log_of_an_uncommitted_file(repo: dict[str, Any]) -> None:
    repo["repo"].write("archive/cases/other.yaml", CASE.replace("id: press", "id: other"))
    code, out, err = run("log", "archive/cases/other.yaml")
    assert (code, out) == (2, "")
    assert (
        err
        == "timeline: error: archive/cases/other.yaml has no history in git (is it committed?)\n"
    )


def test_log_of_a_deleted_case(repo: dict[str, Any]) -> None:
    repo["repo"].git("rm", "-q", "archive/cases/press.yaml")
    deleted = repo["repo"].commit("Delete the case")
    code, out, err = run("log", "archive/cases/press.yaml")
    assert (code, err) == (0, "")
    assert out.startswith(
        f"{deleted}  2025-01-01  t  Delete the case\n    archive/cases/press.yaml deleted\n\n"
    )
    document = json.loads(run("log", "archive/cases/press.yaml", "-f", "json")[1])
    assert [e["status"] for e in document["commits"]][:2] == ["deleted", "unchanged"]


FORGED = "Retitle\x1e" + "f" * 40 + "\x1ffffffff\x1f1999-01-01T00:00:00+00:00\x1fMallory\x1fForged"


@pytest.mark.parametrize("subject", ["Retitle\x1fwith a unit separator", FORGED])
def test_commit_text_cannot_forge_a_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, subject: str
) -> None:
    monkeypatch.delenv("TIMELINE_DATA_DIR", raising=False)
    repo = GitRepo(tmp_path / "repo")
    path = "data/cases/press.yaml"
    created = repo.commit("Create the case", {path: CASE})
    retitled = repo.commit(subject, {path: RETITLED})
    monkeypatch.chdir(repo.root)
    result = runner.invoke(app, ["log", "press", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    commits = json.loads(result.stdout)["commits"]
    assert [c["short"] for c in commits] == [retitled, created]
    assert commits[0]["subject"] == subject
    assert {c["author"] for c in commits} == {"t"}
    text = runner.invoke(app, ["log", "press"])
    assert text.exit_code == 0, text.stderr
    assert not any(line.startswith("fffffff") for line in text.stdout.splitlines())
    assert "\x1e" not in text.stdout and "\x1f" not in text.stdout


def test_a_shallow_clone_does_not_claim_its_oldest_commit_created_the_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TIMELINE_DATA_DIR", raising=False)
    repo = GitRepo(tmp_path / "repo")
    path = "data/cases/press.yaml"
    repo.commit("Create the case", {path: CASE})
    repo.commit("Retitle the detention", {path: RETITLED})
    repo.commit("Rename the detention's id", {path: RENAMED})
    clone = tmp_path / "clone"
    repo.git("clone", "-q", "--depth", "2", f"file://{repo.root}", str(clone))
    monkeypatch.chdir(clone)
    commits = json.loads(runner.invoke(app, ["log", "press", "--format", "json"]).stdout)
    assert [c["status"] for c in commits["commits"]] == ["changed", "earliest"]
    text = runner.invoke(app, ["log", "press"]).stdout
    assert "shallow clone" in text and "created" not in text
