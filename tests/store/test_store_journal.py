"""rlbaby/store/journal.py: an import lands whole or not at all, across failing
disks and crashes at every step of its commit."""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from store_strategies import T0, contents, folder_hashes

from rlbaby.model import Child, Episode, Instant, Movement
from rlbaby.store import Store, WriteError
from rlbaby.store.exchange import import_file
from rlbaby.store.journal import STAGE_DIR, UnfinishedCommitError, finish_pending

DAY = 86_400_000


def _csv(tmp_path: Path, n: int = 40) -> Path:
    """Taps over three months: several movement, episode and meta files change."""
    rows = "".join(
        f"Ada,{Instant(T0 - 80 * DAY + i * 2 * DAY + (i % 3) * 20_000, 60).isoformat()},kick\n"
        for i in range(n)
    )
    path = tmp_path / "taps.csv"
    path.write_text("child,time,kind\n" + rows)
    return path


@pytest.fixture
def filled(data_dir: Path) -> Path:
    """A folder with a child and a night already in it."""
    with Store.open(data_dir, now_ms=lambda: T0) as s:
        kid = s.save(Child("Bo", id="bo"))
        ep = s.save(Episode(kid.id, Instant(T0 - 50 * DAY, 60), id="ep"))
        s.save(Movement(kid.id, ep.id, Instant(T0 - 50 * DAY, 60), id="m"))
    return data_dir


def _state(data_dir: Path) -> dict[str, Any]:
    with Store.open(data_dir, now_ms=lambda: T0) as s:
        assert s.problems == []
        return contents(s)


def _raiser(code: int) -> Callable[..., Any]:
    def fail(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(code, os.strerror(code))

    return fail


# --- failing disks ---------------------------------------------------------------------------


@pytest.mark.parametrize("call", ["write", "fsync", "replace", "open"])
@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO])
def test_a_failing_disk_leaves_the_folder_and_memory_as_they_were(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str, code: int
) -> None:
    path = _csv(tmp_path)
    with Store.open(filled, now_ms=lambda: T0) as s:
        before, files = contents(s), folder_hashes(filled)
        fail = _raiser(code)
        if call == "open":
            # Only the data folder's disk fails: the file being imported still reads.
            real_open = os.open

            def fail_in_folder(name: Any, *args: Any, **kwargs: Any) -> Any:
                if str(name).startswith(str(filled)):
                    return fail()
                return real_open(name, *args, **kwargs)

            monkeypatch.setattr(os, "open", fail_in_folder)
        else:
            monkeypatch.setattr(os, call, fail)
        with pytest.raises(WriteError) as info:
            import_file(s, path)
        monkeypatch.undo()
        assert info.value.cause.errno == code
        assert "The last saved data is unchanged" in str(info.value)
        assert folder_hashes(filled) == files  # byte for byte, no staged file left
        assert not (filled / STAGE_DIR).exists()
        assert contents(s) == before
        # The disk is fine again: the same import now lands.
        plan = import_file(s, path)
        assert plan.added["movements"] == 40
        after = contents(s)
    assert _state(filled) == after


@pytest.mark.parametrize("nth", [1, 2, 5])
def test_a_write_failing_midway_through_staging(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nth: int
) -> None:
    path = _csv(tmp_path)
    real_fsync, calls = os.fsync, [0]

    def fsync(fd: int) -> None:
        calls[0] += 1
        if calls[0] == nth:
            raise OSError(errno.EIO, "I/O error")
        real_fsync(fd)

    with Store.open(filled, now_ms=lambda: T0) as s:
        before, files = contents(s), folder_hashes(filled)
        monkeypatch.setattr(os, "fsync", fsync)
        with pytest.raises(WriteError):
            import_file(s, path)
        monkeypatch.undo()
        assert folder_hashes(filled) == files
        assert contents(s) == before
    assert _state(filled) == before


