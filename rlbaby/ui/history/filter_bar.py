"""Which child and which nights the History tab lists."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from rlbaby.store import Store
from rlbaby.ui.context import ChildSelection
from rlbaby.ui.locale_format import weekday_date_format
from rlbaby.ui.widgets.dates import date_of, qdate_of
from rlbaby.ui.widgets.value_combo import ValueCombo

DEFAULT_NIGHTS = 14


class HistoryFilterBar(QWidget):
    """A child picker (following the Log tab's child) and a range of nights.

    Signals:
        changed(): the child or the range changed.
    """

    changed = Signal()

    def __init__(
        self,
        store: Store,
        selection: ChildSelection,
        tonight: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("history_filter_bar")
        self._store = store
        self._selection = selection
        self._tonight = tonight
        self.child: ValueCombo[str] = ValueCombo()
        self.child.setObjectName("history_child")
        self.child.setToolTip(
            self.tr("Whose nights to list (follows the child picked in the Log tab)")
        )
        self.child.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.child.setMinimumContentsLength(6)
        self.child.currentIndexChanged.connect(self._on_child_current_index_changed)
        self.first = QDateEdit()
        self.first.setObjectName("history_from")
        self.last = QDateEdit()
        self.last.setObjectName("history_to")
        self.first.setAccessibleName(self.tr("From night"))
        self.last.setAccessibleName(self.tr("To night"))
        for edit, tip in (
            (self.first, self.tr("The first night listed (nights are named by their evening)")),
            (self.last, self.tr("The last night listed")),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(weekday_date_format())
            edit.setToolTip(tip)
            edit.dateChanged.connect(self._on_date_changed)
        self._quiet = False
        # "To" keeps up with tonight while it shows tonight (the app may stay open for days).
        self._last_follows_tonight = True
        now = tonight()
        self.set_range(now - timedelta(days=DEFAULT_NIGHTS - 1), now)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Child")))
        row.addWidget(self.child)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("Nights from")))
        row.addWidget(self.first)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.last)
        selection.child_changed.connect(self._on_selection_child_changed)
        self.reload_children()

    @property
    def child_id(self) -> str:
        return self.child.value() if self.child.count() else ""

    @property
    def nights(self) -> tuple[date, date]:
        return date_of(self.first.date()), date_of(self.last.date())

    def set_range(self, first: date, last: date) -> None:
        self._quiet = True
        self.first.setDate(qdate_of(first))
        self.last.setDate(qdate_of(last))
        self._quiet = False
        self.changed.emit()

    def include_night(self, night: date) -> bool:
        """Widen "to" for a night newer than it, when "to" was following tonight."""
        first, last = self.nights
        if night > last and self._last_follows_tonight:
            self.set_range(first, night)
            return True
        return first <= night <= last

    def set_child(self, child_id: str) -> None:
        self.child.set_value(child_id)

    def reload_children(self) -> None:
        """Re-list the children (one was added, renamed or removed)."""
        wanted = self.child_id or self._selection.child_id
        self._quiet = True
        self.child.reset((kid.name, kid.id) for kid in self._store.children())
        if not self.child.set_value(wanted) and not self.child.set_value(self._selection.child_id):
            self.child.setCurrentIndex(0 if self.child.count() else -1)
        self._quiet = False
        if self.child_id != wanted:
            self.changed.emit()

    def _on_selection_child_changed(self, child_id: str) -> None:
        if child_id not in self.child.values():
            self.reload_children()
        self.set_child(child_id)

    def _on_child_current_index_changed(self, _i: int) -> None:
        if not self._quiet:
            self.changed.emit()

    def _on_date_changed(self, _d: QDate) -> None:
        if self._quiet:
            return
        if self.first.date() > self.last.date():
            # Keep a valid range: the other end follows the one just moved.
            self._quiet = True
            if self.sender() is self.first:
                self.last.setDate(self.first.date())
            else:
                self.first.setDate(self.last.date())
            self._quiet = False
        self._last_follows_tonight = date_of(self.last.date()) >= self._tonight()
        self.changed.emit()
