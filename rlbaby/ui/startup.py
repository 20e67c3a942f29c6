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

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
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


class GcPause:
    """The cyclic garbage collector, paused for the start-up by `rlbaby.cli.main`.

    The start-up allocates a few hundred thousand objects that live as long
    as the app (the modules, the widgets, the loaded log) and frees almost
    none. `resume()`, once the window is shown, freezes them so that no
    collection walks them again (the few cycles already garbage stay), then
    turns the collector back on. `restore()` leaves the collector as it was
    found, for a caller that goes on running.
    """

    def __init__(self) -> None:
        self._was_enabled = gc.isenabled()
        self._resumed = False

    def resume(self) -> None:
        if self._was_enabled or self._resumed:
            return  # nobody paused it
        self._resumed = True
        gc.freeze()
        gc.enable()

    def restore(self) -> None:
        if self._resumed:
            self._resumed = False
            gc.disable()
            gc.unfreeze()
