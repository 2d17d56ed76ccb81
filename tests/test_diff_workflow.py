"""The pull-request workflow: read-only, no expressions in scripts, the action on the data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

WORKFLOW = Path(__file__).resolve().parents[1] / ".github" / "workflows" / "pull-request.yml"


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
    # The case files are checked by this repository's own action (tests/test_action.py).
    data = workflow["jobs"]["data"]["steps"]
    assert data[0]["with"] == {"fetch-depth": 2}
    assert data[1] == {"uses": "./", "with": {"data-dir": "data/cases"}}
