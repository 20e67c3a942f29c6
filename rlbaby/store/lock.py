"""One writer per data folder.

We flock a separate `rlbaby.lock` file, never a data file (data files are
replaced by rename, which would silently drop a lock held on them). The kernel
releases a flock when its process dies, so a killed instance never blocks the
next start.
"""

from __future__ import annotations

import fcntl
import os
import socket
from pathlib import Path

from rlbaby.store.errors import LockedError, StoreError, why

LOCK_NAME = "rlbaby.lock"


class DataDirLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise LockedError naming the current holder."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(
                f"Cannot write to the data folder {self.path.parent}: {why(exc)}. "
                "Nothing was changed; it can still be opened read-only."
            ) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = os.pread(fd, 200, 0).decode(errors="replace").strip()
            os.close(fd)
            raise LockedError(self.path.parent, owner) from None
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()}\n".encode(), 0)
        except OSError:
            pass  # the owner note is only a courtesy; the flock is what counts
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def writer_present(data_dir: Path) -> bool:
    """Whether a copy of rlbaby holds the folder's lock (for a read-only copy).

    Asks for a shared lock without waiting, and gives it back at once: refused
    means a writer holds the lock. Opening read-only never creates the file.
    """
    try:
        fd = os.open(Path(data_dir) / LOCK_NAME, os.O_RDONLY)
    except OSError:
        return False  # no lock file: nobody ever wrote here, or it was removed
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return True  # cannot tell: keep following rather than offer to write
    finally:
        os.close(fd)  # closing also drops the shared lock, if we got it
    return False
