"""Help > Keyboard shortcuts: every key the app answers to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

SHORTCUTS: list[tuple[str, str]] = [
    ("", "On the Log tab (single keys act only there):"),
    ("Enter", "Log a movement now, wherever the focus is on the Log tab"),
    (
        "Space",
        "Log a movement now, on the tap target (a button reached with Tab takes Space "
        "itself; in the episode details it ticks the chip in focus)",
    ),
    ("Tab / Shift+Tab", "Move through every control (Escape: back to the tap target)"),
    (
        "1 / 2 / 3 / 4",
        "Kick / jerk or twitch / stretch / stiffening: labels the tap of the last 5 s, "
        "or logs a new one",
    ),
    ("E", "The baby settled: end the episode"),
    ("A", "Open the episode details and move into them"),
    ("Escape", "Leave the episode details, back to the tap target"),
    ("S", "Asleep / awake"),
    ("C", "Switch to the next child"),
    ("N", "Night / day theme"),
    ("", "Anywhere:"),
    ("Ctrl+Shift+N", "Night / day theme"),
    ("Alt+1 … Alt+9", "Log for the first … ninth child"),
    ("Ctrl+E", "Edit the child being logged (name, birth date, health notes)"),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z", "Redo"),
    ("Ctrl+1 … Ctrl+4", "Log, Charts, Guide, History tabs"),
    ("Ctrl+F", "Search the guide"),
    ("Ctrl++ / Ctrl+-", "Larger / smaller text"),
    ("F1", "This list"),
    ("Ctrl+Q", "Quit"),
]


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle("Keyboard shortcuts")
        table = QTableWidget(len(SHORTCUTS), 2)
        table.setObjectName("shortcuts_table")
        table.setAccessibleName(self.tr("Keyboard shortcuts"))
        table.setAccessibleDescription(self.tr("One key a row, and what it does"))
        table.setHorizontalHeaderLabels(["Key", "What it does"])
        table.verticalHeader().hide()
        for r, (key, what) in enumerate(SHORTCUTS):
            table.setItem(r, 0, QTableWidgetItem(key))
            table.setItem(r, 1, QTableWidgetItem(what))
        # Long descriptions wrap inside the window instead of running off its
        # edge; rows grow to fit them, and the list scrolls if the screen is short.
        table.setWordWrap(True)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self._fit_screen()

    def _fit_screen(self) -> None:
        """About 60 characters of description wide and every row tall, within the screen."""
        self.table.ensurePolished()  # the theme's text size, not the platform's
        fm = self.table.fontMetrics()
        key_width = max(fm.horizontalAdvance(k) for k, _ in SHORTCUTS) + 24
        width = key_width + 60 * fm.averageCharWidth() + 48
        height = (len(SHORTCUTS) + 2) * (fm.lineSpacing() + 12) + 80
        screen = (self.parentWidget() or self).screen().availableGeometry()
        self.resize(min(width, screen.width() - 16), min(height, screen.height() - 48))
        self.setMaximumSize(screen.width() - 16, screen.height() - 48)

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> None:
        cls(parent).exec()
