"""The Log tab as a parent uses it: keys, taps, undo, kinds, episodes, sleep, urgent signs."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from rlbaby.content import Guide
from rlbaby.model import (
    URGENT_SIGNS,
    Child,
    MovementKind,
    OnsetState,
    Response,
    Sign,
    Soothing,
)
from rlbaby.store import Store, WriteError
from rlbaby.ui.app import build_window
from rlbaby.ui.dialogs.settings_dialog import SettingsDialog
from rlbaby.ui.dialogs.shortcuts_dialog import SHORTCUTS
from rlbaby.ui.emergency import shown_emergency_number
from rlbaby.ui.log.tab import LogTab
from rlbaby.wording import ago, plural

# A sign that is not a red flag (which signs are is decided in rlbaby.model).
PLAIN_SIGN = next(s for s in Sign if s not in URGENT_SIGNS)


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
    monkeypatch.setattr(tab._ctx.store, "save_together", fail)  # a tap opening an episode
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
    qtbot.mouseClick(tab.sheet.groups["signs"].buttons[PLAIN_SIGN], Qt.MouseButton.LeftButton)
    assert not tab.notice.isVisible()
    qtbot.mouseClick(
        tab.sheet.groups["signs"].buttons[Sign.BREATHING_PAUSES], Qt.MouseButton.LeftButton
    )
    assert tab.notice.isVisible()
    text = tab.notice.text.text()
    assert text.startswith("Seek medical help now")  # the action first
    assert "What to tell the doctor" in tab.notice.details.text()  # one click away


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


# --- issue 10 -------------------------------------------------------------------


def _activate(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    """Shortcuts need an active window; offscreen ones become active only when asked."""
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)


def test_enter_logs_whatever_has_focus_in_the_sheet(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    _activate(qtbot, tab)
    store = tab._ctx.store
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    qtbot.keyClick(tab.target, Qt.Key.Key_A)  # into the sheet
    chip = tab.sheet.groups["onset_state"].buttons[OnsetState.ASLEEP]
    assert chip.hasFocus()
    qtbot.keyClick(chip, Qt.Key.Key_Space)  # Space ticks the chip in focus...
    assert chip.isChecked()
    assert len(store.movements(_child(tab))) == 1
    for widget in (chip, tab.sheet.note, tab.sheet.findChild(QPushButton, "sheet_close")):
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Return)  # ...and Enter always logs
    qtbot.keyClick(tab.sheet.note, Qt.Key.Key_Enter)  # the keypad's Enter too
    assert len(store.movements(_child(tab))) == 5
    assert tab.episode_count == 5
    assert tab.sheet.isVisible()  # Enter on Close logged; it did not close the sheet
    # Which key always logs is written on the screen.
    assert tab.target.hint == "Space or Enter: log a movement"
    assert "Enter logs a movement" in tab.sheet.keys.text()
    assert tab.sheet.keys.isVisible()


def test_the_panel_follows_the_new_episode(qtbot, tab, clock) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    qtbot.keyClick(tab.target, Qt.Key.Key_E)  # settled: the sheet for that episode
    old = tab.sheet.episode_id
    assert tab.side.currentWidget() is tab.sheet
    clock.advance(60)
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)  # restless again: a new episode
    episodes = tab._ctx.store.episodes(_child(tab))
    assert [e.id for e in episodes][0] == old
    assert len(episodes) == 2
    assert tab.side.currentWidget() is tab.panel
    assert tab.panel.isVisible()
    assert tab.panel.title.text() == "Episode in progress"
    assert tab.panel.count.text() == "1 movement"
    assert tab.panel.settle.isEnabled()
    assert tab.target.hasFocus()


def _fill(widget) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """The chip's fill: its most common colour (text and border are thin)."""
    img = widget.grab().toImage()
    seen = Counter(
        img.pixelColor(x, y).getRgb()[:3] for x in range(img.width()) for y in range(img.height())
    )
    return seen.most_common(1)[0][0]


