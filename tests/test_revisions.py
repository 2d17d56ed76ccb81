"""Git access: `spec@REV`, the repository root, blobs at revisions, and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL
from test_diff_support import GitRepo
from timeline.errors import GitError, UsageError
from timeline.store.revisions import (
    Spec,
    case_path,
    cases_dir,
    parse_spec,
    read_blob,
    relative_path,
    repo_root,
)

CASE = MINIMAL.replace("id: test-case", "id: press")


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("kloop", Spec("kloop")),
        ("kloop@HEAD~1", Spec("kloop", "HEAD~1")),
        ("data/cases/kloop.yaml@main", Spec("data/cases/kloop.yaml", "main")),
        ("kloop@main@{1}", Spec("kloop", "main@{1}")),
        ("kloop@@{2}", Spec("kloop", "@{2}")),
        ("@v1", Spec("", "v1")),
    ],
)
def test_parse_spec(text: str, spec: Spec) -> None:
    assert parse_spec(text) == spec


def test_a_missing_revision_after_the_at_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="a revision is missing after '@'"):
        parse_spec("kloop@")


def test_an_existing_file_with_an_at_in_its_name_is_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a@b.yaml").write_text(CASE)
    assert parse_spec("a@b.yaml") == Spec("a@b.yaml")


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    repo.commit("first", {"data/cases/press.yaml": CASE})
    repo.commit("second", {"data/cases/press.yaml": CASE.replace("A test case", "A renamed case")})
    return repo


def test_the_root_is_found_from_any_folder_inside(repo: GitRepo) -> None:
    inner = repo.root / "data" / "cases"
    assert repo_root(inner).resolve() == repo.root.resolve()
    assert repo_root(inner / "gone" / "deeper.yaml").resolve() == repo.root.resolve()
    assert relative_path(inner / "press.yaml", repo.root) == "data/cases/press.yaml"


def test_a_blob_at_a_revision(repo: GitRepo) -> None:
    path = repo.root / "data" / "cases" / "press.yaml"
    blob = read_blob(path, "HEAD~1")
    assert b"A test case" in blob.raw
    assert (blob.path, blob.rev, blob.name) == (
        "data/cases/press.yaml",
        "HEAD~1",
        "data/cases/press.yaml@HEAD~1",
    )
    assert blob.commit == repo.git("rev-parse", "HEAD~1").strip()
    assert b"A renamed case" in read_blob(path, "main").raw


def test_a_deleted_file_is_still_read_at_an_older_revision(repo: GitRepo) -> None:
    repo.git("rm", "-q", "data/cases/press.yaml")
    repo.commit("delete")
    path = repo.root / "data" / "cases" / "press.yaml"
    assert not path.exists()
    assert b"A renamed case" in read_blob(path, "HEAD~1").raw
    with pytest.raises(
        GitError, match=r"^data/cases/press.yaml does not exist at revision 'HEAD'$"
    ):
        read_blob(path, "HEAD")


@pytest.mark.parametrize("rev", ["nope", "HEAD~5", "--output=x", "HEAD:data"])
def test_an_unknown_revision(repo: GitRepo, rev: str) -> None:
    with pytest.raises(GitError, match=f"unknown revision '{rev}'"):
        read_blob(repo.root / "data" / "cases" / "press.yaml", rev)
    assert not (repo.root / "x").exists()


def test_outside_a_repository(tmp_path: Path) -> None:
    path = tmp_path / "alone" / "press.yaml"
    path.parent.mkdir()
    path.write_text(CASE)
    with pytest.raises(GitError, match="not a git repository"):
        read_blob(path, "HEAD")


def test_case_ids_resolve_to_the_repository_data_from_a_subfolder(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TIMELINE_DATA_DIR", raising=False)
    (repo.root / "docs").mkdir()
    monkeypatch.chdir(repo.root / "docs")
    directory = cases_dir(None)
    assert directory.resolve() == (repo.root / "data" / "cases").resolve()
    assert case_path("press", directory).name == "press.yaml"
    assert case_path("gone", directory, must_exist=False) == directory / "gone.yaml"
