"""A second copy opened read-only: it says so, disables what cannot work,
refuses the keys that would log, and follows the copy that writes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from rlbaby.model import Child, night_of
from rlbaby.services import LoggerService
from rlbaby.store import Store
from rlbaby.ui.app import build_window
from rlbaby.ui.main_window import MainWindow
from rlbaby.ui.readonly.banner import FOLLOWING_TEXT
from rlbaby.ui.readonly.folder_watcher import FolderWatcher


@pytest.fixture
def writer(data_dir: Path, clock) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    s = Store.open(data_dir, now_ms=clock.now_ms)
    s.save(Child("Ada"))
    yield s
    s.close()


@pytest.fixture
def window(qtbot, qapp, writer, data_dir, clock) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    reader = Store.open(data_dir, readonly=True, now_ms=clock.now_ms)
    w = build_window(reader, qapp, clock)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    reader.close()


def _writing_controls(w: MainWindow) -> dict[str, object]:
    log = w.log_tab
    history = w.history_tab
    bar = log.child_bar
    controls: dict[str, object] = {
        "tap target": log.target,
        "settled": log.panel.settle,
        "add details": log.panel.annotate,
        "episode sheet": log.sheet,
        "asleep/awake": log.sleep_button,
        "add child button": bar.add_button,
        "edit child button": bar.edit_button,
        "History add forgotten": history.add_button,
        "History delete": history.delete_button,
        "History movement editor": history.movement_editor,
        "History episode editor": history.episode_editor,
        "History sleep editor": history.sleep_editor,
    }
    for kind, button in log.kind_buttons.items():
        controls[f"kind {kind.value}"] = button
    for name in (
        "act_add_child",
        "act_import",
        "act_backup",
        "act_restore",
        "act_settings",
        "act_undo",
        "act_redo",
    ):
        controls[name] = next(a for a in w.actions() if a.objectName() == name)
    return controls


def _taps_on_disk(data_dir: Path) -> int:
    with Store.open(data_dir, readonly=True) as s:
        return s.counts()["movements"]


def test_a_banner_says_read_only_on_every_tab(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    banner = window.readonly_banner
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        assert banner.isVisible(), window.tabs.tabText(i)
        assert banner.message == FOLLOWING_TEXT
        assert banner.lead.text() == "Read-only"
        assert banner.text.text() in FOLLOWING_TEXT
    assert not banner.reopen.isVisible()
    # The tap target does not invite a tap either.
    window.tabs.setCurrentWidget(window.log_tab)
    assert window.log_tab.target.headline == "Read-only"
    assert window.log_tab.target.hint == "Log in the other copy of rlbaby"  # no dead key invited


def test_what_cannot_work_is_disabled(window: MainWindow, writer, clock) -> None:  # type: ignore[no-untyped-def]
    # An open episode enables Settled at every tick: make one, then tick.
    LoggerService(writer, clock).record_movement(writer.children()[0].id)
    assert window.readonly_mode is not None
    assert window.readonly_mode.follow()
    window.log_tab.refresh_clock()
    assert window.log_tab.episode_count == 1
    off = [name for name, w in _writing_controls(window).items() if w.isEnabled()]  # type: ignore[attr-defined]
    assert off == []
    assert "nothing can be changed" in window.history_tab.hint.text()
    # Looking still works: reports, export, the theme, other tabs.
    on = {a.objectName() for a in window.actions() if a.isEnabled()}
    assert {"act_report", "act_export", "act_night", "act_quit"} <= on


def test_a_writable_window_has_them_all_enabled(qtbot, qapp, writer, clock) -> None:  # type: ignore[no-untyped-def]
    LoggerService(writer, clock).record_movement(writer.children()[0].id)
    w = build_window(writer, qapp, clock)
    qtbot.addWidget(w)
    w.log_tab.refresh_clock()
    controls = _writing_controls(w)
    # Sheet and editors wait for something to show; the rest is ready.
    for name in ("History add forgotten", "tap target", "settled", "asleep/awake", "act_undo"):
        assert controls[name].isEnabled(), name  # type: ignore[attr-defined]
    assert not hasattr(w, "readonly_banner")


LOG_KEYS = (
    (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_1, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_4, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_E, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_S, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
)


def test_log_keys_do_nothing_but_say_so(qtbot, window: MainWindow, data_dir) -> None:  # type: ignore[no-untyped-def]
    log = window.log_tab
    for key, modifier in LOG_KEYS:
        window.statusBar().clearMessage()
        qtbot.keyClick(log, key, modifier)
        assert window.statusBar().currentMessage().startswith("Read-only:"), key
    assert _taps_on_disk(data_dir) == 0
    assert not log.error.isVisibleTo(log)  # no "Not saved" error after the fact
    assert not log.sheet.isVisibleTo(log)
    # With nothing focused (the target cannot take the focus), the window gets the key.
    window.statusBar().clearMessage()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.statusBar().currentMessage().startswith("Read-only:")
    assert _taps_on_disk(data_dir) == 0
    # Keys that only look still work: C (next child) is not refused.
    window.statusBar().clearMessage()
    qtbot.keyClick(log, Qt.Key.Key_C)
    assert window.statusBar().currentMessage() == ""


def test_history_delete_and_insert_do_nothing(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, writer, clock, data_dir
) -> None:
    LoggerService(writer, clock).record_movement(writer.children()[0].id)
    assert window.readonly_mode is not None
    assert window.readonly_mode.follow()
    window.tabs.setCurrentWidget(window.history_tab)
    tree = window.history_tab.tree
    tree.setCurrentIndex(window.history_tab.model.index(0, 0))
    assert "nothing can be changed" in window.history_tab.hint.text()  # a night's hint too
    for key in (Qt.Key.Key_Delete, Qt.Key.Key_Insert):
        window.statusBar().clearMessage()
        qtbot.keyClick(tree, key)
        assert window.statusBar().currentMessage().startswith("Read-only:")
    assert _taps_on_disk(data_dir) == 1
    with Store.open(data_dir, readonly=True) as s:
        assert s.counts()["episodes"] == 1


def test_it_follows_the_writer(qtbot, window: MainWindow, writer, clock) -> None:  # type: ignore[no-untyped-def]
    mode = window.readonly_mode
    assert mode is not None
    service = LoggerService(writer, clock)
    cid = writer.children()[0].id
    for _ in range(3):
        with qtbot.waitSignal(mode.followed, timeout=5000):
            service.record_movement(cid)
        clock.advance(15)
    assert window.log_tab.episode_count == 3
    assert window.log_tab.target.headline == "3"
    night = night_of(clock(), writer.settings.night_start_hour)
    qtbot.waitUntil(lambda: window.history_tab.model.night_item(night) is not None)
    # A child added by the writer appears in the child bar.
    with qtbot.waitSignal(mode.followed, timeout=5000):
        writer.save(Child("Bea"))
    names = [b.text() for b in window.log_tab.child_bar.buttons.values()]
    assert names == ["Ada", "Bea"]


def test_writer_closing_offers_to_reopen(qtbot, window: MainWindow, writer) -> None:  # type: ignore[no-untyped-def]
    mode = window.readonly_mode
    assert mode is not None
    assert mode.check_writer() is True
    writer.close()
    with qtbot.waitSignal(mode.writer_changed, timeout=5000) as blocker:
        pass
    assert blocker.args == [False]
    banner = window.readonly_banner
    assert banner.reopen.isVisible()
    assert "other copy closed" in banner.message
    qtbot.mouseClick(banner.reopen, Qt.MouseButton.LeftButton)
    assert window.reopen_writable
    assert not window.isVisible()


def test_the_watcher_keeps_watching_a_file_replaced_by_rename(qtbot, writer, data_dir) -> None:  # type: ignore[no-untyped-def]
    watcher = FolderWatcher(data_dir)
    meta = str(data_dir / "meta.json")
    assert meta in watcher.watched()
    for name in ("Bea", "Cy"):
        with qtbot.waitSignal(watcher.changed, timeout=5000):
            writer.save(Child(name))
        assert meta in watcher.watched()
    # A record folder made after the watch began is watched from then on.
    assert str(data_dir / "sleep") not in watcher.watched()
    with qtbot.waitSignal(watcher.changed, timeout=5000):
        LoggerService(writer).toggle_sleep(writer.children()[0].id)
        writer.checkpoint()  # the sleep mark leaves the tap log for sleep/
    assert str(data_dir / "sleep") in watcher.watched()
    # The tap log changes in place (an append), and is watched as a file.
    assert str(data_dir / "taps.log") in watcher.watched()
    with qtbot.waitSignal(watcher.changed, timeout=5000):
        LoggerService(writer).toggle_sleep(writer.children()[0].id)
