"""Words for the status lines: plurals and spans of time as a parent says them."""

from __future__ import annotations

from rlbaby.ui.i18n import Plurals

MS_PER_DAY = 86_400_000


def plural(n: int, word: str, words: str | None = None) -> str:
    """`1 movement`, `2 movements`; `words` for irregular plurals."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


def fmt_duration(ms: int) -> str:
    """A span for a live clock: `42 s`, `3 min 05 s`, `2 h 07 min`."""
    s = max(0, ms // 1000)
    if s < 60:
        return f"{s} s"
    m, s = divmod(s, 60)
    if m < 60:
        return f"{m} min {s:02d} s"
    h, m = divmod(m, 60)
    return f"{h} h {m:02d} min"


def fmt_ago(ms: int) -> str:
    """How long ago: minutes and hours within a day, then whole days (`2 days`)."""
    if ms < MS_PER_DAY:
        return fmt_duration(ms)
    return Plurals().days(ms // MS_PER_DAY)
