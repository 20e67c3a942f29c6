"""What the start-up leaves until the window is shown still happens (ui/startup.py).

No timings here (the bench measures those): these check that each deferred
step runs, in order, once the window has painted, and that nothing a parent
relies on is lost by waiting (the backup of a change made before the backup
timer started, the episode details, the garbage collector).
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget

from rlbaby import cli, version
from rlbaby.model import Child, ThemeChoice
from rlbaby.store import Store
from rlbaby.store.backup import BackupInfo, BackupManager, list_backups
from rlbaby.ui import app as app_module
from rlbaby.ui.app import BackupTimer, build_window
from rlbaby.ui.startup import AfterShown, GcPause, LoopCollector
from rlbaby.ui.theme import ThemeManager, load_palette


def test_the_steps_run_in_order_once_the_widget_has_painted(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    ran: list[str] = []
    later = AfterShown(widget, [lambda: ran.append("one"), lambda: ran.append("two")])
    QApplication.processEvents()
    assert ran == []  # nothing before the first paint
    widget.show()
    with qtbot.waitSignal(later.finished):
        pass
    assert ran == ["one", "two"]
    assert later.done


def test_a_step_that_fails_goes_to_the_hook_and_the_next_still_runs(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: seen.append(str(e)))
    widget = QWidget()
    qtbot.addWidget(widget)
    ran: list[str] = []

    def broken() -> None:
        raise RuntimeError("a step broke")

    later = AfterShown(widget, [broken, lambda: ran.append("after")])
    widget.show()
    qtbot.waitUntil(lambda: later.done)
    assert seen == ["a step broke"]
    assert ran == ["after"]


def test_the_window_builds_the_episode_details_once_shown(
    qtbot, qapp, data_dir: Path, clock
) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, now_ms=clock.now_ms) as store:
        child = store.save(Child("Ada"))
        window = build_window(store, qapp, clock)
        qtbot.addWidget(window)
        log = window.log_tab
        log._ctx.service.record_movement(child.id)
        assert not log.side.built  # not before the first paint
        AfterShown(window, [log.finish_building])
        window.show()
        qtbot.waitUntil(lambda: log.side.built)
        # Built late, the details still join the Tab order after the panel.
        assert log.side.tab_chain[-1] is log.sheet.note
        assert log.panel.annotate.nextInFocusChain() is log.sheet.tab_chain[0]
        log.open_sheet()
        assert log.sheet.isVisible()
        window.close()


def test_a_change_before_the_backup_timer_started_is_still_backed_up_at_exit(
    qtbot, qapp, data_dir: Path, clock
) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, now_ms=clock.now_ms) as store:
        child = store.save(Child("Ada"))
        BackupManager(store).backup_now(reason="manual")  # the data as the app found it
        window = build_window(store, qapp, clock)
        qtbot.addWidget(window)
        timer = BackupTimer(store, window)  # made before the window shows, as run_gui does
        window.log_tab._ctx.service.record_movement(child.id)  # the first tap, at once
        timer.start()  # after the first paint
        assert timer.active
        before = len([b for b in list_backups(data_dir) if isinstance(b, BackupInfo)])
        timer.stop()
        app_module._safe_backup(timer.manager(), window, force=True)  # what run_gui does at exit
        after = [b for b in list_backups(data_dir) if isinstance(b, BackupInfo)]
        assert len(after) == before + 1
        assert after[0].counts["movements"] == 1
        window.close()


def test_the_gc_pause_freezes_what_start_up_built_then_collects_from_the_loop(qapp) -> None:  # type: ignore[no-untyped-def]
    was = gc.isenabled()
    gc.disable()
    try:
        pause = GcPause()
        pause.resume()
        assert pause.collector is not None
        assert pause.collector.running  # collecting from the event loop
        assert not gc.isenabled()  # and never inside a Qt call
        assert gc.get_freeze_count() > 0
        pause.restore()
        assert pause.collector is None
        assert not gc.isenabled()  # as it was found
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
        if was:
            gc.enable()


@pytest.mark.usefixtures("collector_on")
def test_a_collector_nobody_paused_is_left_alone() -> None:
    assert gc.isenabled()
    pause = GcPause()
    pause.resume()
    assert gc.get_freeze_count() == 0
    pause.restore()
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_the_whole_start_runs_every_deferred_step(
    qapp, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """cli.main as a parent's launcher calls it: after the first paint the
    collector runs from the event loop (with what the start built frozen),
    the version is known and the details sheet is built; the run leaves the
    collector as it found it."""
    monkeypatch.setenv(app_module.ENV_QUIT_AFTER, "20000")  # never hangs
    qapp.setApplicationVersion("")
    seen: dict[str, object] = {}

    def watch() -> None:
        windows = [
            w
            for w in qapp.topLevelWidgets()
            if w.objectName() == "main_window" and w.isVisible()  # not an earlier test's
        ]
        later = [a for w in windows for a in w.findChildren(AfterShown)]
        if later and later[0].done:
            window = windows[0]
            seen["gc"] = gc.isenabled()
            seen["loop"] = any(c.running for c in qapp.findChildren(LoopCollector))
            seen["version"] = qapp.applicationVersion()
            seen["sheet"] = window.log_tab.side.built  # type: ignore[attr-defined]
            seen["frozen"] = gc.get_freeze_count() > 0
            window.close()
            return
        QTimer.singleShot(20, watch)

    QTimer.singleShot(0, watch)
    assert gc.isenabled()
    assert cli.main(["--data-dir", str(data_dir)]) == 0
    assert seen == {
        "gc": False,  # the automatic collector: the loop collects instead
        "loop": True,
        "version": version(),
        "sheet": True,
        "frozen": True,
    }
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_the_window_takes_over_the_theme_made_before_the_open(qtbot, qapp, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """run_gui styles the application once for the dialogs before the open; the
    window then sets that manager to the settings' theme and text size instead
    of styling the whole application a second time."""
    with Store.open(data_dir) as store:
        store.save_settings(replace(store.settings, theme=ThemeChoice.DAY, text_scale=1.25))
        before = ThemeManager(qapp, "night")
        style = qapp.style()
        w = build_window(store, qapp, theme=before)
        qtbot.addWidget(w)
        assert w.log_tab._ctx.theme is before
        assert (before.name, before.scale) == ("day", 1.25)
        assert qapp.style() is style  # the same style: not replaced by another manager
        w.show()
        qtbot.waitExposed(w)
        day = load_palette("day")["bg"].lower()
        assert w.palette().color(QPalette.ColorRole.Window).name() == day


def test_numpy_is_told_to_start_no_thread_pool(tmp_path: Path) -> None:
    """A new process: `cli.main` sets OPENBLAS_NUM_THREADS before numpy loads
    (rlbaby does no linear algebra); a value the user set is kept."""
    code = (
        "import os, sys\n"
        "from rlbaby import cli\n"
        "cli.main(['summary', '--json', '--data-dir', sys.argv[1]])\n"
        "print(os.environ.get('OPENBLAS_NUM_THREADS'), 'numpy' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    missing = str(tmp_path / "none")
    out = subprocess.run(
        [sys.executable, "-c", code, missing], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["1", "True"]
    env["OPENBLAS_NUM_THREADS"] = "3"
    out = subprocess.run(
        [sys.executable, "-c", code, missing], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["3", "True"]


def test_the_loop_collector_frees_cycles_from_the_event_loop(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A cycle holding a widget is freed by the timer, between events, with
    the automatic collector off the whole time."""
    collector = LoopCollector()
    collector.start()
    try:
        assert not gc.isenabled()
        freed: list[bool] = []
        widget = QWidget()
        widget.destroyed.connect(lambda: freed.append(True))
        holder: dict[str, object] = {"widget": widget}
        holder["self"] = holder  # a cycle: only the collector can free it
        del widget, holder
        live = [[i] for i in range(gc.get_threshold()[0] * 2)]  # a collection is due
        qtbot.waitUntil(lambda: bool(freed), timeout=5000)
        assert not gc.isenabled()
        assert len(live) > 0
    finally:
        collector.stop()


def test_the_loop_collector_collects_only_when_due() -> None:
    collector = LoopCollector()
    gc.collect()
    assert collector.collect_due() is None  # nothing allocated since
    live = [[i] for i in range(gc.get_threshold()[0] * 2)]
    assert collector.collect_due() is not None  # due: a collection ran
    assert gc.get_count()[0] < len(live)  # and counted from nought again