@pytest.mark.parametrize("theme", ["night", "day"])
def test_a_chosen_urgent_sign_is_unmistakable(qtbot, tab, theme) -> None:  # type: ignore[no-untyped-def]
    tab._ctx.theme.set_theme(theme)
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    tab.open_sheet()
    signs = tab.sheet.groups["signs"]
    chip = signs.buttons[Sign.BREATHING_PAUSES]
    tab.sheet.ensureWidgetVisible(chip)
    qtbot.wait(10)
    before_text, before = chip.text(), _fill(chip)
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    qtbot.wait(10)
    after = _fill(chip)
    assert not before_text.startswith("✓")
    assert chip.text().startswith("✓ ")  # not only colour
    assert chip.text() == "✓ breathing pauses"
    # The fill changes strongly (not 43,15,10 against 27,16,13).
    assert sum(abs(a - b) for a, b in zip(after, before, strict=True)) > 120, (before, after)
    # The check mark fits: the chip grew instead of clipping its text.
    assert chip.width() >= chip.sizeHint().width()
    assert Sign.BREATHING_PAUSES in tab._ctx.store.episodes(_child(tab))[-1].signs
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert not chip.text().startswith("✓")
    plain = signs.buttons[PLAIN_SIGN]
    qtbot.mouseClick(plain, Qt.MouseButton.LeftButton)
    assert plain.isChecked()
    assert not plain.text().startswith("✓")  # only urgent signs carry the mark


def test_status_words_are_a_parents(qtbot, tab, clock) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(tab.target, Qt.Key.Key_S)
    clock.advance(600)
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    tab.undo()
    assert tab.status.text() == "Undone: movement"
    tab.undo()
    assert tab.status.text() == "Undone: asleep mark"
    tab.redo()
    assert tab.status.text() == "Redone: asleep mark"
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    clock.advance(53 * 3600 + 7 * 60)
    tab.refresh_clock()
    assert tab.target.detail == "last movement 2 days ago"
    clock.advance(-30 * 3600)
    tab.refresh_clock()
    assert tab.target.detail == "last movement 23 h 07 min ago"


def test_sleep_pressed_twice_quickly_cancels(qtbot, tab, clock) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(tab.target, Qt.Key.Key_S)
    clock.advance(1)
    qtbot.keyClick(tab.target, Qt.Key.Key_S)
    assert tab._ctx.store.sleep_periods(_child(tab)) == []
    assert not tab.sleep_button.isChecked()
    assert "Awake" in tab.sleep_button.text()
    assert "cancelled (S pressed twice)" in tab.status.text()


def test_words_for_spans_and_counts() -> None:
    assert plural(1, "movement") == "1 movement"
    assert plural(2, "episode") == "2 episodes"
    assert ago((53 * 60 + 7) * 60_000) == "2 days"
    assert ago(25 * 3600_000) == "1 day"
    assert ago(65_000) == "1 min 05 s"


# --- the whole window: which keys act where ----------------------------------------------


@pytest.fixture
def window(qtbot, qapp, ui_store, clock):  # type: ignore[no-untyped-def]
    w = build_window(ui_store, qapp, clock)
    qtbot.addWidget(w)
    w.resize(1024, 640)
    w.show()
    qtbot.waitExposed(w)
    _activate(qtbot, w)
    return w


