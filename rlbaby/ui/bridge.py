"""Thin adapter: the Qt-free services' events become Qt signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from rlbaby.services import (
    DataReplaced,
    Event,
    LoggerService,
    MovementRecorded,
    SettingsChanged,
)


class ServiceBridge(QObject):
    """Re-emits LoggerService events on the GUI thread.

    Signals:
        movement_recorded(MovementRecorded): one durable new tap (hot path).
        records_changed(RecordsChanged): any other change (edits, undo, sheet).
        settings_changed(SettingsChanged): the parent saved new settings.
        data_replaced(): much changed at once (an import, or a read-only copy
            re-read the folder): reload everything shown.
    """

    movement_recorded = Signal(object)
    records_changed = Signal(object)
    settings_changed = Signal(object)
    data_replaced = Signal()

    def __init__(self, service: LoggerService) -> None:
        super().__init__()
        self.service = service
        service.events.subscribe(self._on_service_event)

    def _on_service_event(self, event: Event) -> None:
        if isinstance(event, MovementRecorded):
            self.movement_recorded.emit(event)
        elif isinstance(event, SettingsChanged):
            self.settings_changed.emit(event)
        elif isinstance(event, DataReplaced):
            self.data_replaced.emit()
        else:
            self.records_changed.emit(event)
