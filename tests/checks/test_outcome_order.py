from conftest import MINIMAL


def test_verdict_before_detention(diagnose):
    text = MINIMAL.replace('"2025-09-17"', '"2025-05-01"').replace("    after: [detained]\n", "")
    assert diagnose(text) == ["TL402@23:11"]
