"""Unexpected errors: logged in full, told calmly, one dialog at a time (STYLE rule 17).

Modelled on qutebrowser's `misc/crashsignal.py`: while installed, `CrashHandler`
is `sys.excepthook`. PySide calls that hook for an exception that escapes a slot
or a Qt virtual method; without it Python prints the trace on stderr, where a
parent never looks, and the app goes on as if nothing happened.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

if TYPE_CHECKING:
    from rlbaby.ui.dialogs.crash_dialog import CrashDialog

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def describe(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """One line for a parent: the error and its message, no trace."""
    message = " ".join(str(exc).split())
    if len(message) > 200:
        message = message[:199] + "…"
    return f"{exc_type.__name__}: {message}" if message else exc_type.__name__


def failed_in(tb: TracebackType | None) -> str:
    """What the parent was doing, in words: the outermost rlbaby function in the trace.

    The outermost one is the slot the parent set off ('_on_sleep_button_clicked'
    becomes 'sleep button clicked'); the innermost one is in the log.
    """
    for frame, _line in traceback.walk_tb(tb):
        if frame.f_globals.get("__name__", "").startswith("rlbaby"):
            name = frame.f_code.co_name.removeprefix("_on_").strip("_")
            return name.replace("_", " ")
    return ""


class CrashHandler(QObject):
    """`sys.excepthook` while installed: log the trace, then show one CrashDialog.

    A hook that was there before (a test runner's, a launcher's) is called too,
    after ours; Python's default one is not, since it would print the trace.
    Errors that come while the dialog is open are counted into it.

    Signals:
        crashed(str): after an error was logged; its one-line description.
    """

    crashed = Signal(str)

    def __init__(self, log_file: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.dialog: CrashDialog | None = None
        self._previous = sys.__excepthook__
        self._installed = False
        self._pending: list[ExcInfo] = []

    @property
    def installed(self) -> bool:
        return self._installed

    def install(self) -> None:
        if self._installed:
            return
        self._previous = sys.excepthook
        sys.excepthook = self.excepthook
        self._installed = True

    def uninstall(self) -> None:
        """Give back the hook found at install(), if nobody replaced ours since.

        A dialog not yet shown is dropped; one already open stays until closed.
        """
        if not self._installed:
            return
        self._installed = False
        self._pending.clear()
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if self._installed:
            try:
                self._handle(exc_type, exc, tb)
            except Exception:
                # The hook itself must never raise: Python would then print both traces.
                log.exception("the crash handler failed")
        if self._previous is not sys.__excepthook__ or not self._installed:
            self._previous(exc_type, exc, tb)

    def _handle(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        app = QApplication.instance()
        if issubclass(exc_type, KeyboardInterrupt):
            log.info("interrupted (Ctrl+C); closing")
            if isinstance(app, QApplication):
                app.closeAllWindows()
            return
        where = failed_in(tb)
        log.error("unexpected error in %s", where or "rlbaby", exc_info=(exc_type, exc, tb))
        self.crashed.emit(describe(exc_type, exc, tb))
        if not isinstance(app, QApplication) or QThread.currentThread() is not app.thread():
            return  # no window to show it in, or not the GUI thread: the log has it
        if self.dialog is not None:
            self.dialog.add_repeat()
            return
        self._pending.append((exc_type, exc, tb))
        if len(self._pending) == 1:
            # Not from inside the hook: it may run in the middle of a paint event.
            QTimer.singleShot(0, self._show_dialog)

    def _show_dialog(self) -> None:
        pending, self._pending = self._pending, []
        if not pending:
            return
        exc_type, exc, tb = pending[0]
        # Loaded by now when the window is shown (preload_crash_dialog); an
        # error earlier in the start-up imports it here. An import that fails
        # is logged, not raised: raised, it would come back to this hook.
        try:
            from rlbaby.ui.dialogs.crash_dialog import CrashDialog
        except Exception:
            log.exception("the crash dialog could not be loaded")
            return
        dialog = CrashDialog(describe(exc_type, exc, tb), failed_in(tb), self.log_file, _owner())
        for _ in pending[1:]:
            dialog.add_repeat()
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None


def preload_crash_dialog() -> None:
    """Import the dialog ahead of need (a step after the first paint).

    The start-up, which a parent waits for, does without it; an error later
    then finds it loaded and the import cannot fail inside the hook.
    """
    import rlbaby.ui.dialogs.crash_dialog  # noqa: F401


def _owner() -> QWidget | None:
    """The window the dialog belongs over: an open modal dialog, else the main window."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    modal = app.activeModalWidget()
    if modal is not None:
        return modal
    active = app.activeWindow()
    if active is not None:
        return active
    mains = [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
    return mains[0] if mains else None
