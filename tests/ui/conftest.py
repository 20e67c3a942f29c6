"""UI fixtures: a UiContext wired exactly like rlbaby.ui.app.build_window does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from PySide6.QtWidgets import QApplication

from rlbaby.model import Child, LanguageChoice
from rlbaby.services import LoggerService
from rlbaby.store import Store
from rlbaby.ui.bridge import ServiceBridge
from rlbaby.ui.context import ChildSelection, UiContext
from rlbaby.ui.i18n import install_language
from rlbaby.ui.theme import ThemeManager


def make_ctx(store: Store, clock, theme: str = "night") -> UiContext:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    service = LoggerService(store, clock)
    return UiContext(
        store=store,
        service=service,
        bridge=ServiceBridge(service),
        theme=ThemeManager(app, theme),
        selection=ChildSelection(service),
        clock=clock,
    )


@pytest.fixture
def ui_store(data_dir, clock) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    s = Store.open(data_dir, now_ms=clock.now_ms)
    s.save(Child("Ada"))
    yield s
    s.close()


@pytest.fixture
def ui_ctx(qapp, ui_store, clock) -> UiContext:  # type: ignore[no-untyped-def]
    return make_ctx(ui_store, clock)


@pytest.fixture(autouse=True)
def english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Every UI test in English whatever the machine's language (a German test
    installs German itself); English has a translation too, for its plurals."""
    install_language(qapp, LanguageChoice.ENGLISH)
    yield
    install_language(qapp, LanguageChoice.ENGLISH)
