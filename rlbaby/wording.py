"""Counts and spans of time as a parent says them, for the app, the report and the CLI.

Qt-free, so that the charts' data, the comparison, the PDF and the UI all say
"3 h 05 min" and "1 episode" the same way.
"""

from __future__ import annotations

from datetime import time

MS_PER_DAY = 86_400_000


def plural(n: int, word: str, words: str | None = None) -> str:
    """`1 movement`, `2 movements`; `words` for irregular plurals."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


def duration(ms: int, *, clock: bool = False) -> str:
    """A span: `40 s`, `12 min`, `3 h 05 min`.

    Args:
        ms: the span in milliseconds (below zero reads as zero).
        clock: for a running clock: seconds stay in view for the first hour
            (`3 min 05 s`) and nothing is rounded up, so the clock never shows
            a minute before it has passed. Otherwise minutes are rounded.
    """
    seconds = max(0, ms // 1000 if clock else round(ms / 1000))
    if seconds < 60:
        return f"{seconds} s"
    minutes = seconds // 60 if clock else round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min {seconds % 60:02d} s" if clock else f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def ago(ms: int) -> str:
    """How long ago: a running clock within a day, then whole days (`2 days`)."""
    if ms < MS_PER_DAY:
        return duration(ms, clock=True)
    return plural(ms // MS_PER_DAY, "day")


def night_clock(hours_after: float, start_hour: int) -> time:
    """The wall-clock time (to the second) `hours_after` the night-start hour."""
    total_s = round((start_hour + hours_after) * 3600) % (24 * 3600)
    h, rest = divmod(total_s, 3600)
    return time(h, rest // 60, rest % 60)


def clock_text(hours_after: float, start_hour: int, seconds: bool = False) -> str:
    """A wall-clock label such as "21:00" (or "02:14:33") for hours after the night start."""
    t = night_clock(hours_after, start_hour)
    return f"{t:%H:%M:%S}" if seconds else f"{t:%H:%M}"
