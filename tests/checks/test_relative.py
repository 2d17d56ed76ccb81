from conftest import MINIMAL

REL = "    relative: {event: detained, offset: P2D, source_text: two days later}\n"


def _with(date: str) -> str:
    return MINIMAL.replace('"2025-09-17"', date).replace(
        "    after: [detained]\n", "    after: [detained]\n" + REL
    )


def test_relative_offset_agrees(diagnose):
    assert diagnose(_with('"2025-05-30"')) == []


def test_relative_offset_contradicted(diagnose):
    assert diagnose(_with('"2025-05-31"')) == ["TL404@27:41"]


def test_relative_offset_with_coarse_date(diagnose):
    assert diagnose(_with('"2025-05"')) == []
