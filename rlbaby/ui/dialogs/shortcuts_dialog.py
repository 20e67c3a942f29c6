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

from rlbaby.model.i18n import QT_TRANSLATE_NOOP

# Marked for lupdate; the dialog shows them through self.tr.
SHORTCUTS: list[tuple[str, str]] = [
    ("", QT_TRANSLATE_NOOP("ShortcutsDialog", "On the Log tab (single keys act only there):")),
    (
        "Enter",
        QT_TRANSLATE_NOOP(
            "ShortcutsDialog", "Log a movement now, wherever the focus is on the Log tab"
        ),
    ),
    (
        "Space",
        QT_TRANSLATE_NOOP(
            "ShortcutsDialog",
            "Log a movement now, on the tap target (a button reached with Tab takes Space "
            "itself; in the episode details it ticks the chip in focus)",
        ),
    ),
    (
        "Tab / Shift+Tab",
        QT_TRANSLATE_NOOP(
            "ShortcutsDialog", "Move through every control (Escape: back to the tap target)"
        ),
    ),
    (
        "1 / 2 / 3 / 4",
        QT_TRANSLATE_NOOP(
            "ShortcutsDialog",
            "Kick / jerk or twitch / stretch / stiffening: labels the tap of the last 5 s, "
            "or logs a new one",
        ),
    ),
    ("E", QT_TRANSLATE_NOOP("ShortcutsDialog", "The baby settled: end the episode")),
    ("A", QT_TRANSLATE_NOOP("ShortcutsDialog", "Open the episode details and move into them")),
    (
        "Escape",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Leave the episode details, back to the tap target"),
    ),
    ("S", QT_TRANSLATE_NOOP("ShortcutsDialog", "Asleep / awake")),
    ("C", QT_TRANSLATE_NOOP("ShortcutsDialog", "Switch to the next child")),
    ("N", QT_TRANSLATE_NOOP("ShortcutsDialog", "Night / day theme")),
    ("", QT_TRANSLATE_NOOP("ShortcutsDialog", "Anywhere:")),
    ("Ctrl+Shift+N", QT_TRANSLATE_NOOP("ShortcutsDialog", "Night / day theme")),
    ("Alt+1 … Alt+9", QT_TRANSLATE_NOOP("ShortcutsDialog", "Log for the first … ninth child")),
    (
        "Ctrl+E",
        QT_TRANSLATE_NOOP(
            "ShortcutsDialog", "Edit the child being logged (name, birth date, health notes)"
        ),
    ),
    ("Ctrl+Z", QT_TRANSLATE_NOOP("ShortcutsDialog", "Undo")),
    ("Ctrl+Shift+Z", QT_TRANSLATE_NOOP("ShortcutsDialog", "Redo")),
    ("Ctrl+1 … Ctrl+4", QT_TRANSLATE_NOOP("ShortcutsDialog", "Log, Charts, Guide, History tabs")),
    ("Ctrl+F", QT_TRANSLATE_NOOP("ShortcutsDialog", "Search the guide")),
    ("Ctrl++ / Ctrl+-", QT_TRANSLATE_NOOP("ShortcutsDialog", "Larger / smaller text")),
    ("F1", QT_TRANSLATE_NOOP("ShortcutsDialog", "This list")),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("ShortcutsDialog", "Quit")),
]


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        table = QTableWidget(len(SHORTCUTS), 2)
        table.setObjectName("shortcuts_table")
        table.setAccessibleName(self.tr("Keyboard shortcuts"))
        table.setAccessibleDescription(self.tr("One key a row, and what it does"))
        table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("What it does")])
        table.verticalHeader().hide()
        for r, (key, what) in enumerate(SHORTCUTS):
            table.setItem(r, 0, QTableWidgetItem(key))
            table.setItem(r, 1, QTableWidgetItem(self.tr(what) if what else ""))
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
