from conftest import MINIMAL

MEASURE = """\
  - id: remanded
    date: "2025-05-30"
    type: pretrial-measure
    title: Ann remanded
    outcomes:
      - {{subjects: [ann], sentence: pretrial-detention, until: "{until}"}}
    sources: [src]
"""


def test_a_measure_that_ends_before_it_is_ordered(diagnose):
    assert diagnose(MINIMAL + MEASURE.format(until="2025-07-30")) == []
    assert diagnose(MINIMAL + MEASURE.format(until="2025-04-30")) == ["TL407@35:64"]


def test_skipped_steps_are_not_reported(diagnose):
    again = (
        MEASURE.replace("pretrial-measure", "detention")
        .replace(
            '      - {{subjects: [ann], sentence: pretrial-detention, until: "{until}"}}\n', ""
        )
        .replace("    outcomes:\n", "    participants: [{{ref: ann, role: detainee}}]\n")
    )
    assert diagnose(MINIMAL + again.format()) == []
