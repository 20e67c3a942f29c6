"""Movement ids of one byte width as one packed block, with a hash index.

200k uuids as Python str objects cost 17 MB, their id -> row dict 14 MB more,
and building both is a fifth of opening a column snapshot (colcache.py). Here
they stay as the snapshot stored them, one UTF-8 block joined by newlines,
read as rows of bytes; a str is made only for a row that is asked for.

Id -> row goes through one sorted array of 64-bit keys, built when first
needed: each row's 64-bit hash with its low bits replaced by the row's number
(18 bits at 200k rows). A lookup hashes the id, finds its high bits by binary
search, reads the row from the low bits and compares the row's bytes, so two
ids alike in their high bits never give a wrong row. One plain sort of these
keys gives the order and the rows at once (an argsort of the hashes took three
times as long, the most of a writable open's index), and also proves the ids
distinct, all a read-only open needs.

Only a block whose ids all have the same byte length (our uuids) packs; any
other stays a list of str (see `from_block`).
"""

from __future__ import annotations

import operator
import struct
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

SEP = 10  # "\n", the separator of colcache's text blocks
_MASK = (1 << 64) - 1
_CHUNK = 8_192  # rows hashed at a time: the padded copy stays in cache (32k: 2 ms slower)

U8 = npt.NDArray[np.uint8]
Rows = npt.NDArray[np.intp]


def _keys(words: int) -> list[int]:
    """One odd 64-bit multiplier per 8-byte word of a row, the same every run."""
    out, x = [], 0x9E3779B97F4A7C15
    for _ in range(words):
        x = (x * 6364136223846793005 + 1442695040888963407) & _MASK
        out.append(x | 1)
    return out


