"""Privacy as a guarantee: a person marked `privacy: initials` is shown as their initials,
by every command in every format, and nothing else names them.

tests/fixtures/hostile/private.yaml has two initials-only bookkeepers (N.O. and
K.E.) in every kind of item: participants, outcomes, attribution, disputed_by,
conflicts, affiliations. A valid file cannot say more about them, so the canary
(their full names, aliases and a description) lives where it can only leak
through a bug:

- in an earlier version of the file, when they were still public: `diff` and
  `log` across the commit that made them initials-only must withhold it;
- in a case built in memory with the fields validation refuses (aliases,
  description): every renderer and exporter must drop them.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import TODAY
from test_diff_support import GitRepo
from test_export_support import TEXT_FORMATS, as_text
from timeline.cli import app
from timeline.exporters import EXPORTERS, ExportOptions
from timeline.load.validation import validate_file
from timeline.model.case import Alias, Case
from timeline.model.vocab import PersonRole, Privacy

PRIVATE = Path(__file__).parent / "fixtures" / "hostile" / "private.yaml"
CANARY = ("Nurgul", "Omurova", "Нургуль", "Kanykei", "Esenova", "chief accountant Nurgul")
INITIALS = {"accountant-no": "N.O.", "accountant-ke": "K.E."}
runner = CliRunner()


def invoke(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def assert_private(text: str, *, mentioned: bool = True) -> None:
    for word in CANARY:
        assert word not in text, f"{word!r} leaks: ...{text[max(0, text.find(word) - 80) :][:160]}"
    if mentioned:
        assert "N.O." in text and "K.E." in text


def public(text: str, description: str = "Former chief accountant Nurgul Omurova.") -> str:
    """The same case before the bookkeepers were made initials-only."""
    made_public = text.replace(
        "  - id: accountant-no\n    name: N.O.\n    privacy: initials\n",
        "  - id: accountant-no\n    name: Nurgul Omurova\n"
        "    aliases: [{name: Нургуль Омурова, lang: ru}]\n"
        f"    description: {description}\n",
    ).replace(
        "  - id: accountant-ke\n    name: K.E.\n    privacy: initials\n",
        "  - id: accountant-ke\n    name: Kanykei Esenova\n",
    )
    assert made_public.count("Nurgul") == 2 and "Kanykei" in made_public
    return made_public


def test_the_fixture_is_valid_and_its_bookkeepers_initials_only() -> None:
    report = validate_file(PRIVATE, today=TODAY)
    assert report.valid and report.case is not None
    people = {p.id: p for p in report.case.people}
    for ref, initials in INITIALS.items():
        assert (people[ref].privacy, people[ref].name) == (Privacy.INITIALS, initials)


# --- every command on the file --------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["show", "--format", "plain"],
        ["show", "--format", "plain", "--sources"],
        ["show", "--format", "rich", "--sources"],
        ["show", "--format", "plain", "--person", "accountant-no"],
        ["show", "--format", "plain", "--key"],
        *(["export", "-f", name] for name in TEXT_FORMATS),
        ["export", "-f", "markdown", "--mermaid"],
        ["export", "-f", "ics", "--ics-spans"],
    ],
)
def test_show_and_export_name_them_by_their_initials(args: list[str]) -> None:
    result = invoke(args[0], str(PRIVATE), *args[1:])
    assert result.exit_code == 0, result.stderr
    assert_private(result.stdout + result.stderr)


def test_validate_and_list_say_nothing_more(tmp_path: Path) -> None:
    (tmp_path / "private.yaml").write_text(PRIVATE.read_text(encoding="utf-8"), "utf-8")
    for args in (["validate", "--format", "json"], ["validate", "--format", "github"]):
        assert_private(invoke(*args, str(tmp_path)).stdout, mentioned=False)
    for format in ("plain", "rich", "json"):
        result = invoke("--data-dir", str(tmp_path), "list", "--format", format)
        assert_private(result.stdout, mentioned=False)


@pytest.fixture
def history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """The case in git: public bookkeepers, a change to one of them, then initials-only."""
    monkeypatch.delenv("TIMELINE_DATA_DIR", raising=False)
    text = PRIVATE.read_text(encoding="utf-8")
    repo = GitRepo(tmp_path / "repo")
    path = "data/cases/private.yaml"
    repo.commit("Add the case", {path: public(text)})
    repo.commit("Describe a bookkeeper", {path: public(text, "Nurgul Omurova, bookkeeper.")})
    repo.commit("Name the bookkeepers by their initials only", {path: text})
    monkeypatch.chdir(repo.root)
    return repo


@pytest.mark.parametrize("format", ["text", "markdown", "json"])
@pytest.mark.parametrize("old", ["private@HEAD~1", "private@HEAD~2"])
def test_diff_withholds_what_the_redaction_removed(history: GitRepo, old: str, format: str) -> None:
    result = invoke("diff", old, "private", "--format", format)
    assert result.exit_code == 0, result.stderr
    assert_private(result.stdout)
    assert "withheld" in result.stdout


def test_log_withholds_what_the_redaction_removed(history: GitRepo) -> None:
    result = invoke("log", "private", "--format", "json")
    latest = json.loads(result.stdout)["commits"][0]
    assert latest["subject"] == "Name the bookkeepers by their initials only"
    assert_private(json.dumps(latest, ensure_ascii=False))


@pytest.mark.parametrize("format", ["text", "json"])
def test_log_of_a_case_names_no_one_who_is_now_initials_only(history: GitRepo, format: str) -> None:
    assert_private(invoke("log", "private", "--format", format).stdout, mentioned=False)


RENAMED = {"accountant-no": "nurgul-omurova", "accountant-ke": "kanykei-esenova"}


@pytest.fixture
def renamed_history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """Public bookkeepers with ids that name them, then initials-only under new ids, in
    one commit: which old person became which new one cannot be known."""
    monkeypatch.delenv("TIMELINE_DATA_DIR", raising=False)
    text = PRIVATE.read_text(encoding="utf-8")
    before = public(text)
    for new_id, old_id in RENAMED.items():
        before = before.replace(new_id, old_id)
    repo = GitRepo(tmp_path / "repo")
    path = "data/cases/private.yaml"
    repo.commit("Add the case", {path: before})
    repo.commit("Name the bookkeepers by their initials only, under new ids", {path: text})
    monkeypatch.chdir(repo.root)
    return repo


def assert_no_old_id(text: str) -> None:
    for old_id in RENAMED.values():
        assert old_id not in text, old_id


@pytest.mark.parametrize("format", ["text", "markdown", "json"])
def test_diff_across_an_id_rename_withholds_the_old_person(
    renamed_history: GitRepo, format: str
) -> None:
    result = invoke("diff", "private@HEAD~1", "private", "--format", format)
    assert result.exit_code == 0, result.stderr
    assert_private(result.stdout)
    assert_no_old_id(result.stdout)
    assert "withheld" in result.stdout


@pytest.mark.parametrize("format", ["text", "json"])
def test_log_across_an_id_rename_withholds_the_old_person(
    renamed_history: GitRepo, format: str
) -> None:
    result = invoke("log", "private", "--format", format)
    assert result.exit_code == 0, result.stderr
    assert_private(result.stdout, mentioned=False)
    assert_no_old_id(result.stdout)


# --- every renderer on a case that says too much ------------------------------------------


def leaky(case: Case) -> Case:
    """The case with what validation refuses for an initials-only person."""
    extra: dict[str, dict[str, Any]] = {
        "accountant-no": {
            "aliases": [Alias(name="Nurgul Omurova"), Alias(name="Нургуль", lang="ru")],
            "description": "Former chief accountant Nurgul Omurova.",
        },
        "accountant-ke": {"aliases": [Alias(name="Kanykei Esenova")]},
    }
    people = [p.model_copy(update=extra.get(p.id, {})) for p in case.people]
    return case.model_copy(update={"people": people})


@pytest.fixture(scope="module")
def case() -> Case:
    report = validate_file(PRIVATE, today=TODAY)
    assert report.case is not None
    made = leaky(report.case)
    assert "Omurova" in made.model_dump_json()
    return made


def _rendered(value: Any) -> str:
    """A view's output as text: a string as it is, a rich renderable through a console."""
    if isinstance(value, str):
        return value
    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=100, force_terminal=True, markup=False).print(value)
    return buffer.getvalue()


