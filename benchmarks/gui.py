"""GUI bench sections: key press to durable save + repaint, the charts, memory.

Listed in benchmarks/run.py; see benchmarks/common.py for how a section is
written. Qt is imported inside each section.
"""

from __future__ import annotations

import functools
import gc
import os
import shutil
import subprocess
import sys
import time

from benchmarks.common import (
    Context,
    Row,
    SectionFn,
    loadavg1,
    median,
    ns_to_ms,
    percentile,
    section,
)
from rlbaby.store import Store

# The offscreen platform says this of every window it shows; it is not ours.
_QT_NOISE = "This plugin does not support propagateSizeHints()"


def _quiet_handler(mode, context, message):  # type: ignore[no-untyped-def]
    if message != _QT_NOISE:
        sys.stderr.write(message + "\n")


def _app():  # type: ignore[no-untyped-def]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["rlbaby-bench"])


def _quiet(fn: SectionFn) -> SectionFn:
    """Run a section with Qt's offscreen noise filtered, then put back the
    handler there was (under pytest, pytest-qt's, which fails on warnings)."""

    @functools.wraps(fn)
    def run(ctx: Context) -> list[Row]:
        from PySide6.QtCore import qInstallMessageHandler

        previous = qInstallMessageHandler(_quiet_handler)
        try:
            return fn(ctx)
        finally:
            qInstallMessageHandler(previous)

    return run


@section("keypress", order=40)
@_quiet
def bench_keypress(ctx: Context) -> list[Row]:
    """The whole hot path in the real main window: a Space key event, the handler,
    the durable save, the signal, and a synchronous repaint of the Log tab."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from rlbaby.ui.app import build_window

    app = _app()
    folder = ctx.fresh_copy("keypress")
    store = Store.open(folder)
    try:
        window = build_window(store, app)
        window.resize(1024, 600)
        window.show()
        app.processEvents()
        log = window.log_tab
        before = store.counts()["movements"]
        samples: list[float] = []
        gc.collect()
        for _ in range(ctx.reps.taps):
            t0 = time.perf_counter_ns()
            QTest.keyClick(log.target, Qt.Key.Key_Space)
            log.repaint()  # paint now what the tap changed (counter, panel, pulse ring)
            samples.append(ns_to_ms(time.perf_counter_ns() - t0))
            app.processEvents()
            if ctx.reps.tap_gap_ms:
                time.sleep(ctx.reps.tap_gap_ms / 1000)
        added = store.counts()["movements"] - before
        if added != ctx.reps.taps:
            raise RuntimeError(f"{added} of {ctx.reps.taps} key presses were saved")
        window.close()
        app.processEvents()
    finally:
        store.close()
    shutil.rmtree(folder)
    return [
        Row(
            "keypress: to durable save + repaint p95",
            "ms",
            percentile(samples, 95),
            samples,
            target=16.0,
        ),
        Row("  keypress to save + repaint median", "ms", median(samples)),
    ]


@section("charts", order=50)
@_quiet
def bench_charts(ctx: Context) -> list[Row]:
    """Charts tab: a tap reaching the live timeline (painted), and the range switch
    to "all" (every chart's data rebuilt and given to every chart, the visible chart
    repainted). The tab builds a chart when its page is first opened, so every page
    is opened once first: the row times all six charts, not only those seen."""
    from rlbaby.model import system_clock
    from rlbaby.services import LoggerService
    from rlbaby.ui.bridge import ServiceBridge
    from rlbaby.ui.charts.tab import ChartsTab
    from rlbaby.ui.context import ChildSelection, UiContext
    from rlbaby.ui.theme import ThemeManager

    app = _app()
    folder = ctx.fresh_copy("charts")
    store = Store.open(folder)
    try:
        service = LoggerService(store, system_clock)
        bridge = ServiceBridge(service)
        ui = UiContext(
            store,
            service,
            bridge,
            ThemeManager(app, "night"),
            ChildSelection(service),
            system_clock,
        )
        heard: list[int] = []  # stamped before the tab's slot (slots run in connection order)
        bridge.movement_recorded.connect(lambda _e: heard.append(time.perf_counter_ns()))
        tab = ChartsTab(ui)
        tab.resize(1100, 700)
        tab.show()
        app.processEvents()
        for page in tab.page_buttons:
            tab.show_page(page)
            tab.repaint_now()
        tab.show_page("timeline")
        if len(tab.pages.built) != len(tab.page_buttons):
            raise RuntimeError("not every chart was built")
        done: list[int] = []

        def on_tap_painted(_event: object) -> None:
            tab.timeline.graphics.repaint()
            done.append(time.perf_counter_ns())

        bridge.movement_recorded.connect(on_tap_painted)

        cold: list[float] = []
        warm: list[float] = []
        for _ in range(max(3, ctx.reps.summary_runs)):
            tab.set_range("7")
            tab.repaint_now()
            tab.source.invalidate()  # as after a tap or an edit: summaries recomputed
            t0 = time.perf_counter_ns()
            tab.set_range("all")
            tab.repaint_now()
            cold.append(ns_to_ms(time.perf_counter_ns() - t0))
            tab.set_range("7")
            tab.repaint_now()
            t0 = time.perf_counter_ns()
            tab.set_range("all")
            tab.repaint_now()
            warm.append(ns_to_ms(time.perf_counter_ns() - t0))

        tab.set_range("tonight")
        tab.repaint_now()
        child = ui.selection.child_id
        before = tab.timeline.movement_count
        total: list[float] = []
        ui_part: list[float] = []
        gc.collect()
        for _ in range(ctx.reps.taps):
            heard.clear()
            done.clear()
            t0 = time.perf_counter_ns()
            service.record_movement(child)
            total.append(ns_to_ms(done[0] - t0))
            ui_part.append(ns_to_ms(done[0] - heard[0]))
            if ctx.reps.tap_gap_ms:
                time.sleep(ctx.reps.tap_gap_ms / 1000)
        drawn = tab.timeline.movement_count - before
        if drawn != ctx.reps.taps:
            raise RuntimeError(f"the timeline drew {drawn} of {ctx.reps.taps} taps")
        tab.close()
        app.processEvents()
    finally:
        store.close()
    shutil.rmtree(folder)
    return [
        Row("charts: tap to timeline painted p95", "ms", percentile(total, 95), total, target=12.0),
        Row("  tap to timeline painted median", "ms", median(total)),
        Row("  of which chart slot + repaint, median", "ms", median(ui_part), ui_part),
        Row("charts: range to all, every chart, median", "ms", median(cold), cold, target=150),
        Row("  range to all, data unchanged, median", "ms", median(warm), warm),
    ]


_MEMORY_PROBE = """
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt loaded as `python -m rlbaby` loads it (cli.cmd_gui): without PySide6's
# scan of every later import, which kept their source lines (ui/qt_start.py).
from rlbaby.ui.qt_start import load_qt
load_qt()
from PySide6.QtWidgets import QApplication
app = QApplication(["rlbaby-bench"])
from rlbaby.store import Store
from rlbaby.ui.app import build_window
# Writable, as the app a parent starts opens its folder (run_gui); a read-only
# open (another copy writing) skips what a writable one keeps, ~11 MB at 200k.
store = Store.open(sys.argv[1])
w = build_window(store, app)
w.resize(1024, 600); w.show(); app.processEvents()
for i in range(w.tabs.count()):
    w.tabs.setCurrentIndex(i); app.processEvents()
