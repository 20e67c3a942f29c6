"""The History tab as a parent uses it: edit, delete and undo, add what was forgotten."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QPushButton

from rlbaby.model import (
    Child,
    Episode,
    Instant,
    Movement,
    MovementKind,
    OnsetState,
    Sign,
    SleepPeriod,
    StoppedWhenWoken,
)
from rlbaby.services import LoggerService
from rlbaby.services.history import EpisodeItem
from rlbaby.store import Store, WriteError
from rlbaby.ui.bridge import ServiceBridge
from rlbaby.ui.context import ChildSelection, UiContext
from rlbaby.ui.history.add_dialog import AddRequest, AddWhat, HistoryAddDialog
from rlbaby.ui.history.tab import HistoryTab
from rlbaby.ui.theme import ThemeManager

CET = timezone(timedelta(hours=1))  # the FakeClock's offset
N22 = date(2026, 11, 22)
N23 = date(2026, 11, 23)  # "tonight": the clock reads 24 Nov 07:00


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> Instant:
    return Instant.from_datetime(datetime(2026, 11, day, hour, minute, second, tzinfo=CET))


def seed(store: Store, cid: str) -> dict[str, str]:
    """Night of the 22nd: asleep 20:00-06:00, an episode of 3 at 23:00; night of the
    23rd: an episode of 2 at 02:00 on the 24th."""
    sleep = store.save(SleepPeriod(cid, at(22, 20), awake=at(23, 6)))
    ep1 = store.save(Episode(cid, opened=at(22, 23)))
    moves = [
        store.save(Movement(cid, ep1.id, at(22, 23, 0, s), MovementKind.KICK)) for s in (0, 30, 59)
    ]
    ep2 = store.save(Episode(cid, opened=at(24, 2)))
    for s in (0, 20):
        store.save(Movement(cid, ep2.id, at(24, 2, 0, s)))
    return {"sleep": sleep.id, "ep1": ep1.id, "ep2": ep2.id, "m0": moves[0].id, "m1": moves[1].id}


@pytest.fixture
def ids(ui_ctx) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return seed(ui_ctx.store, ui_ctx.selection.child_id)


@pytest.fixture
def tab(qtbot, qtmodeltester, ui_ctx, ids) -> HistoryTab:  # type: ignore[no-untyped-def]
    w = HistoryTab(ui_ctx)
    qtbot.addWidget(w)
    qtmodeltester.check(w.model)  # stays attached: every update in every test is checked
    w.resize(1024, 540)
    w.show()
    qtbot.waitExposed(w)
    return w


def row_keys(tab: HistoryTab, parent: QModelIndex = QModelIndex()) -> list[str | None]:  # noqa: B008
    m = tab.model
    return [m.key(m.index(r, 0, parent)) for r in range(m.rowCount(parent))]


def index(tab: HistoryTab, key: str) -> QModelIndex:
    found = tab.model.index_of_key(key)
    assert found.isValid(), key
    return found


# --- listing ------------------------------------------------------------------------


def test_lists_the_selected_childs_nights_newest_first(tab: HistoryTab, ids) -> None:  # type: ignore[no-untyped-def]
    assert tab.model.nights() == [N23, N22]
    assert tab.tree.isExpanded(tab.model.index(0, 0))  # the newest night opens by itself
    assert row_keys(tab, index(tab, "night:2026-11-22")) == [ids["sleep"], ids["ep1"]]
    assert "2 nights with a log for Ada" in tab.status.text()
    assert tab.filters.nights == (date(2026, 11, 10), N23)


def test_date_range_filters_nights(tab: HistoryTab) -> None:
    tab.filters.first.setDate(QDate(2026, 11, 23))
    assert tab.model.nights() == [N23]
    tab.filters.last.setDate(QDate(2026, 11, 21))  # before "from": "from" follows
    assert tab.filters.nights == (date(2026, 11, 21), date(2026, 11, 21))
    assert tab.model.nights() == []
    assert "Nothing logged for Ada" in tab.status.text()


def test_two_children_are_kept_apart(qtbot, tab: HistoryTab, ids) -> None:  # type: ignore[no-untyped-def]
    ctx = tab._ctx
    ben = ctx.service.add_child(Child("Ben"))
    assert tab.filters.child.count() == 2  # the new child is listed at once
    ctx.service.add_movement_at(ben.id, at(22, 21), MovementKind.JERK)
    assert tab.model.nights() == [N23, N22]
    assert ids["ep1"] in row_keys(tab, index(tab, "night:2026-11-22"))
    ctx.selection.select(ben.id)  # the Log tab's child: History follows
    assert tab.filters.child_id == ben.id
    assert tab.model.nights() == [N22]
    (ep,) = row_keys(tab, tab.model.index(0, 0))
    assert ep != ids["ep1"]
    ctx.service.record_movement(ctx.store.children()[0].id)  # Ada taps: Ben's list stays
    assert tab.model.nights() == [N22]


def test_a_tap_through_the_service_adds_one_row_and_keeps_the_view(
    qtbot, tab: HistoryTab, ids, clock
) -> None:  # type: ignore[no-untyped-def]
    ctx = tab._ctx
    tab.tree.expand(index(tab, ids["ep2"]))
    tab.select_key(ids["m0"])
    selected = QPersistentModelIndex(tab.tree.currentIndex())
    clock.utc_ms = at(24, 2, 1).utc_ms  # within the 02:00 episode's idle timeout
    with qtbot.assertNotEmitted(tab.model.modelReset), qtbot.waitSignal(tab.model.rowsInserted):
        ctx.service.record_movement(ctx.selection.child_id)
    ep2 = index(tab, ids["ep2"])
    assert tab.model.rowCount(ep2) == 3
    assert tab.tree.isExpanded(ep2)
    assert tab.tree.currentIndex() == QModelIndex(selected)
    assert tab.model.key(tab.tree.currentIndex()) == ids["m0"]


def test_a_hidden_tab_catches_up_when_shown(qtbot, tab: HistoryTab, ids, clock) -> None:  # type: ignore[no-untyped-def]
    tab.hide()
    clock.utc_ms = at(24, 2, 1).utc_ms
    tab._ctx.service.record_movement(tab._ctx.selection.child_id)
    assert tab.model.rowCount(index(tab, ids["ep2"])) == 2  # not rebuilt while hidden
    tab.show()
    qtbot.waitExposed(tab)
    assert tab.model.rowCount(index(tab, ids["ep2"])) == 3


def test_reload_keeps_expansion_and_selection(tab: HistoryTab, ids) -> None:  # type: ignore[no-untyped-def]
    tab.select_key(ids["m1"])
    tab.tree.collapse(tab.model.index(0, 0))
    tab._ctx.bridge.data_replaced.emit()
    assert tab.tree.isExpanded(index(tab, ids["ep1"]))
    assert not tab.tree.isExpanded(tab.model.index(0, 0))
    assert tab.model.key(tab.tree.currentIndex()) == ids["m1"]


# --- editing --------------------------------------------------------------------------


def test_edit_a_movement_time_and_kind_round_trips_through_the_store(
    qtbot, tab: HistoryTab, ids, data_dir
) -> None:  # type: ignore[no-untyped-def]
    store = tab._ctx.store
    tab.select_key(ids["m0"])
    editor = tab.movement_editor
    assert tab.side.currentWidget() is editor
    assert editor.time_edit.text() == "2026-11-22 23:00:00"
    editor.time_edit.setText("23:05:10")  # a bare time stays in its night
    qtbot.keyClick(editor.time_edit, Qt.Key.Key_Return)
    editor.kind.setCurrentIndex(editor.kind.findText("Stretch"))
    editor.kind.activated.emit(editor.kind.currentIndex())
    editor.note.setText("both legs")
    qtbot.keyClick(editor.note, Qt.Key.Key_Return)
    saved = store.movement(ids["m0"])
    assert saved is not None
    assert (saved.at, saved.kind, saved.note) == (
        at(22, 23, 5, 10),
        MovementKind.STRETCH,
        "both legs",
    )
    assert saved.at.offset_min == 60
    with Store.open(data_dir, readonly=True) as reopened:
        again = reopened.movement(ids["m0"])
        assert again is not None
        assert (again.at, again.kind, again.note) == (saved.at, saved.kind, saved.note)
    # The row moved to its new time, is still selected, and says what it is.
    ep1 = index(tab, ids["ep1"])
    assert row_keys(tab, ep1)[-1] == ids["m0"]
    assert tab.model.key(tab.tree.currentIndex()) == ids["m0"]
    row = tab.tree.currentIndex().row()
    assert [tab.model.index(row, c, ep1).data() for c in range(3)] == [
        "23:05:10",
        "Stretch",
        "both legs",
    ]
    assert "Saved" in editor.message.text()


@pytest.mark.parametrize(
    ("text", "needle"),
    [("25:99", "not a time of day"), ("later", "not a time I can read"), ("", "type a time")],
)
def test_bad_time_input_is_refused_and_nothing_is_saved(
    qtbot, tab: HistoryTab, ids, text: str, needle: str
) -> None:  # type: ignore[no-untyped-def]
    store = tab._ctx.store
    before = store.movement(ids["m0"])
    tab.select_key(ids["m0"])
    editor = tab.movement_editor
    editor.time_edit.setText(text)
    qtbot.keyClick(editor.time_edit, Qt.Key.Key_Return)
    assert "Not saved" in editor.message.text()
    assert needle in editor.message.text()
    assert store.movement(ids["m0"]) == before
    assert not tab._ctx.service.can_undo


def test_a_time_in_the_future_is_refused(qtbot, tab: HistoryTab, ids) -> None:  # type: ignore[no-untyped-def]
    tab.select_key(ids["m0"])
    tab.movement_editor.time_edit.setText("2026-11-24 09:00")  # the clock says 07:00
    qtbot.keyClick(tab.movement_editor.time_edit, Qt.Key.Key_Return)
    assert "in the future" in tab.movement_editor.message.text()
    assert tab._ctx.store.movement(ids["m0"]).at == at(22, 23)  # type: ignore[union-attr]


def test_sleep_marks_are_checked_together(qtbot, tab: HistoryTab, ids) -> None:  # type: ignore[no-untyped-def]
    store = tab._ctx.store
    tab.select_key(ids["sleep"])
    editor = tab.sleep_editor
    assert tab.side.currentWidget() is editor
    assert (editor.asleep_edit.text(), editor.awake_edit.text()) == (
        "2026-11-22 20:00:00",
        "2026-11-23 06:00:00",
    )
    editor.asleep_edit.setText("06:30")  # after the Awake mark: refused
    qtbot.keyClick(editor.asleep_edit, Qt.Key.Key_Return)
    assert "must be after asleep" in editor.message.text()
    assert store.sleep_period(ids["sleep"]).asleep == at(22, 20)  # type: ignore[union-attr]
    editor.awake_edit.setText("06:50")  # now both make sense: both are saved
    qtbot.keyClick(editor.awake_edit, Qt.Key.Key_Return)
    saved = store.sleep_period(ids["sleep"])
    assert saved is not None
    assert (saved.asleep, saved.awake) == (at(23, 6, 30), at(23, 6, 50))
    editor.awake_edit.setText("")  # no Awake mark
    qtbot.keyClick(editor.awake_edit, Qt.Key.Key_Return)
    assert store.sleep_period(ids["sleep"]).awake is None  # type: ignore[union-attr]
    assert tab.model.data(index(tab, ids["sleep"]).siblingAtColumn(2)) == "no Awake mark yet"


def test_episode_settled_time_and_annotations(qtbot, tab: HistoryTab, ids) -> None:  # type: ignore[no-untyped-def]
    store = tab._ctx.store
    tab.select_key(ids["ep1"])
    editor = tab.episode_editor
    assert tab.side.currentWidget() is editor
    assert editor.sheet.episode_id == ids["ep1"]
    editor.settled_edit.setText("22:50")  # before its first movement: refused
    qtbot.keyClick(editor.settled_edit, Qt.Key.Key_Return)
    assert "before the episode's first movement" in editor.message.text()
    assert store.episode(ids["ep1"]).settled is None  # type: ignore[union-attr]
    editor.settled_edit.setText("23:10")
    qtbot.keyClick(editor.settled_edit, Qt.Key.Key_Return)
    assert store.episode(ids["ep1"]).settled == at(22, 23, 10)  # type: ignore[union-attr]
    qtbot.mouseClick(
        editor.sheet.groups["onset_state"].buttons[OnsetState.DROWSY], Qt.MouseButton.LeftButton
    )
    assert store.episode(ids["ep1"]).onset_state is OnsetState.DROWSY  # type: ignore[union-attr]
    # The row follows: it now ends at the Settled mark.
    assert tab.model.data(index(tab, ids["ep1"])) == "23:00–23:10"


def test_a_refused_save_shows_the_reason_and_keeps_the_view(
    qtbot, tab: HistoryTab, ids, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    store = tab._ctx.store

    def full(*_a, **_k):  # type: ignore[no-untyped-def]
        raise WriteError("movements/2026-11.json", OSError(28, "No space left on device"))

    tab.select_key(ids["m0"])
    monkeypatch.setattr(store, "save", full)
    tab.movement_editor.time_edit.setText("23:04")
    qtbot.keyClick(tab.movement_editor.time_edit, Qt.Key.Key_Return)
    assert tab.error.isVisible()
    assert "disk is full" in tab.error.text()
    assert tab.movement_editor.time_edit.text() == "2026-11-22 23:00:00"  # the stored value
    assert tab.model.data(tab.tree.currentIndex()) == "23:00:00"
    qtbot.keyClick(tab.tree, Qt.Key.Key_Delete)
    assert "Not deleted" in tab.error.text()
    assert tab.model.key(tab.tree.currentIndex()) == ids["m0"]
    assert not tab.undo_bar.isVisible()


# --- delete and undo --------------------------------------------------------------------


def test_delete_key_then_undo_bar_restores(qtbot, tab: HistoryTab, ids) -> None:  # type: ignore[no-untyped-def]
    store = tab._ctx.store
    tab.select_key(ids["m0"])
    tab.tree.setFocus()
    qtbot.keyClick(tab.tree, Qt.Key.Key_Delete)
    assert store.movement(ids["m0"]).deleted_ms is not None  # type: ignore[union-attr]
    assert ids["m0"] not in row_keys(tab, index(tab, ids["ep1"]))
    assert tab.model.key(tab.tree.currentIndex()) == ids["m1"]  # the next row is selected
    assert tab.undo_bar.isVisible()
    assert "Deleted the kick movement" in tab.undo_bar.label.text()
    qtbot.mouseClick(tab.undo_bar.button, Qt.MouseButton.LeftButton)
    assert store.movement(ids["m0"]).deleted_ms is None  # type: ignore[union-attr]
    assert row_keys(tab, index(tab, ids["ep1"]))[0] == ids["m0"]
    assert tab.model.key(tab.tree.currentIndex()) == ids["m0"]
    assert not tab.undo_bar.isVisible()


def test_deleting_an_episode_takes_its_movements_and_ctrl_z_brings_them_back(
    qtbot, tab: HistoryTab, ids
) -> None:  # type: ignore[no-untyped-def]
    ctx = tab._ctx
    tab.select_key(ids["ep1"])
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert len(ctx.store.movements(episode_id=ids["ep1"])) == 0
    assert row_keys(tab, index(tab, "night:2026-11-22")) == [ids["sleep"]]
    assert tab.undo_bar.isVisible()
    ctx.service.undo()  # what Edit > Undo (Ctrl+Z) does
    assert not tab.undo_bar.isVisible()
    assert len(ctx.store.movements(episode_id=ids["ep1"])) == 3
    assert row_keys(tab, index(tab, "night:2026-11-22")) == [ids["sleep"], ids["ep1"]]


def test_undo_bar_steps_aside_when_something_newer_happened(qtbot, tab: HistoryTab, ids) -> None:  # type: ignore[no-untyped-def]
    tab.select_key(ids["sleep"])
    qtbot.keyClick(tab.tree, Qt.Key.Key_Delete)
    assert tab.undo_bar.isVisible()
    tab._ctx.service.record_movement(tab._ctx.selection.child_id)  # a tap: undo would take it
    assert not tab.undo_bar.isVisible()
    assert tab.undo_bar.timer.interval() == 15_000


def test_a_night_row_cannot_be_deleted(qtbot, tab: HistoryTab) -> None:  # type: ignore[no-untyped-def]
    tab.tree.setCurrentIndex(tab.model.index(0, 0))
    qtbot.keyClick(tab.tree, Qt.Key.Key_Delete)
    assert "Pick a movement, an episode or a sleep period" in tab.status.text()
    assert tab.model.nights() == [N23, N22]


# --- adding what was forgotten ---------------------------------------------------------------


def fake_ask(monkeypatch, request: AddRequest | None, seen: list[dict] | None = None) -> None:  # type: ignore[no-untyped-def,type-arg]
    def ask(_parent, **kwargs):  # type: ignore[no-untyped-def]
        if seen is not None:
            seen.append(kwargs)
        return request

    monkeypatch.setattr(HistoryAddDialog, "ask", ask)


def test_a_forgotten_movement_lands_in_its_night_and_episode(
    qtbot, tab: HistoryTab, ids, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    seen: list[dict] = []  # type: ignore[type-arg]
    tab.select_key(ids["m1"])
    fake_ask(monkeypatch, AddRequest(AddWhat.MOVEMENT, at(22, 23, 2), MovementKind.JERK), seen)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert seen[0]["night"] == N22  # bare times in the dialog mean the selected row's night
    assert seen[0]["default_text"] == "2026-11-22 23:00:30"
    moves = tab._ctx.store.movements_of_episode(ids["ep1"])
    assert [m.at for m in moves][-1] == at(22, 23, 2)
    added = moves[-1]
    assert row_keys(tab, index(tab, ids["ep1"]))[-1] == added.id
    assert tab.model.key(tab.tree.currentIndex()) == added.id
    assert "Added a jerk / twitch at" in tab.status.text()
    tab._ctx.service.undo()
    assert row_keys(tab, index(tab, ids["ep1"]))[-1] != added.id


def test_a_forgotten_episode_opens_its_own_episode_ready_to_describe(
    qtbot, tab: HistoryTab, ids, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    fake_ask(monkeypatch, AddRequest(AddWhat.EPISODE, at(23, 3, 15)))
    tab.add_forgotten(AddWhat.EPISODE)
    night = row_keys(tab, index(tab, "night:2026-11-22"))
    assert len(night) == 3  # sleep, the 23:00 episode, and the new one at 03:15
    new_key = night[-1]
    assert new_key not in (ids["ep1"], ids["ep2"])
    assert tab.model.key(tab.tree.currentIndex()) == new_key
    assert tab.side.currentWidget() is tab.episode_editor
    assert tab.episode_editor.sheet.episode_id == new_key
    assert "Describe it" in tab.status.text()


def test_a_forgotten_sleep_period_and_a_night_outside_the_range(
    qtbot, tab: HistoryTab, ids, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    fake_ask(monkeypatch, AddRequest(AddWhat.SLEEP, at(2, 19, 30), awake=at(3, 5)))
    tab.add_forgotten(AddWhat.SLEEP)
    assert tab.filters.nights[0] == date(2026, 11, 2)  # the range widened to show it
    assert tab.model.nights()[-1] == date(2026, 11, 2)
    record = tab.model.record(tab.tree.currentIndex())
    assert isinstance(record, SleepPeriod)
    assert (record.asleep, record.awake) == (at(2, 19, 30), at(3, 5))


def test_cancelled_add_changes_nothing(qtbot, tab: HistoryTab, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    fake_ask(monkeypatch, None)
    qtbot.keyClick(tab.tree, Qt.Key.Key_Insert)
    assert not tab._ctx.service.can_undo


# --- keys and size ------------------------------------------------------------------------


def test_enter_edits_and_escape_comes_back(qtbot, tab: HistoryTab, ids) -> None:  # type: ignore[no-untyped-def]
    tab.activateWindow()
    tab.select_key(ids["m0"])
    tab.tree.setFocus()
    qtbot.waitUntil(tab.tree.hasFocus)
    qtbot.keyClick(tab.tree, Qt.Key.Key_Return)
    qtbot.waitUntil(tab.movement_editor.time_edit.hasFocus)
    qtbot.keyClick(tab.movement_editor.time_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(tab.tree.hasFocus)
    night = tab.model.index(1, 0)
    tab.tree.setCurrentIndex(night)
    qtbot.keyClick(tab.tree, Qt.Key.Key_Return)  # on a night: open or close it
    assert not tab.tree.isExpanded(night)


def test_fits_a_1024_by_600_screen(tab: HistoryTab, ids) -> None:  # type: ignore[no-untyped-def]
    tab.select_key(ids["ep1"])  # the widest side panel: the episode sheet
    hint = tab.minimumSizeHint()
    # The tab sits below a menu bar and a tab bar (about 60 px together).
    assert hint.width() <= 1024
    assert hint.height() <= 540
    assert isinstance(tab.model.payload(tab.tree.currentIndex()), EpisodeItem)


def test_closing_the_episode_sheet_puts_the_panel_away_and_enter_brings_it_back(
    qtbot, tab: HistoryTab, ids
) -> None:  # type: ignore[no-untyped-def]
    tab.select_key(ids["ep1"])
    sheet = tab.episode_editor.sheet
    qtbot.mouseClick(sheet.findChild(QPushButton, "sheet_close"), Qt.MouseButton.LeftButton)
    assert tab.side.currentWidget() is tab.hint
    qtbot.keyClick(tab.tree, Qt.Key.Key_Return)
    assert tab.side.currentWidget() is tab.episode_editor
    assert sheet.isVisible()


def test_a_tap_in_a_new_night_widens_a_range_that_ended_tonight(tab: HistoryTab, clock) -> None:  # type: ignore[no-untyped-def]
    clock.utc_ms = at(24, 19).utc_ms  # the next evening: a new night
    tab._ctx.service.record_movement(tab._ctx.selection.child_id)
    assert tab.filters.nights[1] == date(2026, 11, 24)
    assert tab.model.nights()[0] == date(2026, 11, 24)
    assert tab.model.rowCount(tab.model.index(0, 0)) == 1


def test_an_urgent_sign_on_a_past_episode_says_what_to_do_now(qtbot, tab: HistoryTab, ids) -> None:  # type: ignore[no-untyped-def]
    tab.select_key(ids["ep1"])
    chip = tab.episode_editor.sheet.groups["signs"].buttons[Sign.BREATHING_PAUSES]
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert Sign.BREATHING_PAUSES in tab._ctx.store.episode(ids["ep1"]).signs  # type: ignore[union-attr]
    assert tab.error.isVisible()
    assert "seek medical help now" in tab.error.text()
    assert "(breathing pauses)" in tab.error.text()


def test_not_stopping_when_woken_on_a_past_episode_is_a_red_flag_too(
    qtbot, tab: HistoryTab, ids
) -> None:  # type: ignore[no-untyped-def]
    tab.select_key(ids["ep1"])
    chip = tab.episode_editor.sheet.groups["stopped_when_woken"].buttons[StoppedWhenWoken.NO]
    assert "URGENT" in chip.toolTip()
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert tab.error.isVisible()
    assert "did not stop when woken" in tab.error.text()
    assert "local emergency number (" in tab.error.text()


def test_a_read_only_folder_can_be_looked_at_but_not_changed(
    qtbot, qapp, ui_ctx, ids, data_dir, clock
) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, readonly=True, now_ms=clock.now_ms) as reader:
        service = LoggerService(reader, clock)
        ctx = UiContext(
            reader,
            service,
            ServiceBridge(service),
            ThemeManager(qapp, "night"),
            ChildSelection(service),
            clock,
        )
        w = HistoryTab(ctx)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        assert w.model.nights() == [N23, N22]
        assert not w.add_button.isEnabled()
        assert not w.delete_button.isEnabled()
        assert "Read-only" in w.status.text()
        w.select_key(ids["m0"])
        # The editor shows the row but cannot be changed (not refused after the fact).
        assert w.side.currentWidget() is w.movement_editor
        assert not w.movement_editor.isEnabled()
        assert not w.movement_editor.time_edit.isEnabled()
        qtbot.keyClick(w.movement_editor.time_edit, Qt.Key.Key_Return)
        assert w.error.text() == ""
        assert reader.movement(ids["m0"]).at == at(22, 23)  # type: ignore[union-attr]


def test_marking_a_past_movement_stiffening_raises_the_red_flag(
    qtbot, tab: HistoryTab, ids
) -> None:  # type: ignore[no-untyped-def]
    tab.select_key(ids["m0"])
    editor = tab.movement_editor
    assert not tab.error.isVisible()
    editor.kind.setCurrentIndex(editor.kind.findText("Stiffening"))
    editor.kind.activated.emit(editor.kind.currentIndex())
    assert tab._ctx.store.movement(ids["m0"]).kind is MovementKind.STIFFENING  # type: ignore[union-attr]
    assert tab.error.isVisible()
    assert "(stiffening or spasms)" in tab.error.text()
    assert "local emergency number (" in tab.error.text()
