"""How the case model reads and writes single values: dates, text, web addresses, and the
short forms a file may use. The schema of model/compiled.py calls these functions (so
they import no more than pydantic-core); model/shapes.py attaches them to the types.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

from pydantic_core import PydanticCustomError

from timeline import dates

FORMAT_VERSION = 1
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class QuotedText(str):
    """A scalar the file wrote in quotes, where a number is expected (`format: "1"`)."""

    __slots__ = ()


def new_list() -> list[object]:
    """The default of a list field (`EMPTY`, model/base.py), a new one for each instance:
    pydantic deep-copied a mutable default each time (63,693 `copy.deepcopy` calls for 99
    files), and it reads the signature of a factory (a built-in's costs a tokenizer run)."""
    return []


def parse_date(value: object) -> dates.EdtfDate:
    if isinstance(value, dates.EdtfDate):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("edtf", "a date must be text, such as '2025-05-28'")
    try:
        return dates.parse(value)
    except dates.EdtfError as error:
        raise PydanticCustomError("edtf", "{reason}", {"reason": str(error)}) from None


def date_text(date: dates.EdtfDate) -> str:
    return date.text


def is_unknown(date: dates.EdtfDate) -> bool:
    """A date the file does not give (the case places the event): left out of exports."""
    return date.unknown


def citation_from_ref(value: object) -> object:
    return {"ref": value} if isinstance(value, str) else value


def related_from_id(value: object) -> object:
    return {"case": value} if isinstance(value, str) else value


def list_from_one(value: object) -> object:
    return [value] if isinstance(value, str) else value


def format_number(value: object) -> object:
    """The format version as written: the number 1, not `true`, `"1"` or `1.0`."""
    if isinstance(value, bool | float | QuotedText) or (
        isinstance(value, str) and not (value.isascii() and value.isdigit())
    ):
        raise PydanticCustomError("format", "not a whole number")
    return value


def visible_text(value: str) -> str:
    """Text that shows something: not only spaces and zero-width characters."""
    if all(unicodedata.category(ch)[0] in "ZC" or ch.isspace() for ch in value):
        raise PydanticCustomError("blank", "the text has no visible character")
    return value


def web_address(value: str) -> str:
    """A URL that a parser reads as http(s) with a host, of printable characters only.

    The pattern alone let controls (ESC, BEL, DEL, C1) and bidirectional overrides
    through, and the iCalendar export wrote them raw.
    """
    hidden = next((ch for ch in value if unicodedata.category(ch)[0] in "ZC"), None)
    if hidden is not None:
        raise PydanticCustomError(
            "url",
            "the address contains the invisible character U+{code}",
            {"code": f"{ord(hidden):04X}"},
        )
    try:
        parts = urlsplit(value)
        web = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:  # a malformed host, such as "http://[::1"
        web = False
    if not web:
        raise PydanticCustomError("url", "not a web address with a host")
    return value
