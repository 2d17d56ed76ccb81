"""Files `timeline` writes: one writer (`timeline.store.atomic`), and what it does with
each kind of target (a new file, an existing one, a link, a device, a folder)."""

from __future__ import annotations

import ast
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import timeline
from test_export_support import EVERYTHING
from timeline.cli import app

SRC = Path(timeline.__file__).parent
WRITER = SRC / "store" / "atomic.py"
# Places that open files for writing without the writer, and why that is right.
ALLOWED = {
    ("__main__.py", "os.open"): "opens /dev/null to stand in for a closed stdout",
    ("load/docgen.py", "write_text"): "a development script regenerating docs/ (below store)",
    ("load/schema.py", "write_text"): "a development script regenerating schema/ (below store)",
    ("model/compile.py", "write_text"): "a development script regenerating model/compiled.py",
    ("model/countries.py", "write_text"): "a development script regenerating a table (below store)",
    ("cli/completion.py", "write_text"): "a development script regenerating the completion table",
}
runner = CliRunner()


def writes_in(path: Path) -> Iterator[str]:
    """The calls in `path` that may open a file for writing."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = ast.unparse(node.func)
        last = name.rsplit(".", 1)[-1]
        if last in ("write_text", "write_bytes", "mkstemp", "NamedTemporaryFile", "copyfile"):
            yield last
        elif (name == "os.open" and _creates(node)) or (last == "open" and _writing_mode(node)):
            yield name


def _creates(call: ast.Call) -> bool:
    return any(flag in ast.unparse(call) for flag in ("O_WRONLY", "O_RDWR", "O_CREAT"))


def _writing_mode(call: ast.Call) -> bool:
    modes = [*call.args, *(k.value for k in call.keywords if k.arg == "mode")]
    return any(
        isinstance(arg, ast.Constant)
        and isinstance(arg.value, str)
        and bool(set(arg.value) & set("wax+"))
        for arg in modes
    )


def test_one_writer_for_every_file_the_tool_creates() -> None:
    found = {
        (str(path.relative_to(SRC)), call)
        for path in SRC.rglob("*.py")
        if path != WRITER
        for call in writes_in(path)
    }
    assert found - set(ALLOWED) == set()
    assert set(writes_in(WRITER)) >= {"mkstemp"}  # the scan sees a writer


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def export_to(target: Path) -> object:
    return runner.invoke(app, ["export", str(EVERYTHING), "-f", "json", "-o", str(target)])


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_umask_permissions(tmp_path: Path, umask_022: None) -> None:
    result = export_to(tmp_path / "case.json")
    assert result.exit_code == 0  # type: ignore[attr-defined]
    assert mode_of(tmp_path / "case.json") == 0o644
    made = runner.invoke(app, ["--data-dir", str(tmp_path), "new", "a-case", "-j", "KG"])
    assert made.exit_code == 0, made.output
    assert mode_of(tmp_path / "a-case.yaml") == 0o644


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o664])
def test_an_existing_file_keeps_its_permissions(tmp_path: Path, umask_022: None, mode: int) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(mode)
    assert export_to(target).exit_code == 0  # type: ignore[attr-defined]
    assert mode_of(target) == mode
    assert target.read_text(encoding="utf-8") != "old"


def test_a_link_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert export_to(link).exit_code == 0  # type: ignore[attr-defined]
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert '"everything"' in real.read_text(encoding="utf-8")


def test_a_pipe_is_written_to_not_replaced(tmp_path: Path) -> None:
    # As for `-o /dev/stdout`: a pipe or a device is written to. (Not tried on /dev/null
    # itself: a regression run as root would replace it for the whole machine.)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # so that opening to write does not wait
    try:
        assert export_to(pipe).exit_code == 0  # type: ignore[attr-defined]
        assert stat.S_ISFIFO(pipe.lstat().st_mode)
        assert b"everything" in os.read(reader, 1 << 20)
    finally:
        os.close(reader)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    result = export_to(folder)
    assert result.exit_code != 0  # type: ignore[attr-defined]
    assert "folder" in result.stderr  # type: ignore[attr-defined]
    assert folder.is_dir() and not list(folder.iterdir())


def test_the_cache_replaces_what_is_planted_at_an_entry(tmp_path: Path) -> None:
    from timeline.store.atomic import write_atomic

    victim = tmp_path / "victim"
    victim.write_text("precious", encoding="utf-8")
    planted = tmp_path / "entry.out"
    planted.symlink_to(victim)
    write_atomic(planted, "entry", mode=0o600, follow=False)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not planted.is_symlink() and planted.read_text(encoding="utf-8") == "entry"
    assert mode_of(planted) == 0o600
