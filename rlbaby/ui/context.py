"""What the widgets share, passed explicitly through constructors (no globals)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from rlbaby.model import Clock
from rlbaby.services import LoggerService
from rlbaby.store import Store, StoreError
from rlbaby.ui.bridge import ServiceBridge
from rlbaby.ui.theme import ThemeManager

log = logging.getLogger(__name__)


class ChildSelection(QObject):
    """The child being logged; remembered in the data folder's settings.

    Signals:
        child_changed(str): the newly selected child's id ("" when none).
    """

    child_changed = Signal(str)

    def __init__(self, service: LoggerService) -> None:
        super().__init__()
        self._service = service
        store = service.store
        kids = store.children()
        wanted = store.settings.selected_child_id
        ids = [c.id for c in kids]
        self._child_id = wanted if wanted in ids else (ids[0] if ids else "")

    @property
    def child_id(self) -> str:
        return self._child_id

    def select(self, child_id: str) -> None:
        if child_id == self._child_id:
            return
        self._child_id = child_id
        try:
            self._service.remember_child(child_id)
        except StoreError as exc:
            # Only the choice for the next start is lost; logging goes on.
            log.warning("could not remember the selected child: %s", exc)
        self.child_changed.emit(child_id)


@dataclass
class UiContext:
    store: Store
    service: LoggerService
    bridge: ServiceBridge
    theme: ThemeManager
    selection: ChildSelection
    clock: Clock
