"""A calm, clear notice shown at once when an urgent sign is logged.

Its words come from the guide (08-urgent-signs.md), so there is one text to keep right.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rlbaby.content import Guide

URGENT_SLUG = "urgent-signs"


def urgent_markdown(guide: Guide) -> str:
    section = guide.section(URGENT_SLUG)
    now = section.subsection("Seek medical help now")
    tell = section.subsection("What to tell the doctor")
    return f"### Seek medical help now\n\n{now}\n\n### What to tell the doctor\n\n{tell}"


class UrgentNotice(QFrame):
    """Signals:
    dismissed(): the parent closed the notice.
    guide_requested(str): open this guide section.
    """

    dismissed = Signal()
    guide_requested = Signal(str)

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("urgent_notice")
        self.setProperty("role", "urgent")
        layout = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setObjectName("urgent_text")
        self.text.setTextFormat(Qt.TextFormat.MarkdownText)
        self.text.setWordWrap(True)
        self.text.setText(urgent_markdown(guide))
        layout.addWidget(self.text)
        row = QHBoxLayout()
        more = QPushButton("Read more in the guide")
        more.clicked.connect(lambda: self.guide_requested.emit(URGENT_SLUG))
        close = QPushButton("Close")
        close.clicked.connect(self._on_close_clicked)
        row.addWidget(more)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.hide()

    def _on_close_clicked(self) -> None:
        self.hide()
        self.dismissed.emit()
