from conftest import MINIMAL


def test_after_contradicted(diagnose):
    assert diagnose(
        MINIMAL.replace('"2025-09-17"', '"2025-05-01"').replace("type: verdict", "type: hearing")
    ) == ["TL401@26:13"]


def test_overlap_is_not_an_error(diagnose):
    text = MINIMAL.replace('"2025-09-17"', '"2025-05"').replace("type: verdict", "type: hearing")
    assert diagnose(text) == []


def test_before_contradicted(diagnose):
    text = MINIMAL.replace("    after: [detained]\n", "").replace(
        "    type: detention\n", "    type: detention\n    before: [verdict]\n"
    )
    assert diagnose(text) == []
    later = text.replace('"2025-05-28"', '"2025-10-01"').replace("type: verdict", "type: hearing")
    assert diagnose(later) == ["TL401@19:14"]
