from conftest import MINIMAL


def test_event_without_source(diagnose):
    assert diagnose(MINIMAL.replace("    sources: [src]\n", "")) == ["TL501@16:9"]
