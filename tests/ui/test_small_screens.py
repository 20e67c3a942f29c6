"""Small screens and large text: the window opens on the screen, nothing is cut off.

A netbook screen is 1024 x 600 with a panel or two; View > Larger text twice
gives 150 % text. The real window is built as the app builds it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from PySide6.QtCore import QModelIndex, QPoint, QRect, QSize
from PySide6.QtGui import QAction, QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from rlbaby.demo import populate
from rlbaby.store import Store
from rlbaby.ui.app import build_window
from rlbaby.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from rlbaby.ui.history.add_dialog import HistoryAddDialog
from rlbaby.ui.main_window import MainWindow
from rlbaby.ui.screen_fit import fit_to_screen

NETBOOK = QSize(1024, 600 - 32)  # a 1024 x 600 screen less a 32 px panel


@pytest.fixture
def window(qtbot, qapp, data_dir, clock) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    store = Store.open(data_dir, now_ms=clock.now_ms)
    # The demo nights end the night before the test clock's "now".
    populate(store, nights=6, end=clock().local().date() - timedelta(days=1))
    w = build_window(store, qapp, clock)
    qtbot.addWidget(w)
    yield w
    w.close()
    store.close()


def _larger_text_twice(window: MainWindow) -> None:
    act = window.findChild(QAction, "act_bigger")
    act.trigger()
    act.trigger()
    assert window._ctx.store.settings.text_scale == pytest.approx(1.5)


def _inside(widget: QWidget, window: QWidget) -> bool:
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return window.rect().contains(rect)


def test_window_opens_within_the_screen(window) -> None:  # type: ignore[no-untyped-def]
    available = window.screen().availableGeometry()
    assert window.width() <= available.width()
    assert window.height() <= available.height()
    assert window.minimumWidth() <= available.width()
    assert window.minimumHeight() <= available.height()


def test_fit_to_screen_leaves_room_for_the_title_bar() -> None:
    size, minimum = fit_to_screen(NETBOOK)
    assert size.width() <= NETBOOK.width()
    assert size.height() <= NETBOOK.height() - 24  # the window manager's title bar
    assert minimum.width() <= size.width()
    assert minimum.height() <= size.height()
    laptop, _ = fit_to_screen(QSize(1280, 800))
    assert laptop == QSize(1280 - 8, 800 - 40)  # the room there is, less the frame
    big, _ = fit_to_screen(QSize(2560, 1440))
    assert big == QSize(1440, 900)  # a large monitor: still a window, not the screen


@pytest.mark.parametrize("larger", [False, True], ids=["100%", "150%"])
def test_log_tab_fits_a_netbook(qtbot, window, larger) -> None:  # type: ignore[no-untyped-def]
    if larger:
        _larger_text_twice(window)
    size, _ = fit_to_screen(NETBOOK)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    assert window.size() == size  # the minimum size does not push it off the screen
    log = window.log_tab
    wanted = [b for b in log.findChildren(QPushButton) if b.isVisible()]
    texts = " | ".join(b.text() for b in wanted)
    assert "Kick" in texts
    assert "Add details" in texts
    for b in wanted:
        assert _inside(b, window), b.text()
        assert b.height() >= b.sizeHint().height() - 2, b.text()
        assert b.width() >= b.minimumSizeHint().width(), b.text()


def _rows(model, parent: QModelIndex | None = None, depth: int = 0):  # type: ignore[no-untyped-def]
    parent = parent or QModelIndex()
    for r in range(model.rowCount(parent)):
        index = model.index(r, 0, parent)
        yield index, depth
        yield from _rows(model, index, depth + 1)


@pytest.mark.parametrize("start_large", [False, True], ids=["made-larger", "started-larger"])
def test_history_when_column_fits_at_150_percent(qtbot, qapp, window, start_large) -> None:  # type: ignore[no-untyped-def]
    if start_large:  # the parent chose 150 % yesterday: the app starts with it
        _larger_text_twice(window)
        store = window._ctx.store
        window.close()
        window = build_window(store, qapp, window._ctx.clock)
        qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    if not start_large:
        _larger_text_twice(window)  # while the History tab was never shown
    window.tabs.setCurrentWidget(window.history_tab)
    tree = window.history_tab.tree
    tree.expandAll()
    qtbot.wait(10)
    assert tree.font().pointSizeF() > QGuiApplication.font().pointSizeF()  # the larger text
    checked = 0
    for index, depth in _rows(tree.model()):
        text = index.data()
        font = QFont(tree.font())
        font.setBold(depth == 0)
        need = QFontMetrics(font).horizontalAdvance(text) + tree.indentation() * (depth + 1)
        assert tree.columnWidth(0) >= need, text
        checked += 1
    assert checked > 10


def test_history_editor_titles_are_whole_at_150_percent(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    _larger_text_twice(window)
    tab = window.history_tab
    window.tabs.setCurrentWidget(tab)
    tree = tab.tree
    tree.expandAll()
    seen = set()
    for index, _depth in _rows(tree.model()):
        tree.setCurrentIndex(index)
        page = tab.side.currentWidget()
        heading = getattr(page, "heading", None)
        if not isinstance(heading, QLabel) or page in seen:
            continue
        seen.add(page)
        qtbot.wait(10)
        need = (
            heading.heightForWidth(heading.width())
            if heading.wordWrap()
            else heading.sizeHint().height()
        )
        assert heading.height() >= need, heading.text()
        if not heading.wordWrap():
            assert heading.width() >= heading.sizeHint().width(), heading.text()
    assert len(seen) >= 2


def test_add_dialog_help_is_whole_at_150_percent(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    _larger_text_twice(window)
    dlg = HistoryAddDialog(
        night=None, start_hour=18, now_ms=window._ctx.clock().utc_ms, default_text=""
    )
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    for radio in dlg.radios.values():
        radio.setChecked(True)
        QApplication.processEvents()
        for label in dlg.findChildren(QLabel):
            if not label.isVisible() or not label.text() or not label.wordWrap():
                continue
            assert label.height() >= label.heightForWidth(label.width()), label.text()


@pytest.mark.parametrize("larger", [False, True], ids=["100%", "150%"])
def test_shortcut_list_fits_the_screen_and_shows_every_key(qtbot, window, larger) -> None:  # type: ignore[no-untyped-def]
    if larger:
        _larger_text_twice(window)
    dlg = ShortcutsDialog(window)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    available = dlg.screen().availableGeometry()
    assert dlg.width() <= available.width()
    assert dlg.height() <= available.height()
    table = dlg.table
    # Every description is readable: no cut-off column (wrapped rows are fine).
    assert not table.horizontalScrollBar().isVisible()
    for r in range(table.rowCount()):
        for c in range(2):
            rect = table.visualRect(table.model().index(r, c))
            text = table.item(r, c).text()
            fm = table.fontMetrics()
            lines = max(1, rect.height() // fm.lineSpacing())
            assert fm.horizontalAdvance(text) <= (rect.width() - 4) * lines, text
    # The last key can be reached: all rows visible, or the list scrolls.
    last = table.visualRect(table.model().index(table.rowCount() - 1, 0))
    fits = last.bottom() <= table.viewport().height()
    assert fits or table.verticalScrollBar().maximum() > 0


@pytest.mark.parametrize("larger", [False, True], ids=["100%", "150%"])
def test_log_tab_fits_a_netbook_in_german(qtbot, qapp, data_dir, clock, larger) -> None:  # type: ignore[no-untyped-def]
    """German words are longer: the buttons, the tap target's words and the
    episode details still fit a 1024 x 600 screen."""
    from dataclasses import replace

    from rlbaby.model import LanguageChoice

    store = Store.open(data_dir, now_ms=clock.now_ms)
    populate(store, nights=2, end=clock().local().date() - timedelta(days=1))
    store.save_settings(replace(store.settings, language=LanguageChoice.GERMAN))
    w = build_window(store, qapp, clock)
    qtbot.addWidget(w)
    try:
        if larger:
            _larger_text_twice(w)
        size, _ = fit_to_screen(NETBOOK)
        w.resize(size)
        w.show()
        qtbot.waitExposed(w)
        assert w.size() == size
        log = w.log_tab
        log.open_sheet(store.episodes(store.children()[0].id)[-1].id)
        qtbot.waitUntil(log.sheet.isVisible)
        buttons = [b for b in log.findChildren(QPushButton) if b.isVisible()]
        texts = " | ".join(b.text() for b in buttons)
        assert "Strampeln" in texts
        assert "+ Kind hinzufügen" in texts
        for b in buttons:
            if log.sheet.isAncestorOf(b):
                continue  # the sheet scrolls; its chips wrap onto new rows
            assert _inside(b, w), b.text()
            assert b.width() >= b.minimumSizeHint().width(), b.text()
        for chip in log.sheet.findChildren(QPushButton):
            if chip.isVisible():  # wrapped, never cut: each chip is as wide as its words
                assert chip.width() >= chip.sizeHint().width() - 2, chip.text()
                assert chip.geometry().right() <= chip.parentWidget().width(), chip.text()
        target = log.target
        font = QFont(target.font())
        hint_width = QFontMetrics(font).horizontalAdvance(target.hint)
        assert hint_width <= target.width() - 24, target.hint
        labels = [lab for lab in log.panel.findChildren(QLabel) if lab.isVisible()]
        for lab in labels:
            assert lab.width() >= min(lab.sizeHint().width(), log.panel.width() - 20), lab.text()
    finally:
        w.close()
        store.close()
