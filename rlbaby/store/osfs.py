"""What Linux, macOS and Windows do differently with files, in one place.

Each branch below has one reason, written beside it. The rest of rlbaby calls
these instead of `os.open`, `os.fsync` and `os.replace`
(tests/store/test_store_osfs.py checks), so no new write can forget one.
Nothing Unix-only is imported at import time: `fcntl` and `msvcrt` are
imported when first needed.
"""

from __future__ import annotations

import errno
import functools
import importlib
import os
import sys
import time
from pathlib import Path
from types import ModuleType

from rlbaby.store.errors import HeldOpenError

# Windows. Looked up at each call, so the simulated-Windows test run
# (tests/simwin) can switch every Windows branch on at once.
WINDOWS = os.name == "nt"

# Windows opens a file in text mode unless told otherwise: every LF written
# becomes CRLF and every CRLF read becomes LF, which breaks a PDF, a zip or an
# .npz. Only Windows has the flag.
BINARY = getattr(os, "O_BINARY", 0)
# A FIFO where a file should be would block an open for reading until a
# writer comes. Windows has neither FIFOs in a folder nor the flag.
NONBLOCK = getattr(os, "O_NONBLOCK", 0)
# Refuse to follow a symbolic link at the last part of the path (the lock
# file). Windows lacks the flag; lock.py checks for a link before opening.
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)

# Windows: antivirus, the search indexer or a sync client may hold a file open
# for a moment, and replacing it then fails with PermissionError (a sharing
# violation). These waits (0.44 s in all) ride that out; longer than that,
# something else keeps the file, and the save fails with HeldOpenError.
REPLACE_WAITS = (0.01, 0.03, 0.1, 0.3)

# F_FULLFSYNC errors that mean "not on this file system" (a network share,
# FAT): the plain fsync before it is then all that can be had.
_NO_FULLFSYNC = {errno.EINVAL, errno.ENOTSUP, errno.ENOTTY, getattr(errno, "EOPNOTSUPP", -1)}

# Windows locks byte ranges and then refuses reads of them to other
# processes: lock one byte far past the owner note, which stays readable.
WIN_LOCK_OFFSET = 1 << 30


def open_fd(path: Path | str, flags: int, mode: int = 0o644) -> int:
    """`os.open`, always in binary mode.

    Raises:
        OSError: as the system gives it.
    """
    return os.open(path, flags | BINARY, mode)


@functools.cache
def _fcntl() -> ModuleType | None:
    """The fcntl module, or None where there is none (Windows). Looked up once:
    a failed import searches the whole path each time."""
    try:
        import fcntl
    except ImportError:
        return None
    return fcntl


def fsync(fd: int) -> None:
    """Write a file's data through to the disk.

    Raises:
        OSError: the data could not be written.
    """
    os.fsync(fd)
    # macOS: fsync() only hands the data to the drive, whose cache can lose
    # it in a power cut; F_FULLFSYNC makes the drive write it. The plain fsync
    # first reports a failed write the same way on every system.
    fcntl = _fcntl()
    op = getattr(fcntl, "F_FULLFSYNC", None)
    if fcntl is None or op is None:
        return
    try:
        fcntl.fcntl(fd, op)
    except OSError as exc:
        if exc.errno not in _NO_FULLFSYNC:
            raise


def fdatasync(fd: int) -> None:
    """Write a file's data (and its length) through to the disk, skipping the
    metadata a read does not need (timestamps) where the system can: one
    journal commit on Linux instead of two. Elsewhere `fsync`.

    Raises:
        OSError: the data could not be written.
    """
    sync = getattr(os, "fdatasync", None)
    if sync is None or sys.platform == "darwin":
        fsync(fd)
        return
    sync(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable.

    Raises:
        OSError: the folder could not be opened or synced.
    """
    if WINDOWS:
        # Windows cannot open a folder as a file (PermissionError), and NTFS
        # writes the rename through its own journal: nothing to do.
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fsync(fd)
    finally:
        os.close(fd)


def replace(src: Path | str, dst: Path | str) -> None:
    """`os.replace`, retried on Windows while another program holds a file.

    Raises:
        HeldOpenError: on Windows, still refused after REPLACE_WAITS.
        OSError: anything else, at once.
    """
    if WINDOWS:
        for wait in REPLACE_WAITS:
            try:
                os.replace(src, dst)
                return
            except PermissionError:
                time.sleep(wait)
        try:
            os.replace(src, dst)
        except PermissionError as exc:
            raise HeldOpenError(dst, len(REPLACE_WAITS) + 1, sum(REPLACE_WAITS)) from exc
        return
    os.replace(src, dst)


def _msvcrt() -> ModuleType:
    """The msvcrt module; Windows only (its stubs are empty elsewhere)."""
    return importlib.import_module("msvcrt")


def try_lock(fd: int) -> bool:
    """Take an exclusive lock on the open file without waiting.

    The system drops it when the process dies, however it dies.

    Returns:
        False: another process (or another descriptor) holds it.

    Raises:
        OSError: the file system cannot lock (ENOLCK, EOPNOTSUPP...).
    """
    if WINDOWS:
        msvcrt = _msvcrt()
        os.lseek(fd, WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in (errno.EACCES, getattr(errno, "EDEADLOCK", errno.EDEADLK)):
                return False
            raise
        return True
    fcntl = _fcntl()
    if fcntl is None:
        raise OSError(errno.ENOLCK, "this system has no file locks")
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def unlock(fd: int) -> None:
    """Give back a lock taken with `try_lock` (closing the file does too).

    Raises:
        OSError: as the system gives it.
    """
    if WINDOWS:
        msvcrt = _msvcrt()
        os.lseek(fd, WIN_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    fcntl = _fcntl()
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
