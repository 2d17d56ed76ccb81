"""The pull-request workflow: read-only, no expressions in scripts, and its diff step works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import cmarkgfm
import pytest
import yaml

from conftest import MINIMAL
from test_diff_support import GitRepo

WORKFLOW = Path(__file__).resolve().parents[1] / ".github" / "workflows" / "pull-request.yml"
CASE = MINIMAL.replace("id: test-case", "id: press")


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return document


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_read_only_and_safe_for_forks(workflow: dict[str, Any]) -> None:
    assert workflow["permissions"] == {"contents": "read"}
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request_target" not in workflow[True]
    assert all("permissions" not in job for job in workflow["jobs"].values())
    scripts = [step["run"] for step in steps(workflow) if "run" in step]
    # No ${{ }} inside scripts: nothing from the pull request is pasted into a shell.
    assert scripts and not any("${{" in script for script in scripts)
    assert "secrets." not in WORKFLOW.read_text(encoding="utf-8")


def test_the_jobs(workflow: dict[str, Any]) -> None:
    runs = [step.get("run", "") for step in steps(workflow)]
    assert "bash .ci/run" in runs
    assert "timeline validate --format github data/cases" in runs


def test_the_diff_step_writes_the_job_summary(workflow: dict[str, Any], tmp_path: Path) -> None:
    script = next(
        s["run"] for s in steps(workflow) if s.get("name") == "Changes to the chronologies"
    )
    repo = GitRepo(tmp_path / "repo")
    repo.commit("base", {"data/cases/press.yaml": CASE, "data/cases/gone.yaml": "x: 1\n"})
    repo.git("checkout", "-q", "-b", "pr")
    retitled = CASE.replace("title: Ann detained", "title: Ann detained | <b>at dawn</b>")
    repo.commit("pr", {"data/cases/press.yaml": retitled, "data/cases/new.yaml": "y: 1\n"})
    repo.git("rm", "-q", "data/cases/gone.yaml")
    repo.commit("pr: remove a file")
    repo.git("checkout", "-q", "main")
    repo.commit("main moves on", {"README.md": "readme\n"})
    repo.git("merge", "-q", "--no-ff", "-m", "merge", "pr")  # what actions/checkout checks out
    summary = tmp_path / "summary.md"
    env = {
        **os.environ,
        "GITHUB_STEP_SUMMARY": str(summary),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    subprocess.run(["bash", "-c", script], cwd=repo.root, env=env, check=True)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith(
        "## Changes to the chronologies\n\n- Deleted case file: `data/cases/gone.yaml`\n\n"
        "- New case file: `data/cases/new.yaml`\n\n### timeline diff: data/cases/press.yaml@"
    )
    assert text.endswith(
        "| title | Ann detained | Ann detained \\| &lt;b&gt;at dawn&lt;/b&gt; |\n\n"
    )
    assert "**1 change: 0 added, 0 removed, 1 changed, 0 renamed**" in text
    html = cmarkgfm.github_flavored_markdown_to_html(text)
    assert "<table>" in html and "<b>" not in html
