"""What to show: the events of a case that pass some filters, and the cases of a folder.

`select_events` is what `timeline show` filters with. A date filter keeps every
event whose date *can* fall in the range: "May 2025" is kept by
``--from 2025-05-20``, and an interval is kept when it overlaps the range.
`summarize_cases` gives one `CaseSummary` per case file of a folder, for
`timeline list`; a file that does not validate becomes a summary with its error
count rather than an exception.
"""

from __future__ import annotations

import datetime
import difflib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from timeline import dates
from timeline.errors import UsageError
from timeline.load.files import SUFFIXES
from timeline.model.case import Case, Event
from timeline.model.vocab import EventType


def parse_bound(text: str, option: str) -> dates.EdtfDate:
    """An EDTF date given on the command line; a bad one is a `UsageError`."""
    try:
        return dates.parse(text)
    except dates.EdtfError as error:
        raise UsageError(f"{option} {text!r}: {error}") from None


def select_events(
    case: Case,
    *,
    from_: str | dates.EdtfDate | None = None,
    to: str | dates.EdtfDate | None = None,
    types: Iterable[str] = (),
    people: Iterable[str] = (),
    key_only: bool = False,
) -> list[Event]:
    """The events of `case.chronology` that pass every filter given.

    Several types (or people) keep an event that matches any of them; the
    filters of different kinds must all hold.
    """
    start = parse_bound(from_, "--from") if isinstance(from_, str) else from_
    end = parse_bound(to, "--to") if isinstance(to, str) else to
    _check_range(start, end)
    wanted_types = _check_types(types)
    wanted_people = _check_people(case, people)
    return [
        event
        for event in case.chronology
        if (not key_only or event.key)
        and (not wanted_types or event.type.value in wanted_types)
        and (not wanted_people or not wanted_people.isdisjoint(involved(event, case)))
        and can_fall_in(event.date, start, end)
    ]


def can_fall_in(
    date: dates.EdtfDate, start: dates.EdtfDate | None, end: dates.EdtfDate | None
) -> bool:
    """True when some day of `date` may lie between `start` and `end`.

    The date's bounds are widened for its qualifiers ("c. May 2025" may be in
    June), and open or unknown ends never exclude anything.
    """
    low, high = date.widened()
    if start is not None and start.earliest is not None and high is not None:
        return high >= start.earliest and _not_after(low, end)
    return _not_after(low, end)


def _not_after(low: datetime.date | None, end: dates.EdtfDate | None) -> bool:
    return end is None or end.latest is None or low is None or low <= end.latest


def involved(event: Event, case: Case | None = None) -> set[str]:
    """Everyone an event names: participants, outcome subjects, attribution, disputed_by;
    with the case, a group also names its members."""
    refs = {participant.ref for participant in event.participants}
    refs.update(ref for outcome in event.outcomes for ref in outcome.subjects)
    refs.update(event.attribution)
    refs.update(event.disputed_by)
    return refs | set(case.expand(refs)) if case is not None else refs


def _check_range(start: dates.EdtfDate | None, end: dates.EdtfDate | None) -> None:
    if start is None or end is None or start.earliest is None or end.latest is None:
        return
    if start.earliest > end.latest:
        raise UsageError(f"--from {start.text} is after --to {end.text}")


def _check_types(types: Iterable[str]) -> set[str]:
    known = [term.value for term in EventType]
    wanted = set(types)
    for name in sorted(wanted):
        if name not in known:
            raise UsageError(
                f"unknown event type '{name}'{_did_you_mean(name, known)}"
                f"\nevent types: {', '.join(known)}"
            )
    return wanted


def _check_people(case: Case, people: Iterable[str]) -> set[str]:
    known = [person.id for person in case.people] + [org.id for org in case.organizations]
    known += [group.id for group in case.groups]
    wanted = set(people)
    for ref in sorted(wanted):
        if ref not in known:
            raise UsageError(
                f"no person or organization '{ref}' in case '{case.id}'{_did_you_mean(ref, known)}"
            )
    return wanted | set(case.expand(wanted))  # a group stands for its members too


def _did_you_mean(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


# --- the cases of a folder -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """One line of `timeline list`: a valid case's facts, or an invalid file's error count."""

    id: str
    file: str
    title: str | None = None
    status: str | None = None  # the vocabulary term, such as ``convicted``
    status_label: str | None = None
    events: int = 0
    first: dates.EdtfDate | None = None
    last: dates.EdtfDate | None = None
    first_display: str | None = None
    last_display: str | None = None
    errors: int = 0
    warnings: int = 0

    @property
    def valid(self) -> bool:
        return self.title is not None and self.errors == 0


@dataclass(slots=True)
class Catalog:
    """The summaries of a folder's cases, and notices about entries that were skipped."""

    cases: list[CaseSummary] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def summarize_cases(directory: Path) -> Catalog:
    """Validate every case file of `directory` and summarize it, in id order."""
    from timeline.load.validation import validate_file

    catalog = Catalog()
    paths = list(_case_paths(directory, catalog.notices))
    known = frozenset(path.stem for path in paths)
    for path in paths:
        report = validate_file(path, known_cases=known)
        if any(d.code == "TL112" for d in report.diagnostics):  # unreadable
            catalog.notices.append(f"skipped {path}: {report.diagnostics[0].message}")
            continue
        catalog.cases.append(summarize(path, report.case, report.errors, report.warnings))
    return catalog


def summarize(path: Path, case: Case | None, errors: int = 0, warnings: int = 0) -> CaseSummary:
    if case is None or errors:
        return CaseSummary(id=path.stem, file=str(path), errors=errors, warnings=warnings)
    chronology = case.chronology
    first = chronology[0] if chronology else None
    last = chronology[-1] if chronology else None
    return CaseSummary(
        id=case.id,
        file=str(path),
        title=case.title,
        status=case.status.value,
        status_label=case.status_label,
        events=len(chronology),
        first=first.date if first else None,
        last=last.date if last else None,
        first_display=display_date(first) if first else None,
        last_display=display_date(last) if last else None,
        warnings=warnings,
    )


def display_date(event: Event) -> str:
    """The date as people read it; an inferred part stays marked (``28 May [2025]``)."""
    return event.date.display(inferred=[part.value for part in event.inferred])


def _case_paths(directory: Path, notices: list[str]) -> Iterator[Path]:
    """The case files of a folder, sorted by id; broken entries become notices."""
    try:
        entries = sorted(
            os.scandir(directory), key=lambda entry: (Path(entry.name).stem, entry.name)
        )
    except OSError as error:
        raise UsageError(f"cannot read the data directory {directory}: {error.strerror}") from None
    for entry in entries:
        if not entry.name.endswith(SUFFIXES) or entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_file = entry.is_file()  # follows symlinks
            os.stat(path)
        except OSError as error:  # a symlink loop, a dangling link, no permission
            notices.append(f"skipped {path}: {error.strerror or error}")
            continue
        if is_file:
            yield path
        else:
            notices.append(f"skipped {path}: not a file")
