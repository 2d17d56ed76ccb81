"""The shipped JSON Schemas accept every case file that `timeline validate` accepts.

Editors and check-jsonschema (a baseline of the benchmark) read case files through the
schema, so a short form the model reads (a bare related case id, a bare citation, one
`acts_on` id) must be in it too. The files are read by check-jsonschema itself, whose
YAML reader (YAML 1.2: `no` is text) is the one editors' tools use.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import DATA, REPO
from timeline.load import schema
from timeline.load.validation import validate_file

sys.path.insert(0, str(REPO / "bench"))
from corpus import write_corpus
from repository import write_repository


def _check_jsonschema(shipped: Path, paths: list[Path]) -> str:
    """check-jsonschema's objections to `paths` ("" when it accepts them all)."""
    argv = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(shipped)]
    done = subprocess.run([*argv, *map(str, paths)], capture_output=True, text=True, check=False)
    return "" if done.returncode == 0 else done.stdout + done.stderr


def _accepted_by_both(paths: list[Path]) -> str:
    """The schema's objections to files that `timeline validate` finds nothing wrong in."""
    assert paths
    for path in paths:
        report = validate_file(path)
        assert report.valid, [str(d) for d in report.diagnostics]
    return _check_jsonschema(schema.SHIPPED, paths)


def test_the_schema_accepts_every_shipped_case() -> None:
    assert _accepted_by_both(sorted(DATA.glob("*.yaml"))) == ""


def test_the_schema_accepts_the_fixture_cases() -> None:
    folders = ("cases", "standing")
    paths = sorted(p for f in folders for p in (REPO / "tests" / "fixtures" / f).glob("*.yaml"))
    assert _accepted_by_both(paths) == ""


def test_the_schema_accepts_the_benchmark_corpus(tmp_path: Path) -> None:
    paths, _ = write_corpus(tmp_path / "corpus", seed=7, files=12, mean=20, big=40)
    # Related cases by bare id: the form the schema once refused.
    assert yaml.safe_load(paths[1].read_text(encoding="utf-8"))["related"] == ["case-0001"]
    assert _accepted_by_both(paths) == ""


def test_the_schemas_accept_the_benchmark_repository(tmp_path: Path) -> None:
    repo = write_repository(tmp_path / "repo", seed=7, cases=12, events=120, git=False)
    assert _accepted_by_both(repo.cases) == ""
    registry = sorted((repo.root / "data" / "registry").glob("*.yaml"))
    assert _check_jsonschema(schema.REGISTRY_SHIPPED, registry) == ""


def _validator(definition: str) -> jsonschema.Draft202012Validator:
    """A validator of one definition of the case schema (the others stay reachable)."""
    document = json.loads(schema.SHIPPED.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator({"$defs": document["$defs"], "$ref": definition})


@pytest.mark.parametrize(
    ("definition", "field"),
    [("#/$defs/Outcome", "acts_on"), ("#/$defs/Event", "sources")],
)
def test_a_bare_id_keeps_the_pattern_of_an_id(definition: str, field: str) -> None:
    validator = _validator(definition)
    data = {"subjects": ["a"]} if field == "acts_on" else {"date": "2025", "type": "other"}
    bare = "verdict" if field == "acts_on" else ["a-source"]
    assert not [e.message for e in validator.iter_errors({**data, field: bare}) if e.path]
    bad = "Not An Id" if field == "acts_on" else ["Not An Id"]
    assert [e for e in validator.iter_errors({**data, field: bad}) if list(e.path)[:1] == [field]]


def test_a_bare_related_case_keeps_the_pattern_of_an_id() -> None:
    document = json.loads(schema.SHIPPED.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(document)

    def errors(related: list[str]) -> list[jsonschema.ValidationError]:
        found = validator.iter_errors({"related": related})
        return [e for e in found if list(e.path)[:1] == ["related"]]

    assert errors(["other-case"]) == []
    assert errors(["Not An Id"])
