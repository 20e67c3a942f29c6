"""Open the data folder safely, asking the parent when it is busy, damaged or newer.

The message boxes are imported only when one is needed: a folder that opens
as it should, the case a parent waits for at 3 a.m., needs none of them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from rlbaby.model import Instant
from rlbaby.store import LockedError, NewerVersionError, Store, StoreError
from rlbaby.ui.locale_format import format_date_time


def open_store_interactively(data_dir: Path) -> Store | None:
    """Open the folder, asking the parent what to do when it is busy or damaged."""
    try:
        store = Store.open(data_dir)
    except LockedError as exc:
        from PySide6.QtWidgets import QMessageBox

        from rlbaby.ui.dialogs.common import inform, message_box

        box = message_box(
            None,
            QCoreApplication.translate("app", "rlbaby is already open"),
            str(exc),
            QCoreApplication.translate(
                "app", "Open this copy read-only (look, but not log), or quit?"
            ),
        )
        ro = box.addButton(
            QCoreApplication.translate("app", "Open read-only"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QCoreApplication.translate("app", "Quit"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not ro:
            return None
        try:
            store = Store.open(data_dir, readonly=True)
        except StoreError as exc2:
            inform(None, "rlbaby", str(exc2))
            return None
    except NewerVersionError as exc:
        from rlbaby.ui.dialogs.common import inform

        inform(None, QCoreApplication.translate("app", "rlbaby needs an update"), str(exc))
        return None
    except StoreError as exc:
        from rlbaby.ui.dialogs.common import inform

        inform(None, "rlbaby", str(exc))
        return None
    if store.problems and not store.readonly:
        store = _offer_restore(store, data_dir)
    return store


def _offer_restore(store: Store, data_dir: Path) -> Store:
    from PySide6.QtWidgets import QMessageBox

    from rlbaby.store.backup import BackupInfo, list_backups
    from rlbaby.store.restore import RestoreInterruptedError, restore_backup
    from rlbaby.ui.dialogs.common import inform, message_box

    good = [b for b in list_backups(data_dir) if isinstance(b, BackupInfo)]
    text = "\n".join(p.message() for p in store.problems)
    if good:
        when = format_date_time(Instant.at_system_offset(good[0].created_ms))
        latest = QCoreApplication.translate("app", "The latest good backup is from {when}.").format(
            when=when
        )
    else:
        latest = QCoreApplication.translate("app", "There is no backup to restore from.")
    box = message_box(
        None,
        QCoreApplication.translate("app", "Some data could not be read"),
        text,
        QCoreApplication.translate(
            "app",
            "Nothing was overwritten: each problem above says where its file is now. "
            "The rest of your log is open.",
        )
        + f"\n\n{latest}",
    )
    restore = (
        box.addButton(
            QCoreApplication.translate("app", "Restore that backup"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        if good
        else None
    )
    box.addButton(QCoreApplication.translate("app", "Continue"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if restore is not None and box.clickedButton() is restore:
        store.close()
        try:
            restore_backup(data_dir, good[0].path)
        except RestoreInterruptedError as exc:
            inform(None, "rlbaby", str(exc))  # half swapped: opening finishes it
        except StoreError as exc:
            inform(
                None,
                "rlbaby",
                QCoreApplication.translate(
                    "app", "Restore failed; your data is as it was. {reason}"
                ).format(reason=exc),
            )
        store = Store.open(data_dir)
    return store
