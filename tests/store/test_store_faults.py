"""Failing disks: every save either lands whole or changes nothing, memory included."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from store_strategies import T0, contents, folder_hashes

from rlbaby.model import Child, Episode, Instant, Movement, Settings, SleepPeriod
from rlbaby.store import Store, StoreError, WriteError

NOV = Instant(T0, 60)
FEB = Instant(T0 + 80 * 86_400_000, 60)  # a month with no file yet

if TYPE_CHECKING:  # conftest is not importable by name once tests/ui has its own
    from conftest import FakeClock


def _raiser(code: int) -> Callable[..., Any]:
    def fail(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(code, os.strerror(code))

    return fail


@pytest.fixture
def filled(file_store: Store, clock: FakeClock) -> Store:
    kid = file_store.save(Child("Ada", id="kid"))
    ep = file_store.save(Episode(kid.id, NOV, id="ep"))
    for i in range(3):
        file_store.save(Movement(kid.id, ep.id, NOV.plus_ms(i * 20_000), id=f"m{i}"))
    file_store.save(SleepPeriod(kid.id, NOV.plus_ms(-3_600_000), id="sleep"))
    clock.advance(60)
    return file_store


# Each save touches a different file: a month that exists, a new month,
# an edit in place, the episodes and sleep files, and meta.json.
SAVES: dict[str, Callable[[Store], Any]] = {
    "new movement": lambda s: s.save(Movement("kid", "ep", NOV.plus_ms(90_000))),
    "movement in a new month": lambda s: s.save(Movement("kid", "ep", FEB)),
    "tombstone": lambda s: s.delete(s.movement("m1")),
    "moved movement": lambda s: s.save(replace(s.movement("m2"), at=FEB)),
    "episode edit": lambda s: s.save(replace(s.episode("ep"), note="rocked")),
    "sleep end": lambda s: s.save(replace(s.sleep_period("sleep"), awake=NOV.plus_ms(60_000))),
    "child": lambda s: s.save(Child("Bo")),
    "settings": lambda s: s.save_settings(Settings(night_start_hour=20)),
    "batch": lambda s: s.save_many([Episode("kid", FEB), Movement("kid", "ep", FEB)]),
}
MESSAGES = {errno.ENOSPC: "the disk is full", errno.EIO: os.strerror(errno.EIO)}


@pytest.mark.parametrize("call", ["write", "fsync", "replace"])
@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO])
@pytest.mark.parametrize("what", list(SAVES))
def test_failed_save_changes_nothing(
    filled: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch, call: str, code: int, what: str
) -> None:
    before_files = folder_hashes(data_dir)
    before = contents(filled)
    before_settings = filled.settings
    before_count = len(filled.movements())
    revision = filled.revision

    monkeypatch.setattr(os, call, _raiser(code))
    with pytest.raises(WriteError) as info:
        SAVES[what](filled)
    monkeypatch.undo()

    message = str(info.value)
    assert message.startswith(f"Could not save to {data_dir}")
    assert f": {MESSAGES[code]}. The last saved data is unchanged." in message
    assert info.value.cause.errno == code
    assert folder_hashes(data_dir) == before_files  # byte-identical, and no temp file left
    assert contents(filled) == before
    assert len(filled.movements()) == before_count
    assert filled.settings == before_settings
    assert filled.revision == revision

    # The disk is fine again: the same save now lands, and survives a reopen.
    SAVES[what](filled)
    after = contents(filled)
    assert after != before or filled.settings != before_settings
    filled.close()
    with Store.open(data_dir) as again:
        assert again.problems == []
        assert contents(again) == after
        assert again.settings == filled.settings


def test_read_only_folder_during_a_save(
    filled: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, which chmod does not stop: inject EROFS instead.
    before_files = folder_hashes(data_dir)
    before = contents(filled)
    monkeypatch.setattr(os, "open", _raiser(errno.EROFS))
    with pytest.raises(
        WriteError, match="the folder is read-only. The last saved data is unchanged"
    ):
        filled.save(Movement("kid", "ep", NOV.plus_ms(90_000)))
    monkeypatch.undo()
    assert folder_hashes(data_dir) == before_files
    assert contents(filled) == before


def test_read_only_folder_at_open(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store.open(data_dir).close()
    (data_dir / "rlbaby.lock").unlink()
    before = folder_hashes(data_dir)
    real_open = os.open

    def no_lock(path: Any, *args: Any, **kwargs: Any) -> int:
        if str(path).endswith("rlbaby.lock"):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", no_lock)
    with pytest.raises(
        StoreError, match=r"Cannot write to the data folder .*: the folder is read-only"
    ):
        Store.open(data_dir)
    monkeypatch.undo()
    assert folder_hashes(data_dir) == before
    with Store.open(data_dir, readonly=True) as s:  # reading still works
        assert s.problems == []


def test_failed_write_of_a_new_month_leaves_no_file(
    filled: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "fsync", _raiser(errno.ENOSPC))
    with pytest.raises(WriteError):
        filled.save(Movement("kid", "ep", FEB))
    monkeypatch.undo()
    assert sorted(p.name for p in (data_dir / "movements").iterdir()) == ["2026-11-21.json"]
