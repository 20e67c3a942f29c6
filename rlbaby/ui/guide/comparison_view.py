"""The heart of the Guide tab: the selected child's log beside the guide's table.

Recomputing is cheap (a few ms for 90 nights) but not free, so changes to the
log only mark the view dirty; it recomputes when it is shown.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rlbaby.analysis.comparison import (
    Comparison,
)
from rlbaby.analysis.guide_table import (
    DISCLAIMER,
    ENOUGH_RULE,
)
from rlbaby.model import night_of
from rlbaby.services.insights import comparison_for, last_n_nights
from rlbaby.ui.context import UiContext
from rlbaby.ui.emergency import shown_emergency_number
from rlbaby.ui.guide.comparison_table import ComparisonTable
from rlbaby.ui.guide.urgent_list import UrgentList
from rlbaby.ui.i18n import Plurals, tr_marked
from rlbaby.ui.locale_format import format_date, format_day_month
from rlbaby.ui.widgets.value_combo import ValueCombo

NIGHT_CHOICES = (7, 14, 30, 90)
DEFAULT_NIGHTS = 14
TABLE_SLUG = "normal-or-concerning"


def range_text(first: date, last: date) -> str:
    """'10 Nov to 23 Nov' (the nights are labelled by their evening)."""
    return QCoreApplication.translate("ComparisonView", "Nights of {first} to {last}").format(
        first=format_day_month(first), last=format_date(last)
    )


class ComparisonView(QScrollArea):
    """Signals:
    guide_requested(str): open this guide section.
    """

    guide_requested = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparison_view")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._ctx = ctx
        self.dirty = True
        self.comparison: Comparison | None = None
        self.nights_range: tuple[date, date] | None = None

        body = QWidget()
        body.setObjectName("comparison_body")
        box = QVBoxLayout(body)
        box.setContentsMargins(18, 14, 18, 14)
        box.setSpacing(10)

        head = QHBoxLayout()
        self.title = QLabel(self.tr("Your log beside the guide"))
        self.title.setObjectName("comparison_title")
        self.title.setProperty("role", "big")
        self.nights: ValueCombo[int] = ValueCombo()
        self.nights.setObjectName("comparison_nights")
        self.nights.setToolTip(self.tr("How many of the latest nights to look at"))
        for n in NIGHT_CHOICES:
            self.nights.add(self.tr("Last {n} nights").format(n=n), n)
        self.nights.setCurrentIndex(NIGHT_CHOICES.index(DEFAULT_NIGHTS))
        self.nights.currentIndexChanged.connect(self._on_nights_changed)
        head.addWidget(self.title, 1)
        head.addWidget(self.nights)
        box.addLayout(head)

        self.summary = QLabel()
        self.summary.setObjectName("comparison_summary")
        self.summary.setProperty("role", "dim")
        self.summary.setWordWrap(True)
        box.addWidget(self.summary)

        self.not_enough = QLabel(ENOUGH_RULE)
        self.not_enough.setObjectName("comparison_not_enough")
        self.not_enough.setWordWrap(True)
        self.not_enough.hide()
        box.addWidget(self.not_enough)

        self.disclaimer = QLabel(tr_marked("Comparison", DISCLAIMER))
        self.disclaimer.setObjectName("comparison_disclaimer")
        self.disclaimer.setWordWrap(True)
        box.addWidget(self.disclaimer)

        self.urgent = UrgentList()
        self.urgent.guide_requested.connect(self.guide_requested)
        box.addWidget(self.urgent)

        self.table = ComparisonTable()
        box.addWidget(self.table)

        hint = QLabel(
            self.tr(
                "Look at the rows together rather than one on its own. "
                "Hover over a row to see how it is read."
            )
        )
        hint.setProperty("role", "dim")
        hint.setWordWrap(True)
        read = QPushButton(self.tr("Read the guide's page on this table"))
        read.setObjectName("comparison_read")
        read.clicked.connect(lambda: self.guide_requested.emit(TABLE_SLUG))
        foot = QHBoxLayout()
        foot.addWidget(hint, 1)
        foot.addWidget(read)
        box.addLayout(foot)
        box.addStretch(1)
        self.setWidget(body)

        ctx.selection.child_changed.connect(self._on_selection_child_changed)
        ctx.bridge.records_changed.connect(self._on_bridge_changed)
        ctx.bridge.movement_recorded.connect(self._on_bridge_changed)
        ctx.bridge.data_replaced.connect(self._on_bridge_changed)
        ctx.bridge.settings_changed.connect(self._on_bridge_changed)

    @property
    def night_count(self) -> int:
        return self.nights.value()

    def set_night_count(self, n: int) -> None:
        self.nights.setCurrentIndex(NIGHT_CHOICES.index(n))

    # --- refreshing ----------------------------------------------------------

    def mark_dirty(self) -> None:
        """The log changed: recompute now if shown, else when next shown."""
        self.dirty = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        store = self._ctx.store
        child_id = self._ctx.selection.child_id
        self.dirty = False
        child = store.child(child_id) if child_id else None
        if child is None:
            self.comparison = None
            self.nights_range = None
            self.title.setText(self.tr("Your log beside the guide"))
            self.summary.setText(
                self.tr("Add a child on the Log tab, and your log will show here.")
            )
            self.urgent.set_entries(())
            self.table.set_rows(())
            self.table.hide()
            self.not_enough.hide()
            return
        now = self._ctx.clock()
        today = night_of(now, store.settings.night_start_hour)
        first, last = last_n_nights(store, child_id, self.night_count, today)
        c = comparison_for(store, child_id, first, last, now.utc_ms)
        self.comparison = c
        self.nights_range = (first, last)
        self.title.setText(self.tr("{name}'s log beside the guide").format(name=child.name))
        self.summary.setText(
            self.tr("{range}: %n logged, {episodes}.", "", c.nights).format(
                range=range_text(first, last), episodes=Plurals().episodes(c.episodes)
            )
        )
        self.not_enough.setText(self.tr("Not enough logged yet.") + f" {ENOUGH_RULE}")
        self.not_enough.setHidden(c.enough)
        self.urgent.set_entries(c.urgent, shown_emergency_number(self._ctx.store.settings))
        self.table.set_rows(c.rows)
        self.table.show()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.dirty:
            self.refresh()

    def _on_nights_changed(self, _index: int) -> None:
        self.mark_dirty()

    def _on_selection_child_changed(self, _child_id: str) -> None:
        self.mark_dirty()

    def _on_bridge_changed(self, *_args: object) -> None:
        self.mark_dirty()
