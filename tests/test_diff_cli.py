"""`timeline diff`: files, git revisions, formats, exit codes, errors, git's external diff."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import MINIMAL
from test_diff_support import NEW, OLD, GitRepo
from timeline.cli import app

CASE = MINIMAL.replace("id: test-case", "id: press")
RETITLED = CASE.replace("title: Ann detained", "title: Ann detained at dawn")
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """`data/cases/press.yaml` committed twice on main: created, then an event retitled."""
    monkeypatch.delenv("TIMELINE_DATA_DIR", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    repo = GitRepo(tmp_path / "repo")
    repo.commit("first", {"data/cases/press.yaml": CASE})
    repo.commit("retitle", {"data/cases/press.yaml": RETITLED})
    monkeypatch.chdir(repo.root)
    return repo


TITLE_CHANGE = {
    "kind": "changed",
    "section": "events",
    "id": "detained",
    "old_id": None,
    "label": "Ann detained at dawn",
    "date": "28 May 2025",
    "fields": [{"path": "title", "old": "Ann detained", "new": "Ann detained at dawn"}],
    "date_change": None,
}


def test_two_files_as_json() -> None:
    code, out, err = run("diff", str(OLD), str(NEW), "--format", "json")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert document["summary"] == {"added": 1, "removed": 2, "changed": 12, "renamed": 3}
    assert (document["old"]["id"], document["old"]["rev"]) == ("press", None)
    assert document["old"]["file"].endswith("fixtures/diff/old/press.yaml")
    assert [c["id"] for c in document["changes"]][:3] == [
        "detained",
        "accountant-detained",
        "police-claim",
    ]


def test_exit_code_says_whether_there_are_differences() -> None:
    assert run("diff", str(OLD), str(NEW), "--exit-code")[0] == 1
    assert run("diff", str(OLD), str(OLD), "--exit-code")[0] == 0
    assert run("diff", str(OLD), str(NEW))[0] == 0


def test_a_revision_against_the_working_tree(repo: GitRepo) -> None:
    code, out, err = run("diff", "press@HEAD~1", "press", "--format", "json")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert document["old"] == {"id": "press", "file": "data/cases/press.yaml", "rev": "HEAD~1"}
    assert document["new"] == {"id": "press", "file": "data/cases/press.yaml", "rev": None}
    assert document["changes"] == [TITLE_CHANGE]


def test_one_case_alone_compares_head_with_the_working_tree(repo: GitRepo) -> None:
    assert run("diff", "press", "--exit-code") == (
        0,
        "--- data/cases/press.yaml@HEAD\n+++ data/cases/press.yaml (working tree)\nno changes\n",
        "",
    )
    repo.write("data/cases/press.yaml", CASE)
    code, out, _ = run("diff", "press", "--exit-code")
    assert code == 1
    assert out == (
        "--- data/cases/press.yaml@HEAD\n"
        "+++ data/cases/press.yaml (working tree)\n"
        "1 change: 0 added, 0 removed, 1 changed, 0 renamed\n"
        "\n"
        "Events\n"
        "  ~ detained  28 May 2025  Ann detained\n"
        "      title: Ann detained at dawn -> Ann detained\n"
    )


def test_two_revisions_of_a_path_and_a_branch(repo: GitRepo) -> None:
    repo.git("checkout", "-q", "-b", "edit")
    key_event = RETITLED.replace("sources: [src]\n", "sources: [src]\n    key: true\n", 1)
    repo.commit("make the detention a key event", {"data/cases/press.yaml": key_event})
    code, out, _ = run("diff", "data/cases/press.yaml@main", "@edit", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert (document["old"]["rev"], document["new"]["rev"]) == ("main", "edit")
    assert document["changes"][0]["fields"] == [{"path": "key", "old": False, "new": True}]
    assert json.loads(run("diff", "press@HEAD~2", "press@main", "-f", "json")[1])["changes"] == [
        TITLE_CHANGE
    ]


def test_from_a_subfolder_of_the_repository(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo.root / "docs").mkdir()
    monkeypatch.chdir(repo.root / "docs")
    code, out, _ = run("diff", "press@HEAD~1", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["new"]["file"] == "../data/cases/press.yaml"
    assert document["changes"] == [TITLE_CHANGE]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("press@nope",), "timeline: error: unknown revision 'nope' in "),
        (("press@HEAD~9", "press"), "timeline: error: unknown revision 'HEAD~9' in "),
        (
            ("missing@HEAD",),
            "timeline: error: data/cases/missing.yaml does not exist at revision 'HEAD'",
        ),
        (("press@",), "timeline: error: 'press@': a revision is missing after '@'"),
        (("a", "b", "c"), "timeline: error: diff takes OLD and at most one NEW"),
        (("nocase", "press"), "timeline: error: no case 'nocase' in data/cases"),
    ],
)
def test_errors_exit_2(repo: GitRepo, args: tuple[str, ...], message: str) -> None:
    code, out, err = run("diff", *args, "--exit-code")
    assert (code, out) == (2, "")
    assert err.startswith(message)
    assert "Traceback" not in err


def test_not_a_git_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("press.yaml").write_text(CASE)
    code, out, err = run("diff", "press.yaml@HEAD", "press.yaml")
    assert (code, out) == (2, "")
    assert err == f"timeline: error: not a git repository: {tmp_path}\n"


def test_a_version_that_does_not_validate_shows_its_diagnostics_and_exits_2(repo: GitRepo) -> None:
    repo.commit(
        "break it", {"data/cases/press.yaml": CASE.replace("type: detention", "type: detension")}
    )
    code, out, err = run("diff", "press@HEAD~1", "press@HEAD", "--exit-code")
    assert (code, out) == (2, "")
    assert "data/cases/press.yaml@HEAD:" in err
    assert "error[TL207] 'detension' is not a known type" in err
    assert "did you mean 'detention'?" in err


def test_markdown_and_text_formats_on_files() -> None:
    code, out, _ = run("diff", str(OLD), str(NEW), "--format", "markdown")
    assert code == 0
    assert out.startswith("### timeline diff: ")
    assert "**18 changes: 1 added, 2 removed, 12 changed, 3 renamed**" in out
    code, out, _ = run("diff", str(OLD), str(NEW))
    assert "\x1b[" not in out  # no colour in a pipe


def test_an_unknown_format_is_refused() -> None:
    code, _, err = run("diff", str(OLD), str(NEW), "--format", "html")
    assert code == 2
    assert "html" in err


# --- git's external diff calling convention ------------------------------------------------


def test_git_external_with_seven_arguments(tmp_path: Path) -> None:
    old, new = tmp_path / "XyZ_press.yaml", tmp_path / "press.yaml"
    old.write_text(CASE)
    new.write_text(RETITLED)
    args = ["data/cases/press.yaml", str(old), "a" * 40, "100644", str(new), "0" * 40, "100644"]
    expected = (
        "--- data/cases/press.yaml@aaaaaaa\n"
        "+++ data/cases/press.yaml (working tree)\n"
        "1 change: 0 added, 0 removed, 1 changed, 0 renamed\n"
        "\n"
        "Events\n"
        "  ~ detained  28 May 2025  Ann detained at dawn\n"
        "      title: Ann detained -> Ann detained at dawn\n"
    )
    assert run("diff", "--git-external", *args) == (0, expected, "")
    assert run("diff", *args) == (0, expected, "")  # git's seven arguments are recognised


def test_git_external_for_a_new_file_and_an_invalid_side(tmp_path: Path) -> None:
    new = tmp_path / "press.yaml"
    new.write_text(CASE)
    args = ["data/cases/press.yaml", "/dev/null", ".", ".", str(new), "b" * 40, "100644"]
    assert run("diff", *args) == (0, "data/cases/press.yaml: new case file\n", "")
    broken = tmp_path / "old.yaml"
    broken.write_text(CASE.replace("title: Ann detained", "title: [unclosed"))
    args = ["data/cases/press.yaml", str(broken), "c" * 40, "100644", str(new), "b" * 40, "100644"]
    code, out, err = run("diff", "--git-external", *args)
    assert code == 0  # git stops the whole diff when its driver fails
    assert out.startswith("--- a/data/cases/press.yaml\n+++ b/data/cases/press.yaml\n")
    assert "-    title: [unclosed\n+    title: Ann detained\n" in out
    assert "data/cases/press.yaml@ccccccc:" in err


def test_git_external_needs_git_arguments() -> None:
    code, _, err = run("diff", "--git-external", "a", "b")
    assert code == 2
    assert "takes the arguments git passes" in err


def test_git_uses_the_driver(repo: GitRepo, tmp_path: Path) -> None:
    """End to end: `git diff` with `.gitattributes` and `diff.timeline.command`."""
    import shutil
    import sys

    timeline = shutil.which("timeline", path=str(Path(sys.executable).parent))
    assert timeline is not None
    repo.write(".gitattributes", "data/cases/*.yaml diff=timeline\n")
    repo.git("config", "diff.timeline.command", f"{timeline} diff --git-external")
    out = repo.git("diff", "HEAD~1", "HEAD")
    assert "  ~ detained  28 May 2025  Ann detained at dawn\n" in out
    assert "title: Ann detained -> Ann detained at dawn" in out
    # As the docs say: `git log -p` and `git show` use the driver with --ext-diff only.
    assert "title: Ann detained -> Ann detained at dawn" not in repo.git("log", "-p", "-1")
    assert "title: Ann detained -> Ann detained at dawn" in repo.git(
        "log", "-p", "-1", "--ext-diff"
    )
    assert "title: Ann detained -> Ann detained at dawn" in repo.git("show", "--ext-diff", "HEAD")


def test_git_uses_the_textconv_driver_in_log_p(repo: GitRepo) -> None:
    """`diff.timeline.textconv`: git diffs the plain chronologies, in `git log -p` too."""
    import shutil
    import sys

    timeline = shutil.which("timeline", path=str(Path(sys.executable).parent))
    assert timeline is not None
    repo.write(".gitattributes", "data/cases/*.yaml diff=timeline\n")
    repo.git("config", "diff.timeline.textconv", f"{timeline} diff --git-textconv")
    out = repo.git("log", "-p", "-1")
    removed = [line for line in out.splitlines() if line.startswith("-") and "Ann detained" in line]
    added = [
        line for line in out.splitlines() if line.startswith("+") and "Ann detained at dawn" in line
    ]
    assert removed and added
    assert not any("title:" in line for line in removed + added)  # not the YAML lines


def test_textconv_shows_an_invalid_file_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "x_press.yaml"
    path.write_text("format: 1\nid: [\n", encoding="utf-8")
    code, out, _ = run("diff", "--git-textconv", str(path))
    assert (code, out) == (0, "format: 1\nid: [\n")
