"""Journey 4: History, through its real tree, editors, buttons and Add dialog."""

from __future__ import annotations

from datetime import datetime, timedelta

from driving import add_child, button, handle_modal, open_tab, start_app, tap

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLineEdit, QRadioButton, QSpinBox, QTreeView

from rlbaby.model import Soothing


def click_row(qtbot, tree: QTreeView, key: str) -> None:  # type: ignore[no-untyped-def]
    """Click the row of record `key`, opening its parents first, as a parent would."""
    model = tree.model()
    found = model.index_of_key(key)  # type: ignore[attr-defined]
    assert found.isValid(), key
    parents: list[QModelIndex] = []
    p = found.parent()
    while p.isValid():
        parents.append(p)
        p = p.parent()
    for p in reversed(parents):
        tree.expand(p)
    tree.scrollTo(found)
    rect = tree.visualRect(found)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: model.key(tree.currentIndex()) == key)  # type: ignore[attr-defined]


def stamp(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%d %H:%M")


def test_history_edit_add_forgotten_delete_undo_and_filter(qtbot, data_dir):
    store, window = start_app(qtbot, data_dir)
    add_child(qtbot, window, "Ada")
    for _ in range(3):
        tap(qtbot, window)
    first = store.movements()
    episode_id = first.episode_ids[int(first.episode[0])]
    moves = store.movements_of_episode(episode_id)
    assert len(moves) == 3

    tab = open_tab(window, "History")
    tree = tab.tree  # type: ignore[attr-defined]

    # Edit a movement's time: a minute earlier, typed into the Time field.
    m0 = moves[0]
    click_row(qtbot, tree, m0.id)
    editor = tab.movement_editor  # type: ignore[attr-defined]
    qtbot.waitUntil(editor.isVisible)
    new_time = m0.at.local() - timedelta(minutes=1)
    field = editor.time_edit
    field.selectAll()
    QTest.keyClicks(field, new_time.strftime("%Y-%m-%d %H:%M:%S"))
    QTest.keyClick(field, Qt.Key.Key_Return)
    want_s = (m0.at.utc_ms - 60_000) // 1000  # the field shows whole seconds
    qtbot.waitUntil(lambda: store.movement(m0.id).at.utc_ms // 1000 == want_s)
    assert new_time.strftime("%H:%M:%S") in field.text()

    # Edit the episode's annotations: tick a soothing chip in its sheet.
    click_row(qtbot, tree, episode_id)
    sheet = tab.episode_editor.sheet  # type: ignore[attr-defined]
    qtbot.waitUntil(sheet.isVisible)
    button(sheet, r"^rocking$").click()
    qtbot.waitUntil(lambda: Soothing.ROCKING in store.episode(episode_id).soothing)
    assert button(sheet, r"^rocking$").isChecked()

    # Add a forgotten movement through the real "Add forgotten…" button.
    now = datetime.now().astimezone()
    when = now - timedelta(hours=2)

    def add_movement(dlg: QDialog) -> None:
        time_edit = dlg.findChild(QLineEdit, "add_time")
        assert time_edit is not None
        time_edit.selectAll()
        QTest.keyClicks(time_edit, stamp(when))
        button(dlg, r"^add$").click()

    before = len(store.movements())
    handle_modal(qtbot, button(tab, r"add forgotten").click, add_movement)
    assert len(store.movements()) == before + 1
    assert "Added" in tab.status.text()  # type: ignore[attr-defined]
    added_id = tab.model.key(tree.currentIndex())  # type: ignore[attr-defined]
    added = store.movement(added_id)
    assert added is not None
    assert added.at.local().strftime("%Y-%m-%d %H:%M") == stamp(when)

    # And a forgotten episode: start, end and about how many movements.
    start = now - timedelta(hours=5)

    def add_episode(dlg: QDialog) -> None:
        radio = next(r for r in dlg.findChildren(QRadioButton) if r.text() == "An episode")
        radio.click()
        time_edit = dlg.findChild(QLineEdit, "add_time")
        end_edit = dlg.findChild(QLineEdit, "add_end")
        count = dlg.findChild(QSpinBox, "add_count")
        assert time_edit is not None
        assert end_edit is not None
        assert count is not None
        assert end_edit.isVisible()
        time_edit.selectAll()
        QTest.keyClicks(time_edit, stamp(start))
        QTest.keyClicks(end_edit, stamp(start + timedelta(minutes=12)))
        count.selectAll()
        QTest.keyClicks(count, "4")
        button(dlg, r"^add$").click()

    handle_modal(qtbot, button(tab, r"add forgotten").click, add_episode)
    ep_id = tab.model.key(tree.currentIndex())  # type: ignore[attr-defined]
    ep = store.episode(ep_id)
    assert ep is not None
    assert ep.settled is not None
    spread = [m.at.utc_ms for m in store.movements_of_episode(ep_id)]
    assert len(spread) == 4
    assert spread[-1] - spread[0] == 12 * 60_000
    assert "4 movements" in tab.status.text()  # type: ignore[attr-defined]

    # Delete the forgotten movement, then take it back with the Undo bar.
    click_row(qtbot, tree, added_id)
    button(tab, r"^delete$").click()
    assert store.movement(added_id).deleted_ms is not None
    assert tab.model.index_of_key(added_id).isValid() is False  # type: ignore[attr-defined]
    button(tab, r"^undo").click()
    qtbot.waitUntil(lambda: store.movement(added_id).deleted_ms is None)
    qtbot.waitUntil(lambda: tab.model.index_of_key(added_id).isValid())  # type: ignore[attr-defined]

    # Filter: a range of nights long before the log leaves the list empty.
    filters = tab.filters  # type: ignore[attr-defined]
    filters.set_range(now.date() - timedelta(days=60), now.date() - timedelta(days=50))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)  # type: ignore[attr-defined]
    filters.set_range(now.date() - timedelta(days=2), now.date() + timedelta(days=1))
    qtbot.waitUntil(lambda: tab.model.index_of_key(ep_id).isValid())  # type: ignore[attr-defined]
    window.close()
    store.close()
