"""The urgent line above the History list: a change the store refused, or a
red flag just noted in an editor.

Its texts keep the "HistoryTab" translation context they were written in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from rlbaby.model import RedFlag
from rlbaby.ui.i18n import tr_label
from rlbaby.ui.widgets.problem_line import ProblemLine


class HistoryErrorLine(ProblemLine):
    """Hidden until there is something to say; stays until the next success hides it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("history_error", parent)

    def say_red_flags(self, flags: tuple[RedFlag, ...], number: str) -> None:
        """Where to get help now, naming the local emergency number."""
        self.say(
            QCoreApplication.translate(
                "HistoryTab",
                "You noted a red flag ({flags}). If it is happening now, seek medical help "
                "now: call a doctor urgently, or your local emergency number ({number}). "
                "The Guide's urgent-signs page says more.",
            ).format(flags=", ".join(tr_label(f) for f in flags), number=number)
        )
