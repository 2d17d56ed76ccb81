from conftest import MINIMAL


def test_id_must_match_file_name(diagnose):
    assert diagnose(MINIMAL, stem="other") == ["TL303@2:5"]


def test_a_yml_file_is_named_as_it_is(tmp_path):
    from timeline.load.validation import validate_file

    path = tmp_path / "kl.yml"
    path.write_text(MINIMAL, encoding="utf-8")
    (finding,) = validate_file(path).diagnostics
    assert finding.message == "the case id 'test-case' differs from the file name 'kl.yml'"
    assert finding.hint == "write `id: kl`, or rename the file to test-case.yml"


def test_a_yaml_file_keeps_its_suffix(tmp_path):
    from timeline.load.validation import validate_file

    path = tmp_path / "kl.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    (finding,) = validate_file(path).diagnostics
    assert finding.message == "the case id 'test-case' differs from the file name 'kl.yaml'"
