from conftest import MINIMAL


def test_id_shared_across_sections(diagnose):
    text = MINIMAL.replace("{id: court, name", "{id: ann, name").replace(
        "{id: ann, name: Ann", "{id: ann, name: Ann", 1
    )
    assert diagnose(text) == ["TL301@10:10"]


def test_unique_ids_pass(diagnose):
    assert diagnose(MINIMAL) == []
