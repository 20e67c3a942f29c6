"""Journey 6: a second copy of rlbaby on a folder another copy is logging to.

A real writer (another process, using Store and LoggerService as the app
does) holds the folder. The parent starts a second copy, is told it is
already open, and clicks "Open read-only". The window says so on every tab,
the tap target is disabled and Space logs nothing. When the writer logs three
taps, the read-only window shows them. When the writer closes, the read-only
window offers to reopen for logging, and then logs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

import rlbaby
from rlbaby.model import night_of, system_clock
from rlbaby.store import Store
from rlbaby.ui.app import build_window, open_store_interactively

WRITER = """
import sys

from rlbaby.model import Child
from rlbaby.services import LoggerService
from rlbaby.store import Store

store = Store.open(sys.argv[1])
service = LoggerService(store)
kids = store.children()
child = kids[0] if kids else service.add_child(Child("Ada"))
print("ready", flush=True)
for line in sys.stdin:
    if line.strip() == "tap":
        service.record_movement(child.id)
        print("saved", flush=True)
    elif line.strip() == "quit":
        break
store.close()
print("closed", flush=True)
"""


class Writer:
    """The first copy, in its own process; each command answers when durable."""

    def __init__(self, data_dir: Path, script: Path) -> None:
        env = dict(os.environ, PYTHONPATH=str(Path(rlbaby.__file__).parents[1]))
        self.proc = subprocess.Popen(
            [sys.executable, str(script), str(data_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert self.ask("") == "ready"

    def ask(self, command: str) -> str:
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        if command:
            self.proc.stdin.write(command + "\n")
            self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=30)
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                pipe.close()


@pytest.fixture
def writer(tmp_path: Path, data_dir: Path) -> Iterator[Writer]:
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    w = Writer(data_dir, script)
    yield w
    w.stop()


def _click_when_shown(button_text: str, seen: list[str]) -> None:
    """Click the real button of the message box once it is on screen."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            for button in widget.buttons():
                if button.text() == button_text:
                    seen.append(widget.text())
                    button.click()
                    return
    QTimer.singleShot(20, lambda: _click_when_shown(button_text, seen))


def _taps_on_disk(data_dir: Path) -> int:
    with Store.open(data_dir, readonly=True) as s:
        return s.counts()["movements"]


def test_second_copy_looks_follows_and_takes_over(qtbot, qapp, writer, data_dir) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _click_when_shown("Open read-only", seen))
    store = open_store_interactively(data_dir)
    assert store is not None
    assert store.readonly
    assert "already running" in seen[0]
    try:
        w = build_window(store, qapp)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)

        # It says so, on every tab, and what cannot work is disabled.
        for i in range(w.tabs.count()):
            w.tabs.setCurrentIndex(i)
            assert w.readonly_banner.isVisible()
            assert "another copy of rlbaby is logging" in w.readonly_banner.message
        w.tabs.setCurrentWidget(w.log_tab)
        assert not w.log_tab.target.isEnabled()
        assert w.log_tab.target.headline == "Read-only"
        assert not w.log_tab.panel.settle.isEnabled()

        # Space logs nothing, and says why.
        qtbot.keyClick(w.log_tab, Qt.Key.Key_Space)
        assert w.statusBar().currentMessage().startswith("Read-only:")
        assert _taps_on_disk(data_dir) == 0

        # The writer logs three taps: the read-only window follows.
        for _ in range(3):
            assert writer.ask("tap") == "saved"
        qtbot.waitUntil(lambda: w.log_tab.episode_count == 3, timeout=10_000)
        assert w.log_tab.target.headline == "3"
        night = night_of(system_clock(), store.settings.night_start_hour)
        w.tabs.setCurrentWidget(w.history_tab)
        qtbot.waitUntil(
            lambda: getattr(w.history_tab.model.night_item(night), "movement_count", 0) == 3,
            timeout=10_000,
        )

        # The writer closes: the banner offers to log here instead.
        assert writer.ask("quit") == "closed"
        reopen = w.readonly_banner.reopen
        qtbot.waitUntil(reopen.isVisible, timeout=10_000)
        assert "other copy closed" in w.readonly_banner.message
        qtbot.mouseClick(reopen, Qt.MouseButton.LeftButton)
        assert w.reopen_writable
        assert not w.isVisible()
    finally:
        store.close()

    # What run_gui then does: open the folder again, now for writing.
    store = open_store_interactively(data_dir)
    assert store is not None
    assert not store.readonly
    try:
        w2 = build_window(store, qapp)
        qtbot.addWidget(w2)
        w2.show()
        qtbot.waitExposed(w2)
        assert not hasattr(w2, "readonly_banner")
        assert w2.log_tab.target.isEnabled()
        with qtbot.waitSignal(w2._ctx.bridge.movement_recorded):
            qtbot.keyClick(w2.log_tab.target, Qt.Key.Key_Space)
        assert _taps_on_disk(data_dir) == 4
        w2.close()
    finally:
        store.close()
