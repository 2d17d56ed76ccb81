from conftest import MINIMAL

CONFLICT = """\
conflicts:
  - id: date
    about: [verdict]
    claims:
      - {claim: 17 September, sources: [src]}
"""


def test_one_sided_conflict(diagnose):
    text = MINIMAL.replace(
        "    type: verdict\n", "    type: verdict\n    status: contested-by-sources\n"
    )
    assert diagnose(text + CONFLICT) == ["TL801@35:7"]
    same = CONFLICT + "      - {claim: 19 September, sources: [src]}\n"
    assert diagnose(text + same) == ["TL801@35:7"]
