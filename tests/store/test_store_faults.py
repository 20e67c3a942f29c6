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
from rlbaby.store.shards import day_key

NOV = Instant(T0, 60)
FEB = Instant(T0 + 80 * 86_400_000, 60)  # a month with no file yet
HOUR = 3_600_000

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
    # The tap that opens an episode saves both files in one step.
    "episode and its first movement": lambda s: s.save_together(
        [Episode("kid", NOV.plus_ms(HOUR), id="ep2"), Movement("kid", "ep2", NOV.plus_ms(HOUR))]
    ),
    "both in new files": lambda s: s.save_together(
        [Episode("kid", FEB, id="ep2"), Movement("kid", "ep2", FEB)]
    ),
}
MESSAGES = {errno.ENOSPC: "the disk is full", errno.EIO: os.strerror(errno.EIO)}
# Saved as one line of the tap log (one write and one sync, no file replaced);
# the others rewrite meta.json, or fold the log into the files first (a batch).
LOGGED = {
    "new movement",
    "movement in a new month",
    "tombstone",
    "moved movement",
    "episode edit",
    "sleep end",
    "episode and its first movement",
    "both in new files",
}
SYNCS = ("fsync", "fdatasync")


def _fail(monkeypatch: pytest.MonkeyPatch, call: str, code: int) -> None:
    """Make os.<call> fail; "sync" is fsync and fdatasync alike."""
    for name in SYNCS if call == "sync" else (call,):
        if hasattr(os, name):
            monkeypatch.setattr(os, name, _raiser(code))


FAULTS = [
    pytest.param(what, call, id=f"{what}-{call}")
    for what in SAVES
    for call in ("write", "sync", "replace")
    if not (call == "replace" and what in LOGGED)  # see the test below
]


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO])
@pytest.mark.parametrize(("what", "call"), FAULTS)
def test_failed_save_changes_nothing(
    filled: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch, call: str, code: int, what: str
) -> None:
    before_files = folder_hashes(data_dir)
    before = contents(filled)
    before_settings = filled.settings
    before_count = len(filled.movements())
    revision = filled.revision

    _fail(monkeypatch, call, code)
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


@pytest.mark.parametrize("what", sorted(LOGGED))
def test_a_logged_save_replaces_no_file(
    filled: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch, what: str
) -> None:
    """A tap waits for one appended line, not for a file's replacement: with
    every rename refused it still lands, and a reopen finds it."""
    _fail(monkeypatch, "replace", errno.EIO)
    SAVES[what](filled)
    monkeypatch.undo()
    after = contents(filled)
    filled.close()
    with Store.open(data_dir) as again:
        assert again.problems == []
        assert contents(again) == after


def _fail_log(monkeypatch: pytest.MonkeyPatch, name: str, code: int) -> None:
    """Make os.<name> (write, or "sync") fail with `code` for the tap log only."""
    real_open = os.open
    fds: set[int] = set()

    def tracking_open(path: Any, *args: Any, **kwargs: Any) -> int:
        fd: int = real_open(path, *args, **kwargs)
        if os.fspath(path).endswith("taps.log"):
            fds.add(fd)
        return fd

    monkeypatch.setattr(os, "open", tracking_open)
    for call in SYNCS if name == "sync" else (name,):
        real = getattr(os, call, None)
        if real is None:
            continue

        def fail(fd: Any, *args: Any, _real: Any = real, **kwargs: Any) -> Any:
            if fd in fds:
                raise OSError(code, os.strerror(code))
            return _real(fd, *args, **kwargs)

        monkeypatch.setattr(os, call, fail)


