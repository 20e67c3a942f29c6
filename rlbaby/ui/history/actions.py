"""What the History tab does to a row's record through the service: name it
for the Undo line, delete it, and save something forgotten from the Add dialog.

The service edits one record kind at a time (its TypeVar is constrained), and
a History row holds one of three: the isinstance steps below pick the kind.
Texts keep the "HistoryTab" translation context they were written in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from rlbaby.model import Episode, Instant, Movement, MovementKind, SleepPeriod
from rlbaby.services import LoggerService
from rlbaby.ui.history.add_dialog import AddRequest, AddWhat
from rlbaby.ui.i18n import tr_label
from rlbaby.ui.locale_format import format_editable, format_weekday_time

HistoryRecord = Movement | Episode | SleepPeriod


def describe(record: HistoryRecord) -> str:
    """The record in words ("the kick movement at Mon 23:04:10") for "Deleted ..."."""
    if isinstance(record, Movement):
        at = format_weekday_time(record.at, seconds=True)
        if record.kind is MovementKind.UNSPECIFIED:
            return QCoreApplication.translate("HistoryTab", "the movement at {time}").format(
                time=at
            )
        return QCoreApplication.translate("HistoryTab", "the {kind} movement at {time}").format(
            kind=tr_label(record.kind), time=at
        )
    if isinstance(record, Episode):
        return QCoreApplication.translate(
            "HistoryTab", "the episode at {time} with its movements"
        ).format(time=format_weekday_time(record.opened))
    return QCoreApplication.translate("HistoryTab", "the sleep period from {time}").format(
        time=format_weekday_time(record.asleep)
    )


def delete_record(service: LoggerService, record: HistoryRecord) -> None:
    """Tombstone `record` through the service (undoable). Raises StoreError."""
    if isinstance(record, Movement):
        service.delete(record)
    elif isinstance(record, Episode):
        service.delete(record)
    else:
        service.delete(record)


def starts_at(record: HistoryRecord) -> Instant:
    """When the record begins: the night it is listed under is this instant's."""
    if isinstance(record, Movement):
        return record.at
    return record.opened if isinstance(record, Episode) else record.asleep


def start_text(record: HistoryRecord | None) -> str:
    """The time the Add dialog starts from: the picked record's, else nothing."""
    return "" if record is None else format_editable(starts_at(record))


def save_forgotten(service: LoggerService, child_id: str, request: AddRequest) -> HistoryRecord:
    """Save what the Add dialog asked for. Raises StoreError or ValueError."""
    if request.what is AddWhat.SLEEP:
        return service.add(SleepPeriod(child_id, request.at, awake=request.awake))
    if request.what is AddWhat.EPISODE:
        return service.add_episode_span(
            child_id, request.at, request.end or request.at, request.count, request.kind
        )
    return service.add_movement_at(child_id, request.at, request.kind)
