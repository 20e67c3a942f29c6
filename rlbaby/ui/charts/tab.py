"""The Charts tab: the chosen child's nights as six charts, for one range of nights.

Charts: the night timeline (live while logging), gaps between movements, the
nights trend, the night map, the episode-detail breakdowns and what was tried
to soothe. Data is read
and summarised once per range or data change (ChartSource), never per repaint;
edits mark the charts stale and they are redrawn when the tab is next seen.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rlbaby.analysis.chart_data import (
    hours_after_start,
)
from rlbaby.analysis.ranges import SINGLE_NIGHT, NightRange, resolve_range
from rlbaby.model import night_of
from rlbaby.model.arrays import KIND_CODE
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.services import MovementRecorded
from rlbaby.services.charts import ChartSource
from rlbaby.ui.charts.base import ChartWidget
from rlbaby.ui.charts.breakdown_chart import BreakdownChart
from rlbaby.ui.charts.interval_chart import IntervalChart
from rlbaby.ui.charts.night_map_chart import NightMapChart
from rlbaby.ui.charts.night_stepper import NightStepper
from rlbaby.ui.charts.save_notice import SaveNotice
from rlbaby.ui.charts.soothing_chart import SoothingChart
from rlbaby.ui.charts.spoken import describe, name
from rlbaby.ui.charts.timeline_chart import TimelineChart
from rlbaby.ui.charts.trend_chart import TrendChart
from rlbaby.ui.charts.words import RANGE_CHOICES
from rlbaby.ui.context import UiContext
from rlbaby.ui.dialogs.common import save_path
from rlbaby.ui.i18n import tr_marked
from rlbaby.ui.locale_format import date_format, format_date, format_night
from rlbaby.ui.widgets.dates import date_of, qdate_of
from rlbaby.ui.widgets.value_combo import ValueCombo

PAGES = {
    "timeline": QT_TRANSLATE_NOOP("ChartsTab", "Night timeline"),
    "intervals": QT_TRANSLATE_NOOP("ChartsTab", "Gaps between movements"),
    "trend": QT_TRANSLATE_NOOP("ChartsTab", "Nights over time"),
    "map": QT_TRANSLATE_NOOP("ChartsTab", "Night map"),
    "details": QT_TRANSLATE_NOOP("ChartsTab", "Episode details"),
    "soothing": QT_TRANSLATE_NOOP("ChartsTab", "Soothing"),
}
STALE_REDRAW_MS = 400  # coalesce a burst of edits into one redraw
NO_CHILD_TEXT = QT_TRANSLATE_NOOP(
    "ChartsTab", "Add your child on the Log tab first; the charts fill in as you log."
)


class ChartsTab(QWidget):
    """All charts of the chosen child over the chosen range of nights.

    Signals:
        redrawn(): every chart now shows the current child, range and data
            (emitted at the end of `reload`, synchronously).
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
        palette = ctx.theme.palette
        start_hour = ctx.store.settings.night_start_hour

        self.child_combo: ValueCombo[str] = ValueCombo()
        self.child_combo.setObjectName("charts_child")
        self.child_combo.setToolTip(self.tr("Whose charts to show"))
        self.child_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.child_combo.activated.connect(self._on_child_combo_activated)
        self.range_combo: ValueCombo[str] = ValueCombo(
            (tr_marked("Charts", text), key) for key, text in RANGE_CHOICES.items()
        )
        self.range_combo.setObjectName("charts_range")
        self.range_combo.setToolTip(self.tr("Which nights the charts cover"))
        self.range_combo.set_value("30")
        self.range_combo.activated.connect(self._on_range_combo_activated)
        self.from_date = QDateEdit()
        self.to_date = QDateEdit()
        self.from_date.setAccessibleName(self.tr("From night"))
        self.to_date.setAccessibleName(self.tr("To night"))
        for edit, tip in (
            (self.from_date, self.tr("First night")),
            (self.to_date, self.tr("Last night")),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format())
            edit.setToolTip(tip)
            edit.dateChanged.connect(self._on_custom_date_changed)
        self.from_label = QLabel(self.tr("from"))
        self.to_label = QLabel(self.tr("to"))
        self.reset_button = QPushButton(self.tr("Reset view"))
        self.reset_button.setObjectName("charts_reset")
        self.reset_button.setToolTip(
            self.tr("Undo zooming and panning (mouse wheel zooms, drag pans)")
        )
        self.reset_button.clicked.connect(self.reset_view)
        self.png_button = QPushButton(self.tr("Save picture…"))
        self.png_button.setObjectName("charts_save_png")
        self.png_button.setToolTip(self.tr("Save the chart you see as a PNG picture"))
        self.png_button.clicked.connect(self._on_png_button_clicked)
        self.csv_button = QPushButton(self.tr("Save numbers…"))
        self.csv_button.setObjectName("charts_save_csv")
        self.csv_button.setToolTip(self.tr("Save the numbers behind this chart as a CSV table"))
        self.csv_button.clicked.connect(self._on_csv_button_clicked)

        self.timeline = TimelineChart(palette, start_hour)
        self.intervals = IntervalChart(palette, ctx.store.settings.rule.interval_s)
        self.trend = TrendChart(palette)
        self.night_map = NightMapChart(palette, start_hour)
        self.details = BreakdownChart(palette)
        self.soothing = SoothingChart(palette)
        self.charts: dict[str, ChartWidget] = {
            "timeline": self.timeline,
            "intervals": self.intervals,
            "trend": self.trend,
            "map": self.night_map,
            "details": self.details,
            "soothing": self.soothing,
        }
        self.stepper = NightStepper()
        self.stepper.night_changed.connect(self._on_stepper_night_changed)
        self.trend.night_chosen.connect(self.show_night)
        self.night_map.night_chosen.connect(self.show_night)

        self.stack = QStackedWidget()
        self.page_buttons: dict[str, QPushButton] = {}
        self._page_group = QButtonGroup(self)
        self._page_group.setExclusive(True)
        pages = QHBoxLayout()
        for key, text in PAGES.items():
            b = QPushButton(self.tr(text))
            b.setObjectName(f"chart_page_{key}")
            b.setAccessibleDescription(self.tr("Show this chart below"))
            name(self.charts[key], self.tr(text))
            b.setCheckable(True)
            b.setProperty("chip", True)
            b.clicked.connect(lambda _c=False, k=key: self.show_page(k))
            self._page_group.addButton(b)
            pages.addWidget(b)
            self.page_buttons[key] = b
            if key == "timeline":
                page = QWidget()
                lay = QVBoxLayout(page)
                lay.setContentsMargins(0, 0, 0, 0)
                lay.addWidget(self.stepper)
                lay.addWidget(self.timeline, 1)
                self.stack.addWidget(page)
            else:
                self.stack.addWidget(self.charts[key])
        pages.addStretch(1)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Charts for")))
        top.addWidget(self.child_combo)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Nights:")))
        top.addWidget(self.range_combo)
        for w in (self.from_label, self.from_date, self.to_label, self.to_date):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.reset_button)
        top.addWidget(self.png_button)
        top.addWidget(self.csv_button)
        self.notice = SaveNotice(palette)
        root = QVBoxLayout(self)
        root.addLayout(top)
        root.addLayout(pages)
        root.addWidget(self.stack, 1)
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

        self._set_custom_visible(False)
        self._fill_children()
        self.show_page("timeline")

    # --- what is shown --------------------------------------------------------------

    @property
    def child_id(self) -> str:
        return self._ctx.selection.child_id

    @property
    def range_choice(self) -> str:
        return self.range_combo.value()

    @property
    def current_page(self) -> str:
        return next(k for k, b in self.page_buttons.items() if b.isChecked())

    def current_page_or_none(self) -> str | None:
        return next((k for k, b in self.page_buttons.items() if b.isChecked()), None)

    @property
    def current_chart(self) -> ChartWidget:
        return self.charts[self.current_page]

    def _tonight(self) -> date:
        return night_of(self._ctx.clock(), self._ctx.store.settings.night_start_hour)

    def show_page(self, key: str) -> None:
        if key != self.current_page_or_none():
            self.notice.clear()  # "saved to …" spoke of the page left behind
        self.page_buttons[key].setChecked(True)
        index = list(PAGES).index(key)
        self.stack.setCurrentIndex(index)

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
            for edit, d in ((self.from_date, first), (self.to_date, last)):
                edit.blockSignals(True)
                edit.setDate(qdate_of(d))
                edit.blockSignals(False)
        self.range_combo.set_value(choice)
        self._name_single_night()
        self._set_custom_visible(choice == "custom")
        self.reload(keep_night=False)
        return self.nights

    def _name_single_night(self) -> None:
        """The "one night" entry names its night while it is the range shown."""
        i = self.range_combo.values().index(SINGLE_NIGHT)
        if self.range_choice == SINGLE_NIGHT:
            n = self._single_night
            self.range_combo.setItemText(i, self.tr("Night of {date}").format(date=format_night(n)))
        else:
            self.range_combo.setItemText(i, tr_marked("Charts", RANGE_CHOICES[SINGLE_NIGHT]))

    def _set_custom_visible(self, visible: bool) -> None:
        for w in (self.from_label, self.from_date, self.to_label, self.to_date):
            w.setVisible(visible)

    def reload(self, keep_night: bool = True) -> None:
        """Re-read the data and redraw every chart, synchronously.

        Args:
            keep_night: keep the timeline on its night; otherwise it moves to
                the last night of the range.
        """
        self._dirty = False
        self._stale_timer.stop()
        settings = self._ctx.store.settings
        tonight = self._tonight()
        cid = self.child_id
        if not cid:
            self._show_no_child(tonight)
            return
        history = self.source.history(cid)
        if self.range_choice == SINGLE_NIGHT:
            custom = (self._single_night, self._single_night)
        else:
            custom = (date_of(self.from_date.date()), date_of(self.to_date.date()))
        self.nights = resolve_range(self.range_choice, tonight, history.first_night, custom)
        data = self.source.charts(cid, self.nights)
        self.intervals.set_data(data.intervals_s, settings.rule.interval_s)
        self.trend.set_data(data.trend)
        self.night_map.set_data(data.night_map)
        self.details.set_data(data.details)
        self.soothing.set_data(data.soothing)
        if keep_night and self._timeline_loaded and self.range_choice != "tonight":
            night = self.timeline.night
        elif self.range_choice not in ("tonight", SINGLE_NIGHT) and data.latest_logged:
            # An empty evening helps nobody: open the range's latest logged night.
            night = data.latest_logged
        else:
            night = self.nights.last
        self._show_timeline(min(night, tonight), tonight)
        for chart in self.charts.values():
            describe(chart)
        self.redrawn.emit()

    def _show_no_child(self, tonight: date) -> None:
        self.nights = NightRange(tonight, tonight)
        self._timeline_loaded = False
        for chart in self.charts.values():
            chart.set_empty(True, self.tr(NO_CHILD_TEXT))
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

    # --- export ----------------------------------------------------------------------

    def caption(self) -> str:
        """What a saved picture shows, in words: whose chart, which chart, which nights."""
        child = self._ctx.store.child(self.child_id)
        name = child.name if child else self.tr("No child")
        if self.current_page == "timeline":
            n = self.timeline.night
            when = self.tr("night of {date}").format(date=format_date(n, weekday=True))
        elif self.nights.nights == 1:
            n = self.nights.first
            when = self.tr("night of {date}").format(date=format_date(n, weekday=True))
        else:
            a, b = self.nights.first, self.nights.last
            when = self.tr("nights {first} to {last}").format(
                first=format_date(a), last=format_date(b)
            )
        return f"{name} · {self.tr(PAGES[self.current_page])} · {when}"

    def export_png(self, path: Path) -> None:
        """Save the visible chart as a PNG picture, captioned with the child's
        name and the nights. Raises OSError on failure."""
        self.current_chart.export_png(path, self.caption())

    def export_csv(self, path: Path) -> int:
        """Save the visible chart's numbers as CSV; returns the data rows written."""
        return self.current_chart.export_csv(path)

    def _suggested_name(self, suffix: str) -> Path:
        child = self._ctx.store.child(self.child_id)
        name = (child.name if child else "child").strip().replace(" ", "-").lower()
        if self.current_page == "timeline":
            when = self.timeline.night.isoformat()
        else:
            when = f"{self.nights.first.isoformat()}-to-{self.nights.last.isoformat()}"
        return Path.home() / f"rlbaby-{name}-{self.current_page}-{when}.{suffix}"

    def _save(self, what: str, title: str, filters: str, suffix: str) -> None:
        picked = save_path(self, title, filters, self._suggested_name(suffix))
        if picked is None:
            return
        path = picked[0] if picked[0].suffix else picked[0].with_suffix(f".{suffix}")
        try:
            if suffix == "png":
                self.export_png(path)
            else:
                self.export_csv(path)
        except OSError as exc:
            logging.getLogger(__name__).warning("chart %s not saved to %s: %s", suffix, path, exc)
            self.notice.not_saved(what, path, exc)
        else:
            self.notice.saved(what, path)

    def _on_png_button_clicked(self) -> None:
        self._save(
            self.tr("Picture"),
            self.tr("Save chart as picture"),
            self.tr("PNG pictures (*.png)"),
            "png",
        )

    def _on_csv_button_clicked(self) -> None:
        self._save(
            self.tr("Numbers"), self.tr("Save chart numbers"), self.tr("CSV tables (*.csv)"), "csv"
        )

    # --- children ------------------------------------------------------------------------

    def _fill_children(self) -> None:
        self.child_combo.reset((c.name, c.id) for c in self._ctx.store.children())
        blocked = self.child_combo.blockSignals(True)
        if not self.child_combo.set_value(self.child_id) and self.child_combo.count():
            self.child_combo.setCurrentIndex(0)
        self.child_combo.blockSignals(blocked)
        self.child_combo.setEnabled(self.child_combo.count() > 1)

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
            self.set_range(choice, date_of(self.from_date.date()), date_of(self.to_date.date()))

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
        for chart in self.charts.values():
            chart.apply_palette(self._ctx.theme.palette)
        self.notice.apply_palette(self._ctx.theme.palette)
