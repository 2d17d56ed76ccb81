from conftest import MINIMAL


def test_other_needs_label(diagnose):
    assert diagnose(MINIMAL.replace("type: detention", "type: other")) == ["TL701@16:5"]
    assert diagnose(MINIMAL.replace("type: detention", "type: other\n    label: Rally")) == []


def test_case_status_other(diagnose):
    assert diagnose(MINIMAL.replace("status: ongoing", "status: other")) == ["TL701@1:1"]
