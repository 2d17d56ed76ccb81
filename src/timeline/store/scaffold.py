"""A new data repository that works at once (`timeline init`), and a check of one (`--check`).

`plan` lists the files of a data repository with the text this version of
timeline gives them: an example case from the template of `new`, the JSON
Schema where the case files' modeline points, the pre-commit configuration,
`.gitattributes` for the diff driver, a GitHub workflow that uses the project's
action, and a short README. `write_missing` writes those that are missing and
never replaces a file; `inspect` says which are missing or stale.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from timeline import __version__
from timeline.errors import UsageError

# Where the project is published: the GitHub Action of the workflow that `init` writes
# is this repository at the tag of the installed version.
REPOSITORY = "OWNER/timeline"
HOME = f"https://github.com/{REPOSITORY}"
ACTION = f"{REPOSITORY}@v{__version__}"
EXAMPLE_ID = "example-case"
SCHEMA = Path("schema") / "case.schema.json"
REGISTRY_SCHEMA = Path("schema") / "registry.schema.json"
DRIVER = "timeline diff --git-external"


@dataclass(frozen=True, slots=True)
class Planned:
    """One file of a data repository: where, with what text, and what it is for."""

    path: Path  # relative to the repository
    text: str
    purpose: str


@dataclass(frozen=True, slots=True)
class Finding:
    """What `--check` says of one part of a data repository."""

    state: str  # "ok", "missing" or "stale"
    subject: str
    hint: str = ""


def _template(name: str) -> str:
    text = (resources.files("timeline") / "templates" / "init" / name).read_text("utf-8")
    return text.replace("${action}", ACTION).replace("${home}", HOME)


def plan() -> list[Planned]:
    from timeline.load.schema import schema_text
    from timeline.store.template import render_case

    case = render_case(EXAMPLE_ID, jurisdiction="KG", title="An example case (replace it)")
    return [
        Planned(Path("data", "cases", f"{EXAMPLE_ID}.yaml"), case, "an example case"),
        Planned(SCHEMA, schema_text(), "the JSON Schema, for editors"),
        Planned(
            Path("data", "registry", "README.md"), _template("registry-README.md"), "the registry"
        ),
        Planned(REGISTRY_SCHEMA, schema_text(registry=True), "the registry's JSON Schema"),
        Planned(Path(".pre-commit-config.yaml"), _template("pre-commit-config.yaml"), "pre-commit"),
        Planned(Path(".gitattributes"), _template("gitattributes"), "the diff driver"),
        Planned(Path(".github", "workflows", "timeline.yml"), _template("workflow.yml"), "CI"),
        Planned(Path("README.md"), _template("README.md"), "how to use it"),
    ]


def write_missing(root: Path) -> list[tuple[Path, bool]]:
    """Write the planned files that do not exist; (path, written) for each."""
    from timeline.store.atomic import write_atomic

    if root.exists() and not root.is_dir():
        raise UsageError(f"{root} is not a folder")
    results: list[tuple[Path, bool]] = []
    for planned in plan():
        path = root / planned.path
        if path.exists() or path.is_symlink():
            results.append((path, False))
            continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, planned.text, exclusive=True)
        except FileExistsError:
            results.append((path, False))
            continue
        except OSError as error:
            raise UsageError(f"cannot write {path}: {error.strerror or error}") from None
        results.append((path, True))
    return results


def inspect(root: Path) -> list[Finding]:
    """What is missing or stale in the data repository at `root`."""
    from timeline.load.files import SUFFIXES

    cases = root / "data" / "cases"
    try:
        has_cases = cases.is_dir() and any(p.suffix in SUFFIXES for p in cases.iterdir())
    except OSError:  # unreadable: said as missing, with the same hint
        has_cases = False
    findings = [
        Finding("ok", "data/cases")
        if has_cases
        else Finding("missing", "data/cases", "no case files: run `timeline init` or `new`"),
        _compare(root, SCHEMA),
        _compare(root, REGISTRY_SCHEMA, registry=True),
        _contains(root / ".pre-commit-config.yaml", "timeline validate"),
        _contains(root / ".gitattributes", "diff=timeline"),
        _workflow(root),
    ]
    if (root / ".git").exists():
        findings.append(_driver(root))
    return findings


def _read(path: Path, subject: str) -> str | Finding:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Finding("missing", subject, "run `timeline init` to write it")
    except (OSError, UnicodeDecodeError) as error:
        return Finding("stale", subject, f"cannot be read: {error}")


def _compare(root: Path, schema: Path, *, registry: bool = False) -> Finding:
    """A schema file (of case files, or of `registry` files) against the one this version
    writes."""
    from timeline.load.schema import schema_text

    subject = schema.as_posix()
    text = _read(root / schema, subject)
    if isinstance(text, Finding):
        return text
    if text != schema_text(registry=registry):
        option = " --registry" if registry else ""
        hint = (
            f"differs from the schema of timeline {__version__}: "
            f"run `timeline schema{option} > {subject}`"
        )
        return Finding("stale", subject, hint)
    return Finding("ok", subject)


def _contains(path: Path, needle: str) -> Finding:
    text = _read(path, path.name)
    if isinstance(text, Finding):
        return text
    if needle not in text:
        return Finding("stale", path.name, f"has no `{needle}`: see what `timeline init` writes")
    return Finding("ok", path.name)


def _workflow(root: Path) -> Finding:
    folder = root / ".github" / "workflows"
    workflows = sorted(folder.glob("*.y*ml")) if folder.is_dir() else []
    for path in workflows:
        text = _read(path, path.name)
        if isinstance(text, str) and f"{REPOSITORY}@" in text:
            return Finding("ok", f".github/workflows/{path.name}")
    return Finding(
        "missing", ".github/workflows", f"no workflow uses {REPOSITORY}: run `timeline init`"
    )


def _driver(root: Path) -> Finding:
    try:
        done = subprocess.run(
            ["git", "config", "diff.timeline.command"],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return Finding("missing", "git config diff.timeline.command", "git is not installed")
    if done.stdout.strip() != DRIVER:
        return Finding(
            "missing",
            "git config diff.timeline.command",
            f"run: git config diff.timeline.command '{DRIVER}'",
        )
    return Finding("ok", "git config diff.timeline.command")
