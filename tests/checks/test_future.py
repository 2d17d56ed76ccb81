from conftest import MINIMAL


def test_future_event(diagnose):
    assert diagnose(MINIMAL.replace('"2025-09-17"', '"2027-01"')) == ["TL403@23:11"]


def test_interval_reaching_into_future_is_fine(diagnose):
    assert diagnose(MINIMAL.replace('"2025-09-17"', '"2026-11-01/.."')) == []
