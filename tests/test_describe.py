"""Words shared by show and the exports, and the per-case indexes they read."""

from __future__ import annotations

import pytest

from conftest import DATA
from timeline.load.validation import validate_file
from timeline.model import describe
from timeline.model.case import Case
from timeline.views.chronology import build_header


@pytest.fixture(scope="module")
def kloop() -> Case:
    report = validate_file(DATA / "kloop.yaml")
    assert report.case is not None, report.diagnostics
    return report.case


def test_each_item_has_the_conflicts_about_it_in_file_order(kloop: Case) -> None:
    by_ref = kloop.conflicts_by_ref
    for conflict in kloop.conflicts:
        for ref in conflict.about:
            assert conflict in by_ref[ref]
    expected = {
        ref: [c.id for c in kloop.conflicts if ref in c.about]
        for c in kloop.conflicts
        for ref in c.about
    }
    assert {ref: [c.id for c in found] for ref, found in by_ref.items()} == expected
    assert "who-detained-may-28" in [c.id for c in by_ref["editors-detained"]]


def test_conflict_sides_name_each_claim_with_its_sources(kloop: Case) -> None:
    ((about, claims),) = describe.conflict_sides(kloop, "editors-detained")
    assert "detained on 28 May 2025" in about
    assert claims == [
        "All four former employees were arrested on 28 May 2025 (fergana-140383)",
        "The two camera operators were detained on 28 May 2025, and one accountant on "
        "30 May 2025 (24kg-334581)",
    ]
    assert describe.conflict_sides(kloop, "no-such-item") == []


def test_the_header_states_each_defendants_standing_and_custody(kloop: Case) -> None:
    defendants = {d.name: d for d in build_header(kloop).defendants}
    assert defendants["Aleksandr Aleksandrov"].outcome == (
        "guilty, 5 years' imprisonment, general regime (17 September 2025); sentence reduced "
        "on appeal to 3 years' probation (25 November 2025); released; 181 days in custody"
    )
    assert defendants["Aleksandr Aleksandrov"].state == "convicted"
    assert defendants["N.O."].outcome == (
        "guilty, 3 years' probation (17 September 2025), upheld on appeal (25 November 2025)"
    )


def test_short_names_keep_patronymic_particles(tmp_path):
    from conftest import MINIMAL, validate_text
    from timeline.model.describe import short_name

    people = (
        "  - {id: mk, name: Makhabat Tajibek kyzy, roles: [defendant]}\n"
        "  - {id: mu, name: Maksat Tajibek uulu, roles: [defendant]}\n"
        "  - {id: two, name: Tajibek kyzy, roles: [defendant]}\n"
        "  - {id: set, name: Aike Beishekeeva, short_name: Aike, roles: [defendant]}\n"
        "organizations:"
    )
    report = validate_text(tmp_path, MINIMAL.replace("organizations:", people, 1))
    case = report.case
    assert case is not None
    found = [short_name(case, ref) for ref in ("mk", "mu", "two", "set", "no", "ann")]
    assert found == ["Tajibek kyzy", "Tajibek uulu", "Tajibek kyzy", "Aike", "N.O.", "Example"]


def test_an_initials_only_person_has_no_short_name(diagnose):
    from conftest import MINIMAL

    text = MINIMAL.replace(
        "name: N.O., privacy: initials", "name: N.O., short_name: Nurbek, privacy: initials"
    )
    assert diagnose(text) == ["TL602@8:26"]
