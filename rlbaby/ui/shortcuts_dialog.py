"""Help > Keyboard shortcuts: every key the app answers to."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

SHORTCUTS: list[tuple[str, str]] = [
    ("", "On the Log tab (single keys act only there):"),
    ("Enter", "Log a movement now, wherever the focus is on the Log tab"),
    ("Space", "Log a movement now (in the episode details: ticks the chip in focus)"),
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
        table.setHorizontalHeaderLabels(["Key", "What it does"])
        table.verticalHeader().hide()
        for r, (key, what) in enumerate(SHORTCUTS):
            table.setItem(r, 0, QTableWidgetItem(key))
            table.setItem(r, 1, QTableWidgetItem(what))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(640, 460)

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> None:
        cls(parent).exec()
