"""Where each record of a sharded table is: record id -> (file key, TinyDB doc id)."""

from __future__ import annotations

from collections.abc import Iterable, KeysView, Mapping, Sequence
from itertools import repeat
from operator import itemgetter


class Locations:
    """Record id -> (file key, TinyDB doc id), the part of dict's API the table uses.

    Kept as two dicts of plain str and int values, which the cyclic GC never
    tracks. One dict of 200k (key, id) tuples is tracked again each time a tap
    adds a tuple, and the next young collections then walk all of it: about
    3 ms, landing in a tap or a repaint.

    Files added while loading wait in a list until something asks (`flush`):
    building the two dicts of 200k ids is a third of a cached open, and a
    read-only `rlbaby summary` never asks. A writable store asks at once.
    """

    def __init__(self) -> None:
        self._key: dict[str, str] = {}
        self._doc: dict[str, int] = {}
        self._pending: list[tuple[str, Sequence[str], list[int]]] = []

    def flush(self) -> None:
        """Put the files `add_file` kept aside into the dicts."""
        pending, self._pending = self._pending, []
        for key, ids, doc_ids in pending:
            self._key.update(zip(ids, repeat(key)))
            self._doc.update(zip(ids, doc_ids, strict=True))

    def __len__(self) -> int:
        self.flush()
        return len(self._key)

    def __contains__(self, rid: object) -> bool:
        self.flush()
        return rid in self._key

    def keys(self) -> KeysView[str]:
        self.flush()
        return self._key.keys()

    def get(self, rid: str) -> tuple[str, int] | None:
        self.flush()
        key = self._key.get(rid)
        return None if key is None else (key, self._doc[rid])

    def __getitem__(self, rid: str) -> tuple[str, int]:
        self.flush()
        return self._key[rid], self._doc[rid]

    def __setitem__(self, rid: str, where: tuple[str, int]) -> None:
        self.flush()
        self._key[rid], self._doc[rid] = where

    def pop(self, rid: str, default: None = None) -> tuple[str, int] | None:
        self.flush()
        key = self._key.pop(rid, None)
        return default if key is None else (key, self._doc.pop(rid))

    def update(self, other: Mapping[str, tuple[str, int]]) -> None:
        self.flush()
        self._key.update(zip(other, map(itemgetter(0), other.values()), strict=True))
        self._doc.update(zip(other, map(itemgetter(1), other.values()), strict=True))

    def add_file(self, key: str, ids: Sequence[str], doc_ids: Iterable[int]) -> None:
        """Record `ids` (new, distinct) as stored in file `key` (loading)."""
        doc_ids = list(doc_ids)
        if len(doc_ids) != len(ids):
            raise ValueError(f"{len(ids)} ids but {len(doc_ids)} doc ids")
        self._pending.append((key, ids, doc_ids))

    def ids_in(self, key: str) -> set[str]:
        """The ids recorded in file `key` (a scan, at C speed)."""
        self.flush()
        return {rid for rid, k in self._key.items() if k == key}
