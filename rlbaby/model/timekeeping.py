"""Instants, clocks and the night a moment belongs to.

Every instant is stored as UTC epoch milliseconds together with the local UTC
offset (minutes) in force at that moment. Durations and intervals use UTC only,
so they stay right across DST changes and midnight; the offset is used only to
show local clock times and to decide which night a moment belongs to.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

MS_PER_S = 1000
MS_PER_MIN = 60 * MS_PER_S
MS_PER_HOUR = 60 * MS_PER_MIN
MS_PER_DAY = 24 * MS_PER_HOUR
EPOCH_DATE = date(1970, 1, 1)


def system_offset_min(utc_ms: int) -> int:
    """The local UTC offset, in minutes, that the system zone had at `utc_ms`."""
    return int(time.localtime(utc_ms / MS_PER_S).tm_gmtoff // 60)


@dataclass(frozen=True, slots=True, order=True)
class Instant:
    """A moment: UTC epoch milliseconds plus the local offset at that moment."""

    utc_ms: int
    offset_min: int = 0

    @classmethod
    def from_datetime(cls, dt: datetime) -> Instant:
        """Build from an aware datetime. Raises ValueError for a naive one."""
        offset = dt.utcoffset()
        if offset is None:
            raise ValueError(f"time {dt.isoformat()} has no UTC offset")
        utc_ms = round(dt.timestamp() * MS_PER_S)
        return cls(utc_ms, int(offset.total_seconds() // 60))

    @classmethod
    def parse(cls, text: str) -> Instant:
        """Parse ISO 8601 with a UTC offset, such as `2026-11-24T03:02:00+01:00`."""
        try:
            dt = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"not an ISO 8601 time: {text!r}") from None
        if dt.tzinfo is None:
            raise ValueError(f"time {text!r} has no UTC offset (add e.g. +01:00)")
        return cls.from_datetime(dt)

    @classmethod
    def at_system_offset(cls, utc_ms: int) -> Instant:
        return cls(utc_ms, system_offset_min(utc_ms))

    def local(self) -> datetime:
        """The local wall-clock time, as an aware datetime with a fixed offset."""
        tz = timezone(timedelta(minutes=self.offset_min))
        return datetime.fromtimestamp(self.utc_ms / MS_PER_S, tz=UTC).astimezone(tz)

    def isoformat(self) -> str:
        return self.local().isoformat(timespec="milliseconds")

    def plus_ms(self, ms: int) -> Instant:
        """A later instant, keeping this offset (callers re-derive it if needed)."""
        return Instant(self.utc_ms + ms, self.offset_min)


# --- nights ------------------------------------------------------------------------
# A night is the local-time window [start_hour, start_hour + 24 h), labelled by the
# evening's date. Code that works on arrays numbers nights instead: a night's number
# is the days from 1970-01-01 to its evening (also the x, or y, of a night on the
# charts). night_number/night_date turn one into the other; night_index numbers
# local times, one or a whole int64 array at once. Nothing else does this sum.

LocalMs = TypeVar("LocalMs", int, "npt.NDArray[np.int64]")


def night_index(local_ms: LocalMs, start_hour: int) -> LocalMs:
    """The number of the night each *local* epoch-ms time (UTC ms + offset) belongs to."""
    return (local_ms - start_hour * MS_PER_HOUR) // MS_PER_DAY


def night_number(night: date) -> int:
    """A night's number: days from 1970-01-01 to its evening."""
    return (night - EPOCH_DATE).days


def night_date(number: int) -> date:
    """The night (its evening's date) with this number."""
    return EPOCH_DATE + timedelta(days=int(number))


def night_of(instant: Instant, start_hour: int) -> date:
    """The night `instant` belongs to, labelled by the evening's local date.

    With the default start of 18:00, 02:00 on the 25th belongs to the night of the 24th.
    """
    return night_date(night_index(instant.utc_ms + instant.offset_min * MS_PER_MIN, start_hour))


def night_window_local_ms(night: date, start_hour: int) -> tuple[int, int]:
    """The night's window as *local* epoch ms (UTC ms + offset), start inclusive."""
    start = night_number(night) * MS_PER_DAY + start_hour * MS_PER_HOUR
    return start, start + MS_PER_DAY


def night_bounds_utc_ms(night: date, start_hour: int) -> tuple[int, int]:
    """A UTC range that surely contains the night, padded for any offset (+-14 h)."""
    lo, hi = night_window_local_ms(night, start_hour)
    pad = 14 * MS_PER_HOUR
    return lo - pad, hi + pad


Clock = Callable[[], Instant]
"""A clock returns the current Instant. Inject one to control time in tests."""


def system_clock() -> Instant:
    """The real clock: now, with the system zone's current offset."""
    return Instant.at_system_offset(time.time_ns() // 1_000_000)
