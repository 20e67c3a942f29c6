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


def _movement_values_ok(columns: dict[str, tuple[Any, ...]], docs: list[Any]) -> bool:
    """What types alone let through: a non-text note, and times or offsets out of
    range (a huge int would overflow the int64 columns, or fail much later)."""
    notes = map(dict.get, docs, repeat("note"), repeat(""))
    deleted = tuple(filter(None, columns["deleted_ms"]))
    return (
        set(map(type, notes)) <= {str}
        and all(codec.within(columns[name], codec.TIME_RANGE) for name in _TIME_FIELDS)
        and codec.within(deleted, codec.TIME_RANGE)
        and codec.within(columns["at_offset_min"], codec.OFFSET_RANGE)
    )


def check_movement_docs(docs: list[Mapping[str, Any]], where: str) -> dict[str, tuple[Any, ...]]:
    """Fast shape check for movement docs (full decoding of 200k is too slow).

    Checks whole columns at C speed; only a file that fails is decoded doc by
    doc with `codec.movement_from_doc`, the one rule of what a movement is, to
    name the first bad record. Each of the decoder's rules needs its column
    twin here, or a bad record passes: tests/store/test_store_movement_check.py
    holds the two to the same verdict.

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
        # The stored spelling always has every field (movement_to_doc writes
        # them all); the rules of the values are the decoder's, and only its.
        for name in _MOVEMENT_NAMES:
            if name not in doc:
                raise errors.MalformedRecord(
                    f"field {name!r} of movement {doc.get('id')!r} is missing"
                )
        try:
            codec.movement_from_doc(doc)
        except errors.MalformedRecord as exc:
            raise errors.MalformedRecord(f"movement {doc.get('id')!r}: {exc}") from None
    raise AssertionError("the column check and the walk disagree")  # pragma: no cover
