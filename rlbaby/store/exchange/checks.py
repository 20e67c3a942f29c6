"""What an import lets in: times in a sane window, text of a bounded length.

The store can hold more than this (offsets up to 18 h, any time from 1970 to
9999), but a time outside these bounds in a parent's log is a typing or
export error, and some of them (before 1970, offsets of 18 h or more) would
make the file that holds them unreadable at the next open.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from rlbaby.model import Child, Episode, Instant, Movement, SleepPeriod
from rlbaby.model.limits import MAX_NAME_CHARS, MAX_NOTE_CHARS

# 2000-01-01 UTC: no child this app logs was born before it.
EARLIEST_MS = 946_684_800_000
# A log from a device whose clock runs a little ahead is still accepted.
FUTURE_SLACK_MS = 86_400_000
# The widest UTC offsets in use on Earth: -12:00 (Baker Island) to +14:00 (Kiribati).
MIN_OFFSET_MIN = -12 * 60
MAX_OFFSET_MIN = 14 * 60


def _when(utc_ms: int) -> str:
    return datetime.fromtimestamp(utc_ms / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M UTC")


def offset_problem(offset_min: int) -> str | None:
    if MIN_OFFSET_MIN <= offset_min <= MAX_OFFSET_MIN:
        return None
    sign = "-" if offset_min < 0 else "+"
    h, m = divmod(abs(offset_min), 60)
    return f"UTC offset {sign}{h:02d}:{m:02d} is outside -12:00 to +14:00"


def instant_problem(at: Instant, now_ms: int) -> str | None:
    """Why `at` cannot be a moment of a parent's log, or None."""
    problem = offset_problem(at.offset_min)
    if problem:
        return problem
    if at.utc_ms < EARLIEST_MS:
        return "the time is before the year 2000"
    if at.utc_ms > now_ms + FUTURE_SLACK_MS:
        return f"the time is in the future (after {_when(now_ms + FUTURE_SLACK_MS)})"
    return None


def stamp_problem(ms: int | None, now_ms: int) -> str | None:
    """A record's created/updated/deleted time: never in the future, or a
    record from this file would win every later merge."""
    if ms is not None and ms > now_ms + FUTURE_SLACK_MS:
        return f"is in the future (after {_when(now_ms + FUTURE_SLACK_MS)})"
    return None


def text_problem(value: str, limit: int) -> str | None:
    if len(value) > limit:
        return f"is {len(value):,} characters long; at most {limit:,} are allowed"
    return None


def _texts(rec: Any) -> list[tuple[str, str, int]]:
    """(field, value, limit) of each free-text field and id of a record."""
    out = [("id", rec.id, MAX_NAME_CHARS)]
    if isinstance(rec, Child):
        out += [("name", rec.name, MAX_NAME_CHARS), ("notes", rec.notes, MAX_NOTE_CHARS)]
        for lab in rec.labs:
            out += [
                ("lab test", lab.test, MAX_NAME_CHARS),
                ("lab value", lab.value, MAX_NAME_CHARS),
                ("lab unit", lab.unit, MAX_NAME_CHARS),
            ]
        return out
    out.append(("child", rec.child_id, MAX_NAME_CHARS))
    if isinstance(rec, Movement):
        out += [("episode", rec.episode_id, MAX_NAME_CHARS), ("note", rec.note, MAX_NOTE_CHARS)]
    elif isinstance(rec, Episode):
        out.append(("note", rec.note, MAX_NOTE_CHARS))
    return out


def _instants(rec: Any) -> list[tuple[str, Instant | None]]:
    if isinstance(rec, Movement):
        return [("time", rec.at)]
    if isinstance(rec, Episode):
        return [("opened", rec.opened), ("settled", rec.settled)]
    if isinstance(rec, SleepPeriod):
        return [("asleep", rec.asleep), ("awake", rec.awake)]
    return []


def record_problem(rec: Any, now_ms: int) -> str | None:
    """The first thing about `rec` an import refuses, or None."""
    for name, value, limit in _texts(rec):
        problem = text_problem(value, limit)
        if problem:
            return f"{name} {problem}"
    for name, at in _instants(rec):
        problem = None if at is None else instant_problem(at, now_ms)
        if problem:
            return f"{name}: {problem}"
    for name in ("created_ms", "updated_ms", "deleted_ms"):
        problem = stamp_problem(getattr(rec, name), now_ms)
        if problem:
            return f"{name} {problem}"
    return None
