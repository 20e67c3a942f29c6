"""One file of named numpy arrays and a JSON head: read with one read, checked by one sum.

An .npz is a zip: reading one copies every member out of the archive and
checks each member's CRC apart, and numpy parses a header per member. For a
derived snapshot read at every open, this is simpler and cheaper:

    magic (8 bytes) | head length (u32 LE) | CRC-32 of all that follows (u32 LE)
    | head: UTF-8 JSON {"head": ..., "arrays": [[name, dtype, shape, offset], ...]}
    | the arrays' bytes, each starting at a multiple of 8 after the head

One checksum covers the head and every array. `unpack` makes each array a
view of the bytes given (np.frombuffer): nothing is copied. `read` reads a
file's arrays straight into their own buffers instead, so that an array kept
after the load (the movement ids) does not keep the whole file's bytes alive,
and nothing is read twice. Both return None for anything not exactly as `pack`
writes it: a wrong magic, a short file, a checksum that does not match, an
array outside the file or overlapping another, a dtype outside the few we
write, a bool byte other than 0 or 1.
"""

from __future__ import annotations

import io
import os
import stat
import struct
import zlib
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import orjson

from rlbaby.store import osfs

MAGIC = b"RLBPACK1"
_PRELUDE = struct.Struct("<8sII")
_ALIGN = 8
# The dtypes `pack` writes, little-endian whatever the machine (a bool is one byte).
DTYPES = {d.str: d for d in map(np.dtype, ("<i8", "<i4", "<i2", "|i1", "|u1", "|b1"))}


def pack(head: Any, arrays: dict[str, npt.NDArray[Any]]) -> bytes | None:
    """The file's bytes; None when `head` cannot be written as JSON (a lone surrogate)."""
    directory = []
    chunks = []
    offset = 0
    for name, arr in arrays.items():
        dtype = arr.dtype.newbyteorder("<") if arr.dtype.byteorder == ">" else arr.dtype
        if dtype.str not in DTYPES:
            raise ValueError(f"rawpack cannot keep {name} of dtype {arr.dtype}")
        data = np.ascontiguousarray(arr, dtype).tobytes()
        directory.append([name, dtype.str, list(arr.shape), offset])
        chunks.append(data)
        offset += len(data)
        pad = -offset % _ALIGN
        chunks.append(b"\0" * pad)
        offset += pad
    try:
        text = orjson.dumps({"head": head, "arrays": directory})
    except TypeError:
        return None
    text += b" " * (-(len(text) + _PRELUDE.size) % _ALIGN)  # the arrays start aligned
    body = text + b"".join(chunks)
    return _PRELUDE.pack(MAGIC, len(text), zlib.crc32(body)) + body


# (name, dtype, shape, first byte after the head, number of items), in file order.
_Entry = tuple[str, np.dtype[Any], list[int], int, int]


def unpack(raw: bytes) -> tuple[Any, dict[str, npt.NDArray[Any]]] | None:
    """The head and the arrays (read-only views of `raw`); None in any doubt."""
    try:
        return _unpack(raw)
    except Exception:  # noqa: BLE001 - any damage (bad JSON, odd shapes...) only slows the open
        return None


def _unpack(raw: bytes) -> tuple[Any, dict[str, npt.NDArray[Any]]] | None:
    if len(raw) < _PRELUDE.size:
        return None
    magic, head_len, crc = _PRELUDE.unpack_from(raw)
    view = memoryview(raw)[_PRELUDE.size :]
    if magic != MAGIC or head_len > len(view) or zlib.crc32(view) != crc:
        return None
    top = orjson.loads(view[:head_len])
    entries = _directory(top, len(view) - head_len)
    if entries is None:
        return None
    start = _PRELUDE.size + head_len
    arrays: dict[str, npt.NDArray[Any]] = {}
    for name, dtype, shape, offset, count in entries:
        arrays[name] = np.frombuffer(raw, dtype, count, start + offset).reshape(shape)
    return _checked_bools(top, arrays)


