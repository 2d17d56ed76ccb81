from conftest import MINIMAL


def test_initials_only_name(diagnose):
    assert diagnose(MINIMAL.replace("name: N.O.", "name: Nurgul O.")) == ["TL601@8:20"]


def test_cyrillic_initials_pass(diagnose):
    assert diagnose(MINIMAL.replace("name: N.O.", "name: Н. О.")) == []
