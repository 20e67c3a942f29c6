"""The fast check of a movement file's documents, column by column.

Decoding 200k movements one by one costs most of an open, so the store, the
follower of a second copy and restore check whole columns at C speed instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import repeat
from operator import itemgetter
from typing import Any

from rlbaby.model import MovementKind
from rlbaby.store import codec, errors

_MOVEMENT_FIELDS = (
    ("id", str),
    ("child", str),
    ("episode", str),
    ("at_ms", int),
    ("at_offset_min", int),
    ("kind", str),
    ("created_ms", int),
    ("updated_ms", int),
)
_KINDS = frozenset(k.value for k in MovementKind)


_MOVEMENT_NAMES = (*(name for name, _typ in _MOVEMENT_FIELDS), "deleted_ms")
_MOVEMENT_ROW = itemgetter(*_MOVEMENT_NAMES)
_DELETED_TYPES = frozenset({int, type(None)})
_TIME_FIELDS = ("at_ms", "created_ms", "updated_ms")


def _in_range(values: tuple[int, ...], lo: int, hi: int) -> bool:
    """All of `values` in [lo, hi] (two passes at C speed)."""
    return not values or (lo <= min(values) and max(values) <= hi)


def _movement_values_ok(columns: dict[str, tuple[Any, ...]], docs: list[Any]) -> bool:
    """What types alone let through: a non-text note, and times or offsets out of
    range (a huge int would overflow the int64 columns, or fail much later)."""
    notes = map(dict.get, docs, repeat("note"), repeat(""))
    deleted = tuple(filter(None, columns["deleted_ms"]))
    return (
        set(map(type, notes)) <= {str}
        and all(_in_range(columns[name], 0, codec.MAX_MS - 1) for name in _TIME_FIELDS)
        and _in_range(deleted, 0, codec.MAX_MS - 1)
        and _in_range(columns["at_offset_min"], -codec.MAX_OFFSET_MIN, codec.MAX_OFFSET_MIN)
    )


def check_movement_docs(docs: list[Mapping[str, Any]], where: str) -> dict[str, tuple[Any, ...]]:
    """Fast shape check for movement docs (full decoding of 200k is too slow).

    Checks whole columns at C speed; only a file that fails is walked doc by
    doc, to name the first bad record. Every rule of that walk needs its
    column twin here, or a bad record passes.

    Returns:
        Each field's column (name -> values, in doc order), for MovementColumns.
    """
    if not docs:
        return {}
    try:
        rows = zip(*map(_MOVEMENT_ROW, docs), strict=True)
        columns = dict(zip(_MOVEMENT_NAMES, rows, strict=True))
    except (KeyError, TypeError):
        pass  # the walk below names the record
    else:
        if (
            all(set(map(type, columns[name])) == {typ} for name, typ in _MOVEMENT_FIELDS)
            and _KINDS.issuperset(columns["kind"])
            and _DELETED_TYPES.issuperset(map(type, columns["deleted_ms"]))
            and _movement_values_ok(columns, docs)
        ):
            return columns
    for doc in docs:
        for name in _MOVEMENT_NAMES:
            if name not in doc:
                raise errors.MalformedRecord(
                    f"field {name!r} of movement {doc.get('id')!r} is missing"
                )
        for name, typ in _MOVEMENT_FIELDS:
            if type(doc[name]) is not typ:
                raise errors.MalformedRecord(
                    f"field {name!r} of movement {doc.get('id')!r} is {doc[name]!r}"
                )
        if doc["kind"] not in _KINDS:
            raise errors.MalformedRecord(f"unknown movement kind {doc['kind']!r}")
        deleted = doc["deleted_ms"]
        if deleted is not None and type(deleted) is not int:
            raise errors.MalformedRecord(f"deleted_ms of movement {doc['id']!r} is {deleted!r}")
        note = doc.get("note", "")
        if type(note) is not str:
            raise errors.MalformedRecord(f"note of movement {doc['id']!r} is {note!r}")
        for name in (*_TIME_FIELDS, "deleted_ms"):
            if doc[name] is not None and not 0 <= doc[name] < codec.MAX_MS:
                raise errors.MalformedRecord(
                    f"{name} of movement {doc['id']!r} is not a time: {doc[name]!r}"
                )
        if abs(doc["at_offset_min"]) > codec.MAX_OFFSET_MIN:
            raise errors.MalformedRecord(
                f"at_offset_min of movement {doc['id']!r} is {doc['at_offset_min']!r}"
            )
    raise AssertionError("the column check and the walk disagree")  # pragma: no cover
