"""Charts as images for the PDF report, drawn by the same chart classes as the tab.

Each function builds the chart offscreen (never shown on screen), gives it the
data, grabs it to a QImage and throws the widget away. Only a QApplication is
needed (no main window, no ThemeManager): colours come from `palette`, e.g.
`rlbaby.ui.theme.load_palette("day")`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QImage

from rlbaby.analysis import within_episode_intervals_s
from rlbaby.analysis.chart_data import (
    night_map,
    trend_data,
)
from rlbaby.analysis.ranges import NightRange
from rlbaby.services.charts import ChartSource
from rlbaby.store import Store
from rlbaby.ui.charts.base import ChartWidget
from rlbaby.ui.charts.interval_chart import IntervalChart
from rlbaby.ui.charts.night_map_chart import NightMapChart
from rlbaby.ui.charts.timeline_chart import TimelineChart
from rlbaby.ui.charts.trend_chart import TrendChart


def grab_offscreen(chart: ChartWidget, width: int, height: int) -> QImage:
    """Lay `chart` out at width x height without showing it, and grab it."""
    chart.readout.hide()  # the hover line means nothing on paper
    chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    chart.resize(width, height)
    chart.show()  # delivers the pending resize and lays out the plot area
    try:
        # pyqtgraph sizes an axis to its labels while painting it, and lays the
        # plot out again later: on the first grab the night map's dates do not
        # fit yet and are left out. Paint once, let that layout happen, grab.
        chart.to_image()
        QCoreApplication.sendPostedEvents()
        image = chart.to_image()
    finally:
        chart.close()
        # Free it now: a report may draw many charts before any event loop runs,
        # and pyqtgraph's menus are top-level widgets that would pile up.
        chart.deleteLater()
        QCoreApplication.sendPostedEvents(chart, QEvent.Type.DeferredDelete)
    return image


def _source(store: Store) -> ChartSource:
    return ChartSource(store, store.now_ms)


def render_timeline(
    store: Store, child_id: str, night: date, palette: dict[str, str], width: int, height: int
) -> QImage:
    """One night's timeline: movements by kind, episodes and sleep."""
    chart = TimelineChart(palette, store.settings.night_start_hour)
    chart.set_data(_source(store).timeline(child_id, night))
    return grab_offscreen(chart, width, height)


def render_trend(
    store: Store,
    child_id: str,
    first: date,
    last: date,
    palette: dict[str, str],
    width: int,
    height: int,
) -> QImage:
    """Per-night movements, episodes, movements per hour asleep and periodic runs."""
    history = _source(store).history(child_id)
    chart = TrendChart(palette)
    chart.hint = ""  # a printed chart cannot be clicked
    chart.set_data(trend_data(history.summaries, first, last))
    return grab_offscreen(chart, width, height)


def render_night_map(
    store: Store,
    child_id: str,
    first: date,
    last: date,
    palette: dict[str, str],
    width: int,
    height: int,
) -> QImage:
    """Nights down, time of night across, movements per 15 minutes as colour."""
    history = _source(store).history(child_id)
    nights = NightRange(first, last)
    chart = NightMapChart(palette, history.start_hour)
    chart.set_data(night_map(history.movements(nights).local_ms, history.start_hour, nights))
    return grab_offscreen(chart, width, height)


def render_intervals(
    store: Store,
    child_id: str,
    first: date,
    last: date,
    palette: dict[str, str],
    width: int,
    height: int,
) -> QImage:
    """Gaps between movements within episodes, with the rule's periodic range shaded."""
    history = _source(store).history(child_id)
    mv = history.movements(NightRange(first, last))
    chart = IntervalChart(palette, history.rule.interval_s)
    chart.set_data(within_episode_intervals_s(mv.at_ms, mv.episode), history.rule.interval_s)
    return grab_offscreen(chart, width, height)
