"""A quiet line after a delete: what went, and a button to bring it back."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

VISIBLE_MS = 15_000


class HistoryUndoBar(QFrame):
    """Shown for 15 s after a delete (Ctrl+Z works as long as nothing newer happened).

    Signals:
        undo_clicked(): the parent wants the deleted record back.
    """

    undo_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_undo_bar")
        self.setProperty("role", "panel")
        self._undo_label: str | None = None
        self.label = QLabel()
        self.button = QPushButton(self.tr("Undo  (Ctrl+Z)"))
        self.button.setObjectName("history_undo")
        self.button.setToolTip(self.tr("Bring back what was just deleted"))
        self.button.clicked.connect(self._on_button_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(VISIBLE_MS)
        self.timer.timeout.connect(self.hide)
        self.hide()

    def offer(self, text: str, undo_label: str | None) -> None:
        """Show `text`; `undo_label` names the service's undo step the button brings back."""
        self._undo_label = undo_label
        self.label.setText(text)
        self.show()
        self.timer.start()

    def offers(self, undo_label: str | None) -> bool:
        """Whether the service's next undo (`undo_label`) is still the step offered."""
        return undo_label == self._undo_label

    def withdraw_if_stale(self, undo_label: str | None) -> None:
        if self.isVisible() and not self.offers(undo_label):
            self.withdraw()  # something newer would be undone now

    def withdraw(self) -> None:
        self.timer.stop()
        self.hide()

    def _on_button_clicked(self) -> None:
        self.undo_clicked.emit()
