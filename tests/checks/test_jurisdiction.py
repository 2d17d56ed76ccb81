import pytest

from conftest import MINIMAL, validate_text


@pytest.mark.parametrize("code", ["UK", "AB", "EL", "XX"])
def test_a_code_that_is_no_country_fails(diagnose, code):
    assert diagnose(MINIMAL.replace("jurisdiction: KG", f"jurisdiction: {code}")) == ["TL703@4:15"]


@pytest.mark.parametrize(("code", "meant"), [("UK", "GB"), ("EL", "GR")])
def test_the_usual_mistakes_have_a_did_you_mean(tmp_path, code, meant):
    report = validate_text(tmp_path, MINIMAL.replace("jurisdiction: KG", f"jurisdiction: {code}"))
    (finding,) = report.diagnostics
    assert finding.message == f"'{code}' is not an ISO 3166-1 alpha-2 country code"
    assert finding.hint is not None and finding.hint.startswith(f"did you mean '{meant}'")


@pytest.mark.parametrize("code", ["KG", "GB", "KZ", "XK"])
def test_assigned_codes_pass(diagnose, code):
    assert diagnose(MINIMAL.replace("jurisdiction: KG", f"jurisdiction: {code}")) == []
