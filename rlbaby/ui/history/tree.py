"""The History tree view: keys a parent expects on a list of records."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget


class HistoryTree(QTreeView):
    """Nights, episodes and movements; Delete deletes, Enter edits.

    Signals:
        delete_requested(): Delete or Backspace on a row.
        edit_requested(): Enter or Return on a row (F2 too).
    """

    delete_requested = Signal()
    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_tree")
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

    def set_column_widths(self, widths: tuple[int, ...]) -> None:
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)

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
