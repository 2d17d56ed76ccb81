from conftest import MINIMAL


def test_related_case_must_exist(diagnose, tmp_path):
    text = MINIMAL.replace("status: ongoing\n", "status: ongoing\nrelated: [sibling]\n")
    assert diagnose(text) == ["TL304@6:11"]
    (tmp_path / "sibling.yaml").write_text(MINIMAL.replace("test-case", "sibling"))
    assert diagnose(text) == []


def test_a_missing_related_case_is_only_a_warning(tmp_path):
    from timeline.load.validation import validate_file

    text = MINIMAL.replace(
        "status: ongoing\n", "status: ongoing\nrelated: [{case: sibling, relation: same-people}]\n"
    )
    path = tmp_path / "test-case.yaml"
    path.write_text(text)
    report = validate_file(path)
    assert [(d.code, d.severity) for d in report.diagnostics] == [("TL304", "warning")]
    assert report.case is not None and report.case.related_ids == ("sibling",)
