"""The units a date is known in: its precision, the months and the seasons."""

from __future__ import annotations

from enum import StrEnum


class Precision(StrEnum):
    """How finely a date is known. Compares coarser < finer: year < season < month < day."""

    YEAR = "year"
    SEASON = "season"
    MONTH = "month"
    DAY = "day"

    @property
    def rank(self) -> int:
        """0 for a year up to 3 for a day."""
        return _RANK[self]

    # A StrEnum would otherwise compare alphabetically ("day" < "year").
    def __lt__(self, other: str, /) -> bool:
        return self.rank < other.rank if isinstance(other, Precision) else str.__lt__(self, other)

    def __le__(self, other: str, /) -> bool:
        return self.rank <= other.rank if isinstance(other, Precision) else str.__le__(self, other)

    def __gt__(self, other: str, /) -> bool:
        return self.rank > other.rank if isinstance(other, Precision) else str.__gt__(self, other)

    def __ge__(self, other: str, /) -> bool:
        return self.rank >= other.rank if isinstance(other, Precision) else str.__ge__(self, other)


_RANK = {precision: rank for rank, precision in enumerate(Precision)}


MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# season code -> (name, first month); each season lasts three months
SEASONS = {21: ("spring", 3), 22: ("summer", 6), 23: ("autumn", 9), 24: ("winter", 12)}
