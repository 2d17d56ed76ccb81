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


def test_an_event_after_itself(diagnose):
    assert diagnose(MINIMAL.replace("after: [detained]", "after: [verdict]")) == ["TL401@26:13"]


def test_events_after_each_other_in_a_loop(diagnose):
    text = MINIMAL.replace('"2025-09-17"', '"2025-05-28"').replace(
        "    type: detention\n", "    type: detention\n    after: [verdict]\n"
    )
    assert diagnose(text) == ["TL401@19:13"]


def test_a_loop_through_before(diagnose):
    text = MINIMAL.replace('"2025-09-17"', '"2025-05-28"').replace(
        "    type: detention\n",
        "    type: detention\n    before: [verdict]\n    after: [verdict]\n",
    )
    assert "TL401" in " ".join(diagnose(text))
