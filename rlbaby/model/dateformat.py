"""Dates and times as text, for the layers that do not know the user's locale.

Qt sets the process's C locale from the system (LANG) when the app starts, so
`strftime`'s %a, %b and %p would come out in the system language inside English
sentences ("2 Dez 2026"), while the rest of a line follows the UI language. The
Qt-free layers therefore never use those names: they format in a locale-neutral
ISO style (`ISO_DATES`), or take a `DateFormatter` so the UI and the report can
pass one that follows the user's locale (`rlbaby.ui.locale_format.LocaleDates`).
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

# English weekday names from a table, not from strftime: the CLI speaks English,
# and the C locale must not change them.
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class DateFormatter(Protocol):
    """How dates and times are written for a reader."""

    def date(self, d: dt.date) -> str:
        """A date with its year: "2026-12-02", or "Dec 2, 2026" in en_US."""
        ...

    def night(self, d: dt.date) -> str:
        """A night's evening date with its weekday: "Wed 2026-12-02", "Wed, Dec 2"."""
        ...

    def time(self, t: dt.datetime | dt.time, seconds: bool = False) -> str:
        """A wall-clock time: "03:07", or "3:07 AM" in en_US."""
        ...

    def weekday(self, d: dt.date) -> str:
        """A short weekday name: "Wed"."""
        ...


class IsoDates:
    """The locale-neutral formatter: ISO dates, 24-hour times, English weekdays."""

    def date(self, d: dt.date) -> str:
        return d.isoformat()

    def night(self, d: dt.date) -> str:
        return f"{self.weekday(d)} {d.isoformat()}"

    def time(self, t: dt.datetime | dt.time, seconds: bool = False) -> str:
        hm = f"{t.hour:02d}:{t.minute:02d}"
        return f"{hm}:{t.second:02d}" if seconds else hm

    def weekday(self, d: dt.date) -> str:
        return WEEKDAYS[d.weekday()]


ISO_DATES: DateFormatter = IsoDates()
