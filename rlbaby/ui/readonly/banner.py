"""The line above the tabs of a read-only second copy: what it is, and why."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from rlbaby.model.i18n import QT_TRANSLATE_NOOP

# "Lead: the rest": the banner shows the lead big and the rest beside it (a
# translation keeps the first ": ").
FOLLOWING_TEXT = QT_TRANSLATE_NOOP(
    "ReadOnlyBanner",
    "Read-only: another copy of rlbaby is logging to this folder. "
    "You can look, but not log. This view follows the other copy.",
)
WRITER_GONE_TEXT = QT_TRANSLATE_NOOP(
    "ReadOnlyBanner",
    "Read-only: the other copy closed. Nothing more will change here. Reopen to log?",
)


class ReadOnlyBanner(QFrame):
    """Shown on every tab of a copy that opened its folder read-only.

    Signals:
        reopen_requested(): the writer closed and the parent wants to log here.
    """

    reopen_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readonly_banner")
        self.setProperty("role", "panel")
        self.text = QLabel()
        self.text.setObjectName("readonly_text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.lead = QLabel(self.tr("Read-only"))  # the words a glance catches first
        self.lead.setObjectName("readonly_lead")
        self.lead.setProperty("role", "big")
        self.reopen = QPushButton(self.tr("Reopen to log"))
        self.reopen.setObjectName("readonly_reopen")
        self.reopen.setToolTip(self.tr("Close this read-only view and open the folder for logging"))
        self.reopen.clicked.connect(self.reopen_requested)
        self.reopen.hide()
        self.message = ""  # all the banner says, lead included
        self.show_writer_gone(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.lead)
        row.addWidget(self.text, 1)
        row.addWidget(self.reopen)

    def show_writer_gone(self, gone: bool) -> None:
        """The writing copy closed (True) or is back (False)."""
        self.message = self.tr(WRITER_GONE_TEXT if gone else FOLLOWING_TEXT)
        self.text.setText(self.message.partition(": ")[2] or self.message)
        self.setAccessibleDescription(self.message)
        self.reopen.setVisible(gone)
