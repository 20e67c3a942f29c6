"""How the report writes dates and figures (one spelling for every section)."""

from __future__ import annotations

from datetime import date

from rlbaby.ui.locale_format import format_date, format_night

DASH = "–"


def day(d: date) -> str:
    return format_date(d)


def short_day(d: date) -> str:
    return format_night(d)


def num(x: float | None, digits: int = 1) -> str:
    return DASH if x is None else f"{x:.{digits}f}"


def sentence_case(words: str) -> str:
    return words[:1].upper() + words[1:]


def months_between(born: date, on: date) -> int:
    months = (on.year - born.year) * 12 + on.month - born.month
    return max(0, months - (1 if on.day < born.day else 0))
