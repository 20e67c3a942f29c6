"""A parent who uses a screen reader or only the keyboard.

Every control the window shows, on every tab and in every dialog the menus
open, has a name and a description a screen reader can speak; Tab reaches
every control of the Log tab and Shift+Tab comes back; a saved tap is
announced out loud.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from driving import choose_file, handle_modal, handle_modals, menu_action, open_tab, tap

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from rlbaby.demo import populate
from rlbaby.store import Store
from rlbaby.store.backup import BackupManager
from rlbaby.store.exchange import export_json
from rlbaby.ui.app import build_window
from rlbaby.ui.charts.base import ChartWidget
from rlbaby.ui.main_window import MainWindow

CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsView,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
)


def _inside_item_view(w: QWidget) -> bool:
    """A header, corner button or cell editor: spoken as part of its view's table."""
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QAbstractItemView):
            return True
        p = p.parentWidget()
    return False


def is_control(w: QWidget) -> bool:
    """A visible widget the parent can focus or operate (not Qt's inner parts)."""
    if not w.isVisible() or isinstance(w, QScrollBar) or _inside_item_view(w):
        return False
    if w.focusProxy() is not None:  # a spin box's line edit, a tab widget: the proxy speaks
        return False
    if isinstance(w, QLabel):  # a label speaks its text; selectable ones take focus
        return False
    return isinstance(w, CONTROLS) or w.focusPolicy() != Qt.FocusPolicy.NoFocus


def spoken(w: QWidget) -> tuple[str, str]:
    """What a screen reader says for `w`: its accessible name and description."""
    iface = QAccessible.queryAccessibleInterface(w)
    assert iface is not None, type(w).__name__
    return iface.text(QAccessible.Text.Name), iface.text(QAccessible.Text.Description)


class Offenders(dict[tuple[str, str], str]):
    """Controls a screen reader could not name or explain, each listed once
    (per dialog, or once for the main window)."""

    def add(self, root: QWidget, where: str) -> None:
        group = where if isinstance(root, QDialog) else "window"
        for w in root.findChildren(QWidget):
            problem = unspoken(w)
            if problem and (group, problem) not in self:
                self[group, problem] = f"{where}: {problem}"


def unspoken(w: QWidget) -> str:
    """What a screen reader misses about `w`, if it is a control or a chart."""
    chart = isinstance(w, ChartWidget) and w.isVisible()
    if not (chart or is_control(w)):
        return ""
    name, description = spoken(w)
    # A dialog's own OK, Save and Cancel say all there is to say in their name; Qt
    # speaks a tab bar as its current tab's name and gives it no description.
    wants_description = not (
        isinstance(w.parentWidget(), QDialogButtonBox) or isinstance(w, QTabBar)
    )
    if name.strip() and (description.strip() or not wants_description):
        return ""
    what = f"{type(w).__name__} {w.objectName() or ''}".strip()
    return f"{what} name={name!r} description={description!r}"


def walk_dialog(where: str, found: Offenders):  # type: ignore[no-untyped-def]
    """A modal handler that records the dialog's offenders and closes it."""

    def handler(dlg: QDialog) -> None:
        found.add(dlg, where)
        dlg.reject()

    return handler


@pytest.fixture
def window(qtbot, qapp, tmp_path: Path, clock) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """A window on a few nights of demo data, activated so that keys and focus work."""
    with Store.open(tmp_path / "data", now_ms=clock.now_ms) as store:
        populate(store, nights=4, now_ms=clock.utc_ms)
        w = build_window(store, qapp, clock)
        qtbot.addWidget(w)
        w.resize(1100, 720)
        w.show()
        qtbot.waitExposed(w)
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow)
        yield w
        w.close()


def _tree_rows(view: QAbstractItemView) -> list[QModelIndex]:
    """The first night's rows, depth first (an episode, its movements, a sleep period)."""
    model = view.model()
    rows: list[QModelIndex] = []

    def visit(parent: QModelIndex) -> None:
        for r in range(model.rowCount(parent)):
            index = model.index(r, 0, parent)
            rows.append(index)
            visit(index)

    visit(model.index(0, 0))
    return rows


