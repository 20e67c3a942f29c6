"""rlbaby/store/osfs.py: what Windows and macOS do differently, in one place.

The Windows branches run here on Linux through the `windows` fixture; `make
test` also runs the store's suite with RLBABY_SIMULATE_WINDOWS=1
(tests/simwin), where `fcntl` cannot be imported and a file opened without
O_BINARY turns LF into CRLF.
"""

from __future__ import annotations

import ast
import errno
import logging
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from simwin.simulate_windows import fake_msvcrt
from store_strategies import T0, folder_hashes

from rlbaby.model import Child, Episode, Instant, Movement
from rlbaby.store import LockedError, Store, StoreError, WriteError, colcache, osfs, rawpack
from rlbaby.store.atomic import atomic_write_bytes
from rlbaby.store.backup import create_backup, verify_backup
from rlbaby.store.colcache import CACHE_REL
from rlbaby.store.exchange.export import csv_tables, export_csv
from rlbaby.store.files import read_regular_file
from rlbaby.store.lock import LOCK_NAME, DataDirLock, writer_present

ROOT = Path(__file__).resolve().parents[2]
SIMULATED = os.environ.get("RLBABY_SIMULATE_WINDOWS") == "1"
NOV = Instant(T0, 60)
# Every byte value, and the sequences text mode would rewrite.
ALL_BYTES = bytes(range(256)) * 4 + b"\r\n\n\r\x1a\n"


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Take the Windows branches (msvcrt's locking made to work on Linux)."""
    monkeypatch.setattr(osfs, "WINDOWS", True)
    if not SIMULATED:
        import fcntl

        monkeypatch.setitem(sys.modules, "msvcrt", fake_msvcrt(fcntl))


def _filled(data_dir: Path) -> None:
    with Store.open(data_dir, now_ms=lambda: T0) as store:
        kid = store.save(Child("Ada", id="kid"))
        ep = store.save(Episode(kid.id, NOV, id="ep"))
        for i in range(20):
            store.save(Movement(kid.id, ep.id, NOV.plus_ms(i * 20_000)))
        # A later file too: the column cache holds every movement file but the newest.
        store.save(Movement(kid.id, ep.id, NOV.plus_ms(40 * 86_400_000)))
    Store.open(data_dir).close()  # a writing open saves the column cache (a rawpack)


def _held(times: int, calls: list[str]) -> Callable[[Any, Any], None]:
    """os.replace refused `times` times, as while antivirus holds the file."""
    real = os.replace

    def replace(src: Any, dst: Any) -> None:
        calls.append(str(dst))
        if len(calls) <= times:
            raise PermissionError(errno.EACCES, "The process cannot access the file", str(dst))
        real(src, dst)

    return replace


# --- every file call goes through osfs ---------------------------------------------------

OS_CALLS = {"open", "fsync", "fdatasync", "replace", "rename", "renames"}


def _stray_file_calls(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func, where = node.func, f"{path.relative_to(ROOT)}:{node.lineno}"
        if isinstance(func, ast.Attribute):
            if isinstance(func.value, ast.Name) and func.value.id == "os" and func.attr in OS_CALLS:
                found.append(f"{where} os.{func.attr}")
            elif func.attr == "rename" or (
                # Path.replace takes one argument; str.replace takes two.
                func.attr == "replace" and len(node.args) == 1 and not node.keywords
            ):
                found.append(f"{where} .{func.attr}()")
            elif func.attr == "write_text":
                found.append(f"{where} .write_text() (text mode: CRLF on Windows)")
        elif isinstance(func, ast.Name) and func.id == "open":
            mode = node.args[1] if len(node.args) > 1 else None
            mode = next((k.value for k in node.keywords if k.arg == "mode"), mode)
            text = mode.value if isinstance(mode, ast.Constant) else "r"
            if isinstance(text, str) and set(text) & set("wxa+") and "b" not in text:
                found.append(f"{where} open(..., {text!r}) (text mode: CRLF on Windows)")
    return found


def test_every_file_call_outside_the_ui_goes_through_osfs() -> None:
    skipped = {"rlbaby/store/osfs.py"}  # the one place; the UI and benchmarks are not the store's
    found = []
    for path in sorted((ROOT / "rlbaby").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in skipped or rel.startswith("rlbaby/ui/") or path.name.startswith("bench"):
            continue
        found += _stray_file_calls(path)
    assert found == []


# --- os.replace while another program holds the file -------------------------------------


@pytest.mark.usefixtures("windows")
def test_a_save_rides_out_a_file_held_open_for_a_moment(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    with Store.open(data_dir) as store:
        with monkeypatch.context() as m:
            m.setattr(os, "replace", _held(2, calls))
            store.save(Child("Ada"))
    assert calls[0] == calls[1] == calls[2]  # refused twice, then done
    with Store.open(data_dir, readonly=True) as store:
        assert [c.name for c in store.children()] == ["Ada"]


@pytest.mark.usefixtures("windows")
def test_a_file_held_open_for_good_fails_clearly_and_keeps_the_old_file(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    with Store.open(data_dir) as store:
        store.save(Child("Ada"))
        before = folder_hashes(data_dir)
        with monkeypatch.context() as m:
            m.setattr(os, "replace", _held(10**6, calls))
            started = time.monotonic()
            with pytest.raises(StoreError) as info:
                store.save(Child("Bo"))
            took = time.monotonic() - started
        assert isinstance(info.value, WriteError)
        assert str(info.value) == (
            f"Could not save to {data_dir / 'meta.json'}: permission denied, or another program "
            "kept the file open (antivirus, the search indexer or a sync client?); rlbaby tried "
            "5 times in 0.4 s. The last saved data is unchanged."
        )
        assert len(calls) == 5
        assert took < 3  # bounded: 0.44 s of waits
        assert folder_hashes(data_dir) == before  # the old file, and no temp file left
        assert [c.name for c in store.children()] == ["Ada"]  # memory agrees with the disk
        store.save(Child("Bo"))  # the file is free again: saving works
    with Store.open(data_dir, readonly=True) as store:
        assert sorted(c.name for c in store.children()) == ["Ada", "Bo"]


def test_elsewhere_a_refused_replace_is_not_retried(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    with Store.open(data_dir) as store:
        with monkeypatch.context() as m:
            m.setattr(osfs, "WINDOWS", False)
            m.setattr(os, "replace", _held(1, calls))
            with pytest.raises(WriteError, match="permission denied"):
                store.save(Child("Ada"))
    assert len(calls) == 1  # a real permission problem: said at once


# --- folders: Windows cannot open one to fsync it -----------------------------------------


def _folders_refused(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """rlbaby's os.open of a folder raises PermissionError, as on Windows.

    (Python's own shutil.rmtree opens folders on Linux, not on Windows.)"""
    real, tried = os.open, []
    ours = str(ROOT / "rlbaby")

    def open_(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.path.isdir(path) and sys._getframe(1).f_code.co_filename.startswith(ours):
            tried.append(str(path))
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    return tried


@pytest.mark.parametrize("on_windows", [True, False])
def test_a_backup_whose_folder_cannot_be_synced_is_reported_written(
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    on_windows: bool,
) -> None:
    _filled(data_dir)
    monkeypatch.setattr(osfs, "WINDOWS", on_windows)
    tried = _folders_refused(monkeypatch)
    with caplog.at_level(logging.WARNING, logger="rlbaby.store.backup"):
        written = create_backup(data_dir, reason="manual")
    monkeypatch.undo()
    assert verify_backup(written).reason == "manual"  # whole and readable
    assert [p.name for p in (data_dir / "backups").iterdir()] == [written.name]
    if on_windows:
        assert (tried, caplog.messages) == ([], [])  # a folder is never opened there
    else:
        assert tried == [str(data_dir / "backups")]
        assert caplog.messages == [
            f"Backup {written} written, but its folder could not be synced: permission denied"
        ]


@pytest.mark.usefixtures("windows")
def test_saves_and_restores_never_open_a_folder_on_windows(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _filled(data_dir)
    backup = create_backup(data_dir, reason="manual")
    tried = _folders_refused(monkeypatch)
    with Store.open(data_dir, now_ms=lambda: T0) as store:
        store.save_many([Movement("kid", "ep", NOV.plus_ms(900_000 + i)) for i in range(3)])
        store.save(Child("Bo"))
    from rlbaby.store.restore import restore_backup

    restore_backup(data_dir, backup)
    assert tried == []
    monkeypatch.undo()
    with Store.open(data_dir, readonly=True) as store:
        assert [c.name for c in store.children()] == ["Ada"]
        assert len(store.movements()) == 21


# --- macOS: F_FULLFSYNC -------------------------------------------------------------------


class FakeFcntl:
    """fcntl as on macOS, where F_FULLFSYNC exists (the rest is the real one)."""

    F_FULLFSYNC = 51

    def __init__(self, real: Any, error: int | None = None) -> None:
        self.real = real
        self.error = error
        self.calls: list[tuple[int, int]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)  # flock, for the lock

    def fcntl(self, fd: int, op: int) -> int:
        self.calls.append((fd, op))
        if self.error is not None:
            raise OSError(self.error, os.strerror(self.error))
        return 0


@pytest.fixture
def full_fsync(monkeypatch: pytest.MonkeyPatch) -> Callable[..., FakeFcntl]:
    def make(error: int | None = None) -> FakeFcntl:
        fake = FakeFcntl(osfs._fcntl(), error)
        monkeypatch.setattr(osfs, "_fcntl", lambda: fake)
        return fake

    return make


def test_on_macos_a_save_reaches_the_disk_with_f_fullfsync(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, full_fsync: Callable[..., FakeFcntl]
) -> None:
    with Store.open(data_dir) as store:
        fake = full_fsync()
        synced: list[int] = []
        real = os.fsync
        monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real(fd))[1])
        store.save(Child("Ada"))
    # The new file and (but on Windows) its folder: each a plain fsync, then F_FULLFSYNC.
    assert len(fake.calls) >= (1 if osfs.WINDOWS else 2)
    assert [fd for fd, _op in fake.calls] == synced
    assert {op for _fd, op in fake.calls} == {FakeFcntl.F_FULLFSYNC}


@pytest.mark.parametrize("code", [errno.ENOTSUP, errno.EINVAL])
def test_a_file_system_without_f_fullfsync_still_saves(
    data_dir: Path, full_fsync: Callable[..., FakeFcntl], code: int
) -> None:
    with Store.open(data_dir) as store:
        fake = full_fsync(code)
        store.save(Child("Ada"))
    assert fake.calls
    with Store.open(data_dir, readonly=True) as store:
        assert [c.name for c in store.children()] == ["Ada"]


def test_a_failing_f_fullfsync_fails_the_save(
    data_dir: Path, full_fsync: Callable[..., FakeFcntl]
) -> None:
    with Store.open(data_dir) as store:
        store.save(Child("Ada"))
        before = folder_hashes(data_dir)
        full_fsync(errno.EIO)
        with pytest.raises(WriteError, match=os.strerror(errno.EIO)):
            store.save(Child("Bo"))
        assert folder_hashes(data_dir) == before


# --- binary mode: every byte comes back as written ----------------------------------------


def test_an_atomic_write_keeps_every_byte(tmp_path: Path) -> None:
    target = tmp_path / "all.bin"
    atomic_write_bytes(target, ALL_BYTES)
    assert target.read_bytes() == ALL_BYTES
    assert read_regular_file(target) == ALL_BYTES


def test_zips_and_the_column_cache_come_back_whole(data_dir: Path, tmp_path: Path) -> None:
    _filled(data_dir)
    backup = create_backup(data_dir, reason="manual")
    with zipfile.ZipFile(backup) as zf:
        assert zf.testzip() is None  # every member's CRC matches
    cache = (data_dir / CACHE_REL).read_bytes()
    unpacked = rawpack.unpack(cache)  # its one CRC-32 covers every byte
    assert unpacked is not None
    assert int(unpacked[1]["at_ms"].size) == 20
    assert colcache.read(data_dir) is not None
    with Store.open(data_dir, readonly=True) as store:
        zipped = export_csv(store, tmp_path / "out.zip")[0]
        tables = csv_tables(store)
        loose = export_csv(store, tmp_path / "loose.csv")
    with zipfile.ZipFile(zipped) as zf:
        assert zf.testzip() is None
        assert {n: zf.read(n) for n in zf.namelist()} == tables
    assert sorted(p.read_bytes() for p in loose) == sorted(tables.values())


@pytest.mark.skipif(not SIMULATED, reason="only the simulated-Windows run has text mode")
def test_the_simulation_really_turns_lf_into_crlf(tmp_path: Path) -> None:
    """Else the byte tests above could not fail there."""
    fd = os.open(tmp_path / "text", os.O_WRONLY | os.O_CREAT)  # no O_BINARY
    os.write(fd, b"a\nb")
    os.close(fd)
    assert (tmp_path / "text").read_bytes() == b"a\r\nb"


# --- the lock's Windows branch ------------------------------------------------------------


@pytest.mark.usefixtures("windows")
def test_the_windows_lock_refuses_a_second_writer_and_names_the_first(data_dir: Path) -> None:
    first = DataDirLock(data_dir)
    first.acquire()
    try:
        assert writer_present(data_dir)
        with pytest.raises(LockedError) as info:
            DataDirLock(data_dir).acquire()
        assert info.value.owner.startswith(f"pid {os.getpid()} on ")
        # The note stays readable: the locked byte is far past it.
        assert (data_dir / LOCK_NAME).read_bytes().startswith(f"pid {os.getpid()}".encode())
        first.check()  # still ours
    finally:
        first.release()
    assert not writer_present(data_dir)
    again = DataDirLock(data_dir)
    again.acquire()
    again.release()


@pytest.mark.usefixtures("windows")
def test_a_windows_file_system_without_locks_is_a_store_error(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_locks(*_args: Any) -> None:
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(sys.modules["msvcrt"], "locking", no_locks)
    with pytest.raises(StoreError, match="may not support locks"):
        Store.open(data_dir)


@pytest.mark.skipif(not SIMULATED, reason="checks the simulated-Windows run itself")
def test_pythons_started_by_the_simulated_run_are_simulated_too() -> None:
    code = (
        "import sys; from rlbaby.store import osfs; "
        "print(sys.modules['fcntl'] is None, osfs.WINDOWS, 'msvcrt' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    assert out == "True True True\n"
