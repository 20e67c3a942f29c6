"""The Log tab as a parent uses it: keys, taps, undo, kinds, episodes, sleep, urgent signs."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt

from rlbaby.content import Guide
from rlbaby.model import Child, MovementKind, Response, Sign, Soothing
from rlbaby.store import Store, WriteError
from rlbaby.ui.log_tab import LogTab


@pytest.fixture
def tab(qtbot, ui_ctx) -> LogTab:  # type: ignore[no-untyped-def]
    w = LogTab(ui_ctx, Guide())
    qtbot.addWidget(w)
    w.resize(1024, 600)
    w.show()
    qtbot.waitExposed(w)
    return w


def _child(tab: LogTab) -> str:
    return tab._ctx.selection.child_id


def test_space_logs_a_durable_movement(qtbot, tab, data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(tab._ctx.bridge.movement_recorded):
        qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    assert len(tab._ctx.store.movements(_child(tab))) == 1
    assert tab.episode_count == 1
    assert tab.target.pulsing
    assert tab.undo_button.isVisible()
    # On disk: a second, read-only store sees it.
    with Store.open(data_dir, readonly=True) as other:
        assert len(other.movements(_child(tab))) == 1


def test_enter_and_click_also_log(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(tab.target, Qt.Key.Key_Return)
    qtbot.mouseClick(tab.target, Qt.MouseButton.LeftButton)
    assert len(tab._ctx.store.movements(_child(tab))) == 2


def test_feedback_only_after_save(qtbot, tab, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def fail(*_a, **_k):  # type: ignore[no-untyped-def]
        raise WriteError("movements/x.json", OSError(28, "No space left on device"))

    monkeypatch.setattr(tab._ctx.store, "save", fail)
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    assert tab.episode_count == 0
    assert not tab.target.pulsing
    assert tab.error.isVisible()
    assert "disk is full" in tab.error.text()


def test_undo_and_redo(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    store = tab._ctx.store
    tab.undo()
    assert len(store.movements(_child(tab))) == 1
    assert tab.episode_count == 1
    tab.redo()
    assert len(store.movements(_child(tab))) == 2
    assert tab.episode_count == 2


def test_undo_button_hides_after_ten_seconds(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    assert tab.undo_button.isVisible()
    assert tab._undo_timer.isActive()
    assert tab._undo_timer.interval() == 10_000
    tab._undo_timer.timeout.emit()
    assert not tab.undo_button.isVisible()


def test_kind_key_labels_recent_tap(qtbot, tab, clock) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    clock.advance(2)
    qtbot.keyClick(tab.target, Qt.Key.Key_1)
    mv = tab._ctx.store.movements(_child(tab))
    assert len(mv) == 1
    assert tab._ctx.store.movement(mv.ids[0]).kind is MovementKind.KICK
    clock.advance(30)
    qtbot.keyClick(tab.target, Qt.Key.Key_4)  # too late to label: logs a new stiffening
    mv = tab._ctx.store.movements(_child(tab))
    assert len(mv) == 2
    assert tab._ctx.store.movement(mv.ids[1]).kind is MovementKind.STIFFENING


def test_episode_auto_closes_after_idle_timeout(qtbot, tab, clock) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    clock.advance(30)
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    assert tab.episode_count == 2
    assert tab.panel.settle.isEnabled()
    clock.advance(tab._ctx.store.settings.idle_timeout_s + 1)
    tab.refresh_clock()  # what the 1-s timer does
    assert tab.episode_count == 0
    assert tab.panel.title.text() == "No episode open"
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    assert len(tab._ctx.store.episodes(_child(tab))) == 2


def test_settled_key_ends_episode_and_opens_sheet(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    qtbot.keyClick(tab.target, Qt.Key.Key_E)
    ep = tab._ctx.store.episodes(_child(tab))[-1]
    assert ep.settled is not None
    assert tab.side.currentWidget() is tab.sheet
    assert tab.episode_count == 0
    # The sheet never blocks tapping.
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    assert len(tab._ctx.store.movements(_child(tab))) == 2
    assert len(tab._ctx.store.episodes(_child(tab))) == 2


def test_sheet_chips_use_the_side_panels_width(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    qtbot.keyClick(tab.target, Qt.Key.Key_E)
    sheet = tab.sheet
    qtbot.waitUntil(lambda: sheet.groups["onset_state"].isVisible())
    # Headings sit above their chips, so a group spans the sheet: the three
    # onset chips share one row (beside a heading, "awake" wrapped alone).
    group = sheet.groups["onset_state"]
    assert group.width() > 0.85 * sheet.viewport().width()
    rows = {b.y() for b in group.buttons.values()}
    assert len(rows) == 1, rows


def test_each_sheet_change_persists(qtbot, tab, data_dir) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    qtbot.keyClick(tab.target, Qt.Key.Key_E)
    sheet = tab.sheet
    qtbot.mouseClick(sheet.groups["soothing"].buttons[Soothing.ROCKING], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(sheet.groups["soothing"].buttons[Soothing.MASSAGE], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(
        sheet.groups["response"].buttons[Response.SETTLED_SLOW], Qt.MouseButton.LeftButton
    )
    qtbot.mouseClick(sheet.video, Qt.MouseButton.LeftButton)
    sheet.note.setFocus()
    qtbot.keyClicks(sheet.note, "after feed")
    sheet.note.editingFinished.emit()
    eid = sheet.episode_id
    with Store.open(data_dir, readonly=True) as other:
        ep = other.episode(eid)
    assert ep.soothing == {Soothing.ROCKING, Soothing.MASSAGE}
    assert ep.response is Response.SETTLED_SLOW
    assert ep.video is True
    assert ep.note == "after feed"
    # Clicking the chosen response again clears it.
    qtbot.mouseClick(
        sheet.groups["response"].buttons[Response.SETTLED_SLOW], Qt.MouseButton.LeftButton
    )
    assert tab._ctx.store.episode(eid).response is None


def test_urgent_sign_shows_notice_from_guide(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    tab.open_sheet()
    assert not tab.notice.isVisible()
    qtbot.mouseClick(tab.sheet.groups["signs"].buttons[Sign.STIFFNESS], Qt.MouseButton.LeftButton)
    assert not tab.notice.isVisible()
    qtbot.mouseClick(
        tab.sheet.groups["signs"].buttons[Sign.BREATHING_PAUSES], Qt.MouseButton.LeftButton
    )
    assert tab.notice.isVisible()
    text = tab.notice.text.text()
    section = Guide().section("urgent-signs")
    assert section.subsection("Seek medical help now").split()[0] in text
    assert "What to tell the doctor" in text


def test_sleep_toggle(qtbot, tab, clock) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(tab.target, Qt.Key.Key_S)
    assert tab.sleep_button.isChecked()
    assert "Asleep since" in tab.sleep_button.text()
    clock.advance(3600)
    qtbot.keyClick(tab.target, Qt.Key.Key_S)
    assert not tab.sleep_button.isChecked()
    (period,) = tab._ctx.store.sleep_periods(_child(tab))
    assert period.awake.utc_ms - period.asleep.utc_ms == 3_600_000


def test_two_children_are_kept_apart(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    store = tab._ctx.store
    twin = tab._ctx.service.add_child(Child("Bo"))
    first = _child(tab)
    tab.child_bar.reload()
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    qtbot.keyClick(tab.target, Qt.Key.Key_C)  # next child
    assert _child(tab) == twin.id
    assert tab.episode_count == 0
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    assert len(store.movements(first)) == 1
    assert len(store.movements(twin.id)) == 2
    assert store.settings.selected_child_id == twin.id
    qtbot.mouseClick(tab.child_bar.buttons[first], Qt.MouseButton.LeftButton)
    assert _child(tab) == first
    assert tab.episode_count == 1


def test_panel_shows_last_intervals(qtbot, tab, clock) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    clock.advance(0.4)
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    clock.advance(35)
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    assert tab.panel.count.text() == "3 movements"
    assert tab.panel.intervals.text() == "Last intervals: 0.4 s · 35 s"
