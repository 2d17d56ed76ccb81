from conftest import MINIMAL


def test_related_case_must_exist(diagnose, tmp_path):
    text = MINIMAL.replace("status: ongoing\n", "status: ongoing\nrelated: [sibling]\n")
    assert diagnose(text) == ["TL304@6:11"]
    (tmp_path / "sibling.yaml").write_text(MINIMAL.replace("test-case", "sibling"))
    assert diagnose(text) == []
