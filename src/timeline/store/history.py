"""The history of a case (or of one event) across the git commits that touched its file.

`git log --follow --raw` lists the commits, newest first, with the blob of the
file before and after each one (merges are compared with their first parent).
Each blob is validated once. A commit is compared with the version before it;
when that version does not validate, with the last earlier version that did
(`base` names it). A commit where the file does not validate is an entry of its
own, with its diagnostics, and the walk goes on.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Literal

from timeline.diff import CaseDiff, Version, diff_cases
from timeline.diff.core import WITHHELD, hidden_people
from timeline.diff.values import translator
from timeline.errors import GitError, UsageError
from timeline.load.diagnostics import Diagnostic
from timeline.load.validation import FileReport, for_use, validate_bytes
from timeline.model.case import Case, Person
from timeline.model.vocab import Privacy
from timeline.store.revisions import read_object, registry_at, relative_path, repo_root, run_git

# "earliest": the oldest commit of a shallow clone, whose parent was not fetched; git
# shows it as adding the file, but it did not create it.
Status = Literal["created", "earliest", "changed", "unchanged", "deleted", "invalid"]
_SECTIONS = ("people", "organizations", "charges", "sources", "events", "conflicts")
# With `-z`, every field and every path ends with a NUL, which no commit text can hold
# (git cuts a message at its first NUL): records are read by position, so a subject
# cannot forge a commit. (Splitting on \x1e and \x1f let a subject carry a fake one.)
_FORMAT = "%H%x00%h%x00%aI%x00%an%x00%s"
_HEADER_FIELDS = 5
_HASH = frozenset("0123456789abcdef")


@dataclass(frozen=True, slots=True)
class Commit:
    hash: str
    short: str
    date: str  # the author date, ISO 8601
    author: str
    subject: str


@dataclass(frozen=True, slots=True)
class _Step:
    """One commit of `git log --raw`: the file's blob before and after it."""

    commit: Commit
    path: str
    old_blob: str
    new_blob: str


@dataclass(slots=True)
class Entry:
    commit: Commit
    path: str
    status: Status
    diff: CaseDiff | None = None
    base: str | None = None  # the commit compared with, when not the parent
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "commit": self.commit.hash,
            "short": self.commit.short,
            "date": self.commit.date,
            "author": self.commit.author,
            "subject": self.commit.subject,
            "file": self.path,
            "status": self.status,
            "base": self.base,
            "diff": self.diff.to_json() if self.diff else None,
            "diagnostics": [d.to_json() for d in self.diagnostics],
        }


@dataclass(slots=True)
class History:
    file: str
    entries: list[Entry]  # newest first
    event: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "version": 1,
            "file": self.file,
            "event": self.event,
            "commits": [entry.to_json() for entry in self.entries],
        }


def parse_log(output: str) -> list[_Step]:
    """The steps of `git log -z --raw --format=_FORMAT`: per commit, the header's fields,
    then raw lines (`:MODES BLOBS STATUS`, then one path, two for a rename or copy)."""
    tokens = output.split("\0")
    steps: list[_Step] = []
    at = 0
    while at < len(tokens) and tokens[at].strip("\n"):
        fields = [tokens[at].lstrip("\n"), *tokens[at + 1 : at + _HEADER_FIELDS]]
        if len(fields) < _HEADER_FIELDS or len(fields[0]) not in (40, 64) or set(fields[0]) - _HASH:
            raise GitError("cannot read the output of git log")
        commit = Commit(*fields)
        at += _HEADER_FIELDS
        first = True
        while at < len(tokens) and tokens[at].lstrip("\n").startswith(":"):
            meta = tokens[at].lstrip("\n")[1:].split(" ")
            paths = 2 if meta[-1][:1] in ("R", "C") else 1
            if first and len(meta) == 5:
                steps.append(_Step(commit, tokens[at + paths], meta[2], meta[3]))
                first = False
            at += 1 + paths
    return steps


