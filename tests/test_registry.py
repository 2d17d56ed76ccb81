"""The registry of a data repository: used by id from cases, checked with file:line:column
in the file that holds each problem, found from the case file, and withheld away from it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPO, TODAY, dedent
from test_diff_support import GitRepo
from timeline.cli import app
from timeline.load.registry_files import load_registry, registry_beside
from timeline.load.validation import validate_file
from timeline.model.vocab import PersonRole

runner = CliRunner()

PEOPLE = dedent(
    """
    format: 1
    people:
      - id: temirov
        name: Bolot Temirov
        roles: [journalist]
        affiliations:
          - {org: outlet, role: founder}
      - id: no
        name: N.O.
        privacy: initials
    """
)
ORGS = dedent(
    """
    format: 1
    organizations:
      - {id: outlet, name: Temirov Live, kind: media}
      - {id: court, name: District Court, kind: court}
      - {id: unused-org, name: Nobody's Bureau, kind: government}
    """
)
CASE = dedent(
    """
    format: 1
    id: first
    title: First case
    jurisdiction: KG
    status: ongoing
    court: court
    registry_people:
      - {ref: temirov, roles: [defendant]}
    sources:
      - {id: src, publisher: Example News, language: en}
    events:
      - id: detained
        date: "2025-05-28"
        type: detention
        title: Temirov detained
        participants: [{ref: temirov, role: detainee}, {ref: no, role: detainee}]
        sources: [src]
    """
)


def repository(root: Path, cases: dict[str, str] | None = None) -> Path:
    (root / "data" / "registry").mkdir(parents=True)
    (root / "data" / "cases").mkdir(parents=True)
    (root / "data" / "registry" / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    (root / "data" / "registry" / "organizations.yaml").write_text(ORGS, encoding="utf-8")
    for name, text in (cases or {"first": CASE}).items():
        (root / "data" / "cases" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return root / "data" / "cases"


def validate_json(*args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    result = runner.invoke(app, ["validate", "--format", "json", *args])
    return result.exit_code, json.loads(result.stdout)


def located(document: dict) -> list[str]:  # type: ignore[type-arg]
    return [
        f"{Path(d['file']).as_posix().split('data/')[-1]}:{d['line']}:{d['column']} {d['code']}"
        for d in document["diagnostics"]
    ]


def test_a_case_uses_registry_entries_by_id(tmp_path: Path) -> None:
    cases = repository(tmp_path)
    report = validate_file(cases / "first.yaml", today=TODAY)
    assert report.valid, report.diagnostics
    case = report.case
    assert case is not None
    temirov = case.index["temirov"]
    assert temirov.roles == [PersonRole.DEFENDANT]  # the part registry_people gives here
    assert case.display_name("court") == "District Court"
    assert case.display_name("outlet") == "Temirov Live"  # the organization of an affiliation
    assert "unused-org" not in case.index
    assert report.uses == {"temirov", "no", "court", "outlet"}


def test_validate_reports_registry_files_and_unused_entries(tmp_path: Path) -> None:
    cases = repository(tmp_path)
    code, document = validate_json(str(cases))
    assert code == 0
    assert document["summary"]["files"] == 3  # one case and two registry files
    assert located(document) == ["registry/organizations.yaml:5:10 TL308"]
    assert "unused-org" in document["diagnostics"][0]["message"]


def test_no_unused_warning_when_only_some_cases_are_validated(tmp_path: Path) -> None:
    cases = repository(tmp_path, {"first": CASE, "second": CASE.replace("id: first", "id: second")})
    code, document = validate_json(str(cases / "first.yaml"))
    assert code == 0
    assert located(document) == []


def test_a_case_redefining_a_registry_id_names_both_places(tmp_path: Path) -> None:
    text = CASE.replace(
        "sources:\n", "organizations:\n  - {id: court, name: Court, kind: court}\nsources:\n"
    )
    cases = repository(tmp_path, {"first": text})
    code, document = validate_json(str(cases / "first.yaml"))
    assert code == 1
    assert located(document)[0] == "cases/first.yaml:10:10 TL305"
    message = document["diagnostics"][0]["message"]
    assert message.endswith("registry/organizations.yaml:4:10")


def test_problems_in_registry_files_are_located_in_them(tmp_path: Path) -> None:
    cases = repository(tmp_path)
    registry = tmp_path / "data" / "registry"
    (registry / "people.yaml").write_text(
        PEOPLE.replace("{org: outlet, role: founder}", "{org: outlit, role: founder}")
        .replace("name: N.O.", "name: Nurgul O.")
        .replace("roles: [journalist]", "roles: [journalist]\n    nmae: x"),
        encoding="utf-8",
    )
    (registry / "more.yaml").write_text(
        "format: 1\norganizations:\n  - {id: court, name: Court, kind: court}\n", encoding="utf-8"
    )
    code, document = validate_json(str(cases))
    assert code == 1
    found = located(document)
    assert "registry/organizations.yaml:4:10 TL301" in found  # the id of more.yaml again
    duplicate = next(d for d in document["diagnostics"] if d["code"] == "TL301")
    assert duplicate["message"].endswith("registry/more.yaml:3:10")
    assert "registry/people.yaml:6:5 TL201" in found  # the misspelt key, with a hint
    hint = next(d["hint"] for d in document["diagnostics"] if d["code"] == "TL201")
    assert hint == "did you mean 'name'?"
    # The misspelt key is left out, not the person: the case still finds Temirov, and the
    # one unknown reference is the affiliation's.
    unresolved = [d["message"] for d in document["diagnostics"] if d["code"] == "TL302"]
    assert unresolved == ["'outlit' is not the id of any organization in the registry"]


def test_the_rules_of_a_case_hold_in_the_registry(tmp_path: Path) -> None:
    cases = repository(tmp_path)
    registry = tmp_path / "data" / "registry"
    (registry / "people.yaml").write_text(
        PEOPLE.replace("{org: outlet, role: founder}", "{org: outlit, role: founder}").replace(
            "name: N.O.", "name: Nurgul O."
        ),
        encoding="utf-8",
    )
    code, document = validate_json(str(cases))
    assert code == 1
    found = located(document)
    assert "registry/people.yaml:7:15 TL302" in found  # an affiliation naming nothing
    assert "registry/people.yaml:9:11 TL601" in found  # initials-only, but a name


def test_registry_files_get_the_safe_loader() -> None:
    registry = load_registry(
        [("registry/bad.yaml", b"format: 1\npeople:\n  - &a {id: x, name: X}\n  - *a\n")], "r"
    )
    (report,) = registry.reports
    assert {d.code for d in report.diagnostics} == {"TL107"}
    assert registry.entries == {}


def test_a_registry_person_unknown_to_the_registry(tmp_path: Path) -> None:
    cases = repository(
        tmp_path, {"first": CASE.replace("{ref: temirov, roles", "{ref: temirof, roles")}
    )
    code, document = validate_json(str(cases / "first.yaml"))
    assert code == 1
    assert located(document)[0] == "cases/first.yaml:8:11 TL302"
    assert document["diagnostics"][0]["hint"] == "did you mean 'temirov'?"


def test_a_copied_file_shows_and_exports_with_what_it_has(tmp_path: Path) -> None:
    cases = repository(tmp_path)
    away = tmp_path / "elsewhere"
    away.mkdir()
    shutil.copy(cases / "first.yaml", away / "first.yaml")
    shown = runner.invoke(app, ["show", str(away / "first.yaml"), "--format", "plain"])
    assert shown.exit_code == 0, shown.stderr
    assert shown.stderr.count("warning[TL307]") == 1
    assert "'temirov'" in shown.stderr
    assert "Who: [unknown], [unknown] (detainee)" in shown.stdout
    assert "Court: [unknown]" in shown.stdout
    exported = runner.invoke(app, ["export", str(away / "first.yaml"), "-f", "json"])
    assert exported.exit_code == 0
    assert "Temirov" not in exported.stdout.replace("Temirov detained", "")
    people = json.loads(exported.stdout)["case"]["people"]
    assert {p["privacy"] for p in people} == {"initials"}  # nothing known: withheld
    code, document = validate_json(str(away / "first.yaml"))
    assert code == 1  # validate stays strict: the references do not resolve
    assert {d["code"] for d in document["diagnostics"]} == {"TL302"}


def test_diff_reads_the_registry_at_each_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.commit(
        "Create",
        {
            "data/registry/people.yaml": PEOPLE,
            "data/registry/organizations.yaml": ORGS,
            "data/cases/first.yaml": CASE,
        },
    )
    repo.commit(
        "Rename the outlet",
        {"data/registry/organizations.yaml": ORGS.replace("Temirov Live", "Temirov LIVE")},
    )
    monkeypatch.chdir(repo.root)
    result = runner.invoke(
        app, ["diff", "data/cases/first.yaml@HEAD~1", "data/cases/first.yaml@HEAD", "-f", "json"]
    )
    assert result.exit_code == 0, result.stderr
    changes = json.loads(result.stdout)["changes"]
    assert [(c["section"], c["id"]) for c in changes] == [("organizations", "outlet")]
    assert changes[0]["fields"][0]["old"] == "Temirov Live"


def test_the_registry_is_read_again_when_it_changes(tmp_path: Path) -> None:
    cases = repository(tmp_path)
    first = registry_beside(cases / "first.yaml")
    assert first is registry_beside(cases / "first.yaml")  # read once
    organizations = tmp_path / "data" / "registry" / "organizations.yaml"
    organizations.write_text(ORGS.replace("District Court", "City Court"), encoding="utf-8")
    second = registry_beside(cases / "first.yaml")
    assert second is not None and second.items["court"].name == "City Court"  # type: ignore[union-attr]


def test_the_kloop_files_share_the_registry() -> None:
    cases = REPO / "data" / "cases"
    reports = {p.stem: validate_file(p, today=TODAY) for p in sorted(cases.glob("kloop*.yaml"))}
    assert all(r.valid for r in reports.values())
    assert {"kloop", "temirov-live", "supreme-court"} <= reports["kloop-extremism"].uses
    liquidation = reports["kloop-liquidation"].case
    assert liquidation is not None
    assert liquidation.index["kloop-media"].kind.value == "ngo"  # the foundation
    assert "kloop" not in liquidation.index  # not the outlet
    kloop = reports["kloop"].case
    assert kloop is not None and kloop.index["kloop"].kind.value == "media"


def test_registry_schema_is_in_sync() -> None:
    result = runner.invoke(app, ["schema", "--registry"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert set(schema["properties"]) == {"format", "people", "organizations", "charges", "sources"}
    assert (REPO / "schema" / "registry.schema.json").read_text(encoding="utf-8") == result.stdout


def test_diff_of_a_registry_change_lists_the_cases_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = GitRepo(tmp_path / "repo")
    unrelated = CASE.replace("id: first", "id: second").replace("court: court\n", "")
    unrelated = unrelated.replace("registry_people:\n  - {ref: temirov, roles: [defendant]}\n", "")
    unrelated = unrelated.replace("{ref: temirov, role: detainee}, ", "")
    repo.commit(
        "Create",
        {
            "data/registry/people.yaml": PEOPLE,
            "data/registry/organizations.yaml": ORGS,
            "data/cases/first.yaml": CASE,
            "data/cases/second.yaml": unrelated,
        },
    )
    # The outlet is named by no case, only by the affiliation of a registry person.
    repo.write("data/registry/organizations.yaml", ORGS.replace("Temirov Live", "Temirov LIVE"))
    monkeypatch.chdir(repo.root)
    result = runner.invoke(app, ["diff", "data/registry/organizations.yaml", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["entries"] == ["outlet"]
    assert [case["new"]["id"] for case in document["cases"]] == ["first"]
    (change,) = document["cases"][0]["changes"]
    assert (change["section"], change["id"]) == ("organizations", "outlet")
    text = runner.invoke(app, ["diff", "data/registry@HEAD", "data/registry", "--exit-code"])
    assert text.exit_code == 1
    assert "1 entry changed; the chronology of 1 case changes" in text.stdout


def test_registry_files_are_never_validated_as_cases(tmp_path: Path) -> None:
    repository(tmp_path)
    people = tmp_path / "data" / "registry" / "people.yaml"
    people.write_text(PEOPLE.replace("name: N.O.", "name: Nurgul O."), encoding="utf-8")
    for target in (tmp_path / "data", tmp_path / "data" / "registry", people):
        code, document = validate_json(str(target))
        assert code == 1
        # Not read as a case (no missing id, title...), and the unused entry of a full run.
        assert {d["code"] for d in document["diagnostics"]} <= {"TL601", "TL308"}, target
        assert located(document).count("registry/people.yaml:9:11 TL601") == 1


def test_validating_twice_in_one_process_reports_the_same(tmp_path: Path) -> None:
    cases = repository(tmp_path)
    first, second = validate_json(str(cases)), validate_json(str(cases))
    assert first == second
    assert validate_json(str(cases / "first.yaml"))[1]["diagnostics"] == first[1]["diagnostics"]


def test_a_part_other_in_this_case_needs_a_label(tmp_path: Path) -> None:
    text = CASE.replace("{ref: temirov, roles: [defendant]}", "{ref: temirov, roles: [other]}")
    cases = repository(tmp_path, {"first": text})
    code, document = validate_json(str(cases / "first.yaml"))
    assert code == 1
    assert [d["path"] for d in document["diagnostics"] if d["code"] == "TL701"] == [
        "registry_people[0]"
    ]


def test_an_entry_that_fails_the_schema_leaves_the_others(tmp_path: Path) -> None:
    """One misspelt field leaves that entry out of the registry, not its whole file."""
    cases = repository(tmp_path)
    (tmp_path / "data" / "registry" / "people.yaml").write_text(
        PEOPLE.replace("    name: Bolot Temirov\n", ""), encoding="utf-8"
    )
    code, document = validate_json(str(cases))
    assert code == 1
    found = located(document)
    assert "registry/people.yaml:3:5 TL202" in found  # no name
    # Temirov is left out, and the case's references to him say why; N.O. is not.
    unresolved = [d["message"] for d in document["diagnostics"] if d["code"] == "TL302"]
    assert unresolved and all("'temirov'" in m for m in unresolved)
    registry = registry_beside(cases / "first.yaml")
    assert registry is not None
    assert sorted(registry.items) == ["court", "no", "outlet", "unused-org"]
    # Where N.O. is written, though the entry before it was left out.
    assert registry.where("no").endswith("data/registry/people.yaml:7:9")
