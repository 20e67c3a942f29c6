"""Start the GUI: open the data folder safely, then show the main window."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from rlbaby import __version__, paths, resources, version
from rlbaby.content import Guide
from rlbaby.logfile import LogFile
from rlbaby.model import Clock, LanguageChoice, Settings, system_clock
from rlbaby.services import LoggerService
from rlbaby.store import Store, StoreError
from rlbaby.ui.bridge import ServiceBridge
from rlbaby.ui.context import ChildSelection, UiContext
from rlbaby.ui.crash import CrashHandler, preload_crash_dialog
from rlbaby.ui.first_tap import watch_first_tap
from rlbaby.ui.i18n import install_language
from rlbaby.ui.locale_format import LocaleDates
from rlbaby.ui.main_window import MainWindow
from rlbaby.ui.open_store import open_store_interactively
from rlbaby.ui.source_lines import forget_source_lines
from rlbaby.ui.startup import AfterShown, GcPause
from rlbaby.ui.theme import ThemeManager, theme_for
from rlbaby.ui.window_place import FILE_NAME as WINDOW_PLACE
from rlbaby.ui.window_place import WindowPlace

if TYPE_CHECKING:
    from rlbaby.store.backup import BackupManager

# Backups, restores and their dialogs, and the message boxes of a folder that
# will not open, are imported where they are used: the start-up, which a parent
# waits for, needs none of them.

BACKUP_CHECK_MS = 60_000
# Closes the window after this many ms; for smoke tests of an installed build
# (tests/test_wheel.py), never needed by a parent.
ENV_QUIT_AFTER = "RLBABY_QUIT_AFTER_MS"
# Prints "rlbaby: window shown at <epoch s>" on the main window's first paint;
# for measuring the start-up time of a build (README), never needed by a parent.
ENV_PRINT_SHOWN = "RLBABY_PRINT_SHOWN"
# The reverse-DNS name of the app: the .desktop file, the AppStream metainfo and
# the icons in resources/desktop/ are named after it (tests/test_desktop.py).
APP_ID = "io.github.rlbaby.rlbaby"
ICONS = "desktop/hicolor-icons"

log = logging.getLogger(__name__)


def set_identity(app: QApplication) -> None:
    """Names, version, desktop-file name and window icon: what the desktop shows."""
    set_names(app)
    app.setApplicationVersion(version())


def set_names(app: QApplication) -> None:
    """What the desktop needs before a window shows: all but the version.

    The installed version is asked of importlib.metadata, whose import alone
    costs the start-up 30 ms; `run_gui` sets it once the window is shown.
    """
    app.setApplicationName("rlbaby")
    app.setOrganizationName("rlbaby")
    app.setOrganizationDomain("rlbaby.github.io")
    # Wayland and the docks match the windows to the .desktop file (its name,
    # its icon) by this name.
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())


def app_icon() -> QIcon:
    """The app icon at every size under resources/desktop/hicolor-icons/."""
    icon = QIcon()
    for folder in resources.path(ICONS).iterdir():
        png = folder.joinpath("apps", f"{APP_ID}.png")
        if not png.is_file():
            continue  # scalable/: the PNGs are rendered from it, no SVG engine needed
        if isinstance(png, Path):
            icon.addFile(str(png))  # read only when a size is asked for
        else:  # a resource inside a zip has no file name for Qt
            pixmap = QPixmap()
            pixmap.loadFromData(png.read_bytes(), "PNG")
            icon.addPixmap(pixmap)
    return icon


class _ShownStamp(QObject):
    """Prints the time of the window's first paint once (RLBABY_PRINT_SHOWN).

    With the desktop-file name and the icon's sizes, so that a smoke test of
    a build sees that the desktop will know the window.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            sizes = len(app.windowIcon().availableSizes())
            sys.stdout.write(
                f"rlbaby: window shown at {time.time():.3f}"
                f" ({app.desktopFileName()}, icon in {sizes} sizes)\n"
            )
            sys.stdout.flush()
        return False


def build_window(
    store: Store,
    app: QApplication,
    clock: Clock = system_clock,
    theme: ThemeManager | None = None,
) -> MainWindow:
    """Wire the objects the widgets need (used by run_gui and by tests).

    The language is installed first: widgets take their words when built.
    `theme`, the one run_gui made for the dialogs before the open, is set to
    the settings' theme and text size (a second manager would style the whole
    application again); without it a new one is made.
    """
    install_language(app, store.settings.language)
    name, scale = theme_for(store.settings), store.settings.text_scale
    if theme is None:
        theme = ThemeManager(app, name, scale)
    else:
        theme.set_theme(name)
        if theme.scale != scale:
            theme.set_scale(scale)
    service = LoggerService(store, clock, LocaleDates())
    ctx = UiContext(
        store=store,
        service=service,
        bridge=ServiceBridge(service),
        theme=theme,
        selection=ChildSelection(service),
        clock=clock,
    )
    place = WindowPlace(paths.user_cache_dir() / WINDOW_PLACE)
    window = MainWindow(ctx, Guide(), place=place)
    forget_source_lines()  # every start-up import is done by now
    return window