@pytest.mark.parametrize("call", ["write", "sync"])
@pytest.mark.parametrize("at", [NOV.plus_ms(HOUR), FEB], ids=["episode file exists", "new files"])
def test_a_tap_opening_an_episode_is_saved_whole_or_not_at_all(
    filled: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch, at: Instant, call: str
) -> None:
    """The episode and its first movement are one line of the tap log: when
    the line cannot be written or synced, neither is saved, and the log is
    cut back to its last whole line."""
    from rlbaby.services import LoggerService

    logger = LoggerService(filled, clock=lambda: at)
    filled.checkpoint()  # the log's fd is opened (and tracked) by the failing tap
    filled._taplog.close()  # type: ignore[union-attr]
    before_files = folder_hashes(data_dir)
    before = contents(filled)
    revision = filled.revision
    _fail_log(monkeypatch, call, errno.EIO)
    with pytest.raises(WriteError, match=r"Could not save to .*taps.log.*The last saved data"):
        logger.record_movement("kid")
    monkeypatch.undo()
    assert folder_hashes(data_dir) == before_files
    assert contents(filled) == before
    assert filled.revision == revision
    assert not logger.can_undo

    # The disk is fine again: the tap lands, episode and movement, and survives a reopen.
    m = logger.record_movement("kid")
    ep = filled.episode(m.episode_id)
    assert ep is not None
    assert ep.opened == at
    after = contents(filled)
    filled.close()
    with Store.open(data_dir) as again:
        assert again.problems == []
        assert contents(again) == after
        assert again.movement(m.id) == m


def test_save_together_refuses_two_records_of_one_file(filled: Store, data_dir: Path) -> None:
    before_files = folder_hashes(data_dir)
    with pytest.raises(ValueError, match="different files"):
        filled.save_together([Movement("kid", "ep", FEB), Movement("kid", "ep", FEB)])
    assert folder_hashes(data_dir) == before_files


