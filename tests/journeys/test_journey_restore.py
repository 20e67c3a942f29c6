"""Issue 10: File > Backup now, then File > Restore of that same backup, through
the real dialogs (their buttons clicked, nothing of `ask()` replaced), and the
steps run_gui takes after the window closes (the exit backup, then the restore)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from rlbaby.model import Child
from rlbaby.store import Store
from rlbaby.store.backup import BackupInfo, BackupManager, list_backups
from rlbaby.ui.app import _safe_backup, build_window
from rlbaby.ui.dialogs.restore_dialog import PIN_NAME, RestoreDialog, reopen_after_restore


def when_shown(kind: type[QWidget], act: Callable[[QWidget], None], seen: list[str]) -> QTimer:
    """Act on the next modal `kind` once it is on screen (modal loops block the test)."""
    timer = QTimer()

    def poll() -> None:
        w = QApplication.activeModalWidget()
        if isinstance(w, kind) and w.isVisible():
            timer.stop()
            seen.append(w.windowTitle())
            try:
                act(w)
            except BaseException as exc:
                seen.append(f"failed: {exc}")
                w.close()  # a modal left open would hang the test instead of failing it
                raise

    timer.timeout.connect(poll)
    timer.start(20)
    return timer


def click(text: str) -> Callable[[QWidget], None]:
    def act(w: QWidget) -> None:
        buttons = [b for b in w.findChildren(QPushButton) if b.text().replace("&", "") == text]
        assert buttons, f"no button {text!r} in {w.windowTitle()!r}"
        buttons[0].click()

    return act


def box_text(seen: list[str]) -> Callable[[QWidget], None]:
    def act(w: QWidget) -> None:
        assert isinstance(w, QMessageBox)
        seen.append(f"{w.text()} {w.informativeText()}")
        click("OK")(w)

    return act


def names(store: Store) -> list[str]:
    return [c.name for c in store.children()]


def child_buttons(window: QWidget) -> list[str]:
    return sorted(
        window.log_tab.child_bar.buttons[c].text() for c in window.log_tab.child_bar.buttons
    )  # type: ignore[attr-defined]


def after_close(store: Store, window, backups: BackupManager, seen: list[str]) -> Store:  # type: ignore[no-untyped-def]
    """What run_gui does once File > Restore closed the window."""
    _safe_backup(backups, window, force=True)  # the exit backup, which thins
    timer = when_shown(QMessageBox, box_text(seen), seen)
    new = reopen_after_restore(store, window.restore_request)
    timer.stop()
    return new


def test_backup_now_then_restore_that_backup(qtbot, qapp, data_dir: Path, clock) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    store = Store.open(data_dir, now_ms=clock.now_ms)
    store.save(Child("Ada"))
    w = build_window(store, qapp, clock)
    qtbot.addWidget(w)
    w.show()
    backups = BackupManager(store)
    w.findChild(type(w.actions()[0]), "act_backup").trigger()
    assert w.statusBar().currentMessage().startswith("Backup saved: ")
    made = next(b for b in list_backups(data_dir) if isinstance(b, BackupInfo))
    store.save(Child("Ben"))  # after the backup: the exit backup will be made
    w.log_tab.child_bar.reload()
    assert child_buttons(w) == ["Ada", "Ben"]

    def pick(dlg: QWidget) -> None:
        assert isinstance(dlg, RestoreDialog)
        rows = [r for r, b in enumerate(dlg.backups) if getattr(b, "path", None) == made.path]
        dlg.table.selectRow(rows[0])
        click("Restore…")(dlg)

    t1 = when_shown(RestoreDialog, pick, seen)
    t2 = when_shown(QMessageBox, click("Restore"), seen)  # the confirmation
    w.findChild(type(w.actions()[0]), "act_restore").trigger()
    t1.stop()
    t2.stop()
    assert seen[:2] == ["Restore a backup", "Restore a backup"]
    assert w.restore_request is not None
    assert not w.isVisible()

    new = after_close(store, w, backups, seen)
    try:
        assert seen[2] == "Backup restored", seen
        assert names(new) == ["Ada"]
        w2 = build_window(new, qapp, clock)
        qtbot.addWidget(w2)
        w2.show()
        assert child_buttons(w2) == ["Ada"]
    finally:
        new.close()
    # The pin is gone; the data before the restore is kept as a backup.
    assert not (data_dir / "backups" / PIN_NAME).exists()
    reasons = [b.reason for b in list_backups(data_dir) if isinstance(b, BackupInfo)]
    assert "before-restore" in reasons
    assert made.path.exists()


def test_restore_a_file_from_anywhere(qtbot, qapp, data_dir: Path, tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    """ "Choose a file…": a backup on a USB stick, chosen in the file dialog."""
    seen: list[str] = []
    store = Store.open(data_dir, now_ms=clock.now_ms)
    store.save(Child("Ada"))
    stick = tmp_path / "stick"
    stick.mkdir()
    made = BackupManager(store).backup_now(reason="manual")
    on_stick = made.rename(stick / made.name)  # gone from backups/
    store.save(Child("Ben"))
    w = build_window(store, qapp, clock)
    qtbot.addWidget(w)
    w.show()
    backups = BackupManager(store)

    def type_path(fd: QWidget) -> None:
        assert isinstance(fd, QFileDialog)
        edit = fd.findChild(QLineEdit, "fileNameEdit")
        edit.setText(str(on_stick))
        fd.accept()

    t1 = when_shown(RestoreDialog, click("Choose a file…"), seen)
    t2 = when_shown(QFileDialog, type_path, seen)
    t3 = when_shown(QMessageBox, click("Restore"), seen)
    w.findChild(type(w.actions()[0]), "act_restore").trigger()
    for t in (t1, t2, t3):
        t.stop()
    assert w.restore_request is not None
    on_stick.unlink()  # the stick is pulled out before run_gui restores
    new = after_close(store, w, backups, seen)
    try:
        assert "Backup restored" in seen, seen
        assert names(new) == ["Ada"]
    finally:
        new.close()
