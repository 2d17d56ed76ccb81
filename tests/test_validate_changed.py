"""`timeline validate --changed REV` in a real git repository: the changed case files, the
cases that use a changed registry entry or name a changed or deleted case, nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_diff_support import GitRepo
from test_parallel import spy_on
from test_registry import CASE, ORGS, PEOPLE
from timeline.cli import app
from timeline.store.changes import find_changes, validate_changes

runner = CliRunner()


def case(case_id: str, *, related: str = "[]", court: str = "court") -> str:
    """A case that uses the registry (temirov, no, court, outlet) unless told otherwise."""
    text = CASE.replace("id: first", f"id: {case_id}").replace("court: court", f"court: {court}")
    return text.replace("status: ongoing\n", f"status: ongoing\nrelated: {related}\n")


def plain(case_id: str, *, related: str = "[]") -> str:
    """A case that uses nothing from the registry."""
    return (
        case(case_id, related=related, court="own-court")
        .replace("registry_people:\n  - {ref: temirov, roles: [defendant]}\n", "")
        .replace(
            "    participants: [{ref: temirov, role: detainee}, {ref: no, role: detainee}]\n", ""
        )
        .replace(
            "sources:\n  - {id: src",
            "organizations:\n  - {id: own-court, name: C, kind: court}\nsources:\n  - {id: src",
        )
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    monkeypatch.delenv("TIMELINE_DATA_DIR", raising=False)
    repo = GitRepo(tmp_path / "repo")
    repo.commit(
        "Four cases and a registry",
        {
            "data/registry/people.yaml": PEOPLE,
            "data/registry/organizations.yaml": ORGS.replace(
                "  - {id: unused-org, name: Nobody's Bureau, kind: government}\n", ""
            ),
            "data/cases/alpha.yaml": case("alpha"),
            "data/cases/beta.yaml": plain("beta", related="[alpha]"),
            "data/cases/gamma.yaml": plain("gamma"),
            "data/cases/delta.yaml": plain("delta"),
        },
    )
    monkeypatch.chdir(repo.root)
    return repo


def validated(repo: GitRepo) -> list[str]:
    folders = [repo.root / "data" / "cases"]
    changes = find_changes("HEAD", folders)
    return [Path(r.file).name for r in validate_changes(changes, folders)]


def run(*args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    result = runner.invoke(app, ["validate", "--format", "json", "--changed", "HEAD", *args])
    return result.exit_code, json.loads(result.stdout)


def test_nothing_changed(repo: GitRepo) -> None:
    assert validated(repo) == []
    assert run() == (
        0,
        {
            "version": 1,
            "valid": True,
            "diagnostics": [],
            "summary": {"files": 0, "errors": 0, "warnings": 0},
        },
    )


def test_an_edited_case_alone(repo: GitRepo) -> None:
    repo.write("data/cases/gamma.yaml", plain("gamma").replace("Temirov detained", "Detained"))
    assert validated(repo) == ["gamma.yaml"]


def test_an_edited_case_and_the_cases_that_name_it(repo: GitRepo) -> None:
    repo.write("data/cases/alpha.yaml", case("alpha").replace("First case", "The first case"))
    assert validated(repo) == ["alpha.yaml", "beta.yaml"]


def test_an_edited_registry_entry(repo: GitRepo) -> None:
    repo.write("data/registry/people.yaml", PEOPLE.replace("Bolot Temirov", "Bolot Temirov Jr"))
    assert validated(repo) == ["alpha.yaml", "organizations.yaml", "people.yaml"]


def test_a_deleted_registry_entry(repo: GitRepo) -> None:
    repo.write("data/registry/people.yaml", PEOPLE.split("  - id: no\n")[0])
    assert validated(repo) == ["alpha.yaml", "organizations.yaml", "people.yaml"]
    code, document = run()
    assert code == 1
    assert {(Path(d["file"]).name, d["code"]) for d in document["diagnostics"]} == {
        ("alpha.yaml", "TL302")
    }


def test_a_deleted_related_case(repo: GitRepo) -> None:
    (repo.root / "data" / "cases" / "alpha.yaml").unlink()
    assert validated(repo) == ["beta.yaml"]
    code, document = run()
    assert code == 1
    # Named nowhere (a warning, as for a file on its own), and removed by this change (an
    # error): both at beta's `related: [alpha]`.
    found = [(Path(d["file"]).name, d["line"], d["code"]) for d in document["diagnostics"]]
    assert found == [("beta.yaml", 6, "TL304"), ("beta.yaml", 6, "TL309")]


def test_a_renamed_case_that_another_names(repo: GitRepo) -> None:
    repo.git("mv", "data/cases/alpha.yaml", "data/cases/alpha-case.yaml")
    repo.write("data/cases/alpha-case.yaml", case("alpha-case"))
    assert validated(repo) == ["alpha-case.yaml", "beta.yaml"]
    code, _ = run()
    assert code == 1


def test_a_new_file_git_does_not_know(repo: GitRepo) -> None:
    repo.write("data/cases/epsilon.yaml", plain("epsilon"))
    assert validated(repo) == ["epsilon.yaml"]


def test_changes_since_an_older_commit(repo: GitRepo) -> None:
    repo.commit("Edit gamma", {"data/cases/gamma.yaml": plain("gamma").replace("First", "Third")})
    changes = find_changes("HEAD~1", [repo.root / "data" / "cases"])
    assert [p.name for p in changes.cases] == ["gamma.yaml"]


def test_an_unknown_revision_is_a_usage_error(repo: GitRepo) -> None:
    result = runner.invoke(app, ["validate", "--changed", "no-such-branch"])
    assert result.exit_code == 2
    assert "unknown revision 'no-such-branch'" in result.stderr


# --- the pull-request workflow and the pre-commit hook use it ---------------------------------

REPO = Path(__file__).resolve().parents[1]


def shell_env() -> dict[str, str]:
    import os
    import sys

    return {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}


def test_the_action_validates_what_a_pull_request_touches(repo: GitRepo, tmp_path: Path) -> None:
    from action_runner import run_action

    repo.git("checkout", "-q", "-b", "pr")
    repo.git("rm", "-q", "data/cases/alpha.yaml")  # beta still names it
    repo.commit("pr: delete alpha")
    repo.git("checkout", "-q", "main")
    repo.commit("main moves on", {"README.md": "readme\n"})
    repo.git("merge", "-q", "--no-ff", "-m", "merge", "pr")
    env = {
        **shell_env(),
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
    }
    result = run_action(
        REPO / "action.yml", repo.root, inputs={}, env=env, skip=("Install timeline",)
    )
    validate = result.step("Validate the case files")
    assert validate.code == 1
    assert "::error file=data/cases/beta.yaml" in validate.stdout and "TL309" in validate.stdout
    assert "1 file, 1 error" in validate.stdout  # beta alone: nothing else is read


def test_the_pre_commit_hook_catches_a_deleted_case_another_names(repo: GitRepo) -> None:
    import shlex
    import subprocess

    import yaml

    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["always_run"] and hook.get("pass_filenames", True)
    repo.git("rm", "-q", "data/cases/alpha.yaml")  # staged, as pre-commit sees it
    command = shlex.split(hook["entry"])
    done = subprocess.run(command, cwd=repo.root, env=shell_env(), capture_output=True, check=False)
    assert done.returncode == 1
    assert b"TL309" in done.stdout and b"beta.yaml" in done.stdout
    repo.git("reset", "-q", "--hard")
    done = subprocess.run(command, cwd=repo.root, env=shell_env(), capture_output=True, check=False)
    assert done.returncode == 0, done.stdout


def test_the_action_lists_the_cases_a_registry_change_changes(
    repo: GitRepo, tmp_path: Path
) -> None:
    from action_runner import run_action

    renamed = ORGS.replace("District Court", "City Court")
    repo.commit("Rename the court", {"data/registry/organizations.yaml": renamed})
    summary = tmp_path / "summary.md"
    env = {
        **shell_env(),
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    result = run_action(
        REPO / "action.yml", repo.root, inputs={}, env=env, skip=("Install timeline",)
    )
    assert not result.failed, [(s.name, s.stdout, s.stderr) for s in result.steps]
    # alpha (which uses the court) and the two files of the registry that changed
    assert "3 files, 0 errors" in result.step("Validate the case files").stdout
    text = summary.read_text(encoding="utf-8")
    assert "### timeline diff: registry data/registry@" in text
    assert "the chronology of 1 case changes" in text  # alpha: the others have their own court
    assert "| name | District Court | City Court |" in text


def test_the_hook_with_all_files_checks_every_case(repo: GitRepo) -> None:
    """`pre-commit run --all-files` passes every case file: each is checked, changed or not."""
    import subprocess

    broken = plain("delta").replace("type: detention", "type: detained")
    repo.commit("A broken case, committed", {"data/cases/delta.yaml": broken})
    names = [f"data/cases/{n}.yaml" for n in ("alpha", "beta", "delta", "gamma")]
    command = ["timeline", "validate", "--changed", "HEAD", *names]
    done = subprocess.run(command, cwd=repo.root, env=shell_env(), capture_output=True, check=False)
    assert done.returncode == 1
    assert b"data/cases/delta.yaml" in done.stdout and b"TL207" in done.stdout
    assert b"4 files, 1 error" in done.stdout


def test_before_the_first_commit_everything_is_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = GitRepo(tmp_path / "fresh")
    repo.write("data/cases/alpha.yaml", case("alpha"))
    repo.write("data/registry/people.yaml", PEOPLE)
    repo.write("data/registry/organizations.yaml", ORGS)
    repo.git("add", "-A")
    monkeypatch.chdir(repo.root)
    assert validated(repo) == ["alpha.yaml", "organizations.yaml", "people.yaml"]


def test_the_same_report_with_the_files_read_ahead(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The changed cases and their dependents, read by other cores: the same report."""
    repo.write("data/registry/people.yaml", PEOPLE.split("  - id: no\n")[0])
    repo.write("data/cases/beta.yaml", plain("beta", related="[alpha]").replace("First", "1st"))
    repo.write("data/cases/gamma.yaml", plain("gamma").replace("type: detention", "type: x"))
    repo.write("data/cases/epsilon.yaml", case("epsilon"))
    args = ["validate", "--changed", "HEAD"]
    one = runner.invoke(app, args)
    workers = spy_on(monkeypatch, "_reader_pool", cores=2)
    two = runner.invoke(app, args)
    assert workers == [1]  # for the three changed cases (alpha, which uses the entry, is read here)
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    assert "gamma.yaml" in one.stdout and "TL302" in one.stdout
    three = runner.invoke(app, [*args, "--jobs", "1"])
    assert workers == [1]  # none more: one process
    assert three.stdout == one.stdout