def test_the_show_views_drop_what_validation_refuses(case: Case) -> None:
    from timeline.views import SHOW_FORMATS
    from timeline.views.chronology import build_chronology

    for sources in (False, True):
        view = build_chronology(case, case.chronology, sources=sources)
        for render in SHOW_FORMATS.values():
            assert_private(_rendered(render(view, 100)))


@pytest.mark.parametrize("format", sorted(EXPORTERS))
def test_the_exporters_drop_what_validation_refuses(case: Case, format: str) -> None:
    options = ExportOptions(mermaid=True, ics_spans=True)
    assert_private(as_text(EXPORTERS[format](case, options)))


def _changed(case: Case) -> Case:
    """A later version in which the bookkeepers' records and events changed."""
    people = [
        p.model_copy(update={"roles": [*p.roles, PersonRole.EXPERT]}) if p.id in INITIALS else p
        for p in case.people
    ]
    events = [e.model_copy(update={"title": e.title + " (updated)"}) for e in case.events]
    return case.model_copy(update={"people": people, "events": events})


@pytest.mark.parametrize("format", ["text", "markdown", "json"])
@pytest.mark.parametrize(
    "pair", [lambda c: (c, _changed(c)), lambda c: (_changed(c), c)], ids=["later", "earlier"]
)
def test_the_diff_views_drop_what_validation_refuses(
    case: Case, format: str, pair: Callable[[Case], tuple[Case, Case]]
) -> None:
    from timeline.diff import diff_cases
    from timeline.views.diff import RENDERERS

    old, new = pair(case)
    result = diff_cases(old, new)
    assert not result.identical
    assert_private(RENDERERS[format](result, False))


def test_the_canary_would_show_if_they_were_public(case: Case) -> None:
    # The same fields of a public person are printed: their absence above is redaction.
    people = [p.model_copy(update={"privacy": Privacy.PUBLIC}) for p in case.people]
    exposed = case.model_copy(update={"people": people})
    text = EXPORTERS["markdown"](exposed, ExportOptions()).text
    assert "Nurgul Omurova" in text and "Kanykei Esenova" in text
