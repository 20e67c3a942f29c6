"""The Charts tab's pages: a strip of page buttons over the chart they show.

The timeline page is given; every other chart is built the first time its page
is shown or the chart is asked for, and then given the numbers shown at that
moment: a parent who never opens a page pays neither its memory (pyqtgraph plots
cost about a megabyte each) nor its drawing. Texts keep the translation context
"ChartsTab" (they were the tab's), written out in each call for pyside6-lupdate.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rlbaby.analysis.chart_history import RangeCharts
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.ui.charts.base import ChartWidget
from rlbaby.ui.charts.breakdown_chart import BreakdownChart
from rlbaby.ui.charts.interval_chart import IntervalChart
from rlbaby.ui.charts.night_map_chart import NightMapChart
from rlbaby.ui.charts.soothing_chart import SoothingChart
from rlbaby.ui.charts.spoken import describe, name
from rlbaby.ui.charts.timeline_chart import TimelineChart
from rlbaby.ui.charts.trend_chart import TrendChart
from rlbaby.ui.context import UiContext

PAGES = {
    "timeline": QT_TRANSLATE_NOOP("ChartsTab", "Night timeline"),
    "intervals": QT_TRANSLATE_NOOP("ChartsTab", "Gaps between movements"),
    "trend": QT_TRANSLATE_NOOP("ChartsTab", "Nights over time"),
    "map": QT_TRANSLATE_NOOP("ChartsTab", "Night map"),
    "details": QT_TRANSLATE_NOOP("ChartsTab", "Episode details"),
    "soothing": QT_TRANSLATE_NOOP("ChartsTab", "Soothing"),
}
NO_CHILD_TEXT = QT_TRANSLATE_NOOP(
    "ChartsTab", "Add your child on the Log tab first; the charts fill in as you log."
)


def page_title(key: str) -> str:
    return QCoreApplication.translate("ChartsTab", PAGES[key])


class ChartPages(QWidget):
    """Page buttons and the charts' stack.

    Args:
        timeline_page: the timeline's page (the stepper above the chart).

    Signals:
        night_chosen(object): a night clicked on the trend or the night map.
    """

    night_chosen = Signal(object)

    def __init__(
        self,
        ctx: UiContext,
        timeline: TimelineChart,
        timeline_page: QWidget,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._shown: RangeCharts | None = None  # the numbers shown (None: no child)
        self.built: dict[str, ChartWidget] = {"timeline": timeline}
        self._makers: dict[str, Callable[[], ChartWidget]] = {
            "intervals": lambda: IntervalChart(
                ctx.theme.palette, ctx.store.settings.rule.interval_s
            ),
            "trend": self._make_trend,
            "map": self._make_map,
            "details": lambda: BreakdownChart(ctx.theme.palette),
            "soothing": lambda: SoothingChart(ctx.theme.palette),
        }
        self.stack = QStackedWidget()
        self._hosts: dict[str, QVBoxLayout] = {}
        self.page_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        strip = QHBoxLayout()
        for key in PAGES:
            b = QPushButton(page_title(key))
            b.setObjectName(f"chart_page_{key}")
            b.setAccessibleDescription(
                QCoreApplication.translate("ChartsTab", "Show this chart below")
            )
            b.setCheckable(True)
            b.setProperty("chip", True)
            group.addButton(b)
            strip.addWidget(b)
            self.page_buttons[key] = b
            if key == "timeline":
                self.stack.addWidget(timeline_page)
            else:
                page = QWidget()
                host = self._hosts[key] = QVBoxLayout(page)
                host.setContentsMargins(0, 0, 0, 0)
                self.stack.addWidget(page)
        strip.addStretch(1)
        name(timeline, page_title("timeline"))
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addLayout(strip)
        root.addWidget(self.stack, 1)

    def _make_trend(self) -> ChartWidget:
        chart = TrendChart(self._ctx.theme.palette)
        chart.night_chosen.connect(self.night_chosen)
        return chart

    def _make_map(self) -> ChartWidget:
        chart = NightMapChart(self._ctx.theme.palette, self._ctx.store.settings.night_start_hour)
        chart.night_chosen.connect(self.night_chosen)
        return chart

    # --- the charts ------------------------------------------------------------------

    def chart(self, key: str) -> ChartWidget:
        """The chart of page `key`, built now if it was not yet (with the numbers shown)."""
        found = self.built.get(key)
        if found is None:
            found = self.built[key] = self._makers[key]()
            name(found, page_title(key))
            self._hosts[key].addWidget(found)
            self._fill(found)
            describe(found)
        return found

    def show_numbers(self, data: RangeCharts | None) -> None:
        """Give every chart built so far, but the timeline, these numbers (None: no child)."""
        self._shown = data
        for key, chart in self.built.items():
            if key != "timeline":
                self._fill(chart)

    def _fill(self, chart: ChartWidget) -> None:
        data = self._shown
        if data is None:
            chart.set_empty(True, QCoreApplication.translate("ChartsTab", NO_CHILD_TEXT))
        elif isinstance(chart, IntervalChart):
            chart.set_data(data.intervals_s, self._ctx.store.settings.rule.interval_s)
        elif isinstance(chart, TrendChart):
            chart.set_data(data.trend)
        elif isinstance(chart, NightMapChart):
            chart.set_data(data.night_map)
        elif isinstance(chart, BreakdownChart):
            chart.set_data(data.details)
        elif isinstance(chart, SoothingChart):
            chart.set_data(data.soothing)

    # --- pages ---------------------------------------------------------------------------

    @property
    def current(self) -> str:
        return next(k for k, b in self.page_buttons.items() if b.isChecked())

    def show_page(self, key: str) -> None:
        self.chart(key)
        self.page_buttons[key].setChecked(True)
        self.stack.setCurrentIndex(list(PAGES).index(key))
