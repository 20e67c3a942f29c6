"""Ranges of nights: what "last 7 nights" or "all" means tonight."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

# The ranges the Charts tab offers, in order (their names: ui/charts/words.py).
RANGE_KEYS = ("tonight", "7", "30", "90", "all", "custom", "night")
SINGLE_NIGHT = "night"  # the choice that shows one night


@dataclass(frozen=True)
class NightRange:
    """An inclusive range of nights, labelled by their evening dates."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"the range ends ({self.last}) before it starts ({self.first})")

    @property
    def nights(self) -> int:
        return (self.last - self.first).days + 1

    def contains(self, night: date) -> bool:
        return self.first <= night <= self.last


def resolve_range(
    choice: str,
    tonight: date,
    first_logged: date | None = None,
    custom: tuple[date, date] | None = None,
) -> NightRange:
    """The nights a range choice means today.

    Args:
        choice: one of RANGE_KEYS.
        tonight: the current night (the night the clock is in).
        first_logged: the child's first logged night, for "all".
        custom: (from, to) for "custom", in either order; for "night", the
            night shown (first of the pair).

    Raises:
        ValueError: an unknown choice, or "custom" or "night" without dates.
    """
    if choice == "tonight":
        return NightRange(tonight, tonight)
    if choice in ("7", "30", "90"):
        return NightRange(tonight - timedelta(days=int(choice) - 1), tonight)
    if choice == "all":
        first = min(first_logged, tonight) if first_logged is not None else tonight
        return NightRange(first, tonight)
    if choice == "custom":
        if custom is None:
            raise ValueError("choose the first and last night")
        a, b = custom
        return NightRange(min(a, b), max(a, b))
    if choice == SINGLE_NIGHT:
        if custom is None:
            raise ValueError("choose the night to show")
        return NightRange(custom[0], custom[0])
    raise ValueError(f"unknown range {choice!r}")
