"""The calm message shown after an unexpected error (see ui/crash.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rlbaby.model.i18n import QT_TRANSLATE_NOOP

SAFE_TEXT = QT_TRANSLATE_NOOP(
    "CrashDialog",
    "Your log is safe. rlbaby writes every change to disk in full before it shows "
    "it, so what was saved before stays as it was. The step that failed may not "
    "have been saved: have a look at it on the Log or History tab.",
)


class CrashDialog(QDialog):
    """Says what failed, that the saved log is safe, and where the details are.

    It has no `ask()`: the crash handler opens it without blocking (it is shown
    from inside `sys.excepthook`), and counts further errors into it while it is
    open instead of stacking more dialogs.
    """

    def __init__(
        self, what: str, where: str, log_file: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crash_dialog")
        self.setWindowTitle(self.tr("rlbaby: something went wrong"))
        heading = QLabel(self.tr("Something went wrong"))
        heading.setProperty("role", "big")
        step = (
            self.tr("rlbaby could not finish this step: {step}.").format(step=where)
            if where
            else self.tr("rlbaby could not finish this step.")
        )
        body = QLabel(step + "\n\n" + self.tr("What failed: {what}").format(what=what))
        safe = QLabel(self.tr(SAFE_TEXT))
        if log_file is not None:
            details = QLabel(
                self.tr("The details for a developer are in:\n{path}").format(path=log_file)
            )
            details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        else:
            details = QLabel(self.tr("The details could not be written to a log file."))
        details.setProperty("role", "dim")
        self.repeats = QLabel()
        self.repeats.setObjectName("crash_repeats")
        self.repeats.hide()
        self.count = 0
        # About 60 characters a line: readable, and small enough for a 1024x600 screen.
        line = self.fontMetrics().horizontalAdvance("x" * 60)
        for label in (body, safe, details, self.repeats):
            label.setWordWrap(True)
            label.setMinimumWidth(line)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_ = QPushButton(self.tr("Quit rlbaby"))
        buttons.addButton(quit_, QDialogButtonBox.ButtonRole.DestructiveRole)
        close.setDefault(True)
        self._close = close
        buttons.rejected.connect(self.reject)
        quit_.clicked.connect(self._on_quit_clicked)
        layout = QVBoxLayout(self)
        for w in (heading, body, safe, details, self.repeats):
            layout.addWidget(w)
        layout.addWidget(buttons)
        # Fixed to what the words need: no empty band under them.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        # Space is the tap key: pressed out of habit it must close this, not quit.
        self._close.setFocus()

    def add_repeat(self) -> None:
        """One more unexpected error while this dialog is open."""
        self.count += 1
        self.repeats.setText(
            self.tr(
                "An error happened %n more time(s) since; each one is in the log.", "", self.count
            )
        )
        self.repeats.show()

    def _on_quit_clicked(self) -> None:
        self.accept()
        # Closing the windows (not QApplication.quit) lets the main window save
        # what is being typed, and the start-up code close the store cleanly.
        QApplication.closeAllWindows()
