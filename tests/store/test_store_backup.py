"""rlbaby/store/backup.py: snapshots, thinning, damage detection and restore."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import orjson
import pytest
from store_strategies import contents, folder_hashes

from rlbaby.demo import populate
from rlbaby.model import Child, Episode, Instant, Movement, RuleSet, Settings
from rlbaby.store import LockedError, NewerVersionError, Store
from rlbaby.store.backup import (
    BackupInfo,
    BackupManager,
    BadBackupError,
    create_backup,
    list_backups,
    read_backup,
    thin,
)
from rlbaby.store.restore import restore_backup
from rlbaby.store.schema import SCHEMA_VERSION

T0 = 1_795_500_000_000


def ms(text: str) -> int:
    return int(datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp() * 1000)


def days(stamps: set[int]) -> list[str]:
    return sorted(
        datetime.fromtimestamp(t / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M") for t in stamps
    )


@pytest.fixture
def demo_dir(data_dir: Path) -> Path:
    with Store.open(data_dir, now_ms=lambda: T0) as s:
        populate(s, nights=6, end=date(2026, 11, 23), seed=3)
        s.save_settings(Settings(rule=RuleSet.AASM, night_start_hour=19))
    return data_dir


# --- create and read ---------------------------------------------------------------


def test_create_and_read_round_trip(demo_dir: Path) -> None:
    with Store.open(demo_dir) as s:
        counts = s.counts()
    path = create_backup(demo_dir, reason="manual", counts=counts, now_ms=ms("2026-11-24T03:04:05"))
    assert path == demo_dir / "backups" / "rlbaby-20261124-030405-manual.zip"
    info, files = read_backup(path)
    assert (info.created_ms, info.reason, info.counts) == (
        ms("2026-11-24T03:04:05"),
        "manual",
        counts,
    )
    assert info.schema_version == SCHEMA_VERSION
    on_disk = {
        p.relative_to(demo_dir).as_posix(): p.read_bytes()
        for p in [demo_dir / "meta.json", *demo_dir.glob("*/*.json")]
        if "backups" not in p.parts
    }
    assert files == on_disk
    assert {n.split("/")[0] for n in files} == {"meta.json", "movements", "episodes", "sleep"}
    # Same second, same reason: a second file, never an overwrite.
    again = create_backup(demo_dir, reason="manual", now_ms=ms("2026-11-24T03:04:05"))
    assert again.name == "rlbaby-20261124-030405-manual-1.zip"
    assert [b.path for b in list_backups(demo_dir) if isinstance(b, BackupInfo)] == [again, path]


def test_list_backups_shows_damaged_ones(demo_dir: Path) -> None:
    good = create_backup(demo_dir, now_ms=ms("2026-11-24T03:00:00"))
    bad = demo_dir / "backups" / "rlbaby-20261125-000000-auto.zip"
    bad.write_bytes(good.read_bytes()[:100])
    listed = list_backups(demo_dir)
    assert listed[0] == (
        bad,
        f"{bad.name} is damaged or not an rlbaby backup (File is not a zip file)",
    )
    assert isinstance(listed[1], BackupInfo)


# --- thinning ----------------------------------------------------------------------


def test_thin_keeps_7_daily_8_weekly_12_monthly() -> None:
    # One backup a day at noon for 400 days, up to Tuesday 2026-11-24.
    last = ms("2026-11-24T12:00:00")
    stamps = [last - d * 86_400_000 for d in range(400)]
    kept = thin(stamps)
    daily = [f"2026-11-{d} 12:00" for d in range(18, 25)]
    weekly = [  # the newest of each ISO week: Sundays, and this week's Tuesday
        "2026-10-11 12:00", "2026-10-18 12:00", "2026-10-25 12:00",
        "2026-11-01 12:00", "2026-11-08 12:00", "2026-11-15 12:00", "2026-11-22 12:00",
    ]  # fmt: skip
    monthly = [  # the newest of each month: month ends, and this month's newest
        "2025-12-31 12:00", "2026-01-31 12:00", "2026-02-28 12:00", "2026-03-31 12:00",
        "2026-04-30 12:00", "2026-05-31 12:00", "2026-06-30 12:00", "2026-07-31 12:00",
        "2026-08-31 12:00", "2026-09-30 12:00", "2026-10-31 12:00",
    ]  # fmt: skip
    assert days(kept) == sorted(set(daily + weekly + monthly))
    # 7 days, 6 older Sundays, 11 older month ends (11-22 and 11-24 count as days).
    assert len(kept) == 7 + 6 + 11


def test_thin_keeps_the_newest_of_each_day() -> None:
    stamps = [ms(t) for t in ("2026-11-24T08:00:00", "2026-11-24T12:00:00", "2026-11-24T23:59:59")]
    stamps += [ms("2026-11-25T00:00:00")]
    assert days(thin(stamps, days=2, weeks=0, months=0)) == ["2026-11-24 23:59", "2026-11-25 00:00"]
    assert days(thin(stamps, days=1, weeks=0, months=0)) == ["2026-11-25 00:00"]
    assert thin([]) == set()


def test_thin_week_and_month_boundaries_across_new_year() -> None:
    # ISO week 2026-W01 runs from Monday 2025-12-29 to Sunday 2026-01-04.
    stamps = [
        ms("2025-12-27T10:00:00"),  # Sat, 2025-W52
        ms("2025-12-28T10:00:00"),  # Sun, 2025-W52
        ms("2025-12-29T10:00:00"),  # Mon, 2026-W01, December
        ms("2026-01-04T10:00:00"),  # Sun, 2026-W01
        ms("2026-01-05T10:00:00"),  # Mon, 2026-W02
    ]
    assert days(thin(stamps, days=0, weeks=3, months=0)) == [
        "2025-12-28 10:00",
        "2026-01-04 10:00",
        "2026-01-05 10:00",
    ]
    assert days(thin(stamps, days=0, weeks=0, months=2)) == ["2025-12-29 10:00", "2026-01-05 10:00"]
    assert days(thin(stamps, days=0, weeks=0, months=1)) == ["2026-01-05 10:00"]
    # Periods are counted among those that have a backup, not on the calendar.
    sparse = [ms("2026-11-24T10:00:00"), ms("2026-06-01T10:00:00"), ms("2025-01-01T10:00:00")]
    assert days(thin(sparse, days=2, weeks=0, months=0)) == ["2026-06-01 10:00", "2026-11-24 10:00"]


def test_backup_manager_backs_up_every_30_minutes_when_changed(demo_dir: Path) -> None:
    now = [ms("2026-11-24T00:00:00")]
    with Store.open(demo_dir, now_ms=lambda: now[0]) as s:
        manager = BackupManager(s)
        assert manager.maybe_backup(now[0]) is None  # nothing changed since open
        kid = s.save(Child("New"))
        first = manager.maybe_backup(now[0])
        assert first is not None
        s.save(replace(kid, notes="x"))
        assert manager.maybe_backup(now[0] + 29 * 60_000) is None
        assert manager.maybe_backup(now[0] + 30 * 60_000) is not None
        assert manager.maybe_backup(now[0] + 90 * 60_000) is None  # unchanged since
        s.save(replace(kid, notes="y"))
        last = manager.maybe_backup(now[0] + 91 * 60_000, force=True)
        assert last is not None
        # Thinning keeps every backup of the last 48 hours (issue 10: the one a
        # parent picks in File > Restore must still be there).
        kept = [b.path for b in list_backups(demo_dir) if isinstance(b, BackupInfo)]
        assert kept[0] == last
        assert first in kept
        assert len(kept) == 3


def test_backup_manager_prunes(demo_dir: Path) -> None:
    with Store.open(demo_dir) as s:
        manager = BackupManager(s)
        start = ms("2026-01-01T12:00:00")
        for d in range(30):
            manager.backup_now(now_ms=start + d * 86_400_000)
        kept = sorted(b.created_ms for b in list_backups(demo_dir) if isinstance(b, BackupInfo))
        assert set(kept) == thin([start + d * 86_400_000 for d in range(30)])
        assert len(kept) < 30


# --- damaged backups are refused -----------------------------------------------------


def _rezip(src: Path, dest: Path, drop: str | None = None, manifest: object = None) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename == drop:
                continue
            raw = zin.read(item)
            if item.filename == "manifest.json" and manifest is not None:
                raw = orjson.dumps(manifest)
            zout.writestr(item.filename, raw)
    return dest


def _refused(data_dir: Path, backup: Path, match: str) -> None:
    before = folder_hashes(data_dir)
    with pytest.raises(BadBackupError, match=match):
        read_backup(backup)
    with pytest.raises(BadBackupError, match=match):
        restore_backup(data_dir, backup)
    assert folder_hashes(data_dir) == before


@pytest.fixture
def good_backup(demo_dir: Path, tmp_path: Path) -> Path:
    # Kept outside the data folder so that hashing the folder does not see the damaged copies.
    made = create_backup(demo_dir, now_ms=ms("2026-11-24T00:00:00"))
    return made.rename(tmp_path / made.name)


def test_truncated_backup_is_refused(demo_dir: Path, good_backup: Path, tmp_path: Path) -> None:
    raw = good_backup.read_bytes()
    for cut in (0, 10, len(raw) // 2, len(raw) - 1):
        bad = tmp_path / f"cut-{cut}.zip"
        bad.write_bytes(raw[:cut])
        _refused(demo_dir, bad, "damaged or not an rlbaby backup")


def test_missing_manifest_is_refused(demo_dir: Path, good_backup: Path, tmp_path: Path) -> None:
    bad = _rezip(good_backup, tmp_path / "no-manifest.zip", drop="manifest.json")
    _refused(demo_dir, bad, "damaged or not an rlbaby backup")


def test_missing_member_is_refused(demo_dir: Path, good_backup: Path, tmp_path: Path) -> None:
    bad = _rezip(good_backup, tmp_path / "no-meta.zip", drop="meta.json")
    _refused(demo_dir, bad, "damaged or not an rlbaby backup")


@pytest.mark.parametrize(
    "change",
    [
        {"format": "something-else/1"},
        {"files": ["meta.json"]},
        {"files": {"../escape.json": "00"}},
        {"files": {"/etc/passwd": "00"}},
        {"created_ms": "yesterday"},
        {"created_ms": None},
        {"schema_version": "one"},
        {"counts": {"movements": "many"}},
        {"counts": []},
    ],
)
def test_bad_manifest_is_refused(
    demo_dir: Path, good_backup: Path, tmp_path: Path, change: dict[str, object]
) -> None:
    with zipfile.ZipFile(good_backup) as zf:
        manifest = orjson.loads(zf.read("manifest.json"))
    manifest.update(change)
    bad = _rezip(good_backup, tmp_path / "bad-manifest.zip", manifest=manifest)
    _refused(demo_dir, bad, "is damaged|not an rlbaby backup|not an rlbaby data file")


def test_manifest_without_created_ms_is_refused(
    demo_dir: Path, good_backup: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(good_backup) as zf:
        manifest = orjson.loads(zf.read("manifest.json"))
    del manifest["created_ms"]
    bad = _rezip(good_backup, tmp_path / "bad-manifest.zip", manifest=manifest)
    _refused(demo_dir, bad, "damaged or not an rlbaby backup")


def test_member_failing_its_checksum_is_refused(
    demo_dir: Path, good_backup: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(good_backup) as zf:
        manifest = orjson.loads(zf.read("manifest.json"))
    manifest["files"]["meta.json"] = "0" * 64
    bad = _rezip(good_backup, tmp_path / "sum.zip", manifest=manifest)
    _refused(demo_dir, bad, "meta.json fails its checksum")


def test_flipped_bytes_inside_members_are_detected(
    demo_dir: Path, good_backup: Path, tmp_path: Path
) -> None:
    raw = good_backup.read_bytes()
    _info, original = read_backup(good_backup)
    with zipfile.ZipFile(good_backup) as zf:
        members = zf.infolist()
    # Bytes spread over the compressed data of every member, manifest included.
    positions: list[int] = []
    for item in members:
        start = item.header_offset + 30 + len(item.filename.encode()) + len(item.extra)
        step = max(1, item.compress_size // 80)
        positions += range(start, start + item.compress_size, step)
    assert len(positions) > 300
    before = folder_hashes(demo_dir)
    detected = 0
    bad = tmp_path / "flipped.zip"
    for pos in positions:
        damaged = bytearray(raw)
        damaged[pos] ^= 0x5A
        bad.write_bytes(bytes(damaged))
        try:
            _info, files = read_backup(bad)
        except BadBackupError:
            detected += 1
        else:
            assert files == original  # a flip that changes nothing decoded is harmless
    # Only a flip in the padding of a deflate stream can change nothing decoded.
    assert detected >= 0.98 * len(positions)
    bad.write_bytes(
        raw[: positions[0]] + bytes([raw[positions[0]] ^ 0xFF]) + raw[positions[0] + 1 :]
    )
    with pytest.raises(BadBackupError):
        restore_backup(demo_dir, bad)
    assert folder_hashes(demo_dir) == before


# --- restore -------------------------------------------------------------------------


def test_restore_round_trips_the_store(demo_dir: Path) -> None:
    with Store.open(demo_dir) as s:
        original = contents(s)
        original_settings = s.settings
        assert len(original["movements"]) > 50
        backup = BackupManager(s).backup_now(reason="manual", now_ms=ms("2026-11-24T09:00:00"))
        # Change everything after the backup: new month files, edits, tombstones, settings.
        kid = s.children()[0]
        ep = s.save(Episode(kid.id, Instant(ms("2027-03-01T22:00:00"), 60)))
        s.save(Movement(kid.id, ep.id, ep.opened))
        victim = s.movement(s.movements().ids[0])
        assert victim is not None
        s.delete(victim)
        s.save(replace(kid, name="Renamed"))
        s.save(Child("Extra"))
        s.save_settings(Settings())
        changed = contents(s)
    assert changed != original
    changed_files = {
        p.relative_to(demo_dir).as_posix(): p.read_bytes() for p in demo_dir.glob("**/*.json")
    }

    safety = restore_backup(demo_dir, backup)
    assert "before-restore" in safety.name
    info, safety_files = read_backup(safety)
    assert info.reason == "before-restore"
    assert safety_files == changed_files  # the state just before the restore is kept

    with Store.open(demo_dir) as s:
        assert s.problems == []
        restored = contents(s)
        assert restored.keys() == original.keys()
        for kind in original:
            assert restored[kind].keys() == original[kind].keys(), kind
            for rid, rec in original[kind].items():
                assert restored[kind][rid] == rec, (kind, rid)
        assert s.settings == original_settings
    assert not (demo_dir / "movements" / "2027-03.json").exists()


def test_restore_is_refused_while_the_app_runs(demo_dir: Path, good_backup: Path) -> None:
    with Store.open(demo_dir):
        before = folder_hashes(demo_dir)
        with pytest.raises(LockedError):
            restore_backup(demo_dir, good_backup)
        assert folder_hashes(demo_dir) == before


def test_restore_of_a_newer_backup_is_refused(
    demo_dir: Path, good_backup: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(good_backup) as zf:
        manifest = orjson.loads(zf.read("manifest.json"))
    manifest["schema_version"] = 99
    newer = _rezip(good_backup, tmp_path / "newer.zip", manifest=manifest)
    before = folder_hashes(demo_dir)
    with pytest.raises(NewerVersionError):
        restore_backup(demo_dir, newer)
    assert folder_hashes(demo_dir) == before


def test_restore_into_an_empty_folder(good_backup: Path, tmp_path: Path, demo_dir: Path) -> None:
    with Store.open(demo_dir, readonly=True) as s:
        original = contents(s)
    fresh = tmp_path / "fresh"
    restore_backup(fresh, good_backup)
    with Store.open(fresh) as s:
        assert contents(s) == original


def test_backup_is_written_atomically(demo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    from rlbaby.store import WriteError

    def full(*_a: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(WriteError, match="disk is full"):
        create_backup(demo_dir, now_ms=T0)
    monkeypatch.undo()
    assert list((demo_dir / "backups").iterdir()) == []


def test_members_outside_the_manifest_are_refused_by_name(demo_dir: Path, tmp_path: Path) -> None:
    made = create_backup(demo_dir, now_ms=T0)
    extra = tmp_path / "extra.zip"
    buf = io.BytesIO(made.read_bytes())
    with zipfile.ZipFile(buf, "a") as zf:
        zf.writestr("../../evil.json", b"{}")
    extra.write_bytes(buf.getvalue())
    _refused(demo_dir, extra, "'../../evil.json', which is not an rlbaby data file")
    assert not (tmp_path / "evil.json").exists()
    assert not (demo_dir.parent / "evil.json").exists()


def test_dating_and_thinning_read_only_manifests(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Start-up and every automatic backup must not decompress all backups."""
    from rlbaby.store import Store
    from rlbaby.store import backup as backup_mod

    data = tmp_path / "data"
    with Store.open(data) as store:
        from rlbaby.model import Child

        store.save(Child("Ada"))
        manager = backup_mod.BackupManager(store)
        manager.backup_now(now_ms=1_790_000_000_000)

        def no_full_read(path):  # type: ignore[no-untyped-def]
            raise AssertionError(f"verified {path.name} just to date it")

        monkeypatch.setattr(backup_mod, "read_backup", no_full_read)
        again = backup_mod.BackupManager(store)
        assert again._last_ms == 1_790_000_000_000
        store.save(Child("Bo"))
        again.backup_now(now_ms=1_790_000_100_000)  # prunes, reading manifests only
        (newest, *_rest) = backup_mod.list_backups(data, verify=False)
        assert newest.created_ms == 1_790_000_100_000


def test_unverified_listing_still_names_an_unreadable_backup(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from rlbaby.store.backup import BACKUP_DIR, list_backups

    folder = tmp_path / BACKUP_DIR
    folder.mkdir(parents=True)
    (folder / "rlbaby-20261124-010203-auto.zip").write_bytes(b"not a zip")
    ((path, reason),) = list_backups(tmp_path, verify=False)
    assert "damaged or not an rlbaby backup" in reason
