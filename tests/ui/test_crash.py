"""The crash handler (ui/crash.py), its dialog and the log file (rlbaby/logfile.py).

pytest-qt catches slot exceptions itself; tests that let one take the app's own
path are marked `qt_no_exception_capture`. Every test leaves sys.excepthook as
it found it.
"""

from __future__ import annotations

import logging
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton

from rlbaby import cli
from rlbaby.logfile import LogFile, log_path
from rlbaby.store import StoreError
from rlbaby.ui import app as app_module
from rlbaby.ui.crash import CrashHandler, describe, failed_in
from rlbaby.ui.dialogs.crash_dialog import CrashDialog

pytestmark = pytest.mark.qt_no_exception_capture

MAX_NIGHT_LUMA = 165  # as in test_theme_luminance: nothing near white at night


def _raise(exc: BaseException) -> None:
    raise exc


def _exc_info(exc: BaseException):  # type: ignore[no-untyped-def]
    try:
        _raise(exc)
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__
    raise AssertionError("unreachable")


def _crash_dialogs() -> list[CrashDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()
    ]


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[LogFile]:
    opened = LogFile.open(tmp_path / "data")
    assert opened is not None
    yield opened
    opened.close()


@pytest.fixture
def handler(qapp, log_file: LogFile) -> Iterator[CrashHandler]:  # type: ignore[no-untyped-def]
    before = sys.excepthook
    h = CrashHandler(log_file.path)
    yield h
    h.uninstall()
    if h.dialog is not None:
        h.dialog.reject()
    assert sys.excepthook is before


def test_install_chains_to_the_previous_hook_and_uninstall_gives_it_back(
    handler: CrashHandler, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: seen.append(str(e)))
    launcher_hook = sys.excepthook
    handler.install()
    assert sys.excepthook == handler.excepthook
    handler.excepthook(*_exc_info(RuntimeError("one")))
    assert seen == ["one"]
    handler.uninstall()
    assert sys.excepthook is launcher_hook


def test_the_default_hook_is_not_called_so_nothing_reaches_stderr(
    handler: CrashHandler, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    handler.install()
    handler.excepthook(*_exc_info(RuntimeError("quiet")))
    handler.uninstall()
    assert capsys.readouterr().err == ""


def test_the_log_file_has_the_whole_trace(handler: CrashHandler, log_file: LogFile) -> None:
    handler.install()
    handler.excepthook(*_exc_info(KeyError("missing")))
    text = log_file.path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "KeyError: 'missing'" in text
    assert "in _raise" in text
    assert log_file.path == log_path(log_file.path.parent.parent)


def test_closing_the_log_file_leaves_logging_as_it_was(tmp_path: Path) -> None:
    logger = logging.getLogger("rlbaby")
    handlers, level = list(logger.handlers), logger.level
    opened = LogFile.open(tmp_path)
    assert opened is not None
    logging.getLogger("rlbaby.store").info("written at INFO")
    opened.close()
    assert "written at INFO" in opened.path.read_text(encoding="utf-8")
    assert (logger.handlers, logger.level) == (handlers, level)


def test_repeated_errors_show_one_dialog_and_count_the_rest(qtbot, handler: CrashHandler) -> None:  # type: ignore[no-untyped-def]
    handler.install()
    for i in range(12):
        QTimer.singleShot(0, lambda i=i: _raise(RuntimeError(f"error {i}")))
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.count == 11)
    assert len(_crash_dialogs()) == 1
    dialog = handler.dialog
    assert dialog is not None
    assert "11 more times" in dialog.repeats.text()
    assert "RuntimeError: error 0" in " ".join(lb.text() for lb in dialog.findChildren(QLabel))
    # Closed, the next error opens a fresh dialog.
    dialog.reject()
    QTimer.singleShot(0, lambda: _raise(RuntimeError("later")))
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert handler.dialog is not dialog
    assert handler.dialog.count == 0
    assert len(_crash_dialogs()) == 1


