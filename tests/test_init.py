"""`timeline init`: a data repository that works at once, never overwriting; `--check`."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from typer.testing import CliRunner

from timeline.cli import app
from timeline.load.schema import schema_text
from timeline.load.validation import validate_file
from timeline.store.scaffold import ACTION, plan

runner = CliRunner()
FILES = [
    "data/cases/example-case.yaml",
    "schema/case.schema.json",
    "data/registry/README.md",
    "schema/registry.schema.json",
    ".pre-commit-config.yaml",
    ".gitattributes",
    ".github/workflows/timeline.yml",
    "README.md",
]


def init(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["init", *args])


def test_init_writes_a_working_data_repository(tmp_path: Path) -> None:
    root = tmp_path / "cases-repo"
    result = init(str(root))
    assert result.exit_code == 0, result.output
    for name in FILES:
        assert f"wrote    {root / name}\n" in result.stdout
        assert (root / name).is_file()
    assert "git config diff.timeline.command 'timeline diff --git-external'" in result.stdout
    example = root / "data" / "cases" / "example-case.yaml"
    report = validate_file(example)
    assert report.valid and report.diagnostics == []
    assert (root / "schema" / "case.schema.json").read_text(encoding="utf-8") == schema_text()
    json.loads((root / "schema" / "case.schema.json").read_text(encoding="utf-8"))


def test_the_modeline_points_at_the_written_schema(tmp_path: Path) -> None:
    assert init(str(tmp_path)).exit_code == 0
    example = tmp_path / "data" / "cases" / "example-case.yaml"
    first = example.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = (example.parent / first.split("$schema=")[1]).resolve()
    assert target == (tmp_path / "schema" / "case.schema.json").resolve()


def test_the_workflow_uses_the_action_and_the_hook_needs_no_network(tmp_path: Path) -> None:
    assert init(str(tmp_path)).exit_code == 0
    workflow = (tmp_path / ".github" / "workflows" / "timeline.yml").read_text(encoding="utf-8")
    assert f"uses: {ACTION}\n" in workflow
    hooks = (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "repo: local" in hooks and "language: system" in hooks
    attributes = (tmp_path / ".gitattributes").read_text(encoding="utf-8")
    assert "data/cases/*.yaml diff=timeline\n" in attributes


def test_init_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("mine\n", encoding="utf-8")
    first = init(str(tmp_path))
    assert first.exit_code == 0
    assert f"kept     {tmp_path / 'README.md'}\n" in first.stdout
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "mine\n"
    example = tmp_path / "data" / "cases" / "example-case.yaml"
    example.write_text(example.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    before = {name: (tmp_path / name).read_bytes() for name in FILES}
    again = init(str(tmp_path))
    assert again.exit_code == 0
    assert "wrote" not in again.stdout
    assert {name: (tmp_path / name).read_bytes() for name in FILES} == before


def test_init_of_a_file_exits_2(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    result = init(str(target))
    assert result.exit_code == 2


def test_check_of_a_fresh_repository(tmp_path: Path) -> None:
    assert init(str(tmp_path)).exit_code == 0
    result = init("--check", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["ok"] * 6


def test_check_reports_what_is_missing_or_stale(tmp_path: Path) -> None:
    assert init(str(tmp_path)).exit_code == 0
    schema = tmp_path / "schema" / "case.schema.json"
    schema.write_text(schema_text().replace('"title"', '"titel"', 1), encoding="utf-8")
    (tmp_path / ".pre-commit-config.yaml").unlink()
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    result = init("--check", str(tmp_path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert "stale    schema/case.schema.json: differs from the schema of timeline" in lines[1]
    assert "timeline schema > schema/case.schema.json" in lines[1]
    assert lines[2].startswith("ok       schema/registry.schema.json")
    assert lines[3].startswith("missing  .pre-commit-config.yaml")
    assert lines[-1] == (
        "missing  git config diff.timeline.command: "
        "run: git config diff.timeline.command 'timeline diff --git-external'"
    )


def test_check_of_an_empty_folder(tmp_path: Path) -> None:
    result = init("--check", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout.startswith("missing  data/cases")


def test_plan_is_what_init_writes() -> None:
    assert [p.path.as_posix() for p in plan()] == FILES


def test_check_of_unreadable_parts_is_a_finding_not_a_traceback(tmp_path: Path) -> None:
    assert init(str(tmp_path)).exit_code == 0
    (tmp_path / ".github" / "workflows" / "timeline.yml").unlink()
    (tmp_path / ".github" / "workflows" / "odd.yml").mkdir()  # a folder named like a file
    (tmp_path / ".gitattributes").unlink()
    (tmp_path / ".gitattributes").mkdir()
    result = init("--check", str(tmp_path))
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stdout.splitlines()
    assert lines[4].startswith("stale    .gitattributes: cannot be read")
    assert lines[5].startswith("missing  .github/workflows: no workflow uses")


def test_a_stale_registry_schema_names_its_command(tmp_path: Path) -> None:
    assert init(str(tmp_path)).exit_code == 0
    (tmp_path / "schema" / "registry.schema.json").write_text("{}\n", encoding="utf-8")
    result = init("--check", str(tmp_path))
    assert result.exit_code == 1
    assert "timeline schema --registry > schema/registry.schema.json" in result.stdout


def test_the_registry_readme_example_works(tmp_path: Path) -> None:
    """The two snippets of data/registry/README.md, put in place, validate together."""
    assert init(str(tmp_path)).exit_code == 0
    readme = (tmp_path / "data" / "registry" / "README.md").read_text(encoding="utf-8")
    entry, part = [block.split("```")[0] for block in readme.split("```yaml\n")[1:]]
    (tmp_path / "data" / "registry" / "people.yaml").write_text(entry, encoding="utf-8")
    example = tmp_path / "data" / "cases" / "example-case.yaml"
    text = example.read_text(encoding="utf-8")
    example.write_text(text.replace("\ntitle:", "\n" + part + "title:", 1), encoding="utf-8")
    result = runner.invoke(app, ["validate", "--format", "json", str(tmp_path / "data")])
    document = json.loads(result.stdout)
    assert result.exit_code == 0, document
    assert document["diagnostics"] == []
    cases = str(tmp_path / "data" / "cases")
    shown = runner.invoke(app, ["person", "jane-doe", "--data-dir", cases])
    assert shown.exit_code == 0, shown.output
    assert "Jane Doe" in shown.stdout and "example-case" in shown.stdout
