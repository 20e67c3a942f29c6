"""Red flags found in the log, listed above the comparison, each with its night.

They are never only weighed in the table: one logged red flag matters on its own.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rlbaby.analysis.comparison import (
    UrgentEntry,
)
from rlbaby.model.emergency import FALLBACK
from rlbaby.ui.i18n import tr_chart_word
from rlbaby.ui.locale_format import format_night, format_time

URGENT_SLUG = "urgent-signs"
MAX_SHOWN = 8


def advice(number: str) -> str:
    return QCoreApplication.translate(
        "UrgentList",
        "If you have not talked with a doctor about these yet, please do so soon. "
        "If a sign like this is happening now, get medical help now: call a doctor "
        "urgently, or your local emergency number ({number}).",
    ).format(number=number)


def entry_text(entry: UrgentEntry) -> str:
    """'Night of Tue 18 Nov, at 02:14: breathing pauses, colour change'."""
    return QCoreApplication.translate("UrgentList", "Night of {date}, at {time}: {signs}").format(
        date=format_night(entry.night),
        time=format_time(entry.at),
        signs=", ".join(tr_chart_word(s) for s in entry.signs),
    )


class UrgentList(QFrame):
    """Hidden when the range has no urgent sign.

    Signals:
        guide_requested(str): open this guide section.
    """

    guide_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("urgent_list")
        self.setProperty("role", "urgent")
        box = QVBoxLayout(self)
        title = QLabel(self.tr("Signs you logged that should not wait"))
        # Not role="urgent": the app's QFrame[role="urgent"] rule would box a QLabel too.
        title.setProperty("role", "urgent_title")
        title.setObjectName("urgent_list_title")
        self.entries = QLabel()
        self.entries.setObjectName("urgent_list_entries")
        self.entries.setWordWrap(True)
        self.advice = QLabel(advice(FALLBACK))
        self.advice.setObjectName("urgent_list_advice")
        self.advice.setWordWrap(True)
        row = QHBoxLayout()
        read = QPushButton(self.tr("Read: Urgent signs"))
        read.setObjectName("urgent_list_read")
        read.clicked.connect(lambda: self.guide_requested.emit(URGENT_SLUG))
        row.addWidget(self.advice, 1)
        row.addWidget(read)
        box.addWidget(title)
        box.addWidget(self.entries)
        box.addLayout(row)
        self.shown: tuple[UrgentEntry, ...] = ()
        self.hide()

    def set_entries(self, entries: tuple[UrgentEntry, ...], number: str = FALLBACK) -> None:
        """Show `entries`, with `number` as the emergency number to call."""
        self.shown = entries
        self.advice.setText(advice(number))
        lines = [entry_text(e) for e in entries[:MAX_SHOWN]]
        if len(entries) > MAX_SHOWN:
            lines.append(self.tr("and {n} more in these nights").format(n=len(entries) - MAX_SHOWN))
        self.entries.setText("\n".join(lines))
        self.setVisible(bool(entries))
