"""Journey 2: children, added and edited through the real dialogs, survive a restart."""

from __future__ import annotations

from datetime import date

from driving import button, handle_modal, start_app

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
)

from rlbaby.model import FamilyHistory, LabResult


def fill_name_and_save(dlg: QDialog, name: str, early: str | None = None) -> str:
    edit = dlg.findChild(QLineEdit, "child_name")
    assert edit is not None
    assert edit.isVisible()
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, name)
    if early is not None:
        combo = dlg.findChild(QComboBox, "born_early")
        assert combo is not None
        combo.setCurrentIndex(combo.findText(early))
    family = dlg.findChild(QComboBox, "family_history")
    assert family is not None
    shown = family.currentText()
    button(dlg, r"^save$").click()
    return shown


def edit_ada(dlg: QDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert dlg.windowTitle() == "Edit child"
    known = next(c for c in dlg.findChildren(QCheckBox) if c.text() == "Known")
    known.click()
    birth = dlg.findChild(QDateEdit)
    assert birth is not None
    assert birth.isEnabled()
    birth.setFocus()
    birth.setDate(QDate(2026, 5, 14))
    family = dlg.findChild(QComboBox, "family_history")
    assert family is not None
    family.setCurrentIndex(family.findText("yes"))
    table = dlg.findChild(QTableWidget, "labs_table")
    assert table is not None
    table.setFocus()
    table.setCurrentCell(0, 0)
    for i, cell in enumerate(("Ferritin", "35", "µg/L", "2026-11-01")):
        table.setCurrentCell(0, i)
        before = set(table.findChildren(QLineEdit))
        QTest.keyClick(table, Qt.Key.Key_F2)  # start editing the cell, as a parent would
        (editor,) = set(table.findChildren(QLineEdit)) - before
        QTest.keyClicks(editor, cell)
        QTest.keyClick(editor, Qt.Key.Key_Return)  # commits on the next turn of the loop
        qtbot.waitUntil(lambda i=i, cell=cell: table.item(0, i).text() == cell)
    notes = dlg.findChild(QPlainTextEdit)
    assert notes is not None
    notes.setFocus()
    QTest.keyClicks(notes, "Her father has restless legs")
    button(dlg, r"^save$").click()


def test_children_added_switched_edited_and_found_after_restart(qtbot, data_dir):
    store, window = start_app(qtbot, data_dir)
    bar = window.log_tab.child_bar

    shown = handle_modal(
        qtbot, button(window, r"add child").click, lambda d: fill_name_and_save(d, "Ada")
    )
    assert shown == "not recorded"  # the default records no fact the parent did not give
    handle_modal(
        qtbot, button(window, r"add child").click, lambda d: fill_name_and_save(d, "Ben", "yes")
    )
    kids = {c.name: c for c in store.children()}
    assert {"Ada", "Ben"} <= set(kids)
    assert kids["Ada"].family_history is FamilyHistory.UNKNOWN
    assert kids["Ben"].born_early is True
    qtbot.waitUntil(
        lambda: {"Ada", "Ben"} <= {b.text() for b in bar.buttons.values() if b.isVisible()}
    )

    button(bar, r"^Ada$").click()
    assert window._ctx.selection.child_id == kids["Ada"].id
    button(bar, r"^Ben$").click()
    assert window._ctx.selection.child_id == kids["Ben"].id
    button(bar, r"^Ada$").click()

    handle_modal(qtbot, button(window, r"^edit$").click, lambda d: edit_ada(d, qtbot))
    ada = store.child(kids["Ada"].id)
    assert ada is not None
    assert ada.birth_date == date(2026, 5, 14)
    assert ada.family_history is FamilyHistory.YES
    assert ada.labs == (LabResult("Ferritin", "35", "µg/L", date(2026, 11, 1)),)
    assert ada.notes == "Her father has restless legs"

    window.close()
    store.close()
    store, window = start_app(qtbot, data_dir)
    ada = store.child(kids["Ada"].id)
    assert ada is not None
    assert ada.birth_date == date(2026, 5, 14)
    assert ada.labs[0].test == "Ferritin"
    assert window._ctx.selection.child_id == kids["Ada"].id  # the last child picked

    def look(dlg: QDialog) -> tuple[str, str, str, str]:
        table = dlg.findChild(QTableWidget, "labs_table")
        family = dlg.findChild(QComboBox, "family_history")
        notes = dlg.findChild(QPlainTextEdit)
        date_edit = dlg.findChild(QDateEdit)
        assert table is not None
        assert family is not None
        assert notes is not None
        assert date_edit is not None
        seen = (
            family.currentText(),
            table.item(0, 0).text(),
            notes.toPlainText(),
            date_edit.date().toString("yyyy-MM-dd"),
        )
        button(dlg, r"^cancel$").click()
        return seen

    seen = handle_modal(qtbot, button(window, r"^edit$").click, look)
    assert seen == ("yes", "Ferritin", "Her father has restless legs", "2026-05-14")
    window.close()
    store.close()
