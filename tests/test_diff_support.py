"""Shared helpers of the diff and log tests: the fixture versions and real git repositories."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import TODAY
from timeline.load.validation import validate_bytes, validate_file
from timeline.model.case import Case

FIXTURES = Path(__file__).parent / "fixtures" / "diff"
OLD = FIXTURES / "old" / "press.yaml"
NEW = FIXTURES / "new" / "press.yaml"
# Bob is initials-only in the new version: his full name must appear in no output.
CANARY = ("Writer", "Райтер")


def load(path: Path) -> Case:
    report = validate_file(path, today=TODAY)
    assert report.case is not None and report.valid, [d.message for d in report.diagnostics]
    return report.case


def load_text(text: str, stem: str = "press") -> Case:
    report = validate_bytes(text.encode(), name=f"{stem}.yaml", stem=stem, today=TODAY)
    assert report.case is not None and report.valid, [d.message for d in report.diagnostics]
    return report.case


class GitRepo:
    """A real git repository in a temporary folder, with commits at fixed dates."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.clock = 0
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        env = {
            **os.environ,
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_SYSTEM": os.devnull,
            "GIT_AUTHOR_DATE": f"2025-01-01T00:{self.clock:02d}:00+00:00",
            "GIT_COMMITTER_DATE": f"2025-01-01T00:{self.clock:02d}:00+00:00",
        }
        base = [
            "git",
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            "-c",
            "commit.gpgsign=false",
        ]
        done = subprocess.run(
            [*base, *args], cwd=self.root, env=env, capture_output=True, text=True, check=True
        )
        return done.stdout

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def commit(self, message: str, files: dict[str, str] | None = None, author: str = "t") -> str:
        for relative, text in (files or {}).items():
            self.write(relative, text)
        self.clock += 1
        self.git("add", "-A")
        self.git("-c", f"user.name={author}", "commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "--short", "HEAD").strip()

    def move(self, old: str, new: str) -> None:
        self.git("mv", old, new)
