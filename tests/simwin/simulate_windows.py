"""Run the tests as if on Windows, on Linux: `RLBABY_SIMULATE_WINDOWS=1`.

What it changes, and why each stands in for Windows:
- `import fcntl` fails, as there: nothing may need it at import time.
- `msvcrt` exists, with `locking()` built on Linux's open-file-description
  byte-range locks: like msvcrt's, a lock belongs to one open file, covers
  the bytes from the file's current position, fails at once with EACCES when
  held (LK_NBLCK), and is dropped when the holder dies.
- os.O_BINARY exists, and a file that rlbaby (or a test) opens with os.open
  without it is in text mode: LF is written as CRLF and CRLF read as LF.
- rlbaby.store.osfs.WINDOWS is on, so every Windows branch runs.

The folder holds a sitecustomize.py and `install()` puts the folder on
PYTHONPATH, so every Python the tests start runs simulated too.
"""

from __future__ import annotations

import errno
import os
import struct
import sys
import types
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
ENV = "RLBABY_SIMULATE_WINDOWS"
# A flag bit Linux does not use; stripped before the real open.
O_BINARY = 0x40000000

LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = range(5)

_installed = False


def fake_msvcrt(fcntl: Any) -> types.ModuleType:
    """An msvcrt module whose `locking` works on Linux (see the module doc)."""
    mod = types.ModuleType("msvcrt")
    mod.__dict__.update(
        LK_UNLCK=LK_UNLCK, LK_LOCK=LK_LOCK, LK_NBLCK=LK_NBLCK, LK_RLCK=LK_RLCK, LK_NBRLCK=LK_NBRLCK
    )

    def locking(fd: int, mode: int, nbytes: int) -> None:
        start = os.lseek(fd, 0, os.SEEK_CUR)
        if mode == LK_UNLCK:
            kind = fcntl.F_UNLCK
        elif fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY:
            kind = fcntl.F_RDLCK  # a read-only file cannot take a write lock on Linux
        else:
            kind = fcntl.F_WRLCK
        # struct flock: l_type, l_whence, l_start, l_len, l_pid (0 for OFD locks).
        request = struct.pack("hhqqi4x", kind, os.SEEK_SET, start, nbytes, 0)
        try:
            fcntl.fcntl(fd, fcntl.F_OFD_SETLK, request)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise PermissionError(errno.EACCES, "Permission denied") from None
            raise

    mod.locking = locking  # type: ignore[attr-defined]
    return mod


def _ours(filename: str) -> bool:
    """Code of this project (rlbaby or its tests), not Python's or a library's."""
    path = Path(filename)
    return path.is_relative_to(_RLBABY) or (
        path.is_relative_to(TESTS) and not path.is_relative_to(HERE)
    )


_RLBABY = TESTS.parent / "rlbaby"


def _text_mode() -> None:
    """os.open without O_BINARY gives a text-mode file, for the project's own code."""
    real_open, real_read, real_write, real_close = os.open, os.read, os.write, os.close
    text_fds: set[int] = set()

    def sim_open(path: Any, flags: int, mode: int = 0o777, *, dir_fd: int | None = None) -> int:
        fd = real_open(path, flags & ~O_BINARY, mode, dir_fd=dir_fd)
        if not flags & O_BINARY and _ours(sys._getframe(1).f_code.co_filename):
            text_fds.add(fd)
        else:
            text_fds.discard(fd)
        return fd

    def sim_write(fd: int, data: Any) -> int:
        if fd not in text_fds:
            return real_write(fd, data)
        view = memoryview(bytes(data).replace(b"\n", b"\r\n"))
        while view:
            view = view[real_write(fd, view) :]
        return len(data)

    def sim_read(fd: int, n: int) -> bytes:
        raw = real_read(fd, n)
        return raw.replace(b"\r\n", b"\n") if fd in text_fds else raw

    def sim_close(fd: int) -> None:
        text_fds.discard(fd)
        real_close(fd)

    os.O_BINARY = O_BINARY  # type: ignore[attr-defined]
    os.open, os.read, os.write, os.close = sim_open, sim_read, sim_write, sim_close  # type: ignore[assignment]


def install() -> None:
    """Simulate Windows in this process and in every Python it starts."""
    global _installed, _RLBABY
    if _installed:
        return
    _installed = True
    import fcntl

    sys.modules["fcntl"] = None  # type: ignore[assignment]  # import fcntl -> ImportError
    sys.modules["msvcrt"] = fake_msvcrt(fcntl)
    os.environ[ENV] = "1"
    path = os.environ.get("PYTHONPATH", "")
    if str(HERE) not in path.split(os.pathsep):
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(HERE), path) if p)
    try:
        import rlbaby
    except ImportError:
        return  # a Python the tests start for something else (pip, a venv)
    _RLBABY = Path(rlbaby.__file__).resolve().parent
    _text_mode()  # before any rlbaby module reads os.O_BINARY
    from rlbaby.store import osfs

    osfs.WINDOWS = True
