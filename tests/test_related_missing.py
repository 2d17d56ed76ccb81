"""A case file copied out of its folder (its related cases not beside it) still shows,
exports and diffs: a missing related case is a warning, not an error."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from conftest import DATA
from timeline.cli import app


def test_a_lone_copy_shows_exports_and_diffs(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    for folder in (old, new):
        folder.mkdir()
        shutil.copy(DATA / "kloop.yaml", folder / "kloop.yaml")
    edited = (new / "kloop.yaml").read_text("utf-8").replace("term: P5Y", "term: P6Y", 1)
    (new / "kloop.yaml").write_text(edited, "utf-8")
    runner = CliRunner()
    shown = runner.invoke(app, ["show", str(new / "kloop.yaml")])
    assert shown.exit_code == 0, shown.stderr
    assert "6 years' imprisonment" in shown.stdout
    exported = runner.invoke(app, ["export", str(new / "kloop.yaml"), "-f", "json"])
    assert exported.exit_code == 0, exported.stderr
    diffed = runner.invoke(app, ["diff", str(old / "kloop.yaml"), str(new / "kloop.yaml")])
    assert diffed.exit_code in (0, 1), diffed.stderr  # 1: there are changes
    assert "Aleksandrov, Duulatov: sentence 5 years -> 6 years" in diffed.stdout
    # validate reads the file strictly: with the registry it uses (beside its folder), the
    # only finding left is the missing related case, a warning.
    shutil.copytree(DATA.parent / "registry", tmp_path / "registry")
    checked = runner.invoke(app, ["validate", str(new / "kloop.yaml")])
    assert checked.exit_code == 0, checked.stdout
    assert "TL304" in checked.stdout + checked.stderr