def _log(root: Path, relative: str) -> list[_Step]:
    # Blob ids in the raw lines stay abbreviated (unique prefixes): git accepts them as names.
    args = ["-c", "core.quotePath=false", "log", "--follow", "--raw", "-z"]
    args += ["--diff-merges=first-parent", f"--format={_FORMAT}", "--", relative]
    out = run_git(args, root).decode("utf-8", "replace")
    return parse_log(out)


class _Blobs:
    """Validated blobs, each read and validated once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.reports: dict[tuple[str, str], FileReport] = {}

    def load(self, blob: str, name: str, stem: str) -> FileReport:
        """A blob validated with the registry of the revision in its name (`path@rev`)."""
        path, _, rev = name.rpartition("@")
        registry = registry_at(self.root / path, rev)
        key = (blob, registry.name if registry is not None else "")
        if key not in self.reports:
            raw = read_object(self.root, blob)
            self.reports[key] = for_use(
                partial(
                    validate_bytes,
                    raw,
                    name=name,
                    stem=stem,
                    registry=registry,
                    lenient=registry is None,
                )
            )
        return self.reports[key]


def empty_like(case: Case) -> Case:
    """The case with its fields but no items: what a new file is compared with."""
    return Case.model_validate(case.model_dump(mode="json", exclude=set(_SECTIONS)))


def case_history(path: Path, *, event: str | None = None) -> History:
    """The commits that touched `path` (newest first), each with its semantic changes."""
    root = repo_root(path)
    relative = relative_path(path, root)
    steps = _log(root, relative)
    if not steps:
        raise GitError(f"{relative} has no history in git (is it committed?)")
    blobs = _Blobs(root)
    private = _now_private(steps, blobs)
    hidden = _renamed_away(steps, blobs)
    cut = _shallow_boundary(root)
    entries: list[Entry] = []
    last_valid: tuple[str, Case] | None = None
    for step in reversed(steps):
        entry, case = _entry(step, blobs, last_valid, private, hidden)
        if entry.status == "created" and step.commit.hash in cut:
            entry.status = "earliest"
        entries.append(entry)
        if case is not None:
            last_valid = (step.commit.short, case)
    entries.reverse()
    if event is not None:
        entries = follow_event(entries, event, relative)
    return History(relative, entries, event)


def _shallow_boundary(root: Path) -> set[str]:
    """The commits whose parents a shallow clone did not fetch (none in a full clone)."""
    if run_git(["rev-parse", "--is-shallow-repository"], root).strip() != b"true":
        return set()
    shallow = run_git(["rev-parse", "--git-path", "shallow"], root).decode().strip()
    try:
        return set((root / shallow).read_text(encoding="ascii").split())
    except OSError:
        return set()


def _now_private(steps: list[_Step], blobs: _Blobs) -> dict[str, Person]:
    """The people who are initials-only in the newest valid version of the file.

    Older commits may name them in full: the history shows them as they are now,
    so that making someone initials-only also protects them in `log`.
    """
    for step in steps:  # newest first
        if _absent(step.new_blob):
            continue
        report = blobs.load(step.new_blob, f"{step.path}@{step.commit.short}", Path(step.path).stem)
        if report.valid and report.case is not None:
            people = report.case.people
            return {p.id: p for p in people if p.privacy is Privacy.INITIALS}
    return {}


def _renamed_away(steps: list[_Step], blobs: _Blobs) -> dict[str, str]:
    """Ids that a commit may have replaced by an initials-only person's, each with a
    stand-in (`withheld-1`...): earlier commits show neither their id nor what they say.
    See `timeline.diff.core.hidden_people`."""
    found: list[str] = []
    for step in reversed(steps):  # as `_entry` loads them, so that blobs keep their names
        if _absent(step.new_blob) or _absent(step.old_blob):
            continue
        stem = Path(step.path).stem
        new = blobs.load(step.new_blob, f"{step.path}@{step.commit.short}", stem).case
        old = blobs.load(step.old_blob, f"{step.path}@{step.commit.short}^", stem).case
        if new is not None and old is not None:
            found += sorted(set(hidden_people(old, new)) - set(found))
    return {ref: f"withheld-{n}" for n, ref in enumerate(found, 1)}


def _without(case: Case, hidden: dict[str, str]) -> Case:
    """`case` with the people of `hidden` renamed to their stand-ins and said nothing of."""
    if not any(person.id in hidden for person in case.people):
        return case
    translate = translator(hidden)
    assert translate is not None
    data = translate(case.model_dump(mode="json"))
    data["people"] = [
        {"id": hidden[p["id"]], "name": WITHHELD, "privacy": "initials", "roles": p["roles"]}
        if p["id"] in hidden
        else p
        for p in data["people"]
    ]
    return Case.model_validate(data)


def _redacted(case: Case, private: dict[str, Person], hidden: dict[str, str]) -> Case:
    case = _without(case, hidden)
    if not any(p.id in private and p != private[p.id] for p in case.people):
        return case
    fields = dict(case)
    fields["people"] = [private.get(person.id, person) for person in case.people]
    return Case.model_construct(_fields_set=case.model_fields_set, **fields)


def _entry(
    step: _Step,
    blobs: _Blobs,
    last_valid: tuple[str, Case] | None,
    private: dict[str, Person],
    hidden: dict[str, str],
) -> tuple[Entry, Case | None]:
    commit, stem = step.commit, Path(step.path).stem
    if _absent(step.new_blob):
        return Entry(commit, step.path, "deleted"), None
    report = blobs.load(step.new_blob, f"{step.path}@{commit.short}", stem)
    if not report.valid or report.case is None:
        return Entry(commit, step.path, "invalid", diagnostics=report.diagnostics), None
    # Where this commit itself made someone initials-only, the diff withholds what the
    # older version said; elsewhere both sides show them as they are now.
    already = {p.id for p in report.case.people if p.privacy is Privacy.INITIALS}
    private = {ref: person for ref, person in private.items() if ref not in already}
    new = _redacted(report.case, private, hidden)
    base: str | None = None
    status: Status = "changed"
    if _absent(step.old_blob):
        old, status = empty_like(new), "created"
    else:
        parent = blobs.load(step.old_blob, f"{step.path}@{commit.short}^", stem)
        if parent.valid and parent.case is not None:
            old = _redacted(parent.case, private, hidden)
        elif last_valid is not None:
            base, old = last_valid[0], _redacted(last_valid[1], private, hidden)
        else:
            old, status = empty_like(new), "created"
    diff = diff_cases(
        old,
        new,
        old_version=Version(id=old.id, file=step.path, rev=base or f"{commit.short}^"),
        new_version=Version(id=new.id, file=step.path, rev=commit.short),
    )
    if diff.identical and status == "changed":
        status = "unchanged"
    return Entry(commit, step.path, status, diff, base), new


def _absent(blob: str) -> bool:
    """The null object id, which stands for "no file" on one side of a change."""
    return set(blob) == {"0"}


def follow_event(entries: list[Entry], event: str, file: str) -> list[Entry]:
    """Only the entries that concern one event, following renames of its id back in time."""
    current = event
    kept: list[Entry] = []
    for entry in entries:  # newest first
        if entry.diff is None:
            if entry.status == "invalid":
                kept.append(entry)
            continue
        relevant = [c for c in entry.diff.changes if c.section == "events" and c.id == current]
        if not relevant:
            continue
        diff = CaseDiff.of(entry.diff.old, entry.diff.new, tuple(relevant), entry.diff.names)
        kept.append(Entry(entry.commit, entry.path, entry.status, diff, entry.base))
        current = relevant[0].old_id or current
    if not any(entry.diff is not None for entry in kept):
        raise UsageError(f"no event '{event}' in the history of {file}" + _hint(entries, event))
    return kept


def _hint(entries: list[Entry], event: str) -> str:
    known = {c.id for e in entries if e.diff for c in e.diff.changes if c.section == "events"}
    close = difflib.get_close_matches(event, sorted(known), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""
