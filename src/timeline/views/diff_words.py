"""A changed field of a diff in the words a reviewer reads, not as a path to decode.

``outcomes[decision:aleksandrov,duulatov].term: P5Y -> P7Y`` reads
``Aleksandrov, Duulatov: sentence 5 years -> 7 years``; ``participants[gknb].role``
reads ``GKNB's part: authority -> subject``; ``key: false -> true`` reads
``key event: no -> yes``. The JSON output keeps the paths (scripts read it); the text and
Markdown outputs use these words. Names come from `CaseDiff.names` (initials-only people
by their initials); an id without a name is shown as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from timeline.model.durations import duration_words

if TYPE_CHECKING:
    from timeline.diff.model import StandingChange

_OUTCOME = re.compile(r"^outcomes\[(?P<kind>[a-z-]+):(?P<subjects>[^\]]*)\](?:\.(?P<rest>.+))?$")
_MEMBER = re.compile(r"^(?P<list>[a-z_]+)\[(?P<key>[^\]]+)\](?:\.(?P<rest>.+))?$")
FIELD_WORDS = {
    "key": "key event",
    "context": "background",
    "disputed_by": "disputed by",
    "source_text": "date in the source",
    "published": "published",
    "archive_url": "archive",
    "status_label": "status label",
    "term": "sentence",
    "sentence": "kind of sentence",
    "released": "released",
}
# A list member's field, by list: "Aleksandrov's part", "role at Kloop", "quote from fergana".
MEMBER_WORDS = {"participants": "{owner}'s {field}", "affiliations": "{field} at {owner}"}


@dataclass(frozen=True, slots=True)
class Words:
    """What changed, and its old and new values in words (None: absent on that side)."""

    what: str
    old: str | None
    new: str | None
    joint: str = ": "  # between `what` and the values: "Example: sentence 5 years -> 3 years"

    def line(self, old: str, new: str) -> str:
        return f"{self.what}{self.joint}{old} -> {new}"


def field_words(
    path: str, old: Any, new: Any, names: dict[str, str], section: str = "events"
) -> Words:
    """`path`, `old` and `new` of a changed field in words; `section` of the changed item."""
    if path == "status" and section == "events":
        return Words("fact status", _value(path, old, names), _value(path, new, names))
    outcome = _OUTCOME.match(path)
    if outcome:
        who = ", ".join(_name(ref, names) for ref in outcome["subjects"].split(","))
        request = "prosecution request for " if outcome["kind"] == "request" else ""
        rest = outcome["rest"]
        what = f"{request}{who}: {_field(rest)}" if rest else f"{request}{who}: outcome"
        return Words(what, _value(rest, old, names), _value(rest, new, names), " ")
    member = _MEMBER.match(path)
    if member:
        owner, rest, kind = _name(member["key"], names), member["rest"], member["list"]
        if not rest:
            return Words(
                f"{_field(kind)}: {owner}", _value(rest, old, names), _value(rest, new, names)
            )
        field = "part" if kind == "participants" and rest == "role" else _field(rest)
        what = MEMBER_WORDS.get(kind, "{field} from {owner}").format(owner=owner, field=field)
        return Words(what, _value(rest, old, names), _value(rest, new, names))
    return Words(_field(path), _value(path, old, names), _value(path, new, names))


def _name(ref: str, names: dict[str, str]) -> str:
    return names.get(ref, ref)


def _field(path: str) -> str:
    last = path.rsplit(".", 1)[-1]
    return FIELD_WORDS.get(last, last.replace("_", " "))


def _value(path: str | None, value: Any, names: dict[str, str]) -> str | None:
    """A value in words: durations, yes/no, names for ids, outcomes and participants."""
    if value is None:
        return None
    last = (path or "").rsplit(".", 1)[-1]
    if isinstance(value, bool):
        return "yes" if value else "no"
    if last == "term" and isinstance(value, str):
        return _duration(value)
    if isinstance(value, dict):
        return _member(value, names)
    if isinstance(value, list):
        return ", ".join(_value(path, item, names) or "" for item in value)
    if isinstance(value, str) and last in ("attribution", "disputed_by", "ref", "subjects"):
        return _name(value, names)
    return str(value).replace("-", " ") if last in ("verdict", "regime", "sentence") else str(value)


def _duration(text: str) -> str:
    try:
        return duration_words(text)
    except (ValueError, KeyError):  # not a duration this tool reads: as written
        return text


def _member(value: dict[str, Any], names: dict[str, str]) -> str:
    """A whole list member: ``Aleksandrov (detainee)``, ``{ref: src}``, an outcome, a claim."""
    if "claim" in value:
        refs = ", ".join(str(c.get("ref", c)) for c in value.get("sources", []) if c)
        return f"{value['claim']} ({refs})" if refs else str(value["claim"])
    if "subjects" in value:
        who = ", ".join(_name(str(ref), names) for ref in value["subjects"])
        parts = [str(value[k]).replace("-", " ") for k in ("verdict", "sentence") if value.get(k)]
        if value.get("term"):
            parts.append(_duration(str(value["term"])))
        return f"{who}: {'; '.join(parts) or 'outcome'}"
    if "ref" in value:
        role = value.get("role")
        return _name(str(value["ref"]), names) + (f" ({role})" if role else "")
    pairs = ", ".join(f"{key}: {item}" for key, item in value.items() if item is not None)
    return "{" + pairs + "}"


def standing_lines(changes: tuple[StandingChange, ...] | None) -> list[str]:
    """A line per standing that changed, or why they were not compared."""
    if changes is None:
        from timeline.diff.standing import WHOLE_CASE  # only then: it imports the standing

        return [
            f"not compared: the case has more than {WHOLE_CASE:,} events "
            "(timeline show prints the standing of each version)"
        ]
    return [standing_line(item) for item in changes]


def standing_line(item: StandingChange) -> str:
    """``standing of N.O. changed: guilty, ... -> acquitted ...``."""
    if item.old is None:
        return f"standing of {item.name}: {item.new}"
    if item.new is None:
        return f"standing of {item.name} removed (was: {item.old})"
    return f"standing of {item.name} changed: {item.old} -> {item.new}"
