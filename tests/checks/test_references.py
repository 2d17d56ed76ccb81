from conftest import MINIMAL, validate_text


def test_unknown_participant_with_hint(tmp_path):
    report = validate_text(
        tmp_path, MINIMAL.replace("{ref: ann, role: detainee}", "{ref: anne, role: detainee}")
    )
    [d] = report.diagnostics
    assert (d.code, d.line, d.column, d.hint) == ("TL302", 20, 26, "did you mean 'ann'?")


def test_reference_of_wrong_kind(diagnose):
    assert diagnose(MINIMAL.replace("sources: [src]", "sources: [ann]")) == ["TL302@21:15"]


def test_unknown_after_and_charge(diagnose):
    text = MINIMAL.replace("after: [detained]", "after: [detainde]\n    charges: [art-2]")
    assert diagnose(text) == ["TL302@26:13", "TL302@27:15"]
