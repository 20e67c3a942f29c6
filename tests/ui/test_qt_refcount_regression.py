"""Regression guard for the PySide6 6.12.0 / CPython 3.11 none_dealloc crash.

6.12.0 on 3.11 drops one reference to None on every Python-overridden
paint()/paintEvent(); after a few thousand repaints the interpreter aborts
with "Fatal Python error: none_dealloc". pyproject pins PySide6 < 6.12; re-run
this whenever Qt is bumped.
"""

from __future__ import annotations

import sys

import numpy as np

import pyqtgraph as pg

REPAINTS = 3000


def test_repainting_a_plot_keeps_none_refcount(qtbot) -> None:  # type: ignore[no-untyped-def]
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.resize(300, 200)
    x = np.arange(1000, dtype=float)
    plot.plot(x, np.sin(x / 50))
    plot.grab()  # warm up caches before counting
    before = sys.getrefcount(None)
    for _ in range(REPAINTS):
        plot.grab()
    after = sys.getrefcount(None)
    # A leak loses >= 1 per paint; allow a little slack for unrelated churn.
    assert after >= before - 50, f"None refcount fell by {before - after} over {REPAINTS} repaints"


def test_python_paint_event_keeps_none_refcount(qtbot) -> None:  # type: ignore[no-untyped-def]
    from rlbaby.ui.log.tap_target import TapTarget
    from rlbaby.ui.theme import ThemeManager

    theme = ThemeManager(qtbot_app(), "night")
    w = TapTarget(theme)
    qtbot.addWidget(w)
    w.resize(200, 120)
    w.grab()
    before = sys.getrefcount(None)
    for _ in range(REPAINTS):
        w.grab()
    assert sys.getrefcount(None) >= before - 50


def qtbot_app():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app
