"""A second copy that opened its folder read-only: follow the writer, log nothing.

The writing copy owns the folder. This copy shows what it writes (a
FolderWatcher re-reads the folder after each change), keeps the keys that
would log from doing anything but saying so, and notices when the writer
closes, to offer logging here instead.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.store import StoreError
from rlbaby.store.lock import writer_present
from rlbaby.ui.context import UiContext
from rlbaby.ui.readonly.banner import ReadOnlyBanner
from rlbaby.ui.readonly.folder_watcher import FolderWatcher

if TYPE_CHECKING:
    from rlbaby.ui.main_window import MainWindow

log = logging.getLogger(__name__)

WRITER_CHECK_MS = 2_000
REFUSED_TEXT = QT_TRANSLATE_NOOP(
    "ReadOnlyMode",
    "Read-only: another copy of rlbaby is logging to this folder. Nothing was saved.",
)
_NONE = Qt.KeyboardModifier.NoModifier
_KEYPAD = Qt.KeyboardModifier.KeypadModifier
_CTRL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
# Keys that log or edit on the Log tab (see ui/log/tab.py), in the History tab,
# and anywhere in the window (undo/redo).
_LOG_KEYS = frozenset(
    {
        Qt.Key.Key_Space,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_1,
        Qt.Key.Key_2,
        Qt.Key.Key_3,
        Qt.Key.Key_4,
        Qt.Key.Key_E,
        Qt.Key.Key_A,
        Qt.Key.Key_S,
    }
)
_HISTORY_KEYS = frozenset({Qt.Key.Key_Delete, Qt.Key.Key_Insert})
_UNDO_KEYS = frozenset({Qt.Key.Key_Z, Qt.Key.Key_Y})


class ReadOnlyMode(QObject):
    """Wires a read-only main window: banner, key guard, following the writer.

    Args:
        window: the main window, already built on a read-only store.
        ctx: the window's context.
        banner: the banner shown above the tabs.

    Signals:
        followed(): the folder was re-read and the window shows the new data.
        writer_changed(bool): the writing copy is there (True) or closed (False).
    """

    followed = Signal()
    writer_changed = Signal(bool)

    def __init__(self, window: MainWindow, ctx: UiContext, banner: ReadOnlyBanner) -> None:
        super().__init__(window)
        self._window = window
        self._ctx = ctx
        self.banner = banner
        self.writer_present = True
        self.watcher: FolderWatcher | None = None
        data_dir = ctx.store.data_dir
        if data_dir is not None:
            self.watcher = FolderWatcher(data_dir, self)
            self.watcher.changed.connect(self._on_watcher_changed)
            self._writer_timer = QTimer(self)
            self._writer_timer.setInterval(WRITER_CHECK_MS)
            self._writer_timer.timeout.connect(self.check_writer)
            self._writer_timer.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # --- following the writer -------------------------------------------------

    def follow(self) -> bool:
        """Re-read what the writer changed and show it. Returns True if anything did."""
        try:
            changed = self._ctx.store.refresh()
        except StoreError as exc:
            log.warning("could not follow the writing copy: %s", exc)
            self._window.statusBar().showMessage(
                self.tr("Could not re-read the folder. {reason}").format(reason=exc), 8000
            )
            return False
        if not changed:
            return False
        ids = [c.id for c in self._ctx.store.children()]
        selection = self._ctx.selection
        if ids and selection.child_id not in ids:
            selection.select(ids[0])  # the writer added the first child
        self._ctx.service.store_reloaded()  # every view reloads on its event
        self.followed.emit()
        return True

    def _on_watcher_changed(self) -> None:
        self.follow()

    def check_writer(self) -> bool:
        """Poll the folder's lock: offer to reopen for logging once the writer closes."""
        data_dir = self._ctx.store.data_dir
        present = data_dir is not None and writer_present(data_dir)
        if present != self.writer_present:
            self.writer_present = present
            self.banner.show_writer_gone(not present)
            if not present:
                self.follow()  # its last words (the backup on exit, a final tap)
            self.writer_changed.emit(present)
        return present

    # --- keys that would write ------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if not isinstance(obj, QWidget) or obj.window() is not self._window:
            return False
        assert isinstance(event, QKeyEvent)
        if not self._writes(obj, event):
            return False
        # Claim the key before any shortcut sees it, then swallow the press.
        event.accept()
        if kind == QEvent.Type.KeyPress and not event.isAutoRepeat():
            self._window.statusBar().showMessage(self.tr(REFUSED_TEXT), 6000)
        return True

    def _writes(self, obj: QWidget, event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers() & ~_KEYPAD
        if key in _UNDO_KEYS and mods in (_CTRL, _CTRL | _SHIFT):
            return True
        if mods not in (_NONE, _SHIFT):
            return False
        log_tab = self._window.log_tab
        # The disabled tap target cannot hold the focus, so a key often goes
        # to the window itself: refused as well while the Log tab is shown.
        inside = obj is log_tab or log_tab.isAncestorOf(obj) or obj is self._window
        if key in _LOG_KEYS and inside:
            return log_tab.isVisible()
        history = self._window.built_page("history")  # unbuilt: nothing there to guard
        return (
            history is not None
            and key in _HISTORY_KEYS
            and (obj is history or history.isAncestorOf(obj))
        )

    def stop(self) -> None:
        """Stop watching and guarding (the window is closing)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self.watcher is not None:
            self._writer_timer.stop()
