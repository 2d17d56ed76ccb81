"""The exceptions of timeline: one base class, a few subclasses.

The library raises these for problems that stop an operation (a missing file,
an unknown case, a bad revision). Problems *in* a case file are not exceptions:
they are `Diagnostic` values.
"""

from __future__ import annotations


class TimelineError(Exception):
    """Base class: something the user can fix; the CLI prints it and exits 2."""


class CaseNotFoundError(TimelineError):
    """A case id or path that does not name a case file."""

    def __init__(self, message: str, *, known: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.known = known


class UsageError(TimelineError):
    """Arguments that cannot be acted upon (a bad date filter, a bad option value)."""


class InvalidCaseError(TimelineError):
    """A case file that does not validate, where a command needs a valid one."""

    def __init__(self, message: str, report: object) -> None:
        super().__init__(message)
        self.report = report


class GitError(TimelineError):
    """A git revision or repository problem (unknown revision, not a repository)."""
