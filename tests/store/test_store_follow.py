"""A read-only store follows the copy that writes (Store.refresh, writer_present)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from rlbaby.model import Child, MovementKind
from rlbaby.services import LoggerService
from rlbaby.store import Store, StoreError
from rlbaby.store.lock import writer_present


def test_refresh_reads_what_the_writer_saved(data_dir: Path, clock) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, now_ms=clock.now_ms) as writer:
        ada = writer.save(Child("Ada"))
        with Store.open(data_dir, readonly=True) as reader:
            assert reader.refresh() is False  # nothing changed since it opened
            service = LoggerService(writer, clock)
            first = service.record_movement(ada.id)
            clock.advance(20)
            service.record_movement(ada.id)
            service.toggle_sleep(ada.id)
            writer.save(Child("Bea"))
            before = reader.revision
            assert reader.refresh() is True
            assert reader.revision > before
            assert reader.counts() == writer.counts()
            assert [c.name for c in reader.children()] == ["Ada", "Bea"]
            assert len(reader.movements(ada.id)) == 2
            assert len(reader.sleep_periods(ada.id)) == 1
            # An edit (the file replaced again) is seen too, record and columns.
            service.update(first, kind=MovementKind.KICK)
            assert reader.refresh() is True
            assert reader.movement(first.id).kind is MovementKind.KICK
            assert reader.movements(ada.id).kind.tolist() == writer.movements(ada.id).kind.tolist()
            assert reader.refresh() is False
            # Settings follow too.
            writer.save_settings(replace(writer.settings, night_start_hour=19))
            assert reader.refresh() is True
            assert reader.settings.night_start_hour == 19


def test_refresh_is_only_for_a_read_only_store(data_dir: Path) -> None:
    with Store.open(data_dir) as writer, pytest.raises(StoreError, match="read-only"):
        writer.refresh()


def test_refresh_leaves_nothing_written(data_dir: Path, clock) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, now_ms=clock.now_ms) as writer:
        ada = writer.save(Child("Ada"))
        LoggerService(writer, clock).record_movement(ada.id)
        with Store.open(data_dir, readonly=True) as reader:
            writer.save(Child("Bea"))
            files = {p: p.read_bytes() for p in data_dir.rglob("*.json")}
            assert reader.refresh() is True
            assert {p: p.read_bytes() for p in data_dir.rglob("*.json")} == files


def test_writer_present_follows_the_lock(data_dir: Path) -> None:
    assert writer_present(data_dir) is False  # no folder, no lock file
    writer = Store.open(data_dir)
    assert writer_present(data_dir) is True
    with Store.open(data_dir, readonly=True):
        assert writer_present(data_dir) is True  # a reader takes no lock
    writer.close()
    assert writer_present(data_dir) is False
    with Store.open(data_dir):  # asking never kept the lock from a new writer
        assert writer_present(data_dir) is True


def _same(reader: Store, data_dir: Path) -> None:
    """The followed store answers as a fresh read-only open does."""
    with Store.open(data_dir, readonly=True) as fresh:
        assert reader.counts() == fresh.counts()
        assert reader.settings == fresh.settings
        assert reader.children(include_deleted=True) == fresh.children(include_deleted=True)
        a, b = reader.movements(), fresh.movements()
        assert a.ids == b.ids
        assert a.at_ms.tolist() == b.at_ms.tolist()
        assert a.kind.tolist() == b.kind.tolist()
        for mid in b.ids:
            assert reader.movement(mid) == fresh.movement(mid)
        assert reader.episodes(include_deleted=True) == fresh.episodes(include_deleted=True)
        assert reader.sleep_periods(include_deleted=True) == fresh.sleep_periods(
            include_deleted=True
        )


def test_a_tap_rereads_only_the_changed_files(data_dir: Path, clock) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, now_ms=clock.now_ms) as writer:
        ada = writer.save(Child("Ada"))
        service = LoggerService(writer, clock)
        for _ in range(5):
            service.record_movement(ada.id)
            clock.advance(30)
        with Store.open(data_dir, readonly=True) as reader:
            columns = reader.columns
            service.record_movement(ada.id)
            assert reader.refresh()
            assert reader.columns is columns  # not a whole fresh load
            _same(reader, data_dir)


def test_edits_that_move_records_between_files_are_followed(data_dir: Path, clock) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, now_ms=clock.now_ms) as writer:
        ada = writer.save(Child("Ada"))
        service = LoggerService(writer, clock)
        taps = []
        for _ in range(4):
            taps.append(service.record_movement(ada.id))
            clock.advance(40)
        service.toggle_sleep(ada.id)
        with Store.open(data_dir, readonly=True) as reader:
            columns = reader.columns
            # Forty days back: another movement file and another episode month.
            back = 40 * 86_400_000
            moved = service.update(taps[0], at=replace(taps[0].at, utc_ms=taps[0].at.utc_ms - back))
            ep = writer.episode(taps[1].episode_id)
            assert ep is not None
            service.update(ep, opened=replace(ep.opened, utc_ms=ep.opened.utc_ms - back))
            service.delete(taps[2])
            service.undo()
            service.update(taps[3], kind=MovementKind.STRETCH)
            clock.advance(600)
            service.toggle_sleep(ada.id)
            assert reader.refresh()
            assert reader.columns is columns
            assert reader.movement(moved.id) == moved
            _same(reader, data_dir)
            assert reader.refresh() is False


def test_a_file_that_went_away_means_a_whole_fresh_load(data_dir: Path, clock) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, now_ms=clock.now_ms) as writer:
        ada = writer.save(Child("Ada"))
        LoggerService(writer, clock).record_movement(ada.id)
    with Store.open(data_dir, readonly=True) as reader:
        columns = reader.columns
        with Store.open(data_dir, now_ms=clock.now_ms) as writer:
            assert writer.counts()["movements"] == 1
        for path in (data_dir / "sleep").glob("*.json"):
            path.unlink()
        (data_dir / "sleep").mkdir(exist_ok=True)
        extra = data_dir / "sleep" / "2020-01.json"
        extra.write_bytes(b'{"sleep": {}}')
        assert reader.refresh()
        extra.unlink()
        assert reader.refresh()
        assert reader.columns is not columns  # gone: read again from scratch
        _same(reader, data_dir)


def test_an_unreadable_changed_file_is_reported_and_left_alone(data_dir: Path, clock) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, now_ms=clock.now_ms) as writer:
        ada = writer.save(Child("Ada"))
        LoggerService(writer, clock).record_movement(ada.id)
        writer.checkpoint()  # the tap is in its day file now, not only in the tap log
        with Store.open(data_dir, readonly=True) as reader:
            (path,) = (data_dir / "movements").glob("*.json")
            path.write_bytes(b"{not json")
            assert reader.refresh()  # falls back to a whole load, which reports it
            assert [p.name for p in reader.problems] == [f"movements/{path.name}"]
            assert path.read_bytes() == b"{not json"  # never moved or rewritten


def test_a_read_only_open_looks_at_each_data_file_once(
    data_dir: Path, clock, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The stats it takes to follow the writer are the ones its snapshots are
    checked against: with ~2,000 day files a second round cost ~10 ms."""
    import collections
    import os

    from rlbaby.model import Episode, Instant, Movement

    with Store.open(data_dir, now_ms=clock.now_ms) as writer:
        kid = writer.save(Child("Ada"))
        t = Instant(clock.now_ms(), 60)
        ep = writer.save(Episode(kid.id, t))
        writer.save_many([Movement(kid.id, ep.id, t.plus_ms(d * 86_400_000)) for d in range(6)])
    Store.open(data_dir, readonly=True).close()  # makes its snapshots in the user cache
    seen: collections.Counter[str] = collections.Counter()
    real_stat = os.stat

    def counting_stat(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen[os.fspath(path)] += 1
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", counting_stat)
    with Store.open(data_dir, readonly=True) as reader:
        assert len(reader.movements()) == 6
    monkeypatch.undo()
    movement_files = {p: n for p, n in seen.items() if f"{os.sep}movements{os.sep}" in p}
    assert len(movement_files) == 6
    assert set(movement_files.values()) == {1}
