"""Journey 7: an unexpected error in a real slot reaches the parent calmly.

The real main window (wired by build_window), the real crash handler and log
file. A service method a button calls is made to fail; the parent clicks the
button, reads the dialog, closes it by its button, and the trace is in the log.
pytest-qt's own capture of slot exceptions is off for these tests
(`qt_no_exception_capture`), so the exception takes the app's real path.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QWidget

from rlbaby.logfile import LogFile
from rlbaby.model import Child
from rlbaby.services import LoggerService
from rlbaby.store import Store
from rlbaby.ui.app import build_window
from rlbaby.ui.crash import CrashHandler

pytestmark = pytest.mark.qt_no_exception_capture


def _dialog_saying(text: str) -> QDialog | None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QDialog) and w.isVisible():
            if any(text in label.text() for label in w.findChildren(QLabel)):
                return w
    return None


def _button(parent: QWidget, text: str) -> QPushButton:
    found = [b for b in parent.findChildren(QPushButton) if b.text().replace("&", "") == text]
    assert len(found) == 1, [b.text() for b in parent.findChildren(QPushButton)]
    return found[0]


@pytest.fixture
def crash_app(qapp, data_dir, clock) -> Iterator[tuple]:  # type: ignore[no-untyped-def]
    before = sys.excepthook
    store = Store.open(data_dir, now_ms=clock.now_ms)
    store.save(Child("Ada"))
    log_file = LogFile.open(data_dir)
    assert log_file is not None
    handler = CrashHandler(log_file.path)
    handler.install()
    window = build_window(store, qapp, clock)
    try:
        yield window, store, log_file
    finally:
        handler.uninstall()
        log_file.close()
        window.close()
        window.deleteLater()
        store.close()
        assert sys.excepthook is before


def test_a_failing_button_shows_a_calm_dialog_and_logs_the_trace(
    qtbot, crash_app, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window, store, log_file = crash_app
    window.show()
    qtbot.waitExposed(window)

    def broken(self, child_id):  # type: ignore[no-untyped-def]
        raise RuntimeError("the sleep mark broke on purpose")

    monkeypatch.setattr(LoggerService, "toggle_sleep", broken)
    sleep_button = window.log_tab.sleep_button
    assert "sleep" in sleep_button.text().lower()
    qtbot.mouseClick(sleep_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: _dialog_saying("Something went wrong") is not None)
    dialog = _dialog_saying("Something went wrong")
    assert dialog is not None
    words = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "RuntimeError: the sleep mark broke on purpose" in words
    assert "this step: sleep button clicked" in words  # what the parent was doing
    assert "Your log is safe" in words
    assert str(log_file.path) in words
    assert "Traceback" not in words

    qtbot.mouseClick(_button(dialog, "Close"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.isVisible()
    assert store.sleep_periods() == []

    text = log_file.path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: the sleep mark broke on purpose" in text
    assert "_on_sleep_button_clicked" in text

    # The app goes on: with the service mended, the same button works.
    monkeypatch.undo()
    qtbot.mouseClick(sleep_button, Qt.MouseButton.LeftButton)
    assert len(store.sleep_periods()) == 1
    assert _dialog_saying("Something went wrong") is None


def test_quit_in_the_dialog_closes_the_app(qtbot, crash_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, _store, _log = crash_app
    window.show()
    qtbot.waitExposed(window)

    def broken(self, child_id):  # type: ignore[no-untyped-def]
        raise ValueError("boom")

    monkeypatch.setattr(LoggerService, "record_movement", broken)
    qtbot.keyClick(window.log_tab.target, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: _dialog_saying("ValueError: boom") is not None)
    dialog = _dialog_saying("ValueError: boom")
    assert dialog is not None
    _button(dialog, "Quit rlbaby").click()
    qtbot.waitUntil(lambda: not window.isVisible())
