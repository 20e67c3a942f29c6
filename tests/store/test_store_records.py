"""rlbaby/store/store.py: saving, tombstones, queries and reopening, on both backends."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_strategies import T0, contents, expected_contents, folder_hashes, logs

from rlbaby.model import (
    Child,
    Episode,
    Instant,
    Movement,
    MovementKind,
    RuleSet,
    Settings,
    SleepPeriod,
)
from rlbaby.store import ReadOnlyError, Store, WriteError
from rlbaby.store.shards import day_key, key_bounds_ms, month_key, ten_day_key

NOV = Instant(T0, 60)  # 2026-11-24
DAY_MS = 86_400_000
DEC = Instant(T0 + 20 * 86_400_000, 60)  # 2026-12-14
JAN = Instant(T0 + 50 * 86_400_000, 60)  # 2027-01-13

if TYPE_CHECKING:  # conftest is not importable by name once tests/ui has its own
    from conftest import FakeClock


def reopen(store: Store, tmp_path: Path, clock: FakeClock) -> Store:
    """The same data seen by a fresh store (memory stores are returned as they are)."""
    if store.data_dir is None:
        return store
    store.close()
    return Store.open(tmp_path / "data", now_ms=clock.now_ms)


def test_month_keys() -> None:
    assert (month_key(NOV.utc_ms), month_key(DEC.utc_ms), month_key(JAN.utc_ms)) == (
        "2026-11",
        "2026-12",
        "2027-01",
    )


def _utc_ms(text: str) -> int:
    return Instant.parse(text).utc_ms


@pytest.mark.parametrize(
    ("when", "key"),
    [
        ("2026-11-01T00:00:00+00:00", "2026-11-01"),
        ("2026-11-10T23:59:59.999+00:00", "2026-11-01"),
        ("2026-11-11T00:00:00+00:00", "2026-11-11"),
        ("2026-11-20T23:59:59.999+00:00", "2026-11-11"),
        ("2026-11-21T00:00:00+00:00", "2026-11-21"),
        ("2026-11-30T23:59:59.999+00:00", "2026-11-21"),
        ("2026-12-01T00:30:00+01:00", "2026-11-21"),  # keys are UTC, like month keys
        ("2028-02-29T12:00:00+00:00", "2028-02-21"),
        ("2026-12-31T23:59:59.999+00:00", "2026-12-21"),
    ],
)
def test_ten_day_keys_split_each_utc_month_in_three(when: str, key: str) -> None:
    assert ten_day_key(_utc_ms(when)) == key
    assert ten_day_key(_utc_ms(when)).startswith(month_key(_utc_ms(when)))


@given(st.integers(min_value=0, max_value=4_102_444_800_000))  # to 2100
def test_key_bounds_hold_the_instants_of_their_key(utc_ms: int) -> None:
    for key in (day_key(utc_ms), ten_day_key(utc_ms), month_key(utc_ms)):
        lo, hi = key_bounds_ms(key)
        assert lo <= utc_ms < hi
        assert ten_day_key(lo) == ten_day_key(utc_ms) or len(key) == 7
        assert month_key(hi - 1) == month_key(lo)
    lo, hi = key_bounds_ms(day_key(utc_ms))
    assert (hi - lo, day_key(lo), day_key(hi - 1)) == (DAY_MS, day_key(utc_ms), day_key(utc_ms))


@pytest.mark.parametrize(
    ("when", "key"),
    [
        ("2026-11-01T00:00:00+00:00", "2026-11-01d"),
        ("2026-11-21T23:59:59.999+00:00", "2026-11-21d"),
        ("2026-12-01T00:30:00+01:00", "2026-11-30d"),  # UTC, like the other keys
        ("2028-02-29T12:00:00+00:00", "2028-02-29d"),
    ],
)
def test_day_keys_name_the_utc_day_and_differ_from_ten_day_keys(when: str, key: str) -> None:
    assert day_key(_utc_ms(when)) == key
    assert day_key(_utc_ms(when)) != ten_day_key(_utc_ms(when))


@pytest.mark.parametrize(
    "key", ["2026-11-02", "2026-11-25", "2026-13", "2026-11-21x", "2026d", "2026-11d"]
)
def test_a_key_of_no_known_form_has_no_bounds(key: str) -> None:
    with pytest.raises(ValueError, match="not a record file key"):
        key_bounds_ms(key)


def test_keys_of_every_form_sort_in_time_order() -> None:
    times = range(
        _utc_ms("2026-10-01T00:00:00+00:00"), _utc_ms("2027-03-01T00:00:00+00:00"), 3_600_000
    )
    for key_of in (ten_day_key, day_key):
        keys = [key_of(t) for t in times]
        assert keys == sorted(keys)
    assert len({ten_day_key(t) for t in times}) == 15
    # A day file sorts after the older files that start the same day, and
    # before those that start later, so the newest file still sorts last.
    assert month_key(times[0]) < ten_day_key(times[0]) < day_key(times[0])
    assert day_key(_utc_ms("2026-11-30T12:00:00+00:00")) < month_key(
        _utc_ms("2026-12-01T12:00:00+00:00")
    )
    assert day_key(_utc_ms("2026-11-20T12:00:00+00:00")) < ten_day_key(
        _utc_ms("2026-11-21T12:00:00+00:00")
    )


def test_movements_go_to_day_files(data_dir: Path, clock: FakeClock) -> None:
    with Store.open(data_dir, now_ms=clock.now_ms) as s:
        kid = s.save(Child("Ada"))
        ep = s.save(Episode(kid.id, NOV))
        for day in (1, 10, 10, 11, 30):
            s.save(Movement(kid.id, ep.id, Instant(_utc_ms(f"2026-11-{day:02d}T12:00:00+00:00"))))
    assert sorted(p.name for p in (data_dir / "movements").iterdir()) == [
        "2026-11-01d.json",
        "2026-11-10d.json",
        "2026-11-11d.json",
        "2026-11-30d.json",
    ]
    assert sorted(p.name for p in (data_dir / "episodes").iterdir()) == ["2026-11.json"]


@pytest.mark.parametrize(
    "old_key",
    [
        "2026-11",  # before 0.2: one file per month
        "2026-11-21",  # 0.2: one file per ten days
    ],
)
def test_a_movement_file_of_an_older_version_is_read_edited_and_drained(
    data_dir: Path, clock: FakeClock, old_key: str
) -> None:
    with Store.open(data_dir, now_ms=clock.now_ms) as s:
        kid = s.save(Child("Ada"))
        ep = s.save(Episode(kid.id, NOV))
        olds = [s.save(Movement(kid.id, ep.id, NOV.plus_ms(i * 20_000))) for i in range(3)]
    shard = data_dir / "movements" / f"{day_key(NOV.utc_ms)}.json"
    old_file = data_dir / "movements" / f"{old_key}.json"
    shard.rename(old_file)
    with Store.open(data_dir, now_ms=clock.now_ms) as s:
        assert s.problems == []
        assert s.movements().ids == tuple(m.id for m in olds)
        clock.advance(1)
        s.save(replace(olds[0], kind=MovementKind.KICK))  # an edit moves it to its day file
        s.save(replace(olds[1], note="kept"))
        new = s.save(Movement(kid.id, ep.id, NOV.plus_ms(90_000)))
        s.delete(olds[2])
    with Store.open(data_dir, now_ms=clock.now_ms) as s:
        assert s.problems == []
        assert s.movements().ids == (olds[0].id, olds[1].id, new.id)
        assert s.movement(olds[0].id).kind is MovementKind.KICK  # type: ignore[union-attr]
        assert s.movement(olds[1].id).note == "kept"  # type: ignore[union-attr]
        assert s.movement(olds[2].id).deleted_ms is not None  # type: ignore[union-attr]
    old = old_file.read_bytes()
    day = shard.read_bytes()
    assert not any(m.id.encode() in old for m in (*olds, new))
    assert all(m.id.encode() in day for m in (*olds, new))
    assert sorted(p.name for p in (data_dir / "movements").iterdir()) == sorted(
        [old_file.name, shard.name]
    )


def test_save_stamps_and_get(store: Store, clock: FakeClock) -> None:
    child = store.save(Child("Ada"))
    assert child.created_ms == child.updated_ms == T0
    assert store.child(child.id) == child
    ep = store.save(Episode(child.id, NOV))
    clock.advance(1)
    m = store.save(Movement(child.id, ep.id, NOV, kind=MovementKind.KICK, note="left leg"))
    assert (m.created_ms, m.updated_ms) == (T0 + 1000, T0 + 1000)
    assert store.movement(m.id) == m
    assert store.episode(ep.id) == ep
    clock.advance(1)
    edited = store.save(replace(m, kind=MovementKind.JERK))
    assert (edited.created_ms, edited.updated_ms) == (T0 + 1000, T0 + 2000)
    assert store.movement(m.id) == edited
    assert store.movement("nope") is None
    assert store.episode("nope") is None
    assert store.child("nope") is None


def test_tombstone_and_undelete(store: Store, clock: FakeClock, tmp_path: Path) -> None:
    child = store.save(Child("Ada"))
    ep = store.save(Episode(child.id, NOV))
    m = store.save(Movement(child.id, ep.id, NOV))
    sp = store.save(SleepPeriod(child.id, NOV))
    clock.advance(5)
    for rec in (m, ep, sp, child):
        gone = store.delete(rec)
        assert gone.deleted_ms == T0 + 5000
    assert len(store.movements()) == 0
    assert store.movement(m.id).deleted_ms == T0 + 5000  # type: ignore[union-attr]
    assert (store.episodes(), store.sleep_periods(), store.children()) == ([], [], [])
    assert store.counts() == {"children": 0, "movements": 0, "episodes": 0, "sleep_periods": 0}
    assert [e.id for e in store.episodes(include_deleted=True)] == [ep.id]
    store = reopen(store, tmp_path, clock)
    assert len(store.movements()) == 0
    assert store.children(include_deleted=True)[0].deleted_ms == T0 + 5000
    clock.advance(1)
    for rec in (m, ep, sp, child):
        assert store.undelete(rec).deleted_ms is None
    store = reopen(store, tmp_path, clock)
    assert store.movements().ids == (m.id,)
    assert store.counts() == {"children": 1, "movements": 1, "episodes": 1, "sleep_periods": 1}
    store.close()


def test_range_queries_are_sorted(store: Store, child: Child) -> None:
    other = store.save(Child("Bo"))
    e1 = store.save(Episode(child.id, NOV))
    e2 = store.save(Episode(child.id, DEC))
    e3 = store.save(Episode(other.id, NOV))
    # Saved out of order, over two months, for two children.
    offsets_s = [50, 10, 40, 0, 30, 20]
    saved = {}
    for s in offsets_s:
        at = Instant(NOV.utc_ms + s * 1000, 60 if s % 20 else -300)
        saved[s] = store.save(Movement(child.id, e1.id, at))
    late = store.save(Movement(child.id, e2.id, DEC))
    bo = store.save(Movement(other.id, e3.id, Instant(NOV.utc_ms + 25_000, 60)))
    deleted = store.delete(store.save(Movement(child.id, e1.id, Instant(NOV.utc_ms + 15_000))))

    mv = store.movements(child.id)
    assert (mv.at_ms.dtype, mv.offset_min.dtype) == (np.int64, np.int32)
    assert mv.ids == tuple(saved[s].id for s in sorted(offsets_s)) + (late.id,)
    assert np.all(np.diff(mv.at_ms) >= 0)
    assert mv.offset_min.tolist() == [60 if s % 20 else -300 for s in sorted(offsets_s)] + [60]
    assert [mv.episode_ids[c] for c in mv.episode.tolist()] == [e1.id] * 6 + [e2.id]
    assert deleted.id not in mv.ids

    # [t0, t1): start inclusive, end exclusive.
    part = store.movements(child.id, NOV.utc_ms + 10_000, NOV.utc_ms + 40_000)
    assert part.ids == tuple(saved[s].id for s in (10, 20, 30))
    assert (part.episode.tolist(), part.episode_ids) == ([0, 0, 0], (e1.id,))
    assert store.movements(child.id, t0_ms=DEC.utc_ms).ids == (late.id,)
    assert store.movements(child.id, t1_ms=NOV.utc_ms + 1).ids == (saved[0].id,)
    assert store.movements(episode_id=e2.id).ids == (late.id,)
    assert store.movements(other.id).ids == (bo.id,)
    assert len(store.movements()) == 8
    assert len(store.movements("no such child")) == 0
    assert len(store.movements(episode_id="no such episode")) == 0
    assert [m.id for m in store.movements_of_episode(e2.id)] == [late.id]
    assert store.movements(child.id, NOV.utc_ms + 1, NOV.utc_ms + 2).at_ms.size == 0


def test_episode_and_sleep_range_queries(store: Store, child: Child) -> None:
    e_dec = store.save(Episode(child.id, DEC))
    e_nov = store.save(Episode(child.id, NOV))
    assert store.episodes(child.id) == [e_nov, e_dec]
    assert store.episodes(child.id, t0_ms=NOV.utc_ms + 1) == [e_dec]
    assert store.episodes(child.id, t1_ms=DEC.utc_ms) == [e_nov]
    assert store.episodes("other") == []
    s1 = store.save(SleepPeriod(child.id, NOV, awake=NOV.plus_ms(3_600_000)))
    s2 = store.save(SleepPeriod(child.id, DEC))  # still asleep
    assert store.sleep_periods(child.id) == [s1, s2]
    # Overlap: a period counts if it is not over before t0 and began before t1.
    assert store.sleep_periods(child.id, NOV.utc_ms + 3_600_000, None) == [s2]
    assert store.sleep_periods(child.id, NOV.utc_ms + 3_599_999, None) == [s1, s2]
    assert store.sleep_periods(child.id, None, NOV.utc_ms) == []
    assert store.sleep_periods(child.id, None, NOV.utc_ms + 1) == [s1]
    assert store.sleep_period(s1.id) == s1


def test_movement_moved_to_another_month_is_found_once_after_reopen(
    store: Store, child: Child, clock: FakeClock, tmp_path: Path
) -> None:
    ep = store.save(Episode(child.id, NOV))
    m = store.save(Movement(child.id, ep.id, NOV))
    clock.advance(1)
    moved = store.save(replace(m, at=DEC))
    assert store.movements().ids == (m.id,)
    clock.advance(1)
    e_moved = store.save(replace(ep, opened=JAN))
    store = reopen(store, tmp_path, clock)
    assert store.movements().ids == (m.id,)
    assert store.movements().at_ms.tolist() == [DEC.utc_ms]
    assert store.movement(m.id) == moved
    assert store.episodes() == [e_moved]
    if store.data_dir is not None:
        docs = [
            p.read_bytes().count(m.id.encode()) for p in (store.data_dir / "movements").glob("*")
        ]
        assert sorted(docs) == [0, 1]
    # And back again.
    clock.advance(1)
    back = store.save(replace(moved, at=NOV))
    store = reopen(store, tmp_path, clock)
    assert store.movements().ids == (m.id,)
    assert store.movement(m.id) == back
    store.close()


def test_settings_round_trip(store: Store, tmp_path: Path, clock: FakeClock) -> None:
    assert store.settings == Settings()
    s = Settings(night_start_hour=19, idle_timeout_s=120, rule=RuleSet.AASM, text_scale=1.25)
    store.save_settings(s)
    store = reopen(store, tmp_path, clock)
    assert store.settings == s
    store.close()


def test_child_by_name_ignores_case_and_spaces(store: Store, child: Child) -> None:
    assert store.child_by_name("  ada ") == child
    assert store.child_by_name("Bo") is None


def test_save_many_keeps_given_stamps(store: Store, clock: FakeClock) -> None:
    kid = Child("Ada", created_ms=5, updated_ms=6)
    ep = Episode(kid.id, NOV)
    saved = store.save_many([kid, ep, Movement(kid.id, ep.id, NOV)])
    assert (saved[0].created_ms, saved[0].updated_ms) == (5, 6)
    assert (saved[1].created_ms, saved[1].updated_ms) == (T0, T0)
    assert store.counts() == {"children": 1, "movements": 1, "episodes": 1, "sleep_periods": 0}


@settings(
    derandomize=True, max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(records=logs())
def test_reopen_round_trips_every_field(records: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(Path(tmp) / "data", now_ms=lambda: T0) as s:
            saved = s.save_many(records)
            assert saved == records  # every record carries its own stamps
            assert contents(s) == expected_contents(records)
        with Store.open(Path(tmp) / "data", now_ms=lambda: T0) as s:
            assert s.problems == []
            assert contents(s) == expected_contents(records)
            live = sorted(
                (r.at.utc_ms, r.id)
                for r in records
                if isinstance(r, Movement) and r.deleted_ms is None
            )
            mv = s.movements()
            assert sorted(zip(mv.at_ms.tolist(), mv.ids, strict=True)) == live


@settings(
    derandomize=True, max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(records=logs(max_records=6))
def test_reopen_round_trips_records_saved_one_by_one(records: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(Path(tmp) / "data", now_ms=lambda: T0) as s:
            # save() stamps created/updated itself; keep the rest of each record.
            saved = [s.save(r) for r in records]
        with Store.open(Path(tmp) / "data", now_ms=lambda: T0) as s:
            assert contents(s) == expected_contents(saved)


def test_memory_and_file_backends_agree(tmp_path: Path, clock: FakeClock) -> None:
    results = []
    for s in (
        Store.in_memory(now_ms=clock.now_ms),
        Store.open(tmp_path / "d", now_ms=clock.now_ms),
    ):
        kid = s.save(Child("Ada", id="c"))
        ep = s.save(Episode(kid.id, NOV, id="e"))
        for i in range(5):
            s.save(Movement(kid.id, ep.id, NOV.plus_ms(i * 7000), id=f"m{i}"))
        s.delete(s.movement("m2"))  # type: ignore[type-var]
        results.append(contents(s))
        s.close()
    assert results[0] == results[1]


# --- save_many is all or nothing -------------------------------------------------


def _failing_second_write(monkeypatch: pytest.MonkeyPatch, store: Store, fail_on: int = 2) -> list:
    """Make the `fail_on`-th data-file write of `store` raise WriteError."""
    from rlbaby.store import atomic

    calls: list[Path] = []
    real = atomic.atomic_write_bytes

    def flaky(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == fail_on:
            raise WriteError(path, OSError(28, "No space left on device"))
        real(path, data)

    monkeypatch.setattr(atomic, "atomic_write_bytes", flaky)
    return calls


def _two_months(file_store: Store) -> tuple[Child, Episode]:
    kid = file_store.save(Child("Ada"))
    ep = file_store.save(Episode(kid.id, NOV))
    file_store.save(Movement(kid.id, ep.id, NOV))
    file_store.save(Movement(kid.id, ep.id, DEC))
    file_store.checkpoint()  # in the record files, so a batch's writes are its own
    return kid, ep


def test_save_many_all_or_nothing_restores_new_and_changed_files(
    file_store: Store, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    kid, ep = _two_months(file_store)
    before_files = folder_hashes(data_dir)
    before = contents(file_store)
    before_counts = file_store.counts()
    new_ep = Episode(kid.id, DEC)
    batch = [
        new_ep,
        Movement(kid.id, new_ep.id, DEC.plus_ms(1000)),
        Movement(kid.id, ep.id, NOV.plus_ms(1000)),
    ]
    calls = _failing_second_write(monkeypatch, file_store)
    with pytest.raises(WriteError, match="disk is full"):
        file_store.save_many(batch)
    assert calls[0] == data_dir / "episodes" / "2026-12.json"
    assert folder_hashes(data_dir) == before_files
    assert contents(file_store) == before
    assert file_store.counts() == before_counts
    monkeypatch.undo()
    file_store.save_many(batch)
    assert file_store.counts()["movements"] == before_counts["movements"] + 2


def test_save_many_all_or_nothing_with_new_files_and_children(
    file_store: Store, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    kid, _ep = _two_months(file_store)
    before_files = folder_hashes(data_dir)
    before = contents(file_store)
    bo = Child("Bo")
    renamed = replace(kid, name="Ada Lovelace")
    ep = Episode(bo.id, JAN)
    batch = [bo, renamed, ep, Movement(bo.id, ep.id, JAN), SleepPeriod(bo.id, JAN)]
    for fail_on in (1, 2, 3, 4):
        calls = _failing_second_write(monkeypatch, file_store, fail_on)
        with pytest.raises(WriteError):
            file_store.save_many(batch)
        assert len(calls) >= fail_on
        assert folder_hashes(data_dir) == before_files, f"write {fail_on} of {calls}"
        assert contents(file_store) == before
        monkeypatch.undo()
    file_store.save_many(batch)
    assert file_store.child(kid.id).name == "Ada Lovelace"  # type: ignore[union-attr]


def test_save_many_moving_a_record_is_all_or_nothing(
    file_store: Store, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    kid, ep = _two_months(file_store)
    before_files = folder_hashes(data_dir)
    before = contents(file_store)
    moved_ep = replace(ep, opened=JAN)
    batch = [moved_ep, Movement(kid.id, ep.id, JAN)]
    for fail_on in (1, 2, 3):
        _failing_second_write(monkeypatch, file_store, fail_on)
        with pytest.raises(WriteError):
            file_store.save_many(batch)
        assert folder_hashes(data_dir) == before_files
        assert contents(file_store) == before
        monkeypatch.undo()
    file_store.close()
    with Store.open(data_dir) as again:
        assert contents(again) == before


def test_readonly_store_refuses_every_save(data_dir: Path, clock: FakeClock) -> None:
    with Store.open(data_dir, now_ms=clock.now_ms) as s:
        kid = s.save(Child("Ada"))
        ep = s.save(Episode(kid.id, NOV))
    before = folder_hashes(data_dir)
    with Store.open(data_dir, readonly=True) as ro:
        assert ro.readonly
        for rec in (Child("Bo"), kid, Episode(kid.id, NOV), Movement(kid.id, ep.id, DEC)):
            with pytest.raises(ReadOnlyError, match="read-only"):
                ro.save(rec)
        with pytest.raises(ReadOnlyError):
            ro.save(SleepPeriod(kid.id, NOV))
        with pytest.raises(ReadOnlyError):
            ro.save_settings(Settings(night_start_hour=20))
        with pytest.raises(ReadOnlyError):
            ro.save_many([Episode(kid.id, JAN)])
        assert ro.counts() == {"children": 1, "movements": 0, "episodes": 1, "sleep_periods": 0}
        assert ro.settings == Settings()
    assert folder_hashes(data_dir) == before


def test_last_movement_is_the_latest_live_one_of_that_child(store, clock) -> None:  # type: ignore[no-untyped-def]
    from rlbaby.model import Child, Episode, Instant, Movement

    a = store.save(Child("A"))
    b = store.save(Child("B"))
    assert store.last_movement(a.id) is None
    ep = store.save(Episode(a.id, Instant(1_000_000)))
    late = store.save(Movement(a.id, ep.id, Instant(3_000_000)))
    store.save(Movement(a.id, ep.id, Instant(2_000_000)))  # saved later, happened earlier
    other = store.save(Episode(b.id, Instant(9_000_000)))
    store.save(Movement(b.id, other.id, Instant(9_000_000)))
    assert store.last_movement(a.id) == (late.id, 3_000_000, ep.id)
    store.delete(late)
    assert store.last_movement(a.id)[1] == 2_000_000
