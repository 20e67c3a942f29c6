"""What can wait until the window is on screen: run after its first paint, a step at a time.

At 3 a.m. a parent waits for the Log tab and nothing else. The work a window
needs only later (the garbage collector back on, the backup timer, the episode
details built for their first use) runs once the window has painted, each step
in its own turn of the event loop: a key pressed meanwhile, such as the first
tap, waits for one short step at most, never for all of them.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


class AfterShown(QObject):
    """Runs `steps` in order once `widget` has painted, one per turn of the event loop.

    A step that raises goes to `sys.excepthook` (the crash handler); the
    steps after it still run.

    Signals:
        finished(): every step has run.
    """

    finished = Signal()

    def __init__(self, widget: QWidget, steps: Sequence[Callable[[], object]]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._steps = list(steps)
        self.done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self._next)
        return False

    def _next(self) -> None:
        if not self._steps:
            self.done = True
            self.finished.emit()
            return
        step = self._steps.pop(0)
        try:
            step()
        finally:
            QTimer.singleShot(0, self._next)


class LoopCollector(QObject):
    """Python's cyclic collector, run from the event loop only, never inside a Qt call.

    Left automatic, a collection runs whenever an allocation makes one due:
    also in the middle of a Qt call that calls back into Python (a style
    asked for a metric while Qt repolishes every widget after a theme change,
    a paint), where freeing a cycle that holds a widget deletes it under the
    loop that is walking it. So, once started, the automatic collector is off
    and a timer does what it would have done, with its thresholds, between
    events. This is the known workaround for collections that delete Qt
    objects at the wrong moment: Kovid Goyal's on the PyQt mailing list
    (riverbankcomputing.com/pipermail/pyqt/2011-August/030378.html), described
    again for PySide6 in T. Schoenfelder's "PyQt and the garbage collector"
    (tschoenfelder.de/blog/pyqt_gc). The test suite does the same, per test
    (tests/conftest.py).
    """

    INTERVAL_MS = 500

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def collect_due(self) -> int | None:
        """Collect the generations due, as the automatic collector would have.
        Returns what `gc.collect` found, or None when nothing was due."""
        limit0, limit1, limit2 = gc.get_threshold()
        count0, count1, count2 = gc.get_count()
        if count0 <= limit0:
            return None
        generation = 0
        if count1 > limit1:
            generation = 2 if count2 > limit2 else 1
        return gc.collect(generation)


class GcPause:
    """The cyclic garbage collector, paused for the start-up by `rlbaby.cli.main`.

    The start-up allocates a few hundred thousand objects that live as long
    as the app (the modules, the widgets, the loaded log) and frees almost
    none. `resume()`, once the window is shown, freezes them so that no
    collection walks them again (the few cycles already garbage stay), then
    gives the collecting to a `LoopCollector` (never inside a Qt call).
    `restore()` leaves the collector as it was found, for a caller that goes
    on running.
    """

    def __init__(self) -> None:
        self._was_enabled = gc.isenabled()
        self._resumed = False
        self.collector: LoopCollector | None = None

    def resume(self) -> None:
        if self._was_enabled or self._resumed:
            return  # nobody paused it
        self._resumed = True
        gc.freeze()
        self.collector = LoopCollector(QCoreApplication.instance())
        self.collector.start()

    def restore(self) -> None:
        if self._resumed:
            self._resumed = False
            if self.collector is not None:
                self.collector.stop()
                self.collector.deleteLater()
                self.collector = None
            gc.disable()
            gc.unfreeze()
