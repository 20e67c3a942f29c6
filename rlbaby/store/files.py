"""Reading a data file without ever blocking: regular files only.

A FIFO where a data file should be would block a plain read forever (and
`summary`, `import` and `backup` with it); a device might do worse. Such
things are reported and left alone, never read and never moved.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from rlbaby.store import osfs
from rlbaby.store.errors import NotRegularFileError

# A check run before every write; it raises StoreError to stop the write
# (the data-folder lock checks that it is still ours).
Guard = Callable[[], None]

__all__ = ["Guard", "NotRegularFileError", "file_kind", "read_head", "read_regular_file"]

# O_NONBLOCK: opening a FIFO for reading would wait for a writer forever.
_READ_FLAGS = os.O_RDONLY | osfs.NONBLOCK


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_regular_file(path: Path) -> bytes:
    """The bytes of `path`, which must be a regular file (a symlink to one is
    fine).

    Never blocks: the open is non-blocking (a FIFO would otherwise wait for a
    writer forever) and the descriptor's type is checked before any read.

    Raises:
        NotRegularFileError: a FIFO, socket, device or folder.
        OSError: the file cannot be read.
    """
    return _read_regular(path, None)


def read_head(path: Path, size: int) -> bytes:
    """The first `size` bytes of `path` (fewer if it is shorter), as
    `read_regular_file` reads the whole."""
    return _read_regular(path, size)


def _read_regular(path: Path, limit: int | None) -> bytes:
    fd = osfs.open_fd(path, _READ_FLAGS)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFileError(path, file_kind(st.st_mode))
        chunks = []
        got = 0
        want = st.st_size + 1  # one read, and one more that confirms the end
        while limit is None or got < limit:
            chunk = os.read(fd, max(want, 65536) if limit is None else limit - got)
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
