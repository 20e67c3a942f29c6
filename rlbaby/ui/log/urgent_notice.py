"""A short notice, action first, shown at once when a red flag is logged.

Every red flag of the guide raises it (`Episode.red_flags()`): an urgent sign,
"did not stop when woken", a tap marked stiffening. It says what to do in two
lines, with the local emergency number; the guide's fuller words
(08-urgent-signs.md, without their source markers) are one click away.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rlbaby.content import Guide, fill, without_markers
from rlbaby.model import RedFlag
from rlbaby.ui.announce import announce
from rlbaby.ui.i18n import tr_label

URGENT_SLUG = "urgent-signs"


def action_text(number: str) -> str:
    """The first words a parent reads: what to do, now."""
    return QCoreApplication.translate(
        "UrgentNotice",
        "Seek medical help now: call a doctor urgently. Call your local emergency number "
        "({number}) at once if the color or breathing changes, or the jerking or "
        "stiffness lasts 5 minutes or more.",
    ).format(number=number)


def details_markdown(guide: Guide, number: str) -> str:
    """The guide's own words, for the parent who opens the details."""
    section = guide.section(URGENT_SLUG)
    now = section.subsection("Seek medical help now")
    tell = section.subsection("What to tell the doctor")
    text = f"**Seek medical help now**\n\n{now}\n\n**What to tell the doctor**\n\n{tell}"
    return fill(without_markers(text), number)


class UrgentNotice(QFrame):
    """Signals:
    dismissed(): the parent closed the notice.
    guide_requested(str): open this guide section.
    """

    dismissed = Signal()
    guide_requested = Signal(str)

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._guide = guide
        self.setObjectName("urgent_notice")
        self.setProperty("role", "urgent")
        layout = QVBoxLayout(self)
        self.text = QLabel()  # the action: the words that matter at 3 a.m.
        self.text.setObjectName("urgent_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.text.font()
        font.setBold(True)
        self.text.setFont(font)
        self.flags = QLabel()
        self.flags.setObjectName("urgent_flags")
        self.flags.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("urgent_details")
        self.details.setTextFormat(Qt.TextFormat.MarkdownText)
        self.details.setWordWrap(True)
        self.details.hide()
        row = QHBoxLayout()
        self.more = QPushButton(self.tr("What to tell the doctor"))
        self.more.setObjectName("urgent_more")
        self.more.setCheckable(True)
        self.more.setToolTip(self.tr("Show the guide's advice here, under this notice"))
        self.more.toggled.connect(self._on_more_toggled)
        page = QPushButton(self.tr("Guide page"))
        page.setToolTip(self.tr("Open the guide's page on urgent signs"))
        page.clicked.connect(lambda: self.guide_requested.emit(URGENT_SLUG))
        close = QPushButton(self.tr("Close"))
        close.setAccessibleName(self.tr("Close the urgent notice"))
        close.setAccessibleDescription(self.tr("Hide this notice; the episode keeps its signs"))
        close.clicked.connect(self._on_close_clicked)
        self.buttons = [self.more, page, close]
        for b in self.buttons:
            # Tab reaches them; a click leaves the focus (and Space) on the tap target.
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        row.addWidget(self.more)
        row.addWidget(page)
        row.addStretch(1)
        row.addWidget(close)
        layout.addWidget(self.text)
        layout.addWidget(self.flags)
        layout.addWidget(self.details)
        layout.addLayout(row)
        self.hide()

    def raise_for(self, flags: Sequence[RedFlag], number: str) -> None:
        """Show the notice for these red flags, naming the emergency number."""
        self.text.setText(action_text(number))
        self.flags.setText(
            self.tr("You noted: {signs}.").format(signs=", ".join(tr_label(f) for f in flags))
        )
        self.details.setText(details_markdown(self._guide, number))
        self.more.setChecked(False)
        self.show()
        announce(self, f"{self.text.text()} {self.flags.text()}", urgent=True)

    def _on_more_toggled(self, checked: bool) -> None:
        self.details.setVisible(checked)
        self.more.setText(
            self.tr("Hide the details") if checked else self.tr("What to tell the doctor")
        )

    def _on_close_clicked(self) -> None:
        self.hide()
        self.dismissed.emit()
