"""The grammar of the profile's dates, shared by the parser and the hints for texts
that are not dates."""

from __future__ import annotations

import re

SIDE = re.compile(
    r"(?P<year>[0-9X]{4})"
    r"(?:-(?P<month>[0-9X]{2})(?:-(?P<day>[0-9X]{2})(?:T(?P<time>[^?~%]*))?)?)?"
    r"(?P<qualifier>[?~%]?)"
)
OPEN = ".."  # an open interval end


def quoted(text: str) -> str:
    """The offending text, quoted (and shortened when long) for a message."""
    return repr(text if len(text) <= 40 else text[:37] + "...")
