"""The main window opens where it last closed (ui/window_place.py).

The windows are built as the app builds them (`build_window`), which keeps the
place in the user cache folder (each test has its own: conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QApplication

from rlbaby.store import Store
from rlbaby.ui.app import build_window
from rlbaby.ui.main_window import MainWindow
from rlbaby.ui.screen_fit import fit_to_screen
from rlbaby.ui.window_place import FILE_NAME


def _open(qtbot, qapp: QApplication, data_dir: Path, clock) -> tuple[MainWindow, Store]:  # type: ignore[no-untyped-def]
    store = Store.open(data_dir, now_ms=clock.now_ms)
    window = build_window(store, qapp, clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, store


def _close(window: MainWindow, store: Store) -> None:
    window.close()
    store.close()


def test_the_window_opens_at_the_size_it_closed_at(
    qtbot,
    qapp,
    data_dir: Path,
    clock,
    user_cache_dir: Path,  # type: ignore[no-untyped-def]
) -> None:
    window, store = _open(qtbot, qapp, data_dir, clock)
    first = fit_to_screen(window.screen().availableGeometry().size())[0]
    assert window.size() == first  # nothing kept yet: the first size
    smaller = QSize(window.minimumWidth(), first.height() - 30)
    assert smaller != first
    window.resize(smaller)
    window.move(window.pos() + QPoint(0, 20))
    qtbot.waitUntil(lambda: window.size() == smaller)
    where = window.pos()
    _close(window, store)
    assert (user_cache_dir / FILE_NAME).is_file()

    again, store = _open(qtbot, qapp, data_dir, clock)
    assert again.size() == smaller
    assert again.pos() == where
    _close(again, store)


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"not a window place",
        bytes(range(256)) * 20,
        b"\x01\xd9\xd0\xcb\x00\x03" + b"\xff" * 60,
    ],
    ids=["empty", "text", "too large", "Qt's magic, then nonsense"],
)
def test_a_place_it_cannot_use_opens_the_first_size_and_is_replaced(
    qtbot,
    qapp,
    data_dir: Path,
    clock,
    user_cache_dir: Path,
    raw: bytes,  # type: ignore[no-untyped-def]
) -> None:
    (user_cache_dir / FILE_NAME).write_bytes(raw)
    window, store = _open(qtbot, qapp, data_dir, clock)
    assert window.size() == fit_to_screen(window.screen().availableGeometry().size())[0]
    _close(window, store)
    assert (user_cache_dir / FILE_NAME).read_bytes() != raw  # a good one, next time


def test_a_place_it_cannot_keep_does_not_stop_the_close(
    qtbot,
    qapp,
    data_dir: Path,
    clock,
    user_cache_dir: Path,
    caplog,  # type: ignore[no-untyped-def]
) -> None:
    (user_cache_dir / FILE_NAME).mkdir()  # a folder where the file would go
    window, store = _open(qtbot, qapp, data_dir, clock)
    _close(window, store)
    assert not window.isVisible()
    assert "could not keep the window's place" in caplog.text
