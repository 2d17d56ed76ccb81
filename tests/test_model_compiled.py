"""The case model at run time: its classes validated by pydantic-core with the schema that
pydantic wrote for them (model/compiled.py), and what they offer the rest of timeline."""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic_core import ValidationError

from conftest import MINIMAL, REPO, validate_text
from timeline.model import case as case_module
from timeline.model import compile as compiler
from timeline.model import compiled, registry, values, vocab
from timeline.model.base import bind
from timeline.model.case import Case, Citation, Event, Participant, Person, Source
from timeline.model.registry import RegistryFile
from timeline.model.vocab import ParticipantRole, Privacy

CASE_MODULES = {"case": case_module, "values": values, "vocab": vocab}
REGISTRY_MODULES = {**CASE_MODULES, "registry": registry}


def test_the_stored_schema_is_what_pydantic_builds_from_the_models() -> None:
    """After a change of the models or of pydantic: `python -m timeline.model.compile`."""
    assert compiled.PYDANTIC_CORE_VERSION in compiler.source()
    assert (Path(compiled.__file__).read_text(encoding="utf-8")) == compiler.source()


def test_the_schema_pydantic_builds_now_is_the_stored_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """With another pydantic-core, the schema is built at run time: the same schema."""
    stored = compiler.stored_schema("case", CASE_MODULES)
    monkeypatch.setattr(compiled, "PYDANTIC_CORE_VERSION", "0.0.0")
    built = compiler.stored_schema("case", CASE_MODULES)
    assert built == stored and built is not stored
    assert compiler.stored_schema("registry_file", REGISTRY_MODULES) == compiled.registry_file(
        REGISTRY_MODULES
    )
    # It names the same classes and functions, so the schema a changed model would give
    # is not equal: the comparison can fail.
    monkeypatch.setattr(Event, "_unknown_date_is_placed", lambda self: self)
    assert compiler.stored_schema("case", CASE_MODULES) != stored


def test_another_pydantic_core_builds_the_schema_at_import(tmp_path: Path) -> None:
    """The whole way, in a process of its own: the models import, a case validates (pydantic
    requires one version of pydantic-core, so the stored version stands for pydantic's)."""
    code = (
        "import sys\n"
        "from timeline.model import compiled\n"
        "compiled.PYDANTIC_CORE_VERSION = 'another'\n"
        "from pathlib import Path\n"
        "from timeline.load.validation import validate_file\n"
        "import timeline.model.registry\n"
        f"report = validate_file(Path({str(REPO / 'data' / 'cases' / 'kloop.yaml')!r}))\n"
        "print(report.valid, len(report.case.events), 'pydantic.main' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    ok, events, built = done.stdout.split()
    assert (ok, built) == ("True", "True") and int(events) > 20


def test_a_validated_case_is_made_of_the_models_classes(tmp_path: Path) -> None:
    case = validate_text(tmp_path, MINIMAL).case
    assert type(case) is Case
    assert all(type(event) is Event for event in case.events)
    assert type(case.events[0].sources[0]) is Citation  # read from a bare source id


def test_a_model_is_frozen_and_survives_copy_and_pickle() -> None:
    person = Person(id="ann", name="Ann", privacy=Privacy.INITIALS)
    with pytest.raises(AttributeError, match="frozen"):
        person.name = "Bob"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="frozen"):
        del person.name
    for twin in (copy.copy(person), copy.deepcopy(person), pickle.loads(pickle.dumps(person))):
        assert twin == person and twin is not person
        assert twin.model_fields_set == {"id", "name", "privacy"}
        with pytest.raises(AttributeError, match="frozen"):
            twin.name = "Bob"  # type: ignore[misc]


def test_construct_copy_dump_and_iterate_as_pydantic_models_do() -> None:
    source = Source.model_construct(id="src", publisher="Agency", language="en")
    assert source.kind is vocab.SourceKind.NEWS and source.title is None
    assert source.model_fields_set == {"id", "publisher", "language"}
    moved = source.model_copy(update={"publisher": "Other"})
    assert moved.publisher == "Other" and source.publisher == "Agency"
    assert moved.model_fields_set == {"id", "publisher", "language"}
    assert dict(source)["publisher"] == "Agency" and list(dict(source)) == list(Source.model_fields)
    assert source.model_dump(mode="json", include={"id", "kind"}) == {"id": "src", "kind": "news"}
    assert source.model_dump_json().startswith('{"id":"src","publisher":"Agency"')
    assert repr(Participant(ref="ann")) == (
        "Participant(ref='ann', role=<ParticipantRole.SUBJECT: 'subject'>, label=None)"
    )
    # A list default is a new list for each instance, never one shared.
    one, other = Person(id="a", name="A"), Person(id="b", name="B")
    assert one.aliases == [] and one.aliases is not other.aliases


def test_direct_construction_validates() -> None:
    assert Participant(ref="ann", role="detainee").role is ParticipantRole.DETAINEE  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as raised:
        Participant(ref="Not A Slug", colour="red")  # type: ignore[call-arg]
    assert {error["type"] for error in raised.value.errors()} == {
        "string_pattern_mismatch",
        "extra_forbidden",
    }
    with pytest.raises(ValidationError, match="an event needs a date"):
        Event(id="e", type="arrest", title="Arrest")  # type: ignore[arg-type]


def test_the_fields_say_what_they_hold() -> None:
    assert Case.model_fields["events"].holds is Event
    assert Case.model_fields["status"].holds is vocab.CaseStatus
    assert Case.model_fields["title"].holds is None and Case.model_fields["title"].required
    assert Event.model_fields["sources"].holds is Citation
    assert RegistryFile.model_fields["people"].holds is Person
    assert Event.model_fields["key"].default is False and not Event.model_fields["key"].required


def test_bind_reads_only_schemas_without_definitions() -> None:
    with pytest.raises(ValueError, match="definitions"):
        bind({"type": "definitions", "schema": {}, "definitions": []})
