"""File > Restore…: the list of backups, and damaged backups refused with data unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from rlbaby.model import Child
from rlbaby.store import Store
from rlbaby.store.backup import BackupManager, list_backups
from rlbaby.ui.dialogs import restore_dialog as restore_dialog
from rlbaby.ui.dialogs.restore_dialog import (
    RestoreDialog,
    check_restorable,
    counts_text,
    reopen_after_restore,
)

T = 1_795_500_000_000  # 2026-11-24 (UTC)
DAY = 86_400_000


@pytest.fixture
def told(monkeypatch) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Messages the parent would see (title, text + informative text)."""
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(
        restore_dialog,
        "inform",
        lambda _p, title, text, informative="": seen.append((title, f"{text} {informative}")),
    )
    return seen


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A data folder with two good backups (1 and 2 children) and a damaged one."""
    data = tmp_path / "data"
    with Store.open(data) as s:
        s.save(Child("Ada"))
        BackupManager(s).backup_now(reason="manual", now_ms=T)
        s.save(Child("Ben"))
        good = BackupManager(s).backup_now(
            reason="auto", now_ms=T + DAY
        )  # another day: thinning keeps one a day
        s.save(Child("Cleo"))  # the current state: 3 children
    raw = bytearray(good.read_bytes())
    raw[len(raw) // 3 : len(raw) // 3 + 40] = b"\0" * 40  # damage the middle
    (good.parent / "rlbaby-20261126-230000-manual.zip").write_bytes(bytes(raw))
    return data


def names(store: Store) -> list[str]:
    return [c.name for c in store.children()]


def test_lists_backups_with_dates_and_counts(qtbot, folder: Path) -> None:  # type: ignore[no-untyped-def]
    dlg = RestoreDialog(folder)
    qtbot.addWidget(dlg)
    t = dlg.table
    assert t.rowCount() == 3
    rows = [[t.item(r, c).text() for c in range(3)] for r in range(3)]
    # Newest first by the time in the name: the damaged copy, then 25 and 24 Nov.
    assert rows[0][1] == "damaged"
    assert rows[0][2] == "Cannot be restored: the file is damaged"
    assert "checksum" in t.item(0, 2).toolTip() or "damaged" in t.item(0, 2).toolTip()
    zero = "0 movements, 0 episodes, 0 sleep periods"
    assert rows[1][1:] == ["automatic", f"2 children, {zero}"]
    assert rows[2][1:] == ["made by hand", f"1 child, {zero}"]
    assert "2026" in rows[1][0]


def test_damaged_backup_cannot_be_selected(qtbot, folder: Path) -> None:  # type: ignore[no-untyped-def]
    dlg = RestoreDialog(folder)
    qtbot.addWidget(dlg)
    assert dlg.table.item(0, 0).flags() == Qt.ItemFlag.NoItemFlags
    # The newest good backup is picked to start with.
    assert dlg.selected() is not None
    assert dlg.selected().counts == {
        "children": 2,
        "movements": 0,
        "episodes": 0,
        "sleep_periods": 0,
    }
    assert dlg.restore_button.isEnabled()
    dlg.table.clearSelection()
    assert not dlg.restore_button.isEnabled()
    dlg.table.selectRow(0)  # the damaged one
    assert dlg.selected() is None
    assert not dlg.restore_button.isEnabled()
    dlg.table.selectRow(2)
    assert dlg.selected().counts["children"] == 1
    assert dlg.restore_button.isEnabled()


def test_no_backups_says_so(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dlg = RestoreDialog(tmp_path)
    qtbot.addWidget(dlg)
    assert dlg.table.rowCount() == 0
    assert not dlg.empty_label.isHidden()
    assert not dlg.restore_button.isEnabled()


def test_damaged_backup_is_refused_and_data_unchanged(folder: Path, told) -> None:  # type: ignore[no-untyped-def]
    damaged = folder / "backups" / "rlbaby-20261126-230000-manual.zip"
    store = Store.open(folder)
    try:
        assert check_restorable(damaged, None) is False
        same = reopen_after_restore(store, damaged)
        assert same is store  # never closed
        assert names(store) == ["Ada", "Ben", "Cleo"]
        store.save(Child("Dora"))  # still open and writable
    finally:
        store.close()
    assert [t for t, _ in told] == ["This backup cannot be restored"] * 2
    assert all("Nothing was changed" in text for _, text in told)
    with Store.open(folder) as again:
        assert names(again) == ["Ada", "Ben", "Cleo", "Dora"]
    # No safety backup was made for a restore that never started.
    assert not any(
        "before-restore" in b.path.name for b in list_backups(folder) if hasattr(b, "path")
    )


def test_restore_backs_up_first_and_reopens(folder: Path, told) -> None:  # type: ignore[no-untyped-def]
    good = [b for b in list_backups(folder) if hasattr(b, "counts")]
    one_child = next(b for b in good if b.counts["children"] == 1)
    store = Store.open(folder)
    assert check_restorable(one_child.path, None) is True
    new = reopen_after_restore(store, one_child.path)
    try:
        assert new is not store
        assert names(new) == ["Ada"]
        new.save(Child("Eve"))  # the reopened store holds the lock and writes
    finally:
        new.close()
    assert told[0][0] == "Backup restored"
    safety = [b for b in list_backups(folder) if getattr(b, "reason", "") == "before-restore"]
    assert len(safety) == 1
    with Store.open(folder) as s:
        assert names(s) == ["Ada", "Eve"]
    # The state from before the restore (3 children) can itself be restored.
    restore_dialog.restore_backup(folder, safety[0].path)
    with Store.open(folder) as s:
        assert names(s) == ["Ada", "Ben", "Cleo"]


def test_counts_text() -> None:
    assert counts_text({"children": 1, "movements": 2, "episodes": 1}) == (
        "1 child, 2 movements, 1 episode"
    )
    assert counts_text({}) == "not recorded"


# --- through the main window's File menu ---------------------------------------


def test_file_restore_refuses_damaged_and_keeps_window(
    qtbot, qapp, folder: Path, clock, monkeypatch, told
) -> None:  # type: ignore[no-untyped-def]
    from rlbaby.store.backup import read_backup
    from rlbaby.ui.app import build_window

    damaged = folder / "backups" / "rlbaby-20261126-230000-manual.zip"
    good = next(b for b in list_backups(folder) if hasattr(b, "counts"))
    # The list was read when the file was still sound; it is damaged by the time
    # the parent presses Restore.
    stale = type(good)(damaged, good.created_ms, good.schema_version, good.counts, good.reason)
    monkeypatch.setattr(RestoreDialog, "ask", classmethod(lambda cls, *a, **k: stale))
    with Store.open(folder, now_ms=clock.now_ms) as store:
        w = build_window(store, qapp, clock)
        qtbot.addWidget(w)
        w.show()
        w.findChild(type(w.actions()[0]), "act_restore").trigger()
        assert w.restore_request is None
        assert w.isVisible()
        assert names(store) == ["Ada", "Ben", "Cleo"]
    assert told[0][0] == "This backup cannot be restored"
    with pytest.raises(restore_dialog.BadBackupError):
        read_backup(damaged)


def test_file_restore_asks_run_gui_to_reopen(qtbot, qapp, folder: Path, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from rlbaby.ui.app import build_window
    from rlbaby.ui.dialogs import common

    good = next(b for b in list_backups(folder) if hasattr(b, "counts"))
    monkeypatch.setattr(RestoreDialog, "ask", classmethod(lambda cls, *a, **k: good))
    monkeypatch.setattr(common, "confirm", lambda *a, **k: True)  # imported when asked
    with Store.open(folder, now_ms=clock.now_ms) as store:
        w = build_window(store, qapp, clock)
        qtbot.addWidget(w)
        w.show()
        w.restore_backup()
        assert w.restore_request == good.path
        assert not w.isVisible()
        # Nothing is restored while the store is open; run_gui does it after.
        assert names(store) == ["Ada", "Ben", "Cleo"]


def test_file_backup_now(qtbot, qapp, folder: Path, clock) -> None:  # type: ignore[no-untyped-def]
    from rlbaby.ui.app import build_window

    with Store.open(folder, now_ms=clock.now_ms) as store:
        before = {getattr(b, "path", None) for b in list_backups(folder)}
        w = build_window(store, qapp, clock)
        qtbot.addWidget(w)
        w.backup_now()
        new = [b for b in list_backups(folder) if getattr(b, "path", None) not in before]
        assert len(new) == 1
        assert new[0].reason == "manual"
        assert new[0].counts["children"] == 3
        assert w.statusBar().currentMessage() == f"Backup saved: {new[0].path.name}"


def test_a_backup_dated_in_the_future_is_listed_last_as_such(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from rlbaby.store.backup import create_backup

    data = tmp_path / "data"
    with Store.open(data) as s:
        s.save(Child("Ada"))
    create_backup(data, reason="auto", now_ms=4_102_444_800_000)  # 2100: a clock set ahead
    real = create_backup(data, reason="manual")
    dlg = RestoreDialog(data)
    qtbot.addWidget(dlg)
    assert dlg.table.item(0, 1).text() == "made by hand"
    assert "dated in the future" in dlg.table.item(1, 1).text()
    assert dlg.selected() is not None
    assert dlg.selected().path == real  # the newest real one is picked first
