"""Runs the `run` steps of a composite action (action.yml) as GitHub would, in a local folder.

Only what the action uses is understood: `${{ inputs.X }}`, `${{ github.X }}` and the
`if:` expressions made of those, `!cancelled()`, `==`, `!=`, `&&`, `||` and `!`.
`uses:` steps and the steps named in `skip` are not run (the test says why).
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
_NAME = re.compile(r"\b(inputs|github)\.([A-Za-z_][A-Za-z0-9_-]*)")


@dataclass
class StepResult:
    name: str
    ran: bool
    code: int = 0
    stdout: str = ""
    stderr: str = ""


@dataclass
class ActionRun:
    steps: list[StepResult] = field(default_factory=list)

    def step(self, name: str) -> StepResult:
        return next(s for s in self.steps if s.name == name)

    @property
    def failed(self) -> bool:
        return any(s.code != 0 for s in self.steps)


def load(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return document


def _values(action: dict[str, Any], inputs: dict[str, str], github: dict[str, str]):  # type: ignore[no-untyped-def]
    defaults = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    unknown = set(inputs) - set(defaults)
    assert not unknown, f"the action has no input {unknown}"
    return {"inputs": {**defaults, **inputs}, "github": github}


def _evaluate(expression: str, values: dict[str, dict[str, str]]) -> Any:
    python = _NAME.sub(lambda m: repr(values[m[1]].get(m[2], "")), expression)
    python = python.replace("!cancelled()", "True").replace("&&", " and ").replace("||", " or ")
    python = re.sub(r"!(?!=)", " not ", python)
    return eval(python, {"__builtins__": {}}, {})  # only the action's own text


def _substitute(text: str, values: dict[str, dict[str, str]]) -> str:
    return _EXPRESSION.sub(lambda m: str(_evaluate(m[1], values)), text)


def run_action(
    path: Path,
    workspace: Path,
    *,
    inputs: dict[str, str],
    env: dict[str, str],
    skip: tuple[str, ...] = (),
) -> ActionRun:
    action = load(path)
    github = {
        "action_path": str(path.parent),
        "event_name": env.get("GITHUB_EVENT_NAME", "push"),
        "workspace": str(workspace),
    }
    values = _values(action, inputs, github)
    result = ActionRun()
    for step in action["runs"]["steps"]:
        name = step.get("name", step.get("uses", ""))
        condition = step.get("if", "success()")
        condition = _EXPRESSION.sub(lambda m: m[1], condition)
        if "uses" in step or name in skip:
            result.steps.append(StepResult(name, ran=False))
            continue
        if "success()" in condition and result.failed:
            result.steps.append(StepResult(name, ran=False))
            continue
        if condition != "success()" and not _evaluate(condition, values):
            result.steps.append(StepResult(name, ran=False))
            continue
        step_env = {k: _substitute(str(v), values) for k, v in step.get("env", {}).items()}
        assert step["shell"] == "bash"
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=workspace,
            env={**os.environ, **env, **step_env, "GITHUB_ACTION_PATH": str(path.parent)},
            capture_output=True,
            text=True,
            check=False,
        )
        result.steps.append(StepResult(name, True, done.returncode, done.stdout, done.stderr))
    return result
