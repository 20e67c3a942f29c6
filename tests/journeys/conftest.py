"""Journey fixtures: the real main window, wired by rlbaby.ui.app.build_window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication

from rlbaby.model import LanguageChoice
from rlbaby.store import Store
from rlbaby.ui.app import build_window
from rlbaby.ui.i18n import install_language
from rlbaby.ui.main_window import MainWindow


@pytest.fixture
def fresh_window(qtbot, qapp: QApplication, tmp_path: Path, clock) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The app as a parent first sees it: an empty data folder, nothing set up.

    The window is activated: shortcuts scoped to a widget or a window only fire
    in the active window, and offscreen windows become active only when asked.
    """
    data = tmp_path / "empty"
    with Store.open(data, now_ms=clock.now_ms) as store:
        assert store.children() == []
        w = build_window(store, qapp, clock)
        qtbot.addWidget(w)
        w.resize(1024, 640)
        w.show()
        qtbot.waitExposed(w)
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow)
        yield w
        w.close()


@pytest.fixture(autouse=True)
def english_after(qapp: QApplication) -> Iterator[None]:
    """A journey that made the UI German leaves English behind for the next one."""
    yield
    install_language(qapp, LanguageChoice.ENGLISH)
