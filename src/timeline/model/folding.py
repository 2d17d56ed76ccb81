"""Text folded for matching: case- and accent-insensitive, Cyrillic included.

`fold` casefolds, decomposes (Unicode NFKD) and drops the combining marks, so
that "Düülatov", "DUULATOV" and "duulatov" are one word, and "Ёлка" matches
"елка" (Russian is commonly written with е for ё; Ukrainian ї and і likewise).
Two letters keep their mark: й and ў are letters of their own in Russian,
Kyrgyz, Ukrainian and Belarusian, not и and у with an accent, and folding them
would make "мой" find "мои".
"""

from __future__ import annotations

import unicodedata

BREVE = "\u0306"
_LETTERS_WITH_BREVE = {"и" + BREVE: "й", "у" + BREVE: "ў"}


def fold(text: str) -> str:
    """`text` casefolded, without accents (but with й and ў), for comparisons."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if BREVE in decomposed:
        for pair, letter in _LETTERS_WITH_BREVE.items():
            decomposed = decomposed.replace(pair, letter)
    if decomposed.isascii():
        return decomposed
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """The folded words of a query, in order."""
    return fold(text).split()


def initials(text: str) -> str:
    """A name's letters without dots and spaces, folded: ``N. O.`` and ``n.o.`` are ``no``."""
    return "".join(char for char in fold(text) if char.isalnum())