def _hash_rows(rows: U8) -> npt.NDArray[np.uint64]:
    """The hash of each row of an (n, width) byte array: the sum of its 8-byte
    little-endian words times fixed odd multipliers, wrapping (`_OneHash`).

    Only an order to search in: rows with equal hashes are told apart by
    their bytes, so a weak spot only costs time.
    """
    n, width = rows.shape
    words = -(-width // 8)
    keys = [np.uint64(k) for k in _keys(words)]
    out = np.empty(n, np.uint64)
    # One buffer for every chunk: its padding columns stay zero (a zeroed
    # buffer per chunk was 8 MB of memset at 200k rows).
    whole = np.zeros((min(n, _CHUNK), words * 8), np.uint8)
    for start in range(0, n, _CHUNK):
        part = rows[start : start + _CHUNK]
        padded = whole[: len(part)]
        padded[:, :width] = part
        h = out[start : start + len(part)]
        h.fill(0)
        for column, key in zip(padded.view(np.dtype("<u8")).T, keys, strict=True):
            h += column * key  # arrays wrap silently
    return out


def _count(block: U8, value: int) -> int:
    """How many bytes of `block` are `value`, a chunk at a time: one mask of
    the whole 7 MB block cost twice as much (fresh pages)."""
    mask = np.empty(max(min(block.size, _CHUNK * 8), 1), np.bool_)
    count = 0
    for start in range(0, block.size, mask.size):
        part = block[start : start + mask.size]
        np.equal(part, value, out=mask[: part.size])
        count += int(np.count_nonzero(mask[: part.size]))
    return count


class _OneHash:
    """`_hash_rows` of one row of a width, without numpy's per-call cost (a tap asks)."""

    def __init__(self, width: int) -> None:
        words = -(-width // 8)
        self._pad = words * 8 - width
        self._words = struct.Struct(f"<{words}Q")
        self._keys = _keys(words)

    def __call__(self, raw: bytes) -> int:
        words: tuple[int, ...] = self._words.unpack(raw + b"\0" * self._pad)
        return int(sum(map(operator.mul, words, self._keys))) & _MASK


class PackedIds:
    """`n` distinct-or-not ids, each `width` UTF-8 bytes, as one newline-joined block.

    Rows never change once made; only `from_block` and `from_rows` make one.
    """

    def __init__(self, block: U8, n: int, width: int) -> None:
        self.block = block
        self.n = n
        self.width = width
        # Row i is block[i * (width + 1) : ... + width]; the last has no separator.
        self.rows: U8 = np.lib.stride_tricks.as_strided(
            block, shape=(n, width), strides=(width + 1, 1), writeable=False
        )
        # A key's low bits hold a row number (at least one bit), the high bits the hash.
        self._low = (1 << max(n - 1, 1).bit_length()) - 1
        self._high = _MASK & ~self._low
        self._keys: npt.NDArray[np.uint64] | None = None  # sorted (see `_index`)
        self._distinct: bool | None = None
        self._hash_one = _OneHash(width)

    @classmethod
    def from_block(cls, block: U8, n: int) -> PackedIds | None:
        """The `n` ids of a colcache text block, packed; None when they are not
        all of one byte width (the caller splits them into str instead).

        Raises:
            ValueError: the block is not `n` ids of valid UTF-8 (damage).
        """
        if block.dtype != np.uint8 or block.ndim != 1:
            raise ValueError("an id block is bytes")
        if n < 1 or (block.size + 1) % n:
            return None
        width = (block.size + 1) // n - 1
        if width < 1:
            return None
        seps = block[width :: width + 1]
        if seps.size != n - 1 or not bool((seps == SEP).all()):
            return None
        if _count(block, SEP) != n - 1:
            return None  # a separator inside a row: not one width
        if block.size and int(block.max()) >= 0x80:
            # Rows are cut at ASCII separators, so a valid whole is valid rows.
            str(block.data, "utf-8")  # raises UnicodeDecodeError, a ValueError
        return cls(block, n, width)

    @classmethod
    def from_rows(cls, rows: U8) -> PackedIds:
        """Pack an (n, width) byte array of ids (already known valid UTF-8)."""
        n, width = rows.shape
        full = np.empty((n, width + 1), np.uint8)
        full[:, :width] = rows
        full[:, width] = SEP
        return cls(full.reshape(-1)[:-1], n, width)

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, row: int) -> str:
        return str(self.rows[row].tobytes(), "utf-8")

    def decode(self, rows: Rows) -> list[str]:
        """The ids of `rows`, as str."""
        if rows.size == 0:
            return []
        full = np.empty((rows.size, self.width + 1), np.uint8)
        full[:, : self.width] = self.rows[rows]
        full[:, self.width] = SEP
        return str(full.reshape(-1)[:-1].data, "utf-8").split("\n")

    def take(self, rows: Rows) -> PackedIds:
        """A new block of the ids of `rows`, in that order."""
        return PackedIds.from_rows(self.rows[rows])

    def encode(self, ids: Iterable[str]) -> tuple[Rows, U8]:
        """The ids of `ids` that can be here (of this width) as rows of bytes,
        and where each is in `ids`."""
        raw = []
        where = []
        for k, rid in enumerate(ids):
            try:
                b = rid.encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate: never stored
                continue
            if len(b) == self.width:
                raw.append(b)
                where.append(k)
        rows = np.frombuffer(b"".join(raw), np.uint8).reshape(len(raw), self.width)
        return np.array(where, np.intp), rows

    # --- the hash index -----------------------------------------------------------

    def _index(self) -> npt.NDArray[np.uint64]:
        """The rows' keys, sorted: a row's hash in the high bits, its number in the low."""
        if self._keys is None:
            keys = _hash_rows(self.rows) & np.uint64(self._high)
            keys |= np.arange(self.n, dtype=np.uint64)
            keys.sort()
            self._keys = keys
        return self._keys

    @property
    def indexed(self) -> bool:
        """The sorted keys are built (`find` asks for them)."""
        return self._keys is not None

    def build_index(self) -> None:
        """Hash and sort the rows now (else the first lookup does)."""
        self._index()

    def _search(self, high: npt.NDArray[np.uint64]) -> Rows:
        """Where each of `high` (hashes with their low bits clear) would sort:
        at the first key with those high bits, if any (low bits sort after 0)."""
        return np.minimum(np.searchsorted(self._index(), high), self.n - 1)

    def distinct(self) -> bool:
        """No id repeats. The sorted keys prove it; only ids whose hashes are
        alike in their high bits are compared byte for byte."""
        if self._distinct is None:
            keys = self._index()
            alike = np.flatnonzero((keys[1:] ^ keys[:-1]) <= np.uint64(self._low))
            if alike.size == 0:
                self._distinct = True
            else:
                pairs = np.union1d(alike, alike + 1)
                rows = (keys[pairs] & np.uint64(self._low)).astype(np.intp)
                self._distinct = len(set(map(bytes, self.rows[rows]))) == rows.size
        return self._distinct

    def find(self, rid: str) -> int | None:
        """The row holding `rid`, or None. Builds the index when first asked."""
        try:
            raw = rid.encode("utf-8")
        except UnicodeEncodeError:
            return None
        if len(raw) != self.width or self.n == 0:
            return None
        keys = self._index()
        high = self._hash_one(raw) & self._high
        i = int(keys.searchsorted(np.uint64(high)))
        while i < self.n and (int(keys[i]) & self._high) == high:
            row = int(keys[i]) & self._low
            if self.rows[row].tobytes() == raw:
                return row
            i += 1
        return None

    def find_many(self, ids: Sequence[str]) -> Rows:
        """The row of each of `ids` (-1: not here), hashed and searched as arrays."""
        out = np.full(len(ids), -1, np.intp)
        if not ids or self.n == 0:
            return out
        where, rows = self.encode(ids)
        if where.size == 0:
            return out
        high = _hash_rows(rows) & np.uint64(self._high)
        found = self._index()[self._search(high)]
        hit = (found & np.uint64(self._high)) == high
        cand = (found[hit] & np.uint64(self._low)).astype(np.intp)
        same = (self.rows[cand] == rows[hit]).all(axis=1)
        out[where[hit][same]] = cand[same]
        # High bits alike but other bytes: a collision, or the id's twin
        # sorted first. Rare: one by one.
        for k in where[hit][~same].tolist():
            row = self.find(ids[k])
            out[k] = -1 if row is None else row
        return out

    def any_of(self, ids: Sequence[str]) -> bool:
        """Some id of `ids` is here (a read-only open asks this of the newest
        file, after `distinct` built the sorted keys)."""
        if not ids or self.n == 0:
            return False
        where, rows = self.encode(ids)
        if where.size == 0:
            return False
        high = _hash_rows(rows) & np.uint64(self._high)
        hit = (self._index()[self._search(high)] & np.uint64(self._high)) == high
        if not hit.any():
            return False
        return bool((self.find_many([ids[k] for k in where[hit].tolist()]) >= 0).any())
