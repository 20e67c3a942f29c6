"""Message boxes and file dialogs that respect the night theme.

Qt's standard message icons and file-type icons are bright (white, yellow,
blue); at night they would glare. These helpers drop them: the words carry the
meaning, and the file dialog is Qt's own (non-native) so it takes our theme.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileInfo, QSize
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QComboBox, QFileDialog, QMessageBox, QWidget


class PlainIconProvider(QAbstractFileIconProvider):
    """No file icons: names and types are listed in the theme's own colours."""

    def icon(self, _arg: object) -> QIcon:
        return QIcon()

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("PlainIconProvider", "Folder")
        suffix = info.suffix().upper()
        if not suffix:
            return QCoreApplication.translate("PlainIconProvider", "File")
        return QCoreApplication.translate("PlainIconProvider", "{suffix} file").format(
            suffix=suffix
        )


class PlainFileDialog(QFileDialog):
    """Qt's own file dialog (it takes the theme) with no file icons."""

    def __init__(self, parent: QWidget | None, title: str, directory: str, filters: str) -> None:
        super().__init__(parent, title, directory, filters)
        self.setOption(QFileDialog.Option.DontUseNativeDialog)
        # Held here: Qt does not own the provider, which must live as long as the dialog.
        self._icons = PlainIconProvider()
        self.setIconProvider(self._icons)
        for combo in self.findChildren(QComboBox):
            combo.setIconSize(QSize(0, 0))  # the "Look in" combo keeps Qt's bright folder icon


def file_dialog(parent: QWidget | None, title: str, directory: str, filters: str) -> QFileDialog:
    return PlainFileDialog(parent, title, directory, filters)


def open_path(
    parent: QWidget | None, title: str, filters: str, start: Path | None = None
) -> Path | None:
    dlg = file_dialog(parent, title, str(start or Path.home()), filters)
    dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
    dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    if dlg.exec() != QFileDialog.DialogCode.Accepted or not dlg.selectedFiles():
        return None
    return Path(dlg.selectedFiles()[0])


def save_path(
    parent: QWidget | None, title: str, filters: str, suggested: Path
) -> tuple[Path, str] | None:
    """Returns (path, chosen filter) or None when cancelled."""
    dlg = file_dialog(parent, title, str(suggested), filters)
    dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dlg.selectFile(str(suggested))
    if dlg.exec() != QFileDialog.DialogCode.Accepted or not dlg.selectedFiles():
        return None
    return Path(dlg.selectedFiles()[0]), dlg.selectedNameFilter()


def message_box(
    parent: QWidget | None, title: str, text: str, informative: str = ""
) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.NoIcon, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    if informative:
        box.setInformativeText(informative)
    return box


def inform(parent: QWidget | None, title: str, text: str, informative: str = "") -> None:
    box = message_box(parent, title, text, informative)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, yes: str = "", no: str = "") -> bool:
    """Ask yes or no; `yes` and `no` name the buttons (default "Yes" and "Cancel")."""
    yes = yes or QCoreApplication.translate("dialogs", "Yes")
    no = no or QCoreApplication.translate("dialogs", "Cancel")
    box = message_box(parent, title, text)
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is ok