def test_a_rename_failing_after_the_journal_is_finished_at_next_open(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _csv(tmp_path)
    real_replace, calls = os.replace, [0]

    def replace(src: Any, dst: Any) -> None:
        calls[0] += 1
        if calls[0] == 3:  # the journal, one data file, then this one fails
            raise OSError(errno.EIO, "I/O error")
        real_replace(src, dst)

    with Store.open(filled, now_ms=lambda: T0) as s:
        monkeypatch.setattr(os, "replace", replace)
        with pytest.raises(UnfinishedCommitError, match="finished the next time"):
            import_file(s, path)
        monkeypatch.undo()
        assert s.counts()["movements"] == 41  # decided: memory holds the import
        after = contents(s)
    assert (filled / STAGE_DIR / "journal.json").exists()
    assert _state(filled) == after
    assert not (filled / STAGE_DIR).exists()


def test_a_save_after_an_unfinished_commit_is_not_overwritten(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The staged copy is older than a later tap in the same file: the tap wins."""
    path = _csv(tmp_path)
    real_replace = os.replace

    def replace(src: Any, dst: Any) -> None:
        if STAGE_DIR in str(src) and "journal" not in str(dst):
            raise OSError(errno.EIO, "I/O error")  # no data file lands
        real_replace(src, dst)

    with Store.open(filled, now_ms=lambda: T0) as s:
        monkeypatch.setattr(os, "replace", replace)
        with pytest.raises(UnfinishedCommitError):
            import_file(s, path)
        monkeypatch.undo()
        ada = s.child_by_name("Ada")
        assert ada is not None
        last = s.movements(ada.id)
        tap = s.save(Movement(ada.id, last.episode_ids[-1], Instant(int(last.at_ms[-1]) + 1, 60)))
        after = contents(s)
    assert tap.id in _state(filled)["movements"]
    assert _state(filled) == after


# --- crashes at every step ------------------------------------------------------------------


# Every call that changes the disk: a kill -9 lands between two of them.
DISK_CALLS = ("open", "write", "fsync", "replace", "unlink", "rmdir", "mkdir")


class Killed(BaseException):
    """Stands for kill -9: raised at the chosen call and at every call after it,
    so no clean-up of the dying process reaches the disk."""


def _import_with_spy(folder: Path, csv: Path, kill_at: int | None) -> list[str]:
    """Import `csv` into `folder`, listing each disk call of the import (after
    the open); with `kill_at`, that call and all later ones raise Killed."""
    steps: list[str] = []
    armed = [False]
    with pytest.MonkeyPatch.context() as mp:
        for name in DISK_CALLS:
            real = getattr(os, name)

            def spy(*args: Any, _n: str = name, _f: Any = real, **kw: Any) -> Any:
                if armed[0]:
                    if kill_at is not None and len(steps) >= kill_at:
                        raise Killed
                    steps.append(_n)
                return _f(*args, **kw)

            mp.setattr(os, name, spy)
        s = Store.open(folder, now_ms=lambda: T0)
        armed[0] = True
        try:
            import_file(s, csv)
        finally:
            armed[0] = False
            if kill_at is None:
                s.close()
            else:
                # The process is dead: the kernel drops its lock, nothing is tidied.
                s._lock.release()  # type: ignore[union-attr]
    return steps


def test_a_crash_at_any_step_opens_as_before_or_after(filled: Path, tmp_path: Path) -> None:
    csv = _csv(tmp_path)
    before = _state(filled)
    probe = tmp_path / "probe"
    shutil.copytree(filled, probe)
    steps = _import_with_spy(probe, csv, None)
    after = _state(probe)
    assert len(steps) > 20
    outcomes = []
    for k in range(len(steps)):
        folder = tmp_path / f"crash{k}"
        shutil.copytree(filled, folder)
        with pytest.raises(Killed):
            _import_with_spy(folder, csv, k)
        state = _state(folder)
        assert state in (before, after), f"a mix after a crash at step {k} ({steps[k]})"
        outcomes.append(state == after)
        assert not (folder / STAGE_DIR).exists()
        # Re-running the import finishes it (or finds it done).
        with Store.open(folder, now_ms=lambda: T0) as s:
            import_file(s, csv)
        assert _state(folder) == after
        shutil.rmtree(folder)
    # Early crashes leave the folder as it was, late ones as imported.
    assert outcomes[0] is False
    assert outcomes[-1] is True
    assert outcomes == sorted(outcomes)


def test_a_read_only_open_finishes_a_journal_when_no_one_holds_the_lock(
    filled: Path, tmp_path: Path
) -> None:
    stage = filled / STAGE_DIR
    stage.mkdir()
    (stage / "0.json").write_bytes((filled / "meta.json").read_bytes().replace(b"Bo", b"Cy"))
    (stage / "journal.json").write_bytes(
        b'{"format": "rlbaby-journal/1", "renames": [["0.json", "meta.json", '
        + str(list(_identity(filled / "meta.json"))).encode()
        + b"]]}"
    )
    with Store.open(filled, readonly=True) as s:
        assert [c.name for c in s.children()] == ["Cy"]
    assert not stage.exists()


def _identity(path: Path) -> tuple[int, int, int]:
    st = path.stat()
    return st.st_ino, st.st_size, st.st_mtime_ns


def test_staged_files_without_a_journal_are_swept(filled: Path) -> None:
    before = folder_hashes(filled)
    (filled / STAGE_DIR).mkdir()
    (filled / STAGE_DIR / "0.json").write_bytes(b"{}")
    assert _state(filled)
    assert not (filled / STAGE_DIR).exists()
    assert folder_hashes(filled) == before


@pytest.mark.parametrize(
    "journal",
    [
        b"not json",
        b'{"format": "other"}',
        b'{"format": "rlbaby-journal/1", "renames": [["0.json", "../evil.json", null]]}',
        b'{"format": "rlbaby-journal/1", "renames": [["../0.json", "meta.json", null]]}',
    ],
)
def test_a_strange_journal_moves_nothing(filled: Path, journal: bytes) -> None:
    before = folder_hashes(filled)
    (filled / STAGE_DIR).mkdir()
    (filled / STAGE_DIR / "0.json").write_bytes(b"{}")
    (filled / STAGE_DIR / "journal.json").write_bytes(journal)
    finish_pending(filled, have_lock=False)
    assert not (filled / STAGE_DIR).exists()
    assert not (filled.parent / "evil.json").exists()
    assert folder_hashes(filled) == before
