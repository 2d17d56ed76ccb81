from conftest import MINIMAL

JUDGE = "  - {id: judge, name: Jane Judge, roles: [judge]}\norganizations:"


def test_a_decision_names_defendants(diagnose):
    text = MINIMAL.replace("organizations:", JUDGE, 1).replace(
        "subjects: [ann]", "subjects: [judge]"
    )
    assert diagnose(text) == ["TL306@29:21"]


def test_an_upheld_designation_may_name_anyone(diagnose):
    text = MINIMAL.replace("organizations:", JUDGE, 1).replace(
        "{subjects: [ann], verdict: guilty, sentence: imprisonment, term: P5Y, regime: general}",
        "{subjects: [judge], verdict: upheld}",
    )
    assert diagnose(text) == []


def test_a_group_of_defendants_is_fine_and_a_group_member_must_be_a_person(diagnose):
    group = "groups:\n  - {id: both, name: the two, members: [ann, no]}\norganizations:"
    text = MINIMAL.replace("organizations:", group, 1).replace(
        "subjects: [ann]", "subjects: [both]"
    )
    assert diagnose(text) == []
    assert diagnose(text.replace("members: [ann, no]", "members: [ann, court]")) == ["TL302@10:46"]
