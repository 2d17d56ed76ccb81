from conftest import MINIMAL


def test_initials_only_person_with_alias(diagnose):
    text = MINIMAL.replace("privacy: initials,", "privacy: initials, aliases: [{name: Nurgul}],")
    assert diagnose(text) == ["TL602@8:45"]