w.charts_tab.set_range("all"); w.charts_tab.repaint_now(); app.processEvents()
# Every chart on "all" (the tab builds a chart when its page is first opened).
for page in w.charts_tab.page_buttons:
    w.charts_tab.show_page(page); w.charts_tab.repaint_now(); app.processEvents()
# VmHWM, not ru_maxrss: on Linux ru_maxrss survives exec, so it would report
# the (bigger) bench process that started this one.
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM:")][0]
print(int(hwm.split()[1]) / 1024)
"""


@section("memory", order=60)
def bench_memory(ctx: Context) -> list[Row]:
    """Peak memory of the whole app (main window, every tab shown, every chart on "all").

    On a private copy opened writable, as a parent's app opens its folder. The
    first run of the copy writes what derived caches a writable open keeps; it
    is shown apart, and the median is over the runs after it, as in the
    whole-process sections (benchmarks/process.py).
    """
    runs = 1 if ctx.quick else 3
    folder = ctx.fresh_copy("memory")
    samples: list[float] = []
    loads: list[float] = []
    first = 0.0
    for i in range(runs + 1):
        out = subprocess.run(
            [sys.executable, "-c", _MEMORY_PROBE, str(folder)],
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )
        peak = float(out.stdout.strip().splitlines()[-1])
        if i == 0:
            first = peak
            continue
        samples.append(peak)
        load = loadavg1()
        if load is not None:
            loads.append(load)
    shutil.rmtree(folder)
    load = median(loads) if loads else None
    return [
        Row(
            "memory: whole app, charts on all, peak RSS",
            "MB",
            median(samples),
            samples,
            target=200,
            load=load,
        ),
        Row("  memory at the copy's first start", "MB", first, load=load),
    ]
