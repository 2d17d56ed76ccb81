"""Text folded for matching: case, accents and Cyrillic."""

from __future__ import annotations

import pytest

from timeline.model.folding import fold, initials, words


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Düülatov", "duulatov"),
        ("ÉLISE", "elise"),
        ("Straße", "strasse"),
        ("Жоомарт ДУУЛАТОВ", "жоомарт дуулатов"),
        ("Ёлка", "елка"),  # ё is commonly written е
        ("Їжак", "іжак"),
        ("Өмүрбек Ңаа", "өмүрбек ңаа"),  # Kyrgyz letters have no decomposition: unchanged
        ("Йошкар-Ола", "йошкар-ола"),  # й is a letter, not и with an accent
        ("Мой", "мой"),
        ("Ўзбек", "ўзбек"),
        ("ﬁle", "file"),  # compatibility forms (NFKD)
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_short_i_and_i_stay_apart() -> None:
    assert fold("мой") != fold("мои")
    assert "мои" not in fold("Мойсеев")


def test_words_and_initials() -> None:
    assert words("  Ann  ÉLISE ") == ["ann", "elise"]
    assert initials("N. O.") == initials("n.o.") == "no"
