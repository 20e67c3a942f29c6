"""rlbaby/store/lock.py: one writer per data folder, across threads and processes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_strategies import T0

from rlbaby.model import Child, Episode, Instant, Movement
from rlbaby.store import LockedError, ReadOnlyError, Store, StoreError

HOLDER = """
import sys
from rlbaby.model import Child
from rlbaby.store import Store
store = Store.open(sys.argv[1])
store.save(Child("Held"))
print("locked", flush=True)
sys.stdin.read()  # hold the lock until the parent closes stdin (or kills us)
store.close()
print("closed", flush=True)
"""

TRY_OPEN = """
import sys
from rlbaby.store import LockedError, Store
try:
    Store.open(sys.argv[1]).close()
except LockedError as exc:
    print("LockedError:", exc)
    sys.exit(3)
print("opened")
"""


@pytest.fixture
def holder(data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line == "locked\n", proc.stderr.read() if proc.stderr else line
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.communicate(timeout=30)


def test_second_open_in_the_same_process_is_refused(data_dir: Path) -> None:
    with Store.open(data_dir) as first:
        with pytest.raises(LockedError, match="already running") as info:
            Store.open(data_dir)
        assert info.value.owner.startswith(f"pid {os.getpid()} on ")
        first.save(Child("Ada"))  # the first store is unaffected
    with Store.open(data_dir) as again:  # closed: the lock is free
        assert [c.name for c in again.children()] == ["Ada"]


def test_readonly_open_works_alongside_the_writer(data_dir: Path) -> None:
    with Store.open(data_dir, now_ms=lambda: T0) as writer:
        kid = writer.save(Child("Ada"))
        ep = writer.save(Episode(kid.id, Instant(T0, 60)))
        writer.save(Movement(kid.id, ep.id, Instant(T0, 60)))
        with Store.open(data_dir, readonly=True) as reader:
            assert reader.readonly
            assert len(reader.movements(kid.id)) == 1
            with pytest.raises(ReadOnlyError, match="Nothing was saved"):
                reader.save(Movement(kid.id, ep.id, Instant(T0 + 1000, 60)))
        # The writer still writes after the reader closed.
        writer.save(Movement(kid.id, ep.id, Instant(T0 + 2000, 60)))
    with Store.open(data_dir) as s:
        assert len(s.movements()) == 2


def test_a_lock_held_by_another_process(holder: subprocess.Popen[str], data_dir: Path) -> None:
    with pytest.raises(LockedError) as info:
        Store.open(data_dir)
    assert info.value.owner.startswith(f"pid {holder.pid} on ")
    assert str(holder.pid) in str(info.value)
    with Store.open(data_dir, readonly=True) as reader:
        assert [c.name for c in reader.children()] == ["Held"]
        with pytest.raises(ReadOnlyError):
            reader.save(Child("Bo"))
    # A clean exit releases the lock.
    out, _err = holder.communicate(input="", timeout=30)
    assert out == "closed\n"
    Store.open(data_dir).close()


def test_another_process_is_refused_while_we_hold_the_lock(data_dir: Path) -> None:
    with Store.open(data_dir):
        proc = subprocess.run(
            [sys.executable, "-c", TRY_OPEN, str(data_dir)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert proc.returncode == 3, proc.stderr
        assert proc.stdout.startswith("LockedError: rlbaby is already running on")
        assert f"pid {os.getpid()}" in proc.stdout
    proc = subprocess.run(
        [sys.executable, "-c", TRY_OPEN, str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (proc.returncode, proc.stdout) == (0, "opened\n"), proc.stderr


def test_a_killed_holder_does_not_block_the_next_open(
    holder: subprocess.Popen[str], data_dir: Path
) -> None:
    with pytest.raises(LockedError):
        Store.open(data_dir)
    holder.send_signal(signal.SIGKILL)
    assert holder.wait(timeout=30) == -signal.SIGKILL
    # The lock file is still there, naming the dead process; that does not matter.
    assert (data_dir / "rlbaby.lock").read_text().startswith(f"pid {holder.pid}")
    with Store.open(data_dir) as s:
        assert [c.name for c in s.children()] == ["Held"]
        assert s.problems == []
    assert (data_dir / "rlbaby.lock").read_text().startswith(f"pid {os.getpid()}")


# --- a lock file someone else touched -------------------------------------------------------


@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_a_writer_whose_lock_file_is_gone_stops_writing(data_dir: Path, how: str) -> None:
    lock = data_dir / "rlbaby.lock"
    acknowledged: list[str] = []
    first = Store.open(data_dir, now_ms=lambda: T0)
    kid = first.save(Child("Ada", id="kid"))
    ep = first.save(Episode(kid.id, Instant(T0, 60), id="ep"))
    acknowledged.append(first.save(Movement(kid.id, ep.id, Instant(T0, 60))).id)
    lock.unlink()
    if how == "replaced":
        lock.write_text("someone's copy\n")
    second = Store.open(data_dir, now_ms=lambda: T0 + 1)  # the lock looks free
    for i in range(1, 6):
        # The first copy must notice before writing, and say so.
        with pytest.raises(StoreError, match="another copy may be writing"):
            first.save(Movement(kid.id, ep.id, Instant(T0 + i * 1000, 60)))
        acknowledged.append(second.save(Movement(kid.id, ep.id, Instant(T0 + i * 1500, 60))).id)
    with pytest.raises(StoreError, match="another copy may be writing"):
        first.save_many([Movement(kid.id, ep.id, Instant(T0 + 9000, 60))])
    first.close()
    acknowledged.append(second.save(Movement(kid.id, ep.id, Instant(T0 + 9500, 60))).id)
    second.close()
    with Store.open(data_dir) as s:
        assert sorted(s.movements().ids) == sorted(acknowledged)  # every confirmed tap is there


def test_a_lock_file_that_is_a_symlink_is_refused_and_meta_is_untouched(data_dir: Path) -> None:
    with Store.open(data_dir) as s:
        s.save(Child("Ada"))
    (data_dir / "rlbaby.lock").unlink()
    (data_dir / "rlbaby.lock").symlink_to("meta.json")
    meta = (data_dir / "meta.json").read_bytes()
    with pytest.raises(StoreError, match=r"rlbaby.lock is a symbolic link, not a plain file"):
        Store.open(data_dir)
    assert (data_dir / "meta.json").read_bytes() == meta
    with Store.open(data_dir, readonly=True) as s:
        assert [c.name for c in s.children()] == ["Ada"]


def test_a_lock_file_that_is_a_second_name_of_meta_is_refused(data_dir: Path) -> None:
    with Store.open(data_dir) as s:
        s.save(Child("Ada"))
    (data_dir / "rlbaby.lock").unlink()
    os.link(data_dir / "meta.json", data_dir / "rlbaby.lock")
    meta = (data_dir / "meta.json").read_bytes()
    with pytest.raises(StoreError, match=r"a second name \(hard link\) of another file"):
        Store.open(data_dir)
    assert (data_dir / "meta.json").read_bytes() == meta


def test_the_lock_file_is_never_truncated(data_dir: Path) -> None:
    Store.open(data_dir).close()
    lock = data_dir / "rlbaby.lock"
    before = "pid 1 on a host with a rather long name\n" + "x" * 300
    lock.write_text(before)
    with Store.open(data_dir):
        text = lock.read_text()
        assert text.startswith(f"pid {os.getpid()} on ")
        assert len(text) == len(before)  # written over, never cut short
        with pytest.raises(LockedError) as info:
            Store.open(data_dir)
    assert info.value.owner == f"pid {os.getpid()} on {socket.gethostname()}"


def test_the_store_imports_where_there_is_no_fcntl(data_dir: Path) -> None:
    code = (
        "import sys\n"
        "sys.modules['fcntl'] = None  # as on Windows\n"
        "import rlbaby.store, rlbaby.store.lock, rlbaby.cli\n"
        "from rlbaby.store import Store\n"
        "print('imported')\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert (proc.returncode, proc.stdout) == (0, "imported\n"), proc.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.timeout(60)
def test_a_lock_file_that_is_a_fifo_is_refused(data_dir: Path) -> None:
    data_dir.mkdir()
    os.mkfifo(data_dir / "rlbaby.lock")
    with pytest.raises(StoreError, match=r"rlbaby.lock is a FIFO \(named pipe\), not a plain file"):
        Store.open(data_dir)
