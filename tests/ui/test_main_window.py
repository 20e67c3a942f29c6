"""Smoke tests: the main window opens on an empty folder and on demo data."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace

from PySide6.QtCore import Qt

from rlbaby.demo import populate
from rlbaby.model import Child, Settings, ThemeChoice
from rlbaby.store import Store
from rlbaby.ui.app import build_window
from rlbaby.ui.dialogs.child_dialog import ChildDialog
from rlbaby.ui.theme import theme_for


def test_opens_on_an_empty_folder(qtbot, qapp, data_dir, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked = []
    monkeypatch.setattr(ChildDialog, "ask", classmethod(lambda cls, *a, **k: asked.append(1)))
    with Store.open(data_dir, now_ms=clock.now_ms) as store:
        w = build_window(store, qapp, clock)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        assert [w.tabs.tabText(i) for i in range(w.tabs.count())] == [
            "Log",
            "Charts",
            "Guide",
            "History",
        ]
        # No child yet: the tap logs at once (for "Baby"); no dialog asks first.
        with qtbot.waitSignal(w.log_tab._ctx.bridge.movement_recorded):
            qtbot.keyClick(w.log_tab.target, Qt.Key.Key_Space)
        assert store.counts()["movements"] == 1
        assert [c.name for c in store.children()] == ["Baby"]
        assert asked == []


def test_opens_on_demo_data_and_logs(qtbot, qapp, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, now_ms=clock.now_ms) as store:
        populate(store, nights=14)
        before = store.counts()["movements"]
        w = build_window(store, qapp, clock)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        for i in range(w.tabs.count()):
            w.tabs.setCurrentIndex(i)
        w.tabs.setCurrentIndex(0)
        qtbot.keyClick(w.log_tab.target, Qt.Key.Key_Space)
        assert store.counts()["movements"] == before + 1


def test_readonly_window_says_so(qtbot, qapp, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, now_ms=clock.now_ms) as writer:
        populate(writer, nights=3)
        with Store.open(data_dir, readonly=True) as store:
            w = build_window(store, qapp, clock)
            qtbot.addWidget(w)
            assert "read-only" in w.windowTitle()
            w.log_tab._on_target_tapped()
            assert w.log_tab.error.isVisibleTo(w.log_tab)
            assert "read-only" in w.log_tab.error.text()
            assert store.counts() == writer.counts()


def test_theme_follows_the_night_hours() -> None:
    auto = Settings(night_theme_from_hour=20, night_theme_to_hour=7)
    assert theme_for(auto, hour=3) == "night"
    assert theme_for(auto, hour=21) == "night"
    assert theme_for(auto, hour=12) == "day"
    assert theme_for(Settings(theme=ThemeChoice.DAY), hour=3) == "day"
    assert theme_for(Settings(theme=ThemeChoice.NIGHT), hour=12) == "night"


def test_n_toggles_the_theme(qtbot, qapp, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, now_ms=clock.now_ms) as store:
        w = build_window(store, qapp, clock)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        # Offscreen windows never become active, so window shortcuts cannot fire
        # here; the key itself is driven for real in tests/test_e2e_xvfb.py.
        assert w.night_action.shortcut().toString() == "Ctrl+Shift+N"
        before = w._ctx.theme.name
        w.night_action.trigger()
        assert w._ctx.theme.name != before
        assert w.night_action.isChecked() == w._ctx.theme.is_night


def test_guide_links_from_log_and_history_open_the_guide(qtbot, qapp, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, now_ms=clock.now_ms) as store:
        w = build_window(store, qapp, clock)
        qtbot.addWidget(w)
        w.history_tab.guide_requested.emit("urgent-signs")
        assert w.tabs.currentWidget() is w.guide_tab
        w.tabs.setCurrentIndex(0)
        w.log_tab.guide_requested.emit("common-causes")
        assert w.tabs.currentWidget() is w.guide_tab


def test_theme_follows_the_clock_until_switched_by_hand(qtbot, qapp, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, now_ms=clock.now_ms) as store:
        w = build_window(store, qapp, clock)
        qtbot.addWidget(w)
        w.follow_clock_theme(hour=23)
        assert w._ctx.theme.name == "night"
        w.follow_clock_theme(hour=12)
        assert w._ctx.theme.name == "day"
        w.toggle_theme()  # by hand: night at noon
        w.follow_clock_theme(hour=12)
        assert w._ctx.theme.name == "night"


def test_views_follow_the_services_on_their_own(qtbot, qapp, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    """Settings and children saved through the service reach every view by its
    events; nothing reloads them by hand."""
    with Store.open(data_dir, now_ms=clock.now_ms) as store:
        w = build_window(store, qapp, clock)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        service = w.log_tab._ctx.service
        noah = service.add_child(Child("Noah"))
        bar = w.log_tab.child_bar
        assert bar.buttons[noah.id].text() == "Noah"
        service.update(noah, name="Noah Lee")
        assert bar.buttons[noah.id].text() == "Noah Lee"
        theme = w.log_tab._ctx.theme
        night = theme.is_night
        choice = ThemeChoice.DAY if night else ThemeChoice.NIGHT
        service.save_settings(replace(store.settings, theme=choice, text_scale=1.25))
        assert theme.is_night is not night
        assert theme.scale == 1.25


def test_a_note_being_typed_is_saved_when_the_window_closes(qtbot, qapp, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, now_ms=clock.now_ms) as store:
        w = build_window(store, qapp, clock)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        tab = w.log_tab
        with qtbot.waitSignal(tab._ctx.bridge.movement_recorded):
            qtbot.keyClick(tab.target, Qt.Key.Key_Space)
        w.activateWindow()  # the Log tab's keys are window shortcuts
        qtbot.waitUntil(w.isActiveWindow)
        qtbot.keyClick(tab.target, Qt.Key.Key_E)  # settled: the sheet opens
        qtbot.waitUntil(tab.sheet.isVisible)
        tab.sheet.note.setFocus()
        qtbot.keyClicks(tab.sheet.note, "warm bath")
        w.close()
        assert [e.note for e in store.episodes()] == ["warm bath"]


def test_only_the_log_tab_is_built_at_start(qtbot, qapp, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    """At 3 a.m. the window is ready for the first tap: Charts, Guide and History
    are built the first time the parent opens them."""
    with Store.open(data_dir, now_ms=clock.now_ms) as store:
        w = build_window(store, qapp, clock)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        assert [w.built_page(k) is None for k in ("charts", "guide", "history")] == [True] * 3
        bar = w.tabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(3).center())
        history = w.built_page("history")
        assert history is not None
        assert w.tabs.currentWidget() is history
        assert history.isVisible()
        assert [w.tabs.tabText(i) for i in range(4)] == ["Log", "Charts", "Guide", "History"]
        assert w.built_page("charts") is None


# Only needed later: pyqtgraph (Charts) costs a good part of a second to import;
# the message boxes and the crash dialog are needed only when something goes wrong.
LATER_MODULES = ("pyqtgraph", "rlbaby.ui.dialogs.common", "rlbaby.ui.dialogs.crash_dialog")


def test_starting_the_window_imports_nothing_only_later_needs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The Log tab needs neither pyqtgraph nor the dialogs (each costs the start)."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from rlbaby.store import Store\n"
        "from rlbaby.ui.app import build_window\n"
        "app = QApplication([])\n"
        f"store = Store.open({str(tmp_path / 'data')!r})\n"
        "w = build_window(store, app)\n"
        "w.show(); app.processEvents()\n"
        f"print(sorted(m for m in sys.modules if m.startswith({LATER_MODULES!r}))[:3])\n"
        "w.close(); store.close()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
