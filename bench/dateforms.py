"""Dates for the synthetic corpus: every form the data format allows, never going backwards.

Each new event's date contains the builder's running `cursor` day, and the
cursor only moves forward; so an event never definitely comes before an
earlier one, and `after` orderings and "no verdict before the first
detention" hold by construction.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from typing import Any

from words import Quoted

Data = dict[str, Any]
LAST_DAY = datetime.date(2024, 12, 31)  # all events in the past, whatever today is


class DateForms:
    """Writes an event's date in one of the EDTF forms, around the cursor day."""

    rng: random.Random
    cursor: datetime.date
    last_day: tuple[str, datetime.date] | None  # the last event dated to one day

    def _date(self, event: Data) -> None:
        forms: list[tuple[float, Callable[[Data], str | None]]] = [
            (0.04, self._relative),
            (0.07, self._month),
            (0.10, self._season),
            (0.14, self._approximate),
            (0.18, self._interval),
            (0.20, self._open_end),
            (0.22, self._year),
            (0.25, self._inferred_year),
        ]
        roll = self.rng.random()
        text = next((form(event) for limit, form in forms if roll < limit), None)
        if text is None:
            text = self.cursor.isoformat()
            self.last_day = (event["id"], self.cursor)
        event["date"] = Quoted(text)

    def _relative(self, event: Data) -> str | None:
        if self.last_day is None:
            return None
        anchor, day = self.last_day
        days = self.rng.randint(1, 3)
        target = day + datetime.timedelta(days=days)
        if target < self.cursor or target > LAST_DAY:
            return None
        self.cursor = target
        words = f"{['one', 'two', 'three'][days - 1]} day{'s' if days > 1 else ''} later"
        event["relative"] = {"event": anchor, "offset": f"P{days}D", "source_text": words}
        return target.isoformat()

    def _month(self, event: Data) -> str:
        return f"{self.cursor:%Y-%m}"

    def _season(self, event: Data) -> str:
        month, year = self.cursor.month, self.cursor.year
        if month <= 2:
            return f"{year - 1}-24"
        return f"{year}-{20 + (month - 3) // 3 + 1}"

    def _approximate(self, event: Data) -> str:
        return self.cursor.isoformat() + "?" if self.rng.random() < 0.5 else f"{self.cursor:%Y-%m}~"

    def _interval(self, event: Data) -> str:
        end = min(LAST_DAY, self.cursor + datetime.timedelta(days=self.rng.randint(1, 4)))
        return f"{self.cursor.isoformat()}/{end.isoformat()}"

    def _open_end(self, event: Data) -> str:
        return f"{self.cursor.isoformat()}/.."

    def _year(self, event: Data) -> str:
        return f"{self.cursor.year}"

    def _inferred_year(self, event: Data) -> str:
        event["inferred"] = ["year"]
        event["source_text"] = f"{self.cursor.day} {self.cursor:%B}"
        return self.cursor.isoformat()
