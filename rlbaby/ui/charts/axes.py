"""Axes labelled in words a parent reads: clock times ("21:00") and dates ("3 Nov")."""

from __future__ import annotations

import math
from datetime import date

from rlbaby.model.timekeeping import night_date, night_number
from rlbaby.ui.charts.pgtypes import AxisItem
from rlbaby.ui.locale_format import format_clock, format_day_month, format_month_year

# Hour steps for clock ticks, from 5 minutes to 6 hours.
_CLOCK_STEPS_H = (5 / 60, 10 / 60, 15 / 60, 0.5, 1.0, 2.0, 3.0, 6.0)
_MONTH_STEPS = (1, 3, 6, 12)


class ClockAxis(AxisItem):
    """Hours after the night start, shown as wall-clock times ("21:00", "02:15")."""

    def __init__(self, start_hour: int, orientation: str = "bottom") -> None:
        super().__init__(orientation)
        self.start_hour = start_hour
        self.enableAutoSIPrefix(False)

    def tickValues(self, minVal: float, maxVal: float, size: float):  # type: ignore[no-untyped-def]  # noqa: N802, N803
        minVal, maxVal = sorted((minVal, maxVal))  # an inverted view passes them reversed
        span = maxVal - minVal
        if span <= 0 or not math.isfinite(span):
            return []
        max_ticks = max(2.0, size / 70.0)
        step = next((s for s in _CLOCK_STEPS_H if span / s <= max_ticks), _CLOCK_STEPS_H[-1])
        # Minutes can drift in float; tick on whole minutes.
        first = math.ceil(minVal / step - 1e-9) * step
        values = [round(v * 60) / 60 for v in _frange(first, maxVal, step)]
        return [(step, values)]

    def tickStrings(self, values, scale, spacing):  # type: ignore[no-untyped-def]  # noqa: N802
        return [format_clock(v, self.start_hour) for v in values]


class CountAxis(AxisItem):
    """Whole numbers only: counts have no halves, so no tick may read "0.5"."""

    def __init__(self, orientation: str = "left") -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)

    def tickValues(self, minVal: float, maxVal: float, size: float):  # type: ignore[no-untyped-def]  # noqa: N802, N803
        minVal, maxVal = sorted((minVal, maxVal))
        span = maxVal - minVal
        if span <= 0 or not math.isfinite(span):
            return []
        spacing_px = 40.0 if self.orientation in ("left", "right") else 80.0
        step = count_step(span, max(2.0, size / spacing_px))
        first = math.ceil(minVal / step - 1e-9) * step
        values = [float(v) for v in range(int(first), int(math.floor(maxVal)) + 1, step)]
        return [(float(step), values)]

    def tickStrings(self, values, scale, spacing):  # type: ignore[no-untyped-def]  # noqa: N802
        return [f"{round(v):,}" for v in values]


def count_step(span: float, max_ticks: float) -> int:
    """The smallest whole step of 1, 2 or 5 times a power of ten giving at most
    `max_ticks` ticks over `span`."""
    power = 1
    while True:
        for m in (1, 2, 5):
            if span / (m * power) <= max_ticks:
                return m * power
        power *= 10


class NightAxis(AxisItem):
    """Night indexes (days since 1970) shown as dates: "3 Nov", "Nov 2026" or "2026"."""

    def __init__(self, orientation: str = "bottom", offset: float = 0.0) -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)
        # A night drawn as the cell [i, i + 1) is labelled at its middle (offset 0.5).
        self.offset = offset

    def tickValues(self, minVal: float, maxVal: float, size: float):  # type: ignore[no-untyped-def]  # noqa: N802, N803
        minVal, maxVal = sorted((minVal, maxVal))  # an inverted view passes them reversed
        levels = self._night_ticks(minVal - self.offset, maxVal - self.offset, size)
        return [(spacing, [v + self.offset for v in values]) for spacing, values in levels]

    def _night_ticks(
        self, minVal: float, maxVal: float, size: float
    ) -> list[tuple[float, list[float]]]:  # noqa: N803
        lo, hi = math.ceil(minVal), math.floor(maxVal)
        if hi < lo or not math.isfinite(maxVal - minVal):
            return []
        spacing_px = 80.0 if self.orientation in ("bottom", "top") else 28.0
        max_ticks = max(2.0, size / spacing_px)
        days = hi - lo + 1
        for step in (1, 2, 7, 14):
            if days / step <= max_ticks:
                if step == 7 or step == 14:
                    # Mondays (1970-01-01 was a Thursday: Monday indexes are 4 mod 7).
                    start = lo + (4 - lo) % 7
                else:
                    start = lo + (-lo) % step
                return [(float(step), [float(v) for v in range(start, hi + 1, step)])]
        first, last = night_date(lo), night_date(hi)
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        for mstep in _MONTH_STEPS:
            if months / mstep <= max_ticks:
                return [(30.0 * mstep, [float(v) for v in _month_starts(first, last, mstep)])]
        years = last.year - first.year + 1
        ystep = max(1, math.ceil(years / max_ticks))
        values = [
            float(night_number(date(y, 1, 1)))
            for y in range(first.year + (first.month > 1 or first.day > 1), last.year + 1, ystep)
        ]
        return [(365.0 * ystep, values)]

    def tickStrings(self, values, scale, spacing):  # type: ignore[no-untyped-def]  # noqa: N802
        out = []
        for v in values:
            d = night_date(round(v - self.offset))
            if spacing < 28:
                out.append(format_day_month(d))
            elif spacing < 365:
                out.append(format_month_year(d))
            else:
                out.append(f"{d.year}")
        return out


def _frange(start: float, stop: float, step: float) -> list[float]:
    n = int(math.floor((stop - start) / step + 1e-9)) + 1
    return [start + i * step for i in range(max(0, n))]


def _month_starts(first: date, last: date, step: int) -> list[int]:
    y, m = first.year, first.month
    if first.day > 1:
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    # Align to the step (quarters start in Jan/Apr/Jul/Oct).
    while (m - 1) % step:
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    out = []
    while date(y, m, 1) <= last:
        out.append(night_number(date(y, m, 1)))
        m += step
        while m > 12:
            y, m = y + 1, m - 12
    return out


def fixed_ticks(axis: AxisItem, ticks: list[tuple[float, str]]) -> None:
    """Labels at fixed positions (category names, log-time marks)."""
    axis.setTicks([ticks, []])
