"""Driving the real window the way a parent does: by visible text, clicks and keys.

Nothing here replaces a dialog's `ask()`. A modal dialog runs its own event
loop, so `handle_modal` schedules the parent's actions on a timer that fires
inside that loop, then returns what the handler saw.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QMainWindow,
    QTabWidget,
    QWidget,
)

from rlbaby.store import Store
from rlbaby.ui.app import build_window
from rlbaby.ui.main_window import MainWindow


def text_of(b: QAbstractButton) -> str:
    return b.text().replace("&", "").strip()


def button(root: QWidget, pattern: str) -> QAbstractButton:
    """The visible, enabled button whose text matches `pattern` (case-insensitive)."""
    rx = re.compile(pattern, re.I)
    found = [
        b
        for b in root.findChildren(QAbstractButton)
        if b.isVisible() and b.isEnabled() and rx.search(text_of(b))
    ]
    assert found, f"no visible button matching {pattern!r} in {root.objectName()}: " + ", ".join(
        repr(text_of(b)) for b in root.findChildren(QAbstractButton) if b.isVisible()
    )
    return found[0]


def open_tab(window: QMainWindow, name: str) -> QWidget:
    tabs = window.findChild(QTabWidget)
    assert tabs is not None
    for i in range(tabs.count()):
        if tabs.tabText(i).replace("&", "") == name:
            tabs.setCurrentIndex(i)
            page = tabs.widget(i)
            assert page is not None
            return page
    raise AssertionError(f"no tab {name!r}")


def handle_modal(
    qtbot: Any,
    trigger: Callable[[], object],
    handler: Callable[[QDialog], object],
    timeout_ms: int = 5000,
) -> object:
    """Run `trigger` (which opens a modal dialog) and act on that dialog with `handler`.

    The handler runs inside the dialog's own event loop, like a parent's clicks.
    Returns the handler's result; re-raises its failure after the dialog closes.
    """
    outcome: dict[str, object] = {}
    waited = [0]

    def poll() -> None:
        dlg = QApplication.activeModalWidget()
        if isinstance(dlg, QDialog) and dlg.isVisible():
            try:
                outcome["result"] = handler(dlg)
            except BaseException as exc:  # re-raised outside the loop
                outcome["error"] = exc
                dlg.reject()
            return
        waited[0] += 20
        if waited[0] > timeout_ms:
            outcome["error"] = AssertionError("no modal dialog opened")
            return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    trigger()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome.get("result")


def start_app(qtbot: Any, data_dir: Path) -> tuple[Store, MainWindow]:
    """Open the folder and the main window as rlbaby.ui.app.run_gui does."""
    store = Store.open(data_dir)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = build_window(store, app)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return store, window


def handle_modals(
    qtbot: Any,
    trigger: Callable[[], object],
    handlers: list[Callable[[QDialog], object]],
    timeout_ms: int = 10000,
) -> list[object]:
    """Like `handle_modal`, for a path that opens several dialogs one after another.

    Each handler acts on the next new modal dialog, in order.
    """
    results: list[object] = []
    errors: list[BaseException] = []
    seen: list[QDialog] = []
    waited = [0]

    def poll() -> None:
        if len(results) == len(handlers) or errors:
            return
        dlg = QApplication.activeModalWidget()
        if isinstance(dlg, QDialog) and dlg.isVisible() and all(dlg is not s for s in seen):
            seen.append(dlg)
            try:
                results.append(handlers[len(results)](dlg))
            except BaseException as exc:  # re-raised outside the loop
                errors.append(exc)
                dlg.reject()
                return
        else:
            waited[0] += 20
            if waited[0] > timeout_ms:
                errors.append(AssertionError(f"dialog {len(results) + 1} never opened"))
                return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    trigger()
    if errors:
        raise errors[0]
    assert len(results) == len(handlers), f"only {len(results)} of {len(handlers)} dialogs seen"
    return results


def menu_action(window: QMainWindow, menu: str, item: str) -> Callable[[], None]:
    """The trigger of menu `menu` › `item`, found by their visible texts."""
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == menu and top.menu() is not None:
            for act in top.menu().actions():
                if act.text().replace("&", "") == item:
                    assert act.isEnabled(), f"{menu} › {item} is disabled"
                    return act.trigger
    raise AssertionError(f"no menu item {menu} › {item}")


def choose_file(path: Path, name_filter: str | None = None) -> Callable[[QDialog], None]:
    """A handler for rlbaby's (non-native) file dialog: type the path, press its button."""
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    def handler(dlg: QDialog) -> None:
        assert isinstance(dlg, QFileDialog), type(dlg)
        if name_filter is not None:
            match = [f for f in dlg.nameFilters() if name_filter.lower() in f.lower()]
            assert match, dlg.nameFilters()
            dlg.selectNameFilter(match[0])
        edit = dlg.findChild(QLineEdit, "fileNameEdit")
        assert edit is not None
        edit.setText(str(path))
        dlg.accept()

    return handler


def press(pattern: str) -> Callable[[QDialog], str]:
    """A handler that reads a dialog's text and clicks its button matching `pattern`."""
    from PySide6.QtWidgets import QLabel

    def handler(dlg: QDialog) -> str:
        text = " ".join(lbl.text() for lbl in dlg.findChildren(QLabel) if lbl.isVisible())
        button(dlg, pattern).click()
        return text

    return handler


def add_child(qtbot: Any, window: MainWindow, name: str) -> None:
    """ "+ Add child", type the name, Save: through the real dialog."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    def fill(dlg: QDialog) -> None:
        edit = dlg.findChild(QLineEdit, "child_name")
        assert edit is not None
        QTest.keyClicks(edit, name)
        button(dlg, r"^save$").click()

    handle_modal(qtbot, button(window, r"add child").click, fill)


def tap(qtbot: Any, window: MainWindow) -> None:
    """One click on the tap target, waiting until it is saved."""
    from PySide6.QtCore import Qt

    from rlbaby.ui.log.tap_target import TapTarget

    target = window.findChild(TapTarget)
    assert target is not None
    before = len(window._ctx.store.movements())
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window._ctx.store.movements()) == before + 1)


W = TypeVar("W", bound=QWidget)


def field_by_label(dlg: QWidget, label: str, kind: type[W]) -> W:
    """The field on the form row whose label reads `label`, as a parent finds it."""
    from PySide6.QtWidgets import QFormLayout, QLabel

    for form in dlg.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and isinstance(item.widget(), QLabel):
                if item.widget().text() == label:
                    field = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
                    assert isinstance(field, kind), label
                    return field
    raise AssertionError(f"no field {label!r}")
