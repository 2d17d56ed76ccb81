from conftest import MINIMAL


def test_label_without_other(diagnose):
    assert diagnose(MINIMAL.replace("type: detention", "type: detention\n    label: Rally")) == [
        "TL702@19:5"
    ]
