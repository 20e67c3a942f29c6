"""Earlier / later night buttons and a date pick, above the night timeline."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from rlbaby.ui.locale_format import weekday_date_format
from rlbaby.ui.widgets.dates import date_of, qdate_of


class NightStepper(QWidget):
    """Moves the timeline to another night; never past `latest` (tonight).

    Signals:
        night_changed(object): the newly chosen night (a date), from a button or the date pick.
    """

    night_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._night = date.today()
        self._latest = date.today()
        self.earlier = QPushButton(self.tr("◀ Earlier night"))
        self.earlier.setObjectName("night_earlier")
        self.earlier.setToolTip(self.tr("Show the night before"))
        self.later = QPushButton(self.tr("Later night ▶"))
        self.later.setObjectName("night_later")
        self.later.setToolTip(self.tr("Show the night after"))
        self.latest = QPushButton(self.tr("Tonight"))
        self.latest.setObjectName("night_latest")
        self.latest.setToolTip(self.tr("Show the current night"))
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("night_date")
        self.date_edit.setAccessibleName(self.tr("Night of"))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(weekday_date_format())
        self.date_edit.setToolTip(self.tr("The night that starts on this evening"))
        for b in (self.earlier, self.later, self.latest):
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.earlier.clicked.connect(lambda: self._step(-1))
        self.later.clicked.connect(lambda: self._step(1))
        self.latest.clicked.connect(lambda: self._choose(self._latest))
        self.date_edit.dateChanged.connect(self._on_date_edit_date_changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.earlier)
        row.addWidget(QLabel(self.tr("Night of")))
        row.addWidget(self.date_edit)
        row.addWidget(self.later)
        row.addWidget(self.latest)
        row.addStretch(1)
        self.set_night(self._night, self._latest)

    @property
    def night(self) -> date:
        return self._night

    def set_night(self, night: date, latest: date | None = None) -> None:
        """Show `night` without announcing it (the caller already knows)."""
        if latest is not None:
            self._latest = latest
        self._night = min(night, self._latest)
        self.date_edit.blockSignals(True)
        self.date_edit.setMaximumDate(qdate_of(self._latest))
        self.date_edit.setDate(qdate_of(self._night))
        self.date_edit.blockSignals(False)
        self.later.setEnabled(self._night < self._latest)
        self.latest.setEnabled(self._night != self._latest)

    def _step(self, days: int) -> None:
        self._choose(self._night + timedelta(days=days))

    def _choose(self, night: date) -> None:
        night = min(night, self._latest)
        if night == self._night:
            return
        self.set_night(night)
        self.night_changed.emit(self._night)

    def _on_date_edit_date_changed(self, qdate: QDate) -> None:
        self._choose(date_of(qdate))
