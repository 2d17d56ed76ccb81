from conftest import MINIMAL

CONFLICT = """\
  - {id: other, publisher: Other, language: ru}
conflicts:
  - id: date
    about: [verdict]
    claims:
      - {claim: 17 September, sources: [src]}
      - {claim: 19 September, sources: [other]}
"""


def _case(status: str) -> str:
    text = MINIMAL.replace("events:\n", CONFLICT.split("conflicts:", maxsplit=1)[0] + "events:\n")
    text = text.replace("    type: verdict\n", f"    type: verdict\n    status: {status}\n")
    return text + "conflicts:" + CONFLICT.split("conflicts:")[1]


def test_conflict_and_status_agree(diagnose):
    assert diagnose(_case("contested-by-sources")) == []


def test_conflict_about_uncontested_event(diagnose):
    assert diagnose(_case("confirmed")) == ["TL802@23:9"]


def test_contested_without_conflict(diagnose):
    text = MINIMAL.replace(
        "    type: verdict\n", "    type: verdict\n    status: contested-by-sources\n"
    )
    assert diagnose(text) == ["TL802@25:13"]


def _one_detail(status: str) -> str:
    about = "    about: [verdict]\n"
    return _case(status).replace(about, about + "    subject: ann\n")


def test_conflict_about_one_detail_leaves_the_event_unmarked(diagnose):
    assert diagnose(_one_detail("confirmed")) == []


def test_event_may_still_be_contested_as_a_whole(diagnose):
    assert diagnose(_one_detail("contested-by-sources")) == []