def test_read_only_folder_during_a_save(
    filled: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, which chmod does not stop: inject EROFS instead (the
    # tap log is already open, so its write is refused too).
    before_files = folder_hashes(data_dir)
    before = contents(filled)
    monkeypatch.setattr(os, "open", _raiser(errno.EROFS))
    monkeypatch.setattr(os, "write", _raiser(errno.EROFS))
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
    _fail(monkeypatch, "sync", errno.ENOSPC)
    with pytest.raises(WriteError):
        filled.save(Movement("kid", "ep", FEB))
    monkeypatch.undo()
    assert not (data_dir / "movements" / f"{day_key(FEB.utc_ms)}.json").exists()
    assert (data_dir / "taps.log").read_bytes().count(b"\n") == 1 + filled._taplog.lines  # type: ignore[union-attr]


# --- opening a folder the OS refuses in part ---------------------------------------------


def _damaged_december(data_dir: Path) -> tuple[Path, bytes]:
    """A folder whose December movement file is not JSON."""
    with Store.open(data_dir, now_ms=lambda: T0) as s:
        kid = s.save(Child("Ada", id="kid"))
        ep = s.save(Episode(kid.id, NOV, id="ep"))
        s.save(Movement(kid.id, ep.id, NOV))
    bad = data_dir / "movements" / "2026-12-11.json"
    bad.write_bytes(b'{"movements": {"1": ')
    return bad, bad.read_bytes()


def _refuse(monkeypatch: pytest.MonkeyPatch, name: str, code: int, when: Callable[[str], bool]):  # type: ignore[no-untyped-def]
    """Make os.<name> fail with `code` for the paths `when` picks."""
    real = getattr(os, name)

    def call(path: Any, *args: Any, **kwargs: Any) -> Any:
        if when(os.fspath(path)):
            raise OSError(code, os.strerror(code), os.fspath(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, name, call)


def test_a_damaged_file_in_a_read_only_subfolder_is_reported_in_place(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad, raw = _damaged_december(data_dir)
    # movements/ is read-only: nothing can be renamed out of it.
    _refuse(monkeypatch, "replace", errno.EACCES, lambda p: "/movements/" in p)
    with Store.open(data_dir) as s:
        ((problem,),) = [s.problems]
        assert (problem.name, problem.moved_to) == ("movements/2026-12-11.json", None)
        # On Windows the reason goes on: "..., or another program kept the file open".
        assert "could not be moved to quarantine (permission denied" in problem.message()
        assert "left where it is, untouched" in problem.message()
        assert len(s.movements()) == 1
    assert bad.read_bytes() == raw
    assert not any((data_dir / "quarantine").glob("*.why.txt"))  # no note for a file not moved


def test_an_unlistable_subfolder_is_a_store_error(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _damaged_december(data_dir)
    before = folder_hashes(data_dir)
    _refuse(monkeypatch, "scandir", errno.EACCES, lambda p: p.endswith("movements"))
    with pytest.raises(StoreError, match=r"Cannot list the folder .*movements: permission denied"):
        Store.open(data_dir)
    with pytest.raises(StoreError):
        Store.open(data_dir, readonly=True)
    monkeypatch.undo()
    assert folder_hashes(data_dir) == before
    Store.open(data_dir).close()  # the lock was released


def test_a_temp_file_that_cannot_be_swept_is_left(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _damaged_december(data_dir)
    tmp = data_dir / "movements" / ".2026-11-21.json.1.1.rlbaby-tmp"
    tmp.write_bytes(b"half")
    _refuse(monkeypatch, "unlink", errno.EROFS, lambda p: p.endswith(".rlbaby-tmp"))
    with Store.open(data_dir) as s:
        assert [p.name for p in s.problems] == ["movements/2026-12-11.json"]
    assert tmp.read_bytes() == b"half"


@pytest.mark.parametrize(
    ("name", "when", "outcome"),
    [
        ("stat", lambda p: p.endswith("meta.json"), "error"),  # checking the version
        ("mkdir", lambda p: p.endswith("quarantine"), "problem"),  # setting the damaged file aside
        ("lstat", lambda p: p.endswith("2026-12-11.json"), "problem"),
    ],
)
def test_every_os_error_at_open_is_a_store_error_or_a_problem(
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    when: Callable[[str], bool],
    outcome: str,
) -> None:
    bad, raw = _damaged_december(data_dir)
    _refuse(monkeypatch, name, errno.EACCES, when)
    if outcome == "error":
        with pytest.raises(StoreError, match=r"meta.json: permission denied\. Nothing was changed"):
            Store.open(data_dir)
    else:
        with Store.open(data_dir) as s:
            assert [p.name for p in s.problems] == ["movements/2026-12-11.json"]
            assert s.problems[0].moved_to is None
            assert "permission denied" in s.problems[0].message()
    monkeypatch.undo()
    assert bad.read_bytes() == raw
    Store.open(data_dir).close()  # the lock was released


@pytest.mark.parametrize("code", [errno.ENOLCK, errno.EOPNOTSUPP])
def test_a_file_system_without_locks_is_a_store_error_and_leaks_nothing(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    fcntl = pytest.importorskip("fcntl")
    Store.open(data_dir).close()
    fds = sorted(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    monkeypatch.setattr(fcntl, "flock", _raiser(code))
    for _ in range(3):
        with pytest.raises(StoreError, match=r"Cannot lock the data folder .*not support locks"):
            Store.open(data_dir)
    monkeypatch.undo()
    if fds is not None:
        assert sorted(os.listdir("/proc/self/fd")) == fds
    Store.open(data_dir).close()


def test_a_full_disk_keeps_telling_of_a_damaged_file(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad, raw = _damaged_december(data_dir)
    # The disk is full: the note that goes with a quarantined file cannot be written.
    _refuse(monkeypatch, "open", errno.ENOSPC, lambda p: ".why.txt" in p)
    for _ in range(2):  # told at every open while the disk stays full
        with Store.open(data_dir) as s:
            ((problem,),) = [s.problems]
            assert problem.name == "movements/2026-12-11.json"
            assert "not valid JSON" in problem.reason
            assert "(the disk is full), so it was left where it is" in problem.message()
        assert bad.read_bytes() == raw
    monkeypatch.undo()
    with Store.open(data_dir) as s:  # space again: set aside with its note
        ((problem,),) = [s.problems]
        assert problem.moved_to is not None
        moved = data_dir / problem.moved_to
        assert moved.read_bytes() == raw
        assert "not valid JSON" in moved.with_name(moved.name + ".why.txt").read_text()
    assert not bad.exists()
    with Store.open(data_dir) as s:
        assert s.problems == []
