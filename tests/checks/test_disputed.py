from conftest import MINIMAL


def test_disputed_needs_who(diagnose):
    text = MINIMAL.replace("    type: verdict\n", "    type: verdict\n    status: disputed\n")
    assert diagnose(text) == ["TL803@25:13"]
    assert (
        diagnose(text.replace("status: disputed", "status: disputed\n    disputed_by: [ann]")) == []
    )
