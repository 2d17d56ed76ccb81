from conftest import MINIMAL


def test_source_never_cited(diagnose):
    text = MINIMAL.replace("events:\n", "  - {id: unused, publisher: X, language: en}\nevents:\n")
    assert diagnose(text) == ["TL502@15:10"]