def test_a_dialog_that_cannot_be_loaded_is_logged_and_does_not_come_back(  # type: ignore[no-untyped-def]
    qtbot, handler: CrashHandler, log_file: LogFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dialog is imported when first needed (the start-up does without it):
    an import that fails there is logged, not raised back into the hook."""
    monkeypatch.setitem(sys.modules, "rlbaby.ui.dialogs.crash_dialog", None)  # import fails
    seen: list[str] = []
    handler.crashed.connect(seen.append)
    handler.install()
    QTimer.singleShot(0, lambda: _raise(RuntimeError("boom")))
    qtbot.waitUntil(
        lambda: "crash dialog could not be loaded" in log_file.path.read_text(encoding="utf-8")
    )
    assert seen == ["RuntimeError: boom"]  # once: the failed import did not loop
    assert handler.dialog is None
    assert "RuntimeError: boom" in log_file.path.read_text(encoding="utf-8")


def test_pytest_qt_still_sees_errors_through_the_chain(qtbot, handler: CrashHandler) -> None:  # type: ignore[no-untyped-def]
    with qtbot.capture_exceptions() as captured:
        handler.install()  # pytest-qt's hook is now the previous one
        QTimer.singleShot(0, lambda: _raise(RuntimeError("seen by both")))
        qtbot.waitUntil(lambda: len(captured) == 1)
        handler.uninstall()
    assert str(captured[0][1]) == "seen by both"


def test_describe_and_failed_in() -> None:
    info = _exc_info(RuntimeError("disk\non fire"))
    assert describe(*info) == "RuntimeError: disk on fire"
    assert describe(*_exc_info(RuntimeError())) == "RuntimeError"
    assert failed_in(info[2]) == ""  # the test module is not rlbaby's code
    from rlbaby import resources

    with pytest.raises(ValueError, match="stay inside") as caught:
        resources.path("../escape")
    assert failed_in(caught.tb) == "path"
    long = describe(*_exc_info(ValueError("x" * 500)))
    assert len(long) < 230


def test_no_log_file_when_the_folder_cannot_be_written(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")
    assert LogFile.open(blocker) is None
    dialog = CrashDialog("RuntimeError: x", "", None)
    qtbot.addWidget(dialog)
    words = " ".join(lb.text() for lb in dialog.findChildren(QLabel))
    assert "could not be written to a log file" in words


def test_the_log_file_rotates(log_file: LogFile) -> None:
    logger = logging.getLogger("rlbaby.test")
    line = "x" * 1000
    for _ in range(1200):
        logger.info(line)
    assert log_file.path.stat().st_size <= 1_000_000
    assert log_file.path.with_name("rlbaby.log.1").exists()


def test_space_out_of_habit_closes_the_dialog_and_does_not_quit(qtbot, qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = CrashDialog("RuntimeError: x", "tapped", tmp_path / "rlbaby.log")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    focused = dialog.focusWidget()  # the dialog's focus child, whether or not it is active
    assert isinstance(focused, QPushButton)
    assert focused.text() == "Close"
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()


def test_the_dialog_is_dim_at_night(qtbot, ui_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = CrashDialog("RuntimeError: x", "sleep button clicked", tmp_path / "rlbaby.log")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    img = dialog.grab().toImage().convertToFormat(QImage.Format.Format_RGBA8888)
    arr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    px = arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4).astype(np.float64)
    luma = 0.299 * px[..., 0] + 0.587 * px[..., 1] + 0.114 * px[..., 2]
    assert luma.max() <= MAX_NIGHT_LUMA
    assert [b.text() for b in dialog.findChildren(QPushButton)] == ["Close", "Quit rlbaby"]


def test_the_app_keeps_a_launchers_qapplication_and_hook(
    qapp, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Like the external smoke script: QApplication and a hook exist before main()."""
    seen: list[str] = []

    def launcher_hook(t, e, tb):  # type: ignore[no-untyped-def]
        seen.append(str(e))

    monkeypatch.setattr(sys, "excepthook", launcher_hook)
    monkeypatch.setenv(app_module.ENV_QUIT_AFTER, "1500")
    QTimer.singleShot(200, lambda: _raise(RuntimeError("inside the running app")))
    code = cli.main(["--data-dir", str(data_dir)])
    assert code == 0
    assert sys.excepthook is launcher_hook
    assert QApplication.instance() is qapp
    assert seen == ["inside the running app"]
    text = log_path(data_dir).read_text(encoding="utf-8")
    assert "RuntimeError: inside the running app" in text
    assert "Traceback" in text
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
    ]


def test_a_failed_demo_leaves_no_folder_behind(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))

    def failing(store, **_kw):  # type: ignore[no-untyped-def]
        raise StoreError("the disk is full")

    monkeypatch.setattr("rlbaby.demo.populate", failing)
    before = sys.excepthook
    assert cli.main(["--demo"]) == 1
    assert list(temp.iterdir()) == []
    assert sys.excepthook is before
