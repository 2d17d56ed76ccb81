"""`timeline new`: a valid commented case file from the template, never overwriting one."""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.errors import UsageError
from timeline.load.validation import validate_bytes
from timeline.store.template import create_case, render_case, template_text

runner = CliRunner()


def new(tmp_path, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["--data-dir", str(tmp_path), "new", *args])


def test_new_writes_a_file_that_validates_strictly(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = new(tmp_path, "kloop-appeal", "--jurisdiction", "KG", "--title", "An appeal")
    assert result.exit_code == 0, result.output
    path = tmp_path / "kloop-appeal.yaml"
    assert result.stdout == f"{path}\n"
    text = path.read_text(encoding="utf-8")
    assert not text.startswith("# yaml-language-server")  # no schema around tmp_path
    assert "id: kloop-appeal\n" in text
    assert 'title: "An appeal"\n' in text
    checked = runner.invoke(app, ["validate", "--strict", "--format", "text", str(path)])
    assert checked.exit_code == 0, checked.output
    assert checked.stdout == "1 file, 0 errors, 0 warnings\n"


def test_new_again_exits_2_and_leaves_the_file_alone(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert new(tmp_path, "my-case", "-j", "KZ").exit_code == 0
    path = tmp_path / "my-case.yaml"
    path.write_bytes(path.read_bytes() + b"# my edits\n")
    before = path.read_bytes()
    result = new(tmp_path, "my-case", "-j", "KG", "--title", "Another")
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my-case.yaml"]  # no temp file left


@pytest.mark.parametrize(
    "bad",
    ["Kloop", "kloop_case", "kloop--x", "-kloop", "kloop-", "kloop.yaml", "a b", "", "x" * 101],
)
def test_bad_id_exits_2(tmp_path, bad: str) -> None:  # type: ignore[no-untyped-def]
    result = new(tmp_path, "-j", "KG", "--", bad)
    assert result.exit_code == 2
    assert "not a valid case id" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("bad", ["K", "KGZ", "12", "K1", "UK", "AB"])
def test_bad_jurisdiction_exits_2(tmp_path, bad: str) -> None:  # type: ignore[no-untyped-def]
    result = new(tmp_path, "my-case", "-j", bad)
    assert result.exit_code == 2
    assert "ISO 3166-1 alpha-2" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_jurisdiction_is_required(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = new(tmp_path, "my-case")
    assert result.exit_code == 2
    assert list(tmp_path.iterdir()) == []


def test_lowercase_jurisdiction_is_accepted(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert new(tmp_path, "my-case", "-j", "kg").exit_code == 0
    assert "jurisdiction: KG\n" in (tmp_path / "my-case.yaml").read_text(encoding="utf-8")


def test_missing_data_dir_exits_2(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = new(tmp_path / "nowhere", "my-case", "-j", "KG")
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("case_id", "jurisdiction", "title"),
    [
        ("true", "NO", 'Quotes " and: colons # and hashes'),
        ("null", "NO", "Кириллица и «кавычки»"),
        ("2025", "KG", "- starts like a list item"),
        ("yes", "KG", "{flow: mapping?} [and] *alias &anchor !tag %directive @at `tick`"),
        ("placeholders", "KG", "${id} ${file} ${jurisdiction} \\ backslash"),
    ],
)
def test_awkward_values_still_validate(case_id: str, jurisdiction: str, title: str) -> None:
    text = render_case(case_id, jurisdiction=jurisdiction, title=title)
    report = validate_bytes(text.encode(), f"{case_id}.yaml", stem=case_id)
    assert report.diagnostics == []
    assert report.case is not None
    assert (report.case.id, report.case.jurisdiction, report.case.title) == (
        case_id,
        jurisdiction,
        title,
    )


@pytest.mark.parametrize("title", ["", "   ", "two\nlines", "tab\there", "line\u2028separator"])
def test_bad_title_is_refused(tmp_path, title: str) -> None:  # type: ignore[no-untyped-def]
    result = new(tmp_path, "my-case", "-j", "KG", "--title", title)
    assert result.exit_code == 2
    assert list(tmp_path.iterdir()) == []


def test_default_title_comes_from_the_id(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert new(tmp_path, "kloop-appeal", "-j", "KG").exit_code == 0
    text = (tmp_path / "kloop-appeal.yaml").read_text(encoding="utf-8")
    assert 'title: "Kloop appeal"\n' in text


def test_a_file_created_meanwhile_is_not_overwritten(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Someone creates the file between the existence check and the write."""
    from timeline.store import atomic

    path = tmp_path / "race.yaml"
    real_link = os.link

    def link_after_someone_else(src, dst, *args, **kwargs):  # type: ignore[no-untyped-def]
        path.write_text("theirs\n", encoding="utf-8")
        return real_link(src, dst, *args, **kwargs)

    monkeypatch.setattr(atomic.os, "link", link_after_someone_else)
    with pytest.raises(UsageError, match="already exists"):
        create_case(tmp_path, "race", jurisdiction="KG")
    assert path.read_text(encoding="utf-8") == "theirs\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["race.yaml"]


def test_template_points_to_the_guide() -> None:
    text = template_text()
    assert text.count("docs/data-format.md") >= 1
    for placeholder in ("${id}", "${title}", "${jurisdiction}"):
        assert placeholder in text


def test_new_outside_a_data_repository_never_writes_into_the_bundled_cases(
    tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """In an editable install the bundled cases are this repository's own `data/cases`."""
    from timeline.store.repository import bundled_dir

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TIMELINE_DATA_DIR", raising=False)
    before = sorted(p.name for p in bundled_dir().iterdir())
    result = runner.invoke(app, ["new", "stray-case", "-j", "KG"])
    assert result.exit_code == 2
    assert "no data directory here" in result.stderr
    assert "--data-dir" in result.stderr
    assert sorted(p.name for p in bundled_dir().iterdir()) == before
    assert list(tmp_path.iterdir()) == []


def test_uk_is_refused_with_a_did_you_mean(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = new(tmp_path, "my-case", "-j", "UK")
    assert result.exit_code == 2
    assert "did you mean 'GB'" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("folder", "line"),
    [
        ("data/cases", "# yaml-language-server: $schema=../../schema/case.schema.json\n"),
        ("cases", "# yaml-language-server: $schema=../schema/case.schema.json\n"),
        (".", "# yaml-language-server: $schema=schema/case.schema.json\n"),
    ],
)
def test_the_modeline_points_at_the_schema_around_the_folder(tmp_path, folder, line) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "case.schema.json").write_text("{}", encoding="utf-8")
    directory = tmp_path / folder
    directory.mkdir(parents=True, exist_ok=True)
    assert new(directory, "my-case", "-j", "KG").exit_code == 0
    text = (directory / "my-case.yaml").read_text(encoding="utf-8")
    assert text.startswith(line)
    target = directory / line.split("$schema=")[1].strip()
    assert target.resolve() == (tmp_path / "schema" / "case.schema.json").resolve()


def test_the_template_shows_every_addition_of_the_format() -> None:
    from timeline.store.template import render_case

    text = render_case("temirov-live", jurisdiction="KG")
    for part in (
        "\ngroups: []\n",
        "short_name:",
        "[2025-05-30..2025-09-17]",
        "after:` (or `before:`)",
        "relation: same-people",
        "acts_on: [verdict], retrial: true",
        "by: executive, verdict: pardoned",
        "by: international, verdict: violation",
        'until: "2024-05-13"',
        "subject: jane-doe",
        'mean "not stated"',
    ):
        assert part in text, part
