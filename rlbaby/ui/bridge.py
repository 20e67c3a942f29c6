"""Thin adapter: the Qt-free services' events become Qt signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from rlbaby.services import Event, LoggerService, MovementRecorded


class ServiceBridge(QObject):
    """Re-emits LoggerService events on the GUI thread.

    Signals:
        movement_recorded(MovementRecorded): one durable new tap (hot path).
        records_changed(RecordsChanged): any other change (edits, undo, sheet).
        data_replaced(): the whole store was swapped (restore, import).
    """

    movement_recorded = Signal(object)
    records_changed = Signal(object)
    data_replaced = Signal()

    def __init__(self, service: LoggerService) -> None:
        super().__init__()
        self.service = service
        service.events.subscribe(self._on_service_event)

    def _on_service_event(self, event: Event) -> None:
        if isinstance(event, MovementRecorded):
            self.movement_recorded.emit(event)
        else:
            self.records_changed.emit(event)
