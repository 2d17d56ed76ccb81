from conftest import MINIMAL


def test_inferred_needs_source_text(diagnose):
    text = MINIMAL.replace("    type: detention\n", "    type: detention\n    inferred: [year]\n")
    assert diagnose(text) == ["TL405@19:15"]
    text = text.replace("inferred: [year]", "inferred: [year]\n    source_text: May 28")
    assert diagnose(text) == []


def test_inferred_part_must_exist(diagnose):
    text = MINIMAL.replace('"2025-05-28"', '"2025-05"').replace(
        "    type: detention\n", "    type: detention\n    inferred: [day]\n    source_text: May\n"
    )
    assert diagnose(text) == ["TL405@19:16"]
