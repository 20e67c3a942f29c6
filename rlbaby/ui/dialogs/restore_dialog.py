"""File > Restore…: pick a backup; damaged ones are shown but cannot be picked.

A backup may also come from anywhere ("Choose a file…", e.g. a USB stick).
The picked file is pinned (hard-linked, or copied, to `backups/.pinned-for-
restore.zip`) before the window closes: the backup made on exit thins the
backups folder, and a stick may be pulled out, but the restore reads the pin.

Restoring replaces the data folder's files, so the open store must be closed
first (restore_backup takes the folder lock). The main window does not swap
stores under its widgets: it asks to be closed, and run_gui closes the store,
restores, reopens and builds a fresh window (`reopen_after_restore`). Every
widget, service and undo stack then starts from the restored data, with no
half-updated state to reason about.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rlbaby.model import Instant
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.store import Store, StoreError
from rlbaby.store.backup import (
    BACKUP_DIR,
    BackupInfo,
    BadBackupError,
    list_backups,
    verify_backup,
)
from rlbaby.store.restore import RestoreInterruptedError, restore_backup
from rlbaby.ui.dialogs.common import inform, open_path
from rlbaby.ui.i18n import Plurals
from rlbaby.ui.locale_format import format_date_time

log = logging.getLogger(__name__)

PIN_NAME = ".pinned-for-restore.zip"

REASONS = {
    "auto": QT_TRANSLATE_NOOP("RestoreDialog", "automatic"),
    "manual": QT_TRANSLATE_NOOP("RestoreDialog", "made by hand"),
    "before-restore": QT_TRANSLATE_NOOP("RestoreDialog", "saved before a restore"),
    "file": QT_TRANSLATE_NOOP("RestoreDialog", "chosen file"),
}
COUNT_WORDS = (
    ("children", Plurals.child_count),
    ("movements", Plurals.movements),
    ("episodes", Plurals.episodes),
    ("sleep_periods", Plurals.sleep_periods),
)


def when_text(created_ms: int) -> str:
    return format_date_time(Instant.at_system_offset(created_ms))


def counts_text(counts: dict[str, int]) -> str:
    parts = []
    plurals = Plurals()
    for key, words in COUNT_WORDS:
        if key in counts:
            parts.append(words(plurals, counts[key]))
    return ", ".join(parts) or QCoreApplication.translate("RestoreDialog", "not recorded")


class RestoreDialog(QDialog):
    """Lists the backups of a data folder, newest first.

    Damaged backups are listed as damaged, greyed out and cannot be selected.
    """

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle(self.tr("Restore a backup"))
        self.data_dir = Path(data_dir)
        self.chosen: BackupInfo | None = None
        unpin(self.data_dir)  # left by a restore that was not confirmed
        self.backups = list_backups(self.data_dir)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Pick a backup to go back to. Your data as it is now is backed up first, "
                "so a restore can itself be undone by restoring that backup."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.table = QTableWidget(len(self.backups), 3)
        self.table.setObjectName("backup_table")
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setAccessibleDescription(
            self.tr("One backup a row: when it was made, its kind and what it holds")
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Made"), self.tr("Kind"), self.tr("What it holds")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for row, b in enumerate(self.backups):
            if isinstance(b, BackupInfo):
                kind = self.tr(REASONS[b.reason]) if b.reason in REASONS else b.reason
                if b.in_future():
                    kind += self.tr(" (dated in the future: the clock was wrong)")
                cells = [when_text(b.created_ms), kind, counts_text(b.counts)]
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            else:
                path, why = b
                cells = [
                    path.name,
                    self.tr("damaged"),
                    self.tr("Cannot be restored: the file is damaged"),
                ]
                flags = Qt.ItemFlag.NoItemFlags
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(flags)
                item.setToolTip(text if isinstance(b, BackupInfo) else b[1])
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(False)
        layout.addWidget(self.table)

        self.empty_label = QLabel(
            self.tr("There are no backups yet. Use File > Backup now to make one.")
        )
        self.empty_label.setProperty("role", "dim")
        self.empty_label.setVisible(not self.backups)
        layout.addWidget(self.empty_label)

        self.buttons = QDialogButtonBox()
        self.restore_button: QPushButton = self.buttons.addButton(
            self.tr("Restore…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setEnabled(False)
        self.choose_button: QPushButton = self.buttons.addButton(
            self.tr("Choose a file…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.choose_button.setObjectName("choose_button")
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        good = [r for r, b in enumerate(self.backups) if isinstance(b, BackupInfo)]
        if good:
            self.table.selectRow(good[0])
        self.resize(720, 420)

    def _on_table_selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _on_choose_button_clicked(self) -> None:
        path = open_path(self, self.tr("Restore a backup file"), self.tr("rlbaby backups (*.zip)"))
        if path is None:
            return
        try:
            info = verify_backup(path)
        except BadBackupError as exc:
            _refuse(self, exc)
            return
        self.chosen = info
        self.accept()

    def selected(self) -> BackupInfo | None:
        if self.chosen is not None:
            return self.chosen
        rows = {i.row() for i in self.table.selectedItems()}
        if len(rows) != 1:
            return None
        b = self.backups[rows.pop()]
        return b if isinstance(b, BackupInfo) else None

    @classmethod
    def ask(cls, data_dir: Path, parent: QWidget | None = None) -> BackupInfo | None:
        dlg = cls(data_dir, parent)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        picked = dlg.selected()
        return None if picked is None else pin(picked, Path(data_dir))


def pin(info: BackupInfo, data_dir: Path) -> BackupInfo:
    """The picked backup, linked (or copied) where thinning never looks, so it
    is still there when the restore runs. If that fails, the original."""
    dest = data_dir / BACKUP_DIR / PIN_NAME
    try:
        unpin(data_dir)
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(info.path, dest)
        except OSError:
            shutil.copyfile(info.path, dest)  # another disk (a USB stick)
    except OSError as exc:
        log.warning("could not pin %s for the restore: %s", info.path, exc)
        return info
    return BackupInfo(dest, info.created_ms, info.schema_version, info.counts, info.reason)


def unpin(data_dir: Path) -> None:
    try:
        (data_dir / BACKUP_DIR / PIN_NAME).unlink(missing_ok=True)
    except OSError as exc:
        log.warning("could not remove the pinned backup: %s", exc)


def check_restorable(backup: Path, parent: QWidget | None) -> bool:
    """Verify the backup before anything is closed; a damaged one is refused."""
    try:
        verify_backup(backup)
    except BadBackupError as exc:
        _refuse(parent, exc)
        return False
    return True


def reopen_after_restore(store: Store, backup: Path, parent: QWidget | None = None) -> Store:
    """Close `store`, restore `backup` into its folder and open the folder again.

    A damaged backup is refused before anything is closed. If the restore
    itself fails (the disk refused), the folder is left as it was and reopened
    as it was. Either way the parent is told.

    Returns:
        The store to go on with: newly opened after a restore attempt (the old
        one is closed), or `store` itself, still open, when it was refused.
    """
    try:
        info = verify_backup(backup)
    except BadBackupError as exc:
        _refuse(parent, exc)
        return store
    assert store.data_dir is not None  # a file store always has one
    data_dir = Path(store.data_dir)
    now_ms = store.now_ms
    store.close()
    try:
        safety = restore_backup(data_dir, backup)
    except RestoreInterruptedError as exc:
        # The folder is half swapped; opening it finishes the restore.
        inform(
            parent,
            QCoreApplication.translate("RestoreDialog", "The restore was interrupted"),
            str(exc),
        )
    except StoreError as exc:
        _refuse(parent, exc)
    else:
        inform(
            parent,
            QCoreApplication.translate("RestoreDialog", "Backup restored"),
            QCoreApplication.translate(
                "RestoreDialog", "Your log is back as it was on {when}."
            ).format(when=when_text(info.created_ms)),
            QCoreApplication.translate(
                "RestoreDialog", "The data from just before the restore was saved as {name}."
            ).format(name=safety.name),
        )
    finally:
        if backup.name == PIN_NAME:
            unpin(data_dir)
    return Store.open(data_dir, now_ms=now_ms)


def _refuse(parent: QWidget | None, exc: Exception) -> None:
    inform(
        parent,
        QCoreApplication.translate("RestoreDialog", "This backup cannot be restored"),
        str(exc),
        QCoreApplication.translate(
            "RestoreDialog", "Nothing was changed: your data is exactly as it was."
        ),
    )
