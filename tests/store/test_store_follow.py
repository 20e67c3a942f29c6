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