def read(path: Path) -> tuple[Any, dict[str, npt.NDArray[Any]]] | None:
    """The head and the arrays of the file at `path`, each array in its own
    buffer; None when it is missing, not a regular file or in any doubt.

    The head is read and its directory checked against the file's size before
    any array is made (a damaged head cannot ask for more memory than the file
    holds); the checksum then covers every byte read, as `unpack`'s does.
    """
    try:
        fd = osfs.open_fd(path, os.O_RDONLY | osfs.NONBLOCK)  # a FIFO never blocks it
    except OSError:
        return None
    try:
        with io.FileIO(fd, "rb", closefd=False) as f:
            return _read(f, os.fstat(fd))
    except Exception:  # noqa: BLE001 - any damage (OSError, bad JSON...) only slows the open
        return None
    finally:
        os.close(fd)


def _read(f: io.FileIO, st: os.stat_result) -> tuple[Any, dict[str, npt.NDArray[Any]]] | None:
    if not stat.S_ISREG(st.st_mode) or st.st_size < _PRELUDE.size:
        return None
    magic, head_len, crc = _PRELUDE.unpack(_read_exactly(f, _PRELUDE.size))
    size = st.st_size - _PRELUDE.size - head_len  # the arrays' bytes
    if magic != MAGIC or size < 0:
        return None
    head = _read_exactly(f, head_len)
    top = orjson.loads(head)
    entries = _directory(top, size)
    if entries is None:
        return None
    crc_now = zlib.crc32(head)
    arrays: dict[str, npt.NDArray[Any]] = {}
    at = 0
    for name, dtype, shape, offset, count in entries:
        crc_now = zlib.crc32(_read_exactly(f, offset - at), crc_now)  # padding
        arr = np.empty(shape, dtype)
        data = memoryview(arr.reshape(-1).view(np.uint8))  # type: ignore[arg-type]
        _read_into(f, data)
        crc_now = zlib.crc32(data, crc_now)
        arr.flags.writeable = False
        arrays[name] = arr
        at = offset + count * dtype.itemsize
    crc_now = zlib.crc32(_read_exactly(f, size - at), crc_now)
    if f.read(1) or crc_now != crc:  # grown since the stat, or damaged
        return None
    return _checked_bools(top, arrays)


def _read_exactly(f: io.FileIO, n: int) -> bytes:
    buf = bytearray(n)
    _read_into(f, memoryview(buf))
    return bytes(buf)


def _read_into(f: io.FileIO, view: memoryview) -> None:
    done = 0
    while done < len(view):
        got = f.readinto(view[done:])
        if not got:
            raise EOFError("the file is shorter than its head says")
        done += got


def _directory(top: Any, size: int) -> list[_Entry] | None:
    """The arrays the head lists, checked: in order, never overlapping, each
    within the `size` bytes that follow the head; None when not as `pack` writes."""
    if type(top) is not dict or type(top.get("arrays")) is not list:
        return None
    end = 0  # where the last array ended: arrays come in order, never overlapping
    names: set[str] = set()
    entries: list[_Entry] = []
    for entry in top["arrays"]:
        name, dtype_str, shape, offset = entry
        dtype = DTYPES[dtype_str]  # KeyError: not one we write
        if (
            type(name) is not str
            or name in names
            or type(shape) is not list
            or not all(type(d) is int and d >= 0 for d in shape)
            or type(offset) is not int
            or offset < end
        ):
            return None
        count = int(np.prod(shape, dtype=np.int64)) if shape else 1
        end = offset + count * dtype.itemsize
        if end > size:
            return None
        names.add(name)
        entries.append((name, dtype, shape, offset, count))
    return entries


def _checked_bools(
    top: dict[str, Any], arrays: dict[str, npt.NDArray[Any]]
) -> tuple[Any, dict[str, npt.NDArray[Any]]] | None:
    for arr in arrays.values():
        if arr.dtype.kind == "b" and arr.size and arr.view(np.uint8).max() > 1:
            return None  # not a bool numpy would make
    return top.get("head"), arrays
