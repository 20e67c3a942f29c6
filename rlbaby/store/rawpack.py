"""One file of named numpy arrays and a JSON head: read with one read, checked by one sum.

An .npz is a zip: reading one copies every member out of the archive and
checks each member's CRC apart, and numpy parses a header per member. For a
derived snapshot read at every open, this is simpler and cheaper:

    magic (8 bytes) | head length (u32 LE) | CRC-32 of all that follows (u32 LE)
    | head: UTF-8 JSON {"head": ..., "arrays": [[name, dtype, shape, offset], ...]}
    | the arrays' bytes, each starting at a multiple of 8 after the head

One checksum covers the head and every array, and each array is a view of the
bytes read (np.frombuffer): nothing is copied. `unpack` returns None for
anything not exactly as `pack` writes it: a wrong magic, a short file, a
checksum that does not match, an array outside the file or overlapping
another, a dtype outside the few we write, a bool byte other than 0 or 1.
"""

from __future__ import annotations

import struct
import zlib
from typing import Any

import numpy as np
import numpy.typing as npt
import orjson

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
    if type(top) is not dict or type(top.get("arrays")) is not list:
        return None
    start = _PRELUDE.size + head_len
    end = start  # where the last array ended: arrays come in order, never overlapping
    arrays: dict[str, npt.NDArray[Any]] = {}
    for entry in top["arrays"]:
        name, dtype_str, shape, offset = entry
        dtype = DTYPES[dtype_str]  # KeyError: not one we write
        if (
            type(name) is not str
            or name in arrays
            or type(shape) is not list
            or not all(type(d) is int and d >= 0 for d in shape)
            or type(offset) is not int
            or start + offset < end
        ):
            return None
        count = int(np.prod(shape, dtype=np.int64)) if shape else 1
        first = start + offset
        end = first + count * dtype.itemsize
        if end > len(raw):
            return None
        arr = np.frombuffer(raw, dtype, count, first).reshape(shape)
        if dtype.kind == "b" and count and arr.view(np.uint8).max() > 1:
            return None  # not a bool numpy would make
        arrays[name] = arr
    return top.get("head"), arrays