def test_every_control_and_chart_has_a_spoken_name_and_description(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    found = Offenders()
    # The Log tab as it looks before a tap, after one, with its details and a red flag.
    log = open_tab(window, "Log")
    found.add(window, "Log")
    tap(qtbot, window)
    found.add(window, "Log after a tap")
    log.open_sheet()
    log.raise_notice(())  # the urgent notice, with its buttons
    found.add(window, "Log with the episode details")
    charts = open_tab(window, "Charts")
    for key, page in charts.page_buttons.items():
        page.click()
        found.add(window, f"Charts {key}")
    charts.set_range("custom", charts.nights.first, charts.nights.last)
    found.add(window, "Charts with custom dates")
    open_tab(window, "Guide")
    found.add(window, "Guide")
    history = open_tab(window, "History")
    found.add(window, "History")
    tree = history.tree
    for index in _tree_rows(tree):
        tree.setCurrentIndex(index)
        found.add(window, f"History row {index.data()}")
    # Every dialog, opened the way a parent opens it.
    for menu, item in (
        ("File", "Add child…"),
        ("File", "Report for the doctor…"),
        ("File", "Restore a backup…"),
        ("File", "Settings…"),
        ("Help", "Keyboard shortcuts"),
    ):
        if item == "Restore a backup…":
            BackupManager(window._ctx.store).backup_now(reason="manual")
        handle_modal(qtbot, menu_action(window, menu, item), walk_dialog(item, found))
    export = tmp_path / "export.json"
    export_json(window._ctx.store, export)
    handle_modals(
        qtbot,
        menu_action(window, "File", "Import…"),
        [choose_file(export), walk_dialog("Import…", found)],
    )
    handle_modal(
        qtbot,
        open_tab(window, "History").add_button.click,
        walk_dialog("Add forgotten…", found),
    )
    assert not found, "no accessible name or description:\n" + "\n".join(found.values())


@pytest.mark.parametrize("side", ["panel", "details"])
def test_tab_reaches_every_log_control_and_shift_tab_comes_back(qtbot, window, side) -> None:  # type: ignore[no-untyped-def]
    log = open_tab(window, "Log")
    tap(qtbot, window)  # the Undo button shows too
    if side == "details":
        log.open_sheet()
    log.raise_notice(())
    log.target.setFocus()
    qtbot.waitUntil(log.target.hasFocus)
    everything = {w for w in log.findChildren(QWidget) if is_control(w) and w.isEnabled()}
    wanted = {w for w in everything if w.focusPolicy() & Qt.FocusPolicy.TabFocus}
    assert wanted == everything, "not reachable with Tab: " + ", ".join(
        w.objectName() or type(w).__name__ for w in everything - wanted
    )
    assert log.child_bar.edit_button in wanted
    assert log.undo_button in wanted
    assert (log.panel.settle if side == "panel" else log.sheet.note) in wanted
    forward = []
    for _ in range(len(wanted) + 3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        forward.append(QApplication.focusWidget())
        if forward[-1] is log.target:
            break
    missed = wanted - set(forward)
    assert not missed, (
        "Tab never reached: "
        + ", ".join(w.objectName() for w in missed)
        + " in "
        + ", ".join(w.objectName() or type(w).__name__ for w in forward)
    )
    assert forward[-1] is log.target, "Tab did not come round to the tap target"
    # The order a parent reads: target, kinds, panel or details... then the child bar.
    assert forward.index(log.kind_buttons[next(iter(log.kind_buttons))]) == 0
    backward = []
    for _ in range(len(forward)):
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier
        )
        backward.append(QApplication.focusWidget())
    assert backward == list(reversed(forward[:-1])) + [log.target]
    # The tap target is where logging starts again, and Enter still logs from anywhere.
    before = len(window._ctx.store.movements())
    log.child_bar.edit_button.setFocus()
    qtbot.keyClick(log.child_bar.edit_button, Qt.Key.Key_Return)
    assert len(window._ctx.store.movements()) == before + 1


def test_edit_child_has_a_keyboard_route(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    def name_field(dlg: QDialog) -> str:
        edit = dlg.findChild(QLineEdit, "child_name")
        text = edit.text()
        dlg.reject()
        return text

    name = window._ctx.store.child(window._ctx.selection.child_id).name
    assert handle_modal(qtbot, menu_action(window, "File", "Edit child…"), name_field) == name
    # The same by its shortcut, from the Log tab's tap target.
    target = open_tab(window, "Log").target
    window.activateWindow()  # back from the dialog
    qtbot.waitUntil(window.isActiveWindow)
    seen = handle_modal(
        qtbot,
        lambda: qtbot.keyClick(target, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier),
        name_field,
    )
    assert seen == name


def test_a_saved_tap_is_announced(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    said: list[tuple[str, object]] = []
    post = QAccessible.updateAccessibility

    def spy(event) -> None:  # type: ignore[no-untyped-def]
        if event.type() == QAccessible.Event.Announcement:
            said.append((event.message(), event.politeness()))
        post(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", spy)
    log = open_tab(window, "Log")
    qtbot.keyClick(log.target, Qt.Key.Key_Space)
    assert said, "nothing was announced"
    message, politeness = said[-1]
    assert message.startswith("Saved")
    assert message == log.status.text()
    assert politeness == QAccessible.AnnouncementPoliteness.Polite
