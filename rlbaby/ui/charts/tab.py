"""The Charts tab: the chosen child's nights as six charts, for one range of nights.

Charts: the night timeline (live while logging), gaps between movements, the
nights trend, the night map, the episode-detail breakdowns and what was tried
to soothe. Data is read and summarised once per range or data change
(services/charts.py), never per repaint; edits mark the charts stale and they
are redrawn when the tab is next seen. A chart other than the timeline is built
the first time its page is shown (or asked for), with the numbers of the range
shown then: a parent who never opens it pays neither its memory nor its drawing.
The top row lives in controls.py, the page strip and the charts' stack in
pages.py, saving in saving.py.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QVBoxLayout,
    QWidget,
)

from rlbaby.analysis.chart_data import hours_after_start
from rlbaby.analysis.ranges import SINGLE_NIGHT, NightRange, resolve_range
from rlbaby.model import night_of
from rlbaby.model.arrays import KIND_CODE
from rlbaby.services import MovementRecorded
from rlbaby.services.charts import ChartSource
from rlbaby.ui.charts import saving
from rlbaby.ui.charts.base import ChartWidget
from rlbaby.ui.charts.breakdown_chart import BreakdownChart
from rlbaby.ui.charts.controls import ChartControls
from rlbaby.ui.charts.interval_chart import IntervalChart
from rlbaby.ui.charts.night_map_chart import NightMapChart
from rlbaby.ui.charts.night_stepper import NightStepper
from rlbaby.ui.charts.pages import NO_CHILD_TEXT, PAGES, ChartPages, page_title
from rlbaby.ui.charts.save_notice import SaveNotice
from rlbaby.ui.charts.soothing_chart import SoothingChart
from rlbaby.ui.charts.spoken import describe
from rlbaby.ui.charts.timeline_chart import TimelineChart
from rlbaby.ui.charts.trend_chart import TrendChart
from rlbaby.ui.charts.words import RANGE_CHOICES
from rlbaby.ui.context import UiContext

STALE_REDRAW_MS = 400  # coalesce a burst of edits into one redraw


class ChartsTab(QWidget):
    """All charts of the chosen child over the chosen range of nights.

    Signals:
        redrawn(): every chart built so far now shows the current child, range
            and data (emitted at the end of `reload`, synchronously); one built
            later gets them as it is built.
    """

    redrawn = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("charts_tab")
        self._ctx = ctx
        self.source = ChartSource(ctx.store, lambda: ctx.clock().utc_ms)
        self.nights = NightRange(self._tonight(), self._tonight())
        self._single_night = self._tonight()  # the night of the "Night of …" range
        self._dirty = True
        self._timeline_loaded = False  # the timeline shows a real night (not before the first load)

        self.controls = ChartControls()
        c = self.controls
        self.child_combo, self.range_combo = c.child_combo, c.range_combo
        self.from_date, self.to_date = c.from_date, c.to_date
        c.child_combo.activated.connect(self._on_child_combo_activated)
        c.range_combo.activated.connect(self._on_range_combo_activated)
        c.from_date.dateChanged.connect(self._on_custom_date_changed)
        c.to_date.dateChanged.connect(self._on_custom_date_changed)
        c.reset_button.clicked.connect(self.reset_view)
        c.png_button.clicked.connect(self._on_png_button_clicked)
        c.csv_button.clicked.connect(self._on_csv_button_clicked)

        self.timeline = TimelineChart(ctx.theme.palette, ctx.store.settings.night_start_hour)
        self.stepper = NightStepper()
        self.stepper.night_changed.connect(self._on_stepper_night_changed)
        timeline_page = QWidget()
        lay = QVBoxLayout(timeline_page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stepper)
        lay.addWidget(self.timeline, 1)
        self.pages = ChartPages(ctx, self.timeline, timeline_page)
        self.pages.night_chosen.connect(self.show_night)
        self.page_buttons = self.pages.page_buttons
        for key, button in self.page_buttons.items():
            button.clicked.connect(lambda _c=False, k=key: self.show_page(k))

        self.notice = SaveNotice(ctx.theme.palette)
        root = QVBoxLayout(self)
        root.addWidget(self.controls)
        root.addWidget(self.pages, 1)
        root.addWidget(self.notice)

        self._stale_timer = QTimer(self)
        self._stale_timer.setSingleShot(True)
        self._stale_timer.setInterval(STALE_REDRAW_MS)
        self._stale_timer.timeout.connect(self._on_stale_timer_timeout)

        ctx.bridge.movement_recorded.connect(self._on_bridge_movement_recorded)
        ctx.bridge.records_changed.connect(self._on_bridge_records_changed)
        ctx.bridge.data_replaced.connect(self._on_bridge_data_replaced)
        # New night hours or emergency number change what every row shows.
        ctx.bridge.settings_changed.connect(self._on_bridge_data_replaced)
        ctx.selection.child_changed.connect(self._on_selection_child_changed)
        ctx.theme.theme_changed.connect(self._on_theme_theme_changed)

        self._fill_children()
        self.show_page("timeline")

    # --- the charts (all but the timeline built when first needed: pages.py) ------

    def chart(self, key: str) -> ChartWidget:
        return self.pages.chart(key)

    @property
    def charts(self) -> dict[str, ChartWidget]:
        """Every chart, by page (building those not built yet)."""
        return {key: self.pages.chart(key) for key in PAGES}

    @property
    def intervals(self) -> IntervalChart:
        chart = self.chart("intervals")
        assert isinstance(chart, IntervalChart)
        return chart

    @property
    def trend(self) -> TrendChart:
        chart = self.chart("trend")
        assert isinstance(chart, TrendChart)
        return chart

    @property
    def night_map(self) -> NightMapChart:
        chart = self.chart("map")
        assert isinstance(chart, NightMapChart)
        return chart

    @property
    def details(self) -> BreakdownChart:
        chart = self.chart("details")
        assert isinstance(chart, BreakdownChart)
        return chart

    @property
    def soothing(self) -> SoothingChart:
        chart = self.chart("soothing")
        assert isinstance(chart, SoothingChart)
        return chart

    # --- what is shown --------------------------------------------------------------

    @property
    def child_id(self) -> str:
        return self._ctx.selection.child_id

    @property
    def range_choice(self) -> str:
        return self.range_combo.value()

    @property
    def current_page(self) -> str:
        return self.pages.current

    @property
    def current_chart(self) -> ChartWidget:
        return self.chart(self.current_page)

    def _tonight(self) -> date:
        return night_of(self._ctx.clock(), self._ctx.store.settings.night_start_hour)

    def show_page(self, key: str) -> None:
        if not self.page_buttons[key].isChecked():
            self.notice.clear()  # "saved to …" spoke of the page left behind
        self.pages.show_page(key)

    def set_range(
        self, choice: str, first: date | None = None, last: date | None = None
    ) -> NightRange:
        """Show `choice` (a key of RANGE_CHOICES; "custom" takes first and last,
        "night" the one night `first`) and redraw every chart before returning.
        Used by the range box, the night stepper and the bench.

        Raises:
            ValueError: an unknown choice, "custom" without both dates, or
                "night" without its night.
        """
        if choice not in RANGE_CHOICES:
            raise ValueError(f"unknown range {choice!r}")
        if choice == SINGLE_NIGHT:
            if first is None:
                raise ValueError("a single night needs its date")
            if first >= self._tonight():
                choice = "tonight"  # it follows the clock into the next night
            else:
                self._single_night = first
        if choice == "custom":
            if first is None or last is None:
                raise ValueError("a custom range needs a first and a last night")
            self.controls.set_custom_nights(first, last)
        self.range_combo.set_value(choice)
        self.controls.name_single_night(self._single_night if choice == SINGLE_NIGHT else None)
        self.controls.set_custom_visible(choice == "custom")
        self.reload(keep_night=False)
        return self.nights

    def reload(self, keep_night: bool = True) -> None:
        """Re-read the data and redraw every chart built so far, synchronously.

        Args:
            keep_night: keep the timeline on its night; otherwise it moves to
                the range's latest logged night ("Tonight" and "Night of …": that night).
        """
        self._dirty = False
        self._stale_timer.stop()
        tonight = self._tonight()
        cid = self.child_id
        if not cid:
            self._show_no_child(tonight)
            return
        history = self.source.history(cid)
        if self.range_choice == SINGLE_NIGHT:
            custom = (self._single_night, self._single_night)
        else:
            custom = self.controls.custom_nights()
        self.nights = resolve_range(self.range_choice, tonight, history.first_night, custom)
        data = self.source.charts(cid, self.nights)
        self.pages.show_numbers(data)
        if keep_night and self._timeline_loaded and self.range_choice != "tonight":
            night = self.timeline.night
        elif self.range_choice not in ("tonight", SINGLE_NIGHT) and data.latest_logged:
            night = data.latest_logged  # an empty evening helps nobody
        else:
            night = self.nights.last
        self._show_timeline(min(night, tonight), tonight)
        for chart in self.pages.built.values():
            describe(chart)
        self.redrawn.emit()

    def _show_no_child(self, tonight: date) -> None:
        self.nights = NightRange(tonight, tonight)
        self._timeline_loaded = False
        self.pages.show_numbers(None)
        self.timeline.set_empty(True, self.tr(NO_CHILD_TEXT))
        for chart in self.pages.built.values():
            describe(chart)
        self.redrawn.emit()

    def _show_timeline(self, night: date, tonight: date) -> None:
        self.timeline.set_data(self.source.timeline(self.child_id, night))
        self.stepper.set_night(night, tonight)
        self._timeline_loaded = True
        describe(self.timeline)

    def show_night(self, night: date) -> None:
        """Open one night on the timeline (from a click on the trend or the map)."""
        if self._dirty:
            self.reload()
        if self.child_id:
            self._show_timeline(night, self._tonight())
        self.show_page("timeline")

    def repaint_now(self) -> None:
        """Paint the visible chart now (the bench times reload + this)."""
        self.current_chart.graphics.repaint()

    def reset_view(self) -> None:
        self.current_chart.reset_view()

    # --- saving ----------------------------------------------------------------------

    def _child_name(self) -> str | None:
        child = self._ctx.store.child(self.child_id)
        return child.name if child else None

    def _night_shown(self) -> date | None:
        return self.timeline.night if self.current_page == "timeline" else None

    def caption(self) -> str:
        """What a saved picture shows, in words: whose chart, which chart, which nights."""
        title = page_title(self.current_page)
        return saving.caption(self._child_name(), title, self._night_shown(), self.nights)

    def export_png(self, path: Path) -> None:
        """Save the visible chart as a PNG picture, captioned with the child's
        name and the nights. Raises OSError on failure."""
        self.current_chart.export_png(path, self.caption())

    def export_csv(self, path: Path) -> int:
        """Save the visible chart's numbers as CSV; returns the data rows written."""
        return self.current_chart.export_csv(path)

    def _save(self, suffix: str) -> None:
        suggested = saving.suggested_path(
            self._child_name(), self.current_page, self._night_shown(), self.nights, suffix
        )
        saving.save_chart(self, self.current_chart, suffix, suggested, self.caption(), self.notice)

    def _on_png_button_clicked(self) -> None:
        self._save("png")

    def _on_csv_button_clicked(self) -> None:
        self._save("csv")

    # --- children ------------------------------------------------------------------------

    def _fill_children(self) -> None:
        children = ((c.name, c.id) for c in self._ctx.store.children())
        self.controls.fill_children(children, self.child_id)

    def _on_child_combo_activated(self, index: int) -> None:
        if 0 <= index < self.child_combo.count():
            self._ctx.selection.select(self.child_combo.values()[index])

    def _on_selection_child_changed(self, _child_id: str) -> None:
        self._fill_children()
        self._mark_stale()

    # --- live updates and staleness ------------------------------------------------------------

    def _on_bridge_movement_recorded(self, event: MovementRecorded) -> None:
        """The hot path: put the tap on the timeline in place; the rest waits."""
        m = event.movement
        if m.child_id == self.child_id and self._timeline_loaded:
            start_hour = self._ctx.store.settings.night_start_hour
            if night_of(m.at, start_hour) == self.timeline.night:
                local = m.at.utc_ms + m.at.offset_min * 60_000
                x = float(hours_after_start(local, self.timeline.night, start_hour))
                self.timeline.append_movement(x, KIND_CODE[m.kind], event.episode.id)
                describe(self.timeline)
        self._mark_stale()

    def _on_bridge_records_changed(self, _event: object) -> None:
        self._mark_stale()

    def _on_bridge_data_replaced(self, *_event: object) -> None:
        self.source.invalidate()
        self._fill_children()
        self._mark_stale()

    def _mark_stale(self) -> None:
        """Redraw soon if the tab is on screen, else when it is next shown."""
        self._dirty = True
        if self.isVisible():
            self._stale_timer.start()

    def _on_stale_timer_timeout(self) -> None:
        if self._dirty and self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            self._fill_children()
            self.reload()

    # --- controls --------------------------------------------------------------------------

    def _on_range_combo_activated(self, _index: int) -> None:
        choice = self.range_choice
        if choice == SINGLE_NIGHT:
            self.set_range(SINGLE_NIGHT, self.timeline.night)
        elif choice == "custom" and not self.from_date.isVisible():
            last = self.nights.last
            first = max(self.nights.first, last - timedelta(days=29))
            self.set_range("custom", first, last)
        else:
            self.set_range(choice, *self.controls.custom_nights())

    def _on_custom_date_changed(self, _qdate: QDate) -> None:
        if self.range_choice == "custom":
            self.reload(keep_night=False)

    def _on_stepper_night_changed(self, night: date) -> None:
        """Keep the range box true to what is shown: a night inside a range of
        several nights keeps that range; otherwise the range becomes "Tonight"
        or that one night ("Night of …"), and every chart follows."""
        tonight = self._tonight()
        several = self.range_choice not in ("tonight", SINGLE_NIGHT)
        if several and self.nights.contains(night):
            self._show_timeline(night, tonight)
        elif night >= tonight:
            self.set_range("tonight")
        else:
            self.set_range(SINGLE_NIGHT, night)

    def _on_theme_theme_changed(self, _name: str) -> None:
        for chart in self.pages.built.values():
            chart.apply_palette(self._ctx.theme.palette)
        self.notice.apply_palette(self._ctx.theme.palette)
