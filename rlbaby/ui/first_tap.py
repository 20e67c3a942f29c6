"""RLBABY_BENCH_FIRST_TAP=FILE: one Space once the Log tab is shown, then quit.

`make bench` times a parent's start at 3 a.m.: spawn, the Log tab on screen,
one Space, the tap saved. With this variable set, the app waits for the Log
tab's first paint, sends Space to the focused widget as a keyboard would, and
once the tab says "Saved" (it says so only after the durable save) writes to
FILE, as JSON, the `time.perf_counter()` of both moments (one monotonic clock
for every process of the machine, so the bench subtracts its spawn time) and
the process's CPU time so far and peak memory, then closes the window. Never needed by a parent.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

ENV_FIRST_TAP = "RLBABY_BENCH_FIRST_TAP"


def peak_memory_kb() -> int:
    """This process image's peak resident memory.

    VmHWM where there is one: on Linux ru_maxrss survives exec, so it would
    report the (bigger) process that started this one.
    """
    try:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        pass
    try:
        import resource  # not on Windows
    except ImportError:
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


class FirstTap(QObject):
    """Presses Space once `log_tab` has painted; reports through `path`."""

    def __init__(self, window: QMainWindow, log_tab: QWidget, status: QWidget, path: Path) -> None:
        super().__init__(window)
        self._window = window
        self._log_tab = log_tab
        self._status = status
        self._path = path
        self._shown: float | None = None
        log_tab.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self._shown is None and watched is self._log_tab and event.type() == QEvent.Type.Paint:
            self._shown = time.perf_counter()
            self._log_tab.removeEventFilter(self)
            QTimer.singleShot(0, self._press_space)
        return False

    def _press_space(self) -> None:
        target = QApplication.focusWidget() or self._log_tab
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = QKeyEvent(kind, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, " ")
            QApplication.sendEvent(target, key)
        saved = time.perf_counter()
        text = self._status.property("text")
        report = {
            "shown_s": self._shown,
            "saved_s": saved,
            "saved": isinstance(text, str) and text.startswith("Saved"),
            "cpu_s": time.process_time(),
            "peak_kb": peak_memory_kb(),
        }
        self._path.write_text(json.dumps(report), encoding="utf-8")
        self._window.close()


def watch_first_tap(window: QMainWindow, log_tab: QWidget, status: QWidget) -> None:
    """Install the bench's first tap when RLBABY_BENCH_FIRST_TAP names a file."""
    path = os.environ.get(ENV_FIRST_TAP)
    if path:
        FirstTap(window, log_tab, status, Path(path))
