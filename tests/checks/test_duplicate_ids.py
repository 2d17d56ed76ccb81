from conftest import MINIMAL


def test_id_shared_across_sections(diagnose):
    text = MINIMAL.replace("{id: court, name", "{id: ann, name").replace(
        "{id: ann, name: Ann", "{id: ann, name: Ann", 1
    )
    assert diagnose(text) == ["TL301@10:10"]


def test_unique_ids_pass(diagnose):
    assert diagnose(MINIMAL) == []


def test_a_duplicated_event_id_is_one_error_not_two(diagnose):
    """`after: [detained]` names two events; no rule picks one of them to compare."""
    later = (
        MINIMAL.split("  - id: verdict")[0]
        .split("events:\n")[1]
        .replace("2025-05-28", "2025-10-01")
    )
    assert diagnose(MINIMAL + later) == ["TL301@30:9"]


def test_a_duplicated_relative_anchor_is_one_error(diagnose):
    text = MINIMAL.replace(
        "    title: Verdict\n",
        "    title: Verdict\n"
        "    relative: {event: detained, offset: P2D, source_text: two days later}\n",
    )
    duplicate = '  - {id: detained, date: "2025-09-01", type: hearing, title: A, sources: [src]}\n'
    assert diagnose(text + duplicate) == ["TL301@31:10"]
