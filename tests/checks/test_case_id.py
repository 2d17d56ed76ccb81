from conftest import MINIMAL


def test_id_must_match_file_name(diagnose):
    assert diagnose(MINIMAL, stem="other") == ["TL303@2:5"]
