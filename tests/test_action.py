"""The composite action (action.yml), run step by step on a scratch repository with a valid and
an invalid pull request, as GitHub runs it (GITHUB_* variables set, inputs substituted)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import cmarkgfm
import pytest

from action_runner import ActionRun, load, run_action
from conftest import MINIMAL, REPO
from test_diff_support import GitRepo

ACTION = REPO / "action.yml"
CASE = MINIMAL.replace("id: test-case", "id: press")
INSTALL = "Install timeline"


def pull_request(tmp_path: Path, new_case: str) -> GitRepo:
    """main with two cases; a pull request that edits one, adds one and deletes one; the
    merge commit that actions/checkout checks out for a pull request."""
    repo = GitRepo(tmp_path / "repo")
    repo.commit("base", {"data/cases/press.yaml": CASE, "data/cases/gone.yaml": "x: 1\n"})
    repo.git("checkout", "-q", "-b", "pr")
    added = CASE.replace("id: press", "id: new")
    repo.commit("pr", {"data/cases/press.yaml": new_case, "data/cases/new.yaml": added})
    repo.git("rm", "-q", "data/cases/gone.yaml")
    repo.commit("pr: remove a file")
    repo.git("checkout", "-q", "main")
    repo.commit("main moves on", {"README.md": "readme\n"})
    repo.git("merge", "-q", "--no-ff", "-m", "merge", "pr")
    return repo


def run(repo: GitRepo, tmp_path: Path, **inputs: str) -> tuple[ActionRun, str]:
    summary = tmp_path / "summary.md"
    env = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_WORKSPACE": str(repo.root),
        # The install step is not run: the tool under test is on PATH already.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    result = run_action(ACTION, repo.root, inputs=inputs, env=env, skip=(INSTALL,))
    return result, summary.read_text(encoding="utf-8") if summary.exists() else ""


def test_a_valid_pull_request(tmp_path: Path) -> None:
    retitled = CASE.replace("title: Ann detained", "title: Ann detained | <b>at dawn</b>")
    result, summary = run(pull_request(tmp_path, retitled), tmp_path)
    assert not result.failed, [(s.name, s.stdout, s.stderr) for s in result.steps]
    validate = result.step("Validate the case files")
    assert validate.ran and "::error" not in validate.stdout
    assert "::group::timeline validate: 2 files, 0 errors, 0 warnings" in validate.stdout
    assert summary.startswith("### ✅ timeline validate: 2 files, 0 errors, 0 warnings")
    changes = summary[summary.index("## Changes to the chronologies") :]
    assert changes.startswith(
        "## Changes to the chronologies\n\n- Deleted case file: `data/cases/gone.yaml`\n\n"
        "- New case file: `data/cases/new.yaml`\n\n### timeline diff: data/cases/press.yaml@"
    )
    assert changes.endswith(
        "| title | Ann detained | Ann detained \\| &lt;b&gt;at dawn&lt;/b&gt; |\n\n"
    )
    html = cmarkgfm.github_flavored_markdown_to_html(summary)
    assert "<table>" in html and "<b>" not in html


def test_an_invalid_pull_request(tmp_path: Path) -> None:
    broken = CASE.replace("{ref: ann, role: detainee}", "{ref: anne, role: detainee}")
    result, summary = run(pull_request(tmp_path, broken), tmp_path)
    assert result.failed
    validate = result.step("Validate the case files")
    assert validate.code == 1
    (error,) = [line for line in validate.stdout.splitlines() if line.startswith("::error ")]
    assert error.startswith(
        "::error file=data/cases/press.yaml,line=20,col=26,endLine=20,endColumn=30,title=TL302"
    )
    assert "'anne' is not the id of any person or organization in this case" in error
    assert "### ❌ timeline validate: 2 files, 1 error, 0 warnings" in summary
    # The changes are still written: a reviewer sees them beside the errors. With no
    # registry beside it, the diff reads the file with what it has: the reference that
    # resolves nowhere is a stand-in that shows nothing of what it stands for.
    assert result.step("Changes to the chronologies").ran
    assert "| name |  | \\[unknown\\] |" in summary


def test_strict_makes_warnings_fail(tmp_path: Path) -> None:
    unsourced = CASE.replace("    sources: [src]\n", "", 1)
    repo = pull_request(tmp_path, unsourced)
    lenient, _ = run(repo, tmp_path)
    assert not lenient.failed
    strict, _ = run(repo, tmp_path, strict="true")
    assert strict.step("Validate the case files").code == 1


def test_the_base_input_and_the_data_folder(tmp_path: Path) -> None:
    repo = pull_request(tmp_path, CASE.replace("title: Ann detained", "title: Ann"))
    result, summary = run(repo, tmp_path, base="main~1", **{"data-dir": "data/cases"})
    assert not result.failed
    assert "- Deleted case file: `data/cases/gone.yaml`" in summary


def test_no_changes_outside_a_pull_request(tmp_path: Path) -> None:
    repo = pull_request(tmp_path, CASE)
    summary = tmp_path / "summary.md"
    env = {
        "GITHUB_EVENT_NAME": "push",
        "GITHUB_STEP_SUMMARY": str(summary),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    result = run_action(ACTION, repo.root, inputs={}, env=env, skip=(INSTALL,))
    assert not result.step("Changes to the chronologies").ran


def test_it_installs_the_tool_at_the_actions_own_ref() -> None:
    steps = load(ACTION)["runs"]["steps"]
    install = next(s for s in steps if s.get("name") == INSTALL)
    assert install["env"] == {"ACTION_PATH": "${{ github.action_path }}"}
    assert 'pip install --disable-pip-version-check "$ACTION_PATH"' in install["run"]
    assert steps[0]["uses"].startswith("actions/setup-python@")


def test_no_expression_is_pasted_into_a_script() -> None:
    for step in load(ACTION)["runs"]["steps"]:
        assert "${{" not in step.get("run", "")


@pytest.mark.parametrize("name", ["data-dir", "strict", "base", "python-version"])
def test_the_inputs_are_documented(name: str) -> None:
    assert load(ACTION)["inputs"][name]["description"]
    assert f"{name}:" in (REPO / "README.md").read_text(encoding="utf-8")
