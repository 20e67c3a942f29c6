"""One writer per data folder.

We lock a separate `rlbaby.lock` file, never a data file (data files are
replaced by rename, which would silently drop a lock held on them). The kernel
releases the lock when its process dies, so a killed instance never blocks the
next start. On Unix this is flock; on Windows msvcrt.locking (osfs.try_lock).
Neither module is imported before it is needed, so the store imports on every
platform.

Why not the `filelock` package: it opens the lock file its own way (on
Windows it also deletes it on release) and, on Windows, locks byte 0, which
other processes then cannot read, so the "already open" message could not
name the holder. It has no probe that leaves a read-only folder untouched
(`writer_present`), and where flock is missing it falls back to a marker
file instead of a lock the system drops when the holder dies.

The lock file is opened without following a symlink, must be a regular file
with one name, and is never truncated: a lock file that is a link to
meta.json must not damage meta.json. The owner note is written padded to a
fixed width instead.

A flock protects nothing once its file is deleted: a second copy creates a
new `rlbaby.lock` and locks that. So before every write the store calls
`check()`, which compares the file at the path with the one we lock (one
stat, a few microseconds) and refuses the write if they differ.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from rlbaby.store import osfs
from rlbaby.store.errors import LockedError, LockLostError, StoreError, why
from rlbaby.store.files import file_kind

LOCK_NAME = "rlbaby.lock"
NOTE_BYTES = 128  # the owner note's fixed width: it never needs a truncation

# A symlink at the lock's path makes the open fail (ELOOP) instead of
# following it; O_NONBLOCK keeps a FIFO there from blocking the open.
_OPEN_FLAGS = os.O_RDWR | os.O_CREAT | osfs.NOFOLLOW | osfs.NONBLOCK


class DataDirLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / LOCK_NAME
        self._where = str(self.path)  # checked before every write: no Path on that path
        self._fd: int | None = None
        self._ident: tuple[int, int] | None = None
        self._lost = False

    def acquire(self) -> None:
        """Take the lock or raise LockedError naming the current holder.

        Raises:
            LockedError: another instance holds it.
            StoreError: the lock file cannot be made, is not a plain file, or
                the file system cannot lock; no descriptor is left open.
        """
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if os.path.islink(self.path):
                raise OSError(errno.ELOOP, "a symbolic link", str(self.path))
            fd = osfs.open_fd(self.path, _OPEN_FLAGS)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise self._refused("a symbolic link") from exc
            raise StoreError(
                f"Cannot write to the data folder {folder}: {why(exc)}. "
                "Nothing was changed; it can still be opened read-only."
            ) from exc
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise self._refused(file_kind(st.st_mode))
            if st.st_nlink != 1:
                raise self._refused("a second name (hard link) of another file")
            try:
                locked = osfs.try_lock(fd)
            except OSError as exc:
                raise StoreError(
                    f"Cannot lock the data folder {folder}: {why(exc)}. The file system "
                    "may not support locks (a network share?). Nothing was changed; "
                    "keep the data folder on a local disk."
                ) from exc
            if not locked:
                raise LockedError(folder, self._owner(fd))
            self._write_owner(fd)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        self._ident = (st.st_dev, st.st_ino)
        self._lost = False

    def _refused(self, kind: str) -> StoreError:
        return StoreError(
            f"The lock file {self.path} is {kind}, not a plain file. rlbaby did not open "
            "the folder for writing and changed nothing. Delete rlbaby.lock (rlbaby makes "
            "a new one) and open rlbaby again."
        )

    @staticmethod
    def _owner(fd: int) -> str:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            lines = os.read(fd, NOTE_BYTES).decode(errors="replace").splitlines()
            return lines[0].strip() if lines else ""
        except OSError:
            return ""

    @staticmethod
    def _write_owner(fd: int) -> None:
        # Imported here: only a writer takes the lock, and socket (with
        # selectors) cost every read-only command ~5 ms of its start.
        import socket

        note = f"pid {os.getpid()} on {socket.gethostname()}"[: NOTE_BYTES - 1]
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, (note.ljust(NOTE_BYTES - 1) + "\n").encode())
        except OSError:
            pass  # the owner note is only a courtesy; the lock is what counts

    def check(self) -> None:
        """Raise LockLostError unless the lock file at our path is still the
        one we lock (it was deleted or replaced: another copy may write)."""
        if self._fd is None:
            return
        if not self._lost:
            try:
                st = os.stat(self._where, follow_symlinks=False)
                self._lost = (st.st_dev, st.st_ino) != self._ident
            except OSError:
                self._lost = True
        if self._lost:
            raise LockLostError(self.path)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            osfs.unlock(fd)
        except OSError:
            pass  # closing the descriptor releases it anyway
        finally:
            os.close(fd)


def writer_present(data_dir: Path) -> bool:
    """Whether a copy of rlbaby holds the folder's lock (for a read-only copy).

    Tries the lock without waiting and gives it back at once: refused means a
    writer holds it. Opening read-only never creates or changes the file.
    """
    try:
        fd = osfs.open_fd(Path(data_dir) / LOCK_NAME, os.O_RDONLY | osfs.NOFOLLOW | osfs.NONBLOCK)
    except OSError:
        return False  # no lock file: nobody ever wrote here, or it was removed
    try:
        if not osfs.try_lock(fd):
            return True
        osfs.unlock(fd)
    except OSError:
        return True  # cannot tell: keep following rather than offer to write
    finally:
        os.close(fd)  # closing also drops the lock, if we got it
    return False
