"""The cache of validated cases behind `person` and `search` (timeline.store.case_index)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from timeline.load import validation
from timeline.store.case_index import read_digests

CASES = Path(__file__).parent / "fixtures" / "cases"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "cases"
    shutil.copytree(CASES, folder)
    return folder


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The stems of the files validated from now on."""
    seen: list[str] = []
    real = validation.validate_file

    def validate_file(path: Path, **options: object) -> validation.FileReport:
        seen.append(path.stem)
        return real(path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(validation, "validate_file", validate_file)
    return seen


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("cases/*/*.pickle"))


def test_a_second_look_up_validates_nothing(data: Path, counted: list[str]) -> None:
    first = read_digests(data)
    assert counted == ["alpha", "beta", "gamma"]
    second = read_digests(data)
    assert counted == ["alpha", "beta", "gamma"]
    assert second.digests == first.digests
    assert [case.id for case in second.load(["beta"])] == ["beta"]
    assert counted == ["alpha", "beta", "gamma"]  # the full case came from the cache too


def test_an_edited_file_is_validated_again(data: Path, counted: list[str]) -> None:
    read_digests(data)
    beta = data / "beta.yaml"
    beta.write_text(beta.read_text("utf-8").replace("Bob Builder", "Robert Builder"), "utf-8")
    digests = read_digests(data)
    assert counted[3:] == ["beta"]
    assert "Robert Builder" in [p.name for p in digests.digests[1].people]


def test_a_changed_registry_or_a_new_case_validates_every_file(
    data: Path, counted: list[str]
) -> None:
    read_digests(data)
    shutil.copy(CASES / "gamma.yaml", data / "delta.yaml")  # a new id beside them
    (data / "delta.yaml").write_text(
        (data / "delta.yaml").read_text("utf-8").replace("id: gamma", "id: delta"), "utf-8"
    )
    read_digests(data)
    assert sorted(counted[3:]) == ["alpha", "beta", "delta", "gamma"]
    registry = data.parent / "registry"
    registry.mkdir()
    (registry / "people.yaml").write_text("format: 1\npeople: []\n", encoding="utf-8")
    read_digests(data)
    assert len(counted) == 11


def test_entries_others_may_write_or_damaged_ones_are_not_read(
    data: Path, counted: list[str], _cache_dir: Path
) -> None:
    read_digests(data)
    alpha, beta, gamma = entries(_cache_dir)
    assert all(os.stat(p).st_mode & 0o077 == 0 for p in (alpha, beta, gamma))
    alpha.chmod(0o666)
    beta.write_bytes(beta.read_bytes()[:-40])  # cut short
    digests = read_digests(data)
    assert counted[3:] == ["alpha"]  # beta's head is still whole: only its report is cut
    assert digests.load(["beta"])[0].id == "beta"
    assert counted[4:] == ["beta"]


def test_no_cache_when_it_is_off(
    data: Path, counted: list[str], _cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    read_digests(data)
    read_digests(data)
    assert len(counted) == 6
    assert entries(_cache_dir) == []


def test_invalid_files_are_notices(data: Path) -> None:
    (data / "broken.yaml").write_text("format: 1\nid: broken\n", encoding="utf-8")
    for _ in range(2):  # validated, then from the cache
        digests = read_digests(data)
        assert [case.id for case in digests.digests] == ["alpha", "beta", "gamma"]
        assert digests.notices == [
            f"skipped {data / 'broken.yaml'}: not a valid case file; "
            f"see: timeline validate {data / 'broken.yaml'}"
        ]


def test_a_pipe_at_an_entry_is_not_opened(tmp_path: Path) -> None:
    # Opening a pipe for reading waits for a writer: the walk would hang.
    import subprocess
    import sys

    folder = tmp_path / "index"
    folder.mkdir(mode=0o700)
    pipe = folder / "entry"
    os.mkfifo(pipe, 0o600)
    code = "import sys; from pathlib import Path; from timeline.store.case_index import _open; "
    code += "print(_open(Path(sys.argv[1])))"
    done = subprocess.run(
        [sys.executable, "-c", code, str(pipe)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.stdout == "None\n", done.stderr
