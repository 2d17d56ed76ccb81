"""`timeline.model.registry.resolve`: a case with the registry entries it uses, pure."""

from __future__ import annotations

from conftest import MINIMAL, dedent
from timeline.load.loader import parse_document
from timeline.model.case import Case, Organization, Person
from timeline.model.registry import UNKNOWN, resolve
from timeline.model.vocab import OrganizationKind, PersonRole, Privacy

REGISTRY = {
    "temirov": Person(
        id="temirov",
        name="Bolot Temirov",
        roles=[PersonRole.JOURNALIST],
        affiliations=[{"org": "outlet"}],  # type: ignore[list-item]
        description="A journalist.",
    ),
    "outlet": Organization(id="outlet", name="Temirov Live", kind=OrganizationKind.MEDIA),
    "court": Organization(id="court", name="Registry Court", kind=OrganizationKind.COURT),
    "idle": Organization(id="idle", name="Nobody", kind=OrganizationKind.NGO),
}
ORDER = {ref: index for index, ref in enumerate(REGISTRY)}


def case(extra: str = "") -> Case:
    text = MINIMAL.replace(
        "participants: [{ref: ann, role: detainee}",
        "participants: [{ref: temirov, role: subject}, {ref: ann, role: detainee}",
    )
    return Case.model_validate(parse_document((text + dedent(extra)).encode(), "x.yaml").data)


def test_the_entries_a_case_uses_come_after_its_own() -> None:
    resolution = resolve(case(), REGISTRY, order=ORDER)
    resolved = resolution.case
    assert [p.id for p in resolved.people] == ["ann", "no", "temirov"]
    # The case's own court wins; the outlet comes with the registry person's affiliation.
    assert [o.id for o in resolved.organizations] == ["court", "outlet"]
    assert resolution.uses == {"temirov", "outlet"}
    assert resolution.unresolved == ()


def test_registry_people_give_a_part_in_this_case() -> None:
    text = "registry_people:\n  - {ref: temirov, roles: [defendant], description: Here.}\n"
    resolved = resolve(case(text), REGISTRY).case
    temirov = resolved.index["temirov"]
    assert temirov.roles == [PersonRole.DEFENDANT]
    assert temirov.description == "Here."
    assert temirov.name == "Bolot Temirov"
    assert resolved.registry_people == []


def test_the_index_and_chronology_are_worked_out_again() -> None:
    raw = case()
    assert "temirov" not in raw.index  # worked out on the case alone
    assert "temirov" in resolve(raw, REGISTRY).case.index


def test_without_a_registry_the_unknown_are_withheld() -> None:
    resolution = resolve(case(), None, placeholders=True)
    stand_in = resolution.case.index["temirov"]
    assert resolution.unresolved == ("temirov",)
    assert (stand_in.name, stand_in.privacy) == (UNKNOWN, Privacy.INITIALS)
    assert resolve(case(), None).case.people == case().people  # no stand-ins unless asked
