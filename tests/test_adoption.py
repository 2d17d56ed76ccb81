"""A new data repository, as its maintainer sets it up from an empty folder:

pip install from this repository's path, `timeline init`, git init/add/commit, and
`pre-commit run --all-files` passes; a broken case makes it fail with file:line:col;
check-jsonschema, as an editor would, accepts the example case with the written schema.

No network: the new virtual environment sees this environment's libraries (a `.pth`
line) and pip builds this package with the hatchling installed here, without an index.
"""

from __future__ import annotations

import os
import site
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from test_diff_support import GitRepo


def _run(
    *args: str | Path, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with this repository pip-installed into it; its bin/."""
    venv = tmp_path_factory.mktemp("venv")
    done = _run(sys.executable, "-m", "venv", venv, cwd=venv)
    assert done.returncode == 0, done.stderr
    python = venv / "bin" / "python"
    purelib = _run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=venv)
    ours = [p for p in site.getsitepackages() if Path(p).is_dir()]
    (Path(purelib.stdout.strip()) / "libraries-of-the-tests.pth").write_text(
        "\n".join(ours) + "\n", encoding="utf-8"
    )
    flags = ("--no-deps", "--no-build-isolation", "--no-index", "--quiet")
    done = _run(python, "-m", "pip", "install", *flags, REPO, cwd=venv)
    assert done.returncode == 0, done.stdout + done.stderr
    where = _run(python, "-c", "import timeline; print(timeline.__file__)", cwd=venv)
    assert where.stdout.startswith(str(venv)), where.stdout  # the installed copy, not ours
    return venv / "bin"


def test_a_new_data_repository_in_five_minutes(installed: Path, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PATH": f"{installed}{os.pathsep}{os.environ['PATH']}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_SYSTEM": os.devnull,
    }
    env.pop("TIMELINE_DATA_DIR", None)
    root = tmp_path / "cases"
    root.mkdir()
    done = _run(installed / "timeline", "init", cwd=root, env=env)
    assert done.returncode == 0, done.stderr
    repo = GitRepo(root)
    repo.git("add", "-A")
    repo.commit("Case files")

    pre_commit = (sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never")
    passed = _run(*pre_commit, cwd=root, env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "timeline validate" in passed.stdout and "Passed" in passed.stdout

    example = root / "data" / "cases" / "example-case.yaml"
    editor = _run(
        sys.executable,
        "-m",
        "check_jsonschema",
        "--schemafile",
        root / "schema" / "case.schema.json",
        example,
        cwd=root,
        env=env,
    )
    assert editor.returncode == 0, editor.stdout + editor.stderr

    text = example.read_text(encoding="utf-8")
    example.write_text(text.replace("type: hearing", "type: hearin"), encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.strip() == "type: hearing")
    failed = _run(*pre_commit, cwd=root, env=env)
    assert failed.returncode == 1
    assert (
        f"data/cases/example-case.yaml:{line}:11: error[TL207] 'hearin' is not a known type"
        in failed.stdout
    )