def test_single_keys_act_only_on_the_log_tab(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    w = window
    theme = w._ctx.theme
    twin = w._ctx.service.add_child(Child("Bo"))
    w.log_tab.child_bar.reload()
    first = w._ctx.selection.child_id
    w.tabs.setCurrentWidget(w.history_tab)
    tree = w.history_tab.tree
    tree.setFocus()
    night = theme.is_night
    for key in (Qt.Key.Key_N, Qt.Key.Key_C, Qt.Key.Key_S, Qt.Key.Key_E, Qt.Key.Key_1):
        qtbot.keyClick(tree, key)
    assert theme.is_night == night  # no white flood at night
    assert w._ctx.selection.child_id == first
    assert w._ctx.store.sleep_periods(first) == []
    assert len(w._ctx.store.movements(first)) == 0
    # With a modifier the theme switches from anywhere.
    qtbot.keyClick(
        tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert theme.is_night != night
    # On the Log tab the single keys work.
    w.tabs.setCurrentWidget(w.log_tab)
    w.log_tab.target.setFocus()
    qtbot.keyClick(w.log_tab.target, Qt.Key.Key_N)
    assert theme.is_night == night
    qtbot.keyClick(w.log_tab.target, Qt.Key.Key_C)
    assert w._ctx.selection.child_id == twin.id
    # F1 lists it.
    keys = [k for k, _w in SHORTCUTS]
    assert "Ctrl+Shift+N" in keys
    assert any("single keys act only there" in what for _k, what in SHORTCUTS)


def test_a_longer_idle_timeout_keeps_a_closed_episode_closed(
    qtbot, window, clock, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    w = window
    log = w.log_tab
    timeout = w._ctx.store.settings.idle_timeout_s
    qtbot.keyClick(log.target, Qt.Key.Key_Space)
    clock.advance(timeout + 60)
    log.refresh_clock()
    assert log.panel.title.text() == "No episode open"
    longer = replace(w._ctx.store.settings, idle_timeout_s=timeout * 3)
    monkeypatch.setattr(SettingsDialog, "ask", classmethod(lambda cls, *a, **k: longer))
    w.edit_settings()
    assert w._ctx.store.settings.idle_timeout_s == timeout * 3
    log.refresh_clock()
    assert log.panel.title.text() == "No episode open"
    assert log.episode_count == 0
    qtbot.keyClick(log.target, Qt.Key.Key_Space)
    assert len(w._ctx.store.episodes(_child(log))) == 2


def test_history_night_hint_counts_in_words(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    w = window
    qtbot.keyClick(w.log_tab.target, Qt.Key.Key_Space)
    w.tabs.setCurrentWidget(w.history_tab)
    tree = w.history_tab.tree
    qtbot.waitUntil(lambda: w.history_tab.model.rowCount() == 1)
    tree.setCurrentIndex(w.history_tab.model.index(0, 0))
    text = w.history_tab.hint.text()
    assert ": 1 movement in 1 episode, no sleep marks." in text, text


def test_urgent_notice_is_short_action_first_details_one_click_away(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    tab.resize(1000, 700)
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    tab.open_sheet()
    signs = tab.sheet.groups["signs"].buttons
    qtbot.mouseClick(signs[Sign.INCONSOLABLE_CRYING], Qt.MouseButton.LeftButton)
    assert not tab.notice.isVisible()  # not a red flag
    qtbot.mouseClick(signs[Sign.BREATHING_PAUSES], Qt.MouseButton.LeftButton)
    assert tab.notice.isVisible()
    action = tab.notice.text.text()
    number = shown_emergency_number(tab._ctx.store.settings)
    # The action comes first, with the number to dial.
    assert action.startswith("Seek medical help now")
    assert f"call your local emergency number ({number})" in action.lower()
    assert tab.notice.flags.text() == "You noted: breathing pauses."
    # Short: the guide's fuller words are one click away, not in the way.
    assert not tab.notice.details.isVisible()
    qtbot.waitUntil(lambda: tab.notice.height() > 0)
    assert tab.notice.height() <= tab.height() // 4, (tab.notice.height(), tab.height())
    qtbot.mouseClick(tab.notice.more, Qt.MouseButton.LeftButton)
    assert tab.notice.details.isVisible()
    details = tab.notice.details.text()
    assert "What to tell the doctor" in details
    section = Guide().section("urgent-signs")
    assert section.subsection("What to tell the doctor").split()[0] in details
    # No source markers in the notice (they belong to the guide page).
    for text in (action, tab.notice.flags.text(), details):
        assert "added; see" not in text
        assert "#sources" not in text
        assert "{{" not in text


def test_notice_names_the_emergency_number_from_settings(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    store = tab._ctx.store
    store.save_settings(replace(store.settings, emergency_number="+44 999"))
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    tab.open_sheet()
    qtbot.mouseClick(
        tab.sheet.groups["signs"].buttons[Sign.COLOUR_CHANGE], Qt.MouseButton.LeftButton
    )
    assert "(+44 999)" in tab.notice.text.text()
