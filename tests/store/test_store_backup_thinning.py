"""Thinning never deletes what a parent may need, whatever the clock does (issues 10, 11)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from rlbaby.model import Child
from rlbaby.store import Store
from rlbaby.store.backup import (
    BackupInfo,
    BackupManager,
    backups_to_keep,
    create_backup,
    latest_backup,
    list_backups,
)

H = 3_600_000
DAY = 24 * H


def ms(text: str) -> int:
    return int(datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp() * 1000)


NOW = ms("2026-11-24T12:00:00")


def info(t: int, reason: str = "auto", n: int = 0) -> BackupInfo:
    return BackupInfo(Path(f"/b/{t}-{reason}-{n}.zip"), t, 1, {}, reason)


def kept(
    infos: list[BackupInfo], now: int = NOW, protect: frozenset[Path] = frozenset()
) -> set[int]:
    return {b.created_ms for b in infos if b.path in backups_to_keep(infos, now, protect)}


def test_every_backup_of_the_last_48_hours_is_kept() -> None:
    half_hourly = [info(NOW - i * 30 * 60_000) for i in range(4 * 48)]  # four days
    keep = kept(half_hourly)
    assert {b.created_ms for b in half_hourly if NOW - b.created_ms <= 48 * H} <= keep
    older = {t for t in keep if NOW - t > 48 * H}
    assert len(older) == 2  # then one a day (the newest of each of the two older days)


def test_manual_and_before_restore_backups_stay_30_days() -> None:
    autos = [info(NOW - d * DAY - H) for d in range(60)]
    precious = [
        info(NOW - d * DAY - 2 * H, r) for d in (10, 20, 29) for r in ("manual", "before-restore")
    ]
    old = [info(NOW - 45 * DAY - 2 * H, "manual")]
    keep = kept(autos + precious + old)
    assert {b.created_ms for b in precious} <= keep
    assert old[0].created_ms not in keep  # past 30 days, and not the newest of its day


def test_daily_weekly_monthly_beyond() -> None:
    daily = [info(NOW - d * DAY) for d in range(400)]
    keep = kept(daily)
    assert len(keep) <= 3 + 7 + 8 + 12
    assert NOW - 360 * DAY in keep or any(NOW - 372 * DAY <= t for t in keep)


def test_the_backup_being_restored_is_never_thinned() -> None:
    old = info(NOW - 200 * DAY - 5 * H)
    many = [info(NOW - d * DAY) for d in range(400)] + [old]
    assert old.created_ms not in kept(many)
    assert old.created_ms in kept(many, protect=frozenset({old.path}))


def test_clock_set_years_ahead_keeps_the_real_last_two_days() -> None:
    real = [info(NOW - i * 30 * 60_000) for i in range(96)]  # the last two days, every 30 min
    future = ms("2030-01-01T00:00:00")
    jumped = [info(future), info(future + 30 * 60_000), *real]
    keep = kept(jumped, now=future + 30 * 60_000)  # thinning while the clock says 2030
    assert {b.created_ms for b in real} <= keep


def test_clock_set_back_keeps_the_backups_it_cannot_place() -> None:
    real = [info(NOW - i * 30 * 60_000) for i in range(200)]
    past = ms("2020-01-01T00:00:00")
    keep = kept([info(past), *real], now=past)
    assert {b.created_ms for b in real} <= keep


def test_a_backup_dated_in_the_future_neither_blocks_nor_is_latest(data_dir: Path) -> None:
    now = [NOW]
    with Store.open(data_dir, now_ms=lambda: now[0]) as s:
        s.save(Child("Ada"))
        real = create_backup(data_dir, now_ms=NOW - H)
        ahead = create_backup(data_dir, now_ms=ms("2030-06-01T00:00:00"))  # clock set ahead once
        manager = BackupManager(s)
        assert latest_backup(data_dir, now_ms=NOW).path == real
        listed = [b for b in list_backups(data_dir, now_ms=NOW) if isinstance(b, BackupInfo)]
        assert [b.path for b in listed] == [real, ahead]  # the future one listed last
        assert listed[1].in_future(NOW)
        s.save(Child("Bo"))
        made = manager.maybe_backup(NOW)  # an hour after the real one: due, not blocked
        assert made is not None
        assert ahead.exists()
        assert latest_backup(data_dir, now_ms=NOW).path == made


def test_clock_jumped_back_makes_backups_due(data_dir: Path) -> None:
    with Store.open(data_dir, now_ms=lambda: NOW) as s:
        s.save(Child("Ada"))
        manager = BackupManager(s)
        first = manager.backup_now(now_ms=NOW)
        s.save(Child("Bo"))
        assert manager.due(NOW - 3 * H)  # the clock went back three hours
        again = manager.maybe_backup(NOW - 3 * H)
        assert again is not None
        assert first.exists()


def test_exit_backup_keeps_the_backup_picked_earlier_the_same_day(data_dir: Path) -> None:
    """Issue 10 in the store: Backup now, more taps, the exit backup thins."""
    with Store.open(data_dir, now_ms=lambda: NOW) as s:
        s.save(Child("Ada"))
        manager = BackupManager(s)
        picked = manager.backup_now(reason="manual", now_ms=NOW)
        for i in range(1, 6):
            s.save(Child(f"Kid {i}"))
            manager.maybe_backup(NOW + i * 31 * 60_000, force=True)
    assert picked.exists()


@pytest.mark.parametrize("jump", [ms("2030-01-01T00:00:00"), ms("2001-01-01T00:00:00")])
def test_prune_under_a_jumped_clock_deletes_nothing_recent(data_dir: Path, jump: int) -> None:
    with Store.open(data_dir, now_ms=lambda: NOW) as s:
        s.save(Child("Ada"))
        manager = BackupManager(s)
        recent = [manager.backup_now(now_ms=NOW - i * 40 * 60_000) for i in range(10)]
        s.save(Child("Bo"))
        manager.backup_now(now_ms=jump)
    assert all(p.exists() for p in recent)
