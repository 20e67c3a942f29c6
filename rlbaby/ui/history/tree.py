"""The History tree view: keys a parent expects on a list of records, the
selection and expansion kept by record key across reloads, and column widths
that fit the locale's longest texts."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from rlbaby.model import MovementKind
from rlbaby.ui.history.model import HistoryModel
from rlbaby.ui.i18n import tr_label
from rlbaby.ui.locale_format import format_night, format_time


class HistoryTree(QTreeView):
    """Nights, episodes and movements; Delete deletes, Enter edits.

    Signals:
        delete_requested(): Delete or Backspace on a row.
        edit_requested(): Enter or Return on a row (F2 too).
    """

    delete_requested = Signal()
    edit_requested = Signal()

    def __init__(self, model: HistoryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_tree")
        self._model = model
        self.setAccessibleName(self.tr("Nights"))
        self.setAccessibleDescription(
            self.tr(
                "Each night with its episodes, movements and sleep. Enter edits, Delete deletes."
            )
        )
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAllColumnsShowFocus(True)
        self.header().setStretchLastSection(True)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setModel(model)
        self.fit_columns()

    def set_column_widths(self, widths: tuple[int, ...]) -> None:
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)

    def fit_columns(self) -> None:
        """Size When and What for the longest text each level shows, at this text size."""
        # A tree never shown yet has the platform's font, not the theme's: at
        # 150 % text the columns would be sized for 100 % and cut the dates off.
        self.ensurePolished()
        fm = self.fontMetrics()
        bold_font = self.font()
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        step = self.indentation()
        pad = 24  # the branch arrow's room and the cell padding
        # The widest texts in the locale's own format ("Wed, Nov 30", "10:58 PM").
        late = time(22, 58, 58)
        when = max(
            *(bold.horizontalAdvance(format_night(date(2026, 11, d))) for d in range(23, 30)),
            step + fm.horizontalAdvance(f"{format_time(late)}–{format_time(late)}"),
            2 * step + fm.horizontalAdvance(format_time(late, seconds=True)),
        )
        kinds = [tr_label(k).capitalize() for k in MovementKind]
        words = [QCoreApplication.translate("HistoryModel", w) for w in ("Episode", "Asleep")]
        what = max(
            bold.horizontalAdvance(QCoreApplication.translate("HistoryModel", "Night")),
            *(fm.horizontalAdvance(w) for w in (*words, *kinds)),
        )
        self.set_column_widths((step + when + pad, what + pad))

    # --- selection and expansion, by record key ------------------------------------

    def expanded_keys(self) -> set[str]:
        """The nights and episodes shown open (to open them again after a reload)."""
        model = self._model
        keys: set[str] = set()
        for row in range(model.rowCount()):
            night = model.index(row, 0)
            if not self.isExpanded(night):
                continue
            keys.add(model.key(night) or "")
            for sub in range(model.rowCount(night)):
                child = model.index(sub, 0, night)
                if self.isExpanded(child):
                    keys.add(model.key(child) or "")
        return keys

    def expand_keys(self, keys: set[str]) -> None:
        for key in keys:
            index = self._model.index_of_key(key)
            if index.isValid():
                self.expand(index)

    def select_key(self, key: str) -> bool:
        """Select (and reveal) the row showing `key`. Returns False when it is not listed."""
        index = self._model.index_of_key(key)
        if not index.isValid():
            return False
        parent = index.parent()
        while parent.isValid():
            self.expand(parent)
            parent = parent.parent()
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def select_first_key(self, keys: list[str | None]) -> None:
        """Select the first of `keys` still listed (where to go after a delete)."""
        for key in keys:
            if key is not None and self.select_key(key):
                break

    def keys_near(self, index: QModelIndex) -> list[str | None]:
        """Where the selection goes when `index` goes: the row below, else
        above, else the parent."""
        model = self._model
        parent = index.parent()
        rows = model.rowCount(parent)
        near = [model.index(r, 0, parent) for r in (index.row() + 1, index.row() - 1)]
        keys = [model.key(i) for i in near if 0 <= i.row() < rows and i.isValid()]
        keys.append(model.key(parent))
        return keys

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_requested.emit()
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.edit_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