def run_gui(data_dir: Path, demo: bool = False) -> int:
    """Run the app on `data_dir` (or on a throw-away demo folder) until it quits.

    Works with a QApplication and a `sys.excepthook` that already exist (a
    launcher's): the crash handler calls that hook too and gives it back at the end.
    """
    forget_source_lines()  # what the imports read: the open may reuse it
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    set_names(app)
    gc_pause = GcPause()
    crash = CrashHandler()
    crash.install()
    demo_dir = None
    log_file = None
    try:
        if demo:
            demo_dir = Path(tempfile.mkdtemp(prefix="rlbaby-demo-"))
            data_dir = demo_dir
            _fill_demo(demo_dir)
        # Dialogs before the store opens still need a theme (night hours by
        # default) and a language (the system's; the settings' is known later).
        theme = ThemeManager(app, theme_for(Settings()))
        install_language(app, LanguageChoice.SYSTEM)
        store = open_store_interactively(data_dir)
        if store is None:
            return 1
        # Only once the folder is known to be ours: a newer version's folder,
        # refused above, is left untouched.
        log_file = LogFile.open(data_dir)
        crash.log_file = log_file.path if log_file else None
        log.info("rlbaby %s started on %s", __version__, data_dir)
        for problem in store.problems:
            log.warning("at open: %s", problem.message())
        return _run_windows(app, store, demo, data_dir, gc_pause, theme)
    finally:
        gc_pause.restore()
        if log_file is not None:
            log_file.close()
        crash.uninstall()
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)


def _fill_demo(folder: Path) -> None:
    from rlbaby.demo import populate

    with Store.open(folder) as s:
        populate(s)


def _quit_later(app: QApplication) -> None:
    """RLBABY_QUIT_AFTER_MS: close every window after that long (smoke tests of a build)."""
    text = os.environ.get(ENV_QUIT_AFTER, "")
    if text.isdigit():
        QTimer.singleShot(int(text), app.closeAllWindows)


def _run_windows(
    app: QApplication,
    store: Store,
    demo: bool,
    data_dir: Path,
    gc_pause: GcPause,
    theme: ThemeManager,
) -> int:
    try:
        while True:
            window = build_window(store, app, theme=theme)
            _quit_later(app)
            watch_first_tap(window, window.log_tab, window.log_tab.status)  # the bench only
            backups = BackupTimer(store, window) if not store.readonly and not demo else None
            clock_theme = QTimer()
            clock_theme.timeout.connect(window.follow_clock_theme)
            clock_theme.start(60_000)
            # No "add a child" dialog at start: on a fresh install the first tap
            # logs at once, for a child named "Baby" the parent renames later.
            stamp = _ShownStamp(window) if os.environ.get(ENV_PRINT_SHOWN) else None
            if stamp is not None:
                window.installEventFilter(stamp)
            AfterShown(
                window,
                [
                    gc_pause.resume,
                    lambda: app.setApplicationVersion(version()),
                    *([backups.start] if backups is not None else []),
                    window.log_tab.finish_building,
                    preload_crash_dialog,
                ],
            )
            window.show()
            code = app.exec()
            clock_theme.stop()
            if backups is not None:
                backups.stop()
                _safe_backup(backups.manager(), window, force=True)
            if window.reopen_writable:
                # The writing copy closed and the parent wants to log here.
                store.close()
                reopened = open_store_interactively(data_dir)
                if reopened is None:
                    return int(code)
                store = reopened
                continue
            if window.restore_request is None:
                return int(code)
            # File > Restore… closed the window: restore with the store closed,
            # then start afresh on the restored log (see restore_dialog).
            from rlbaby.ui.dialogs.restore_dialog import reopen_after_restore

            store = reopen_after_restore(store, window.restore_request)
    finally:
        store.close()


class BackupTimer:
    """The automatic backup: checked every BACKUP_CHECK_MS once `start()`ed.

    The backup manager (its module, and its look at the backups folder) is
    made by `start()`, after the window is shown; a change made before that,
    such as the first tap, is still a change since the start.
    """

    def __init__(self, store: Store, window: MainWindow) -> None:
        self._store = store
        self._window = window
        self._start_revision = store.revision
        self._manager: BackupManager | None = None
        self._timer = QTimer()
        self._timer.timeout.connect(self._on_timer_timeout)

    def manager(self) -> BackupManager:
        if self._manager is None:
            from rlbaby.store.backup import BackupManager

            self._manager = BackupManager(self._store, since_revision=self._start_revision)
        return self._manager

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self.manager()
        self._timer.start(BACKUP_CHECK_MS)

    def stop(self) -> None:
        self._timer.stop()

    def _on_timer_timeout(self) -> None:
        _safe_backup(self.manager(), self._window)


def _safe_backup(backups: BackupManager, window: MainWindow, force: bool = False) -> None:
    try:
        backups.maybe_backup(force=force)
    except StoreError as exc:
        window.statusBar().showMessage(
            QCoreApplication.translate("app", "Automatic backup failed: {reason}").format(
                reason=exc
            ),
            15000,
        )
