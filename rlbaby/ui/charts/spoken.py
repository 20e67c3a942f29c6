"""What each chart says to a screen reader: what it shows, and a summary of now.

A chart is a picture; a parent who cannot see it hears its name, what it shows
(ABOUT) and one or two sentences of figures ("12 movements on the night of
Tue 24 Nov, the last at 03:07"). The figures are counts and times, never a
reading of what they mean.
"""

from __future__ import annotations

import numpy as np

from PySide6.QtCore import QCoreApplication

from rlbaby.analysis.chart_data import RAPID_BELOW_S, share_between
from rlbaby.ui.charts.base import ChartWidget
from rlbaby.ui.charts.breakdown_chart import BreakdownChart
from rlbaby.ui.charts.interval_chart import IntervalChart
from rlbaby.ui.charts.night_map_chart import NightMapChart
from rlbaby.ui.charts.soothing_chart import SoothingChart
from rlbaby.ui.charts.timeline_chart import TimelineChart
from rlbaby.ui.charts.trend_chart import TrendChart
from rlbaby.ui.charts.words import (
    BREAKDOWN_TITLES,
    answer_labels,
    base_text,
    soothing_labels,
)
from rlbaby.ui.locale_format import format_night
from rlbaby.wording import clock_text, plural


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChartSummary", text)


def about(chart: ChartWidget) -> str:
    """What `chart` shows, in one sentence."""
    if isinstance(chart, TimelineChart):
        return _tr(
            "Each movement of one night at its time, by kind, with episodes and sleep marked."
        )
    if isinstance(chart, IntervalChart):
        return _tr("How far apart movements came within episodes: how many gaps of each length.")
    if isinstance(chart, TrendChart):
        return _tr(
            "Movements, episodes, movements per hour asleep and periodic runs for each night,"
            " with a 7-night average."
        )
    if isinstance(chart, NightMapChart):
        return _tr("One row per night; each cell's colour is the movements in that part of it.")
    if isinstance(chart, BreakdownChart):
        return _tr("How often each answer was noted in the episode details.")
    if isinstance(chart, SoothingChart):
        return _tr("What was tried to soothe the episodes, and how often the baby then settled.")
    return ""


def summary(chart: ChartWidget) -> str:
    """The figures `chart` shows now, in a sentence or two ("" when nothing to say)."""
    if isinstance(chart, TimelineChart):
        return _timeline(chart)
    if isinstance(chart, IntervalChart):
        return _intervals(chart)
    if isinstance(chart, TrendChart):
        return _trend(chart)
    if isinstance(chart, NightMapChart):
        return _night_map(chart)
    if isinstance(chart, BreakdownChart):
        return _breakdowns(chart)
    if isinstance(chart, SoothingChart):
        return _soothing(chart)
    return ""


def describe(chart: ChartWidget) -> None:
    """Set the chart's accessible description: what it shows, then its figures now
    (or, when empty, what to log to fill it)."""
    now = chart.empty_label.text() if chart.is_empty else summary(chart)
    text = f"{about(chart)} {now}".strip()
    for w in (chart, chart.graphics):
        if w.accessibleDescription() != text:
            w.setAccessibleDescription(text)


def name(chart: ChartWidget, title: str) -> None:
    """Name the chart (and its plot, which takes the keyboard focus) `title`."""
    for w in (chart, chart.graphics):
        w.setAccessibleName(title)


def _night_words(chart: TimelineChart) -> str:
    return format_night(chart.night)


def _timeline(chart: TimelineChart) -> str:
    n = chart.movement_count
    if n == 0:
        return _tr("No movements on the night of {night}.").format(night=_night_words(chart))
    last = clock_text(chart.last_movement_h, chart.data.start_hour)
    return _tr("{count} on the night of {night}, the last at {last}.").format(
        count=plural(n, "movement"), night=_night_words(chart), last=last
    )


def _intervals(chart: IntervalChart) -> str:
    gaps = chart.intervals_s
    lo, hi = chart.periodic_s
    rapid = share_between(gaps, 0.0, RAPID_BELOW_S, inclusive_hi=False)
    regular = share_between(gaps, lo, hi)
    return _tr(
        "{count} within episodes: {rapid:.0%} under {below:g} s,"
        " {regular:.0%} from {lo:g} to {hi:g} s."
    ).format(
        count=plural(int(gaps.size), "gap"),
        rapid=rapid,
        below=RAPID_BELOW_S,
        regular=regular,
        lo=lo,
        hi=hi,
    )


def _trend(chart: TrendChart) -> str:
    data = chart.data
    nights = (data.last - data.first).days + 1
    logged = int(data.night_idx.size)
    movements = data.values.get("movements", np.empty(0))
    total = int(np.nansum(movements)) if movements.size else 0
    return _tr("{logged} of {nights} logged; {total} in all.").format(
        logged=logged, nights=plural(nights, "night"), total=plural(total, "movement")
    )


def _night_map(chart: NightMapChart) -> str:
    data = chart.map
    total = int(data.counts.sum())
    text = _tr("{total} over {nights}.").format(
        total=plural(total, "movement"), nights=plural(data.nights, "night")
    )
    if total:
        busiest = int(np.argmax(data.counts.sum(axis=0)))
        start = clock_text(busiest * data.bin_min / 60, data.start_hour)
        end = clock_text((busiest + 1) * data.bin_min / 60, data.start_hour)
        text += " " + _tr("Most of them from {start} to {end}.").format(start=start, end=end)
    return text


def _breakdowns(chart: BreakdownChart) -> str:
    parts = []
    for b in chart.data.values():
        if b.empty:
            continue
        k = int(np.argmax(b.counts))
        parts.append(
            _tr("{title}: most often {answer}, {count} {base}.").format(
                title=BREAKDOWN_TITLES[b.field],
                answer=answer_labels(b)[k],
                count=int(b.counts[k]),
                base=base_text(b),
            )
        )
    return " ".join(parts)


def _soothing(chart: SoothingChart) -> str:
    s = chart.summary
    if not s.tried.size or int(s.tried.sum()) == 0:
        return _tr("Nothing noted as tried.")
    k = int(np.argmax(s.tried))
    return _tr("Tried most: {what}, in {tried}; noted as settled after {helped}.").format(
        what=soothing_labels(s)[k],
        tried=plural(int(s.tried[k]), "episode"),
        helped=int(s.helped[k]),
    )
