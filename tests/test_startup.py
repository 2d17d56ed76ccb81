"""What the cheap commands import: no model, no CLI framework (the speed itself is
measured by bench/run.py, never here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from conftest import REPO
from timeline.cli import MODULE_OF, MODULES, app, modules_for
from timeline.load import schema

HEAVY = ("typer", "pydantic", "timeline.model", "timeline.cli")


def _run(*argv: str) -> tuple[str, set[str]]:
    """The stdout of `timeline ARGV...` and the modules it imported."""
    code = (
        "import sys\n"
        f"sys.argv = ['timeline', *{list(argv)!r}]\n"
        "from timeline.__main__ import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stdout.flush()\n"
        "import json\n"
        "sys.stderr.write(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    return done.stdout, set(json.loads(done.stderr.splitlines()[-1]))


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.startswith(HEAVY))


@pytest.mark.parametrize(
    ("argv", "shipped"),
    [(["schema"], schema.SHIPPED), (["schema", "--registry"], schema.REGISTRY_SHIPPED)],
    ids=["case", "registry"],
)
def test_schema_is_the_shipped_file_without_the_models(argv: list[str], shipped: Path) -> None:
    out, modules = _run(*argv)
    assert out == shipped.read_text(encoding="utf-8")
    assert _heavy(modules) == []


@pytest.mark.parametrize(
    ("shipped", "registry"),
    [
        (schema.SHIPPED, False),
        (REPO / schema.SCHEMA_PATH, False),
        (schema.REGISTRY_SHIPPED, True),
        (REPO / schema.REGISTRY_SCHEMA_PATH, True),
    ],
    ids=["case-package", "case-checkout", "registry-package", "registry-checkout"],
)
def test_the_shipped_schemas_are_the_ones_the_models_make(shipped: Path, registry: bool) -> None:
    # After changing the models: python -m timeline.load.schema
    assert shipped.read_text(encoding="utf-8") == schema.schema_text(registry=registry)


def test_without_the_file_the_schema_is_generated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema, "SHIPPED", REPO / "no-such-file.json")
    assert json.loads(schema.shipped_schema_text())["$id"] == schema.SCHEMA_ID


def test_version_imports_nothing_heavy() -> None:
    out, modules = _run("--version")
    assert out.startswith("timeline ")
    assert _heavy(modules) == []


def _python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    return done.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "kloop", "--no-cache"],
        ["export", "kloop", "--format", "markdown"],
        ["validate", "data/cases"],
        ["diff", "data/cases/kloop.yaml", "data/cases/kloop.yaml"],
    ],
    ids=lambda argv: argv[0],
)
def test_a_command_validates_with_pydantic_core_alone(argv: list[str]) -> None:
    """Neither the CLI framework nor the case model imports pydantic's model machinery
    (the models' schema is written ahead, model/compiled.py); typer before 0.29 converts
    options without it (pyproject.toml)."""
    out, modules = _run(*argv)
    assert out
    assert "timeline.model.case" in modules and "pydantic_core" in modules
    assert sorted(m for m in modules if m.split(".")[0] == "pydantic") == []


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["show", "kloop"], ("show",)),
        (["--data-dir", "cases", "list"], ("show",)),
        (["--data-dir=cases", "log", "kloop"], ("diff",)),
        (["schema", "--help"], ("validate",)),
        (["--help"], MODULES),
        ([], MODULES),
        (["no-such-command"], MODULES),
        (["--unknown", "show"], MODULES),
    ],
)
def test_a_run_imports_the_module_of_its_command(argv: list[str], expected: tuple[str]) -> None:
    assert modules_for(argv) == expected


def test_every_command_has_its_module() -> None:
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert sorted(MODULE_OF) == sorted(commands)
    assert set(MODULE_OF.values()) == set(MODULES)


def test_a_cold_show_imports_no_other_command() -> None:
    out, modules = _run("show", "kloop", "--no-cache")
    assert "Kloop" in out
    assert "timeline.cli.show" in modules
    assert not {"timeline.cli.diff", "timeline.cli.export", "timeline.exporters"} & modules


def test_the_package_attribute_is_the_application_with_every_command() -> None:
    out = _python(
        "import sys, typer\n"
        "sys.argv = ['timeline', 'show', 'kloop', '--no-cache']\n"
        "import timeline.cli\n"
        "try:\n    timeline.cli.run()\nexcept SystemExit:\n    pass\n"
        "from timeline.cli import app\n"
        "print('commands:', ' '.join(sorted(typer.main.get_command(app).commands)))\n"
    )
    assert "Kloop" in out
    assert out.splitlines()[-1] == "commands: " + " ".join(sorted(MODULE_OF))


# The records a command makes at start are NamedTuples: a dataclass costs Python 3.11
# about a millisecond to make (it compiles each of its methods), a NamedTuple a tenth
# of that; thirty of them were a tenth of a cold `show`. These are the mutable ones.
MUTABLE = [
    "timeline.load.diagnostics.FileReport",
    "timeline.load.loader.Document",
    "timeline.load.partial.Rest",
    "timeline.load.registry.Registry",
    "timeline.views.query.Catalog",
    "timeline.views.reports.Reporter",
    "timeline.views.reports.Summary",
]
COUNT_DATACLASSES = """
import atexit, dataclasses, json, sys
made = []
_make = dataclasses._process_class
def _count(cls, *args, **kwargs):
    made.append(f"{cls.__module__}.{cls.__qualname__}")
    return _make(cls, *args, **kwargs)
dataclasses._process_class = _count
atexit.register(lambda: sys.stderr.write("\\n" + json.dumps(sorted(set(made))) + "\\n"))
"""


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "kloop", "--no-cache"],
        ["export", "kloop", "--format", "markdown"],
        ["validate", "data/cases/kloop.yaml"],
    ],
    ids=lambda argv: argv[0],
)
def test_a_command_makes_no_dataclass_but_the_mutable_ones(argv: list[str]) -> None:
    code = (
        f"{COUNT_DATACLASSES}\n"
        "from timeline.__main__ import main\n"
        f"sys.argv = ['timeline', *{argv!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert done.stdout
    made = json.loads(done.stderr.splitlines()[-1])
    assert "timeline.load.diagnostics.FileReport" in made  # the count works
    assert [name for name in made if name.startswith("timeline.")] == [
        name for name in MUTABLE if name in made
    ]
