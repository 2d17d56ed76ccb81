"""All of a file's errors in one run: the rules run on what passed the schema."""

from __future__ import annotations

from conftest import MINIMAL

ADD_EVENT = "\n".join(
    [
        "  - id: hearing",
        '    date: "2025-06-10"',
        "    type: hearing",
        "    title: A hearing",
        "    sources: [src]",
        "",
    ]
)


def test_a_misspelt_key_an_impossible_date_and_a_wrong_reference_together(diagnose) -> None:
    text = (
        MINIMAL.replace("    title: Ann detained\n", "    titel: Ann detained\n")
        .replace('date: "2025-09-17"', 'date: "2025-02-30"')
        .replace("{ref: ann, role: detainee}", "{ref: anne, role: detainee}")
    )
    assert diagnose(text) == ["TL201@19:5", "TL302@20:26", "TL205@23:11"]


def test_a_chronology_error_beside_a_schema_error_points_at_the_right_line(diagnose) -> None:
    """The first event is left out (a bad type): the others keep their places in the file."""
    text = MINIMAL.replace("type: detention", "type: detension").replace(
        'date: "2025-09-17"', 'date: "2025-01-17"'
    )
    text = text.replace("    after: [detained]\n", "    after: [hearing]\n") + ADD_EVENT
    assert diagnose(text) == ["TL207@18:11", "TL401@26:13"]


def test_a_reference_to_an_item_left_out_is_not_reported(diagnose) -> None:
    text = MINIMAL.replace('date: "2025-05-28"', 'date: "2025-05-32"')
    # `verdict` is after `detained`, which is left out: no "not an event" error for it.
    assert diagnose(text) == ["TL205@17:11"]


def test_a_source_cited_only_by_an_item_left_out_is_not_called_unused(diagnose) -> None:
    text = MINIMAL.replace(
        "  - {id: src, publisher",
        "  - {id: other, publisher: Other, language: en}\n  - {id: src, publisher",
    ).replace(
        '    sources: [{ref: src, quote: "found guilty"', '    sources: [{ref: other, quote: "x"'
    )
    assert diagnose(text) == []
    assert diagnose(text.replace('date: "2025-09-17"', 'date: "2025-13-17"')) == ["TL205@24:11"]


def test_an_error_in_a_top_level_field_reports_the_schema_errors_only(diagnose) -> None:
    text = MINIMAL.replace("title: A test case\n", "").replace(
        "{ref: ann, role: detainee}", "{ref: anne, role: detainee}"
    )
    assert diagnose(text) == ["TL202@1:1"]


def test_a_valid_file_is_unchanged(diagnose) -> None:
    assert diagnose(MINIMAL) == []
