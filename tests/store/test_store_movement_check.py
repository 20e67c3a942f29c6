"""rlbaby/store/movement_check.py: the fast column check gives the decoder's verdict.

The decoder (`codec.movement_from_doc`) is the one rule of what a stored movement
is; the column check is its fast twin for whole files. Each bad value below must
be refused by both, and each good one let through by both.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from rlbaby.model import Instant, Movement
from rlbaby.store import codec
from rlbaby.store.errors import MalformedRecord
from rlbaby.store.movement_check import check_movement_docs

T0 = 1_795_500_000_000
GOOD = codec.movement_to_doc(Movement("kid", "ep", Instant(T0, 60), created_ms=1, updated_ms=2))

CHANGES: list[tuple[str, Any]] = [
    ("id", 7),
    ("child", None),
    ("episode", ["ep"]),
    ("at_ms", "soon"),
    ("at_ms", True),
    ("at_ms", -1),
    ("at_ms", codec.MAX_MS),
    ("at_ms", 2**70),
    ("at_ms", 1.5),
    ("at_offset_min", codec.MAX_OFFSET_MIN + 1),
    ("at_offset_min", -codec.MAX_OFFSET_MIN - 1),
    ("at_offset_min", codec.MAX_OFFSET_MIN),
    ("kind", "kick"),
    ("kind", ["jerk"]),
    ("created_ms", None),
    ("updated_ms", codec.MAX_MS - 1),
    ("deleted_ms", T0),
    ("deleted_ms", -5),
    ("deleted_ms", "yes"),
    ("deleted_ms", False),
    ("note", 3),
    ("note", "a note"),
]


def _decoder_accepts(doc: dict[str, Any]) -> bool:
    try:
        codec.movement_from_doc(doc)
    except MalformedRecord:
        return False
    return True


@pytest.mark.parametrize(("field", "value"), CHANGES)
def test_the_column_check_agrees_with_the_decoder(field: str, value: Any) -> None:
    doc = {**GOOD, field: value}
    others = [{**GOOD, "id": f"m{i}"} for i in range(3)]
    if _decoder_accepts(doc):
        columns = check_movement_docs([*others, doc], "movements/x.json")
        assert len(columns["id"]) == 4
    else:
        with pytest.raises(MalformedRecord, match=f"^movement {doc['id']!r}: "):
            check_movement_docs([*others, doc], "movements/x.json")


def test_a_missing_field_is_refused_even_where_the_decoder_has_a_default() -> None:
    doc = {k: v for k, v in GOOD.items() if k != "deleted_ms"}
    assert _decoder_accepts(doc)  # an import may leave it out; a stored file never does
    with pytest.raises(MalformedRecord, match="field 'deleted_ms' of movement"):
        check_movement_docs([doc], "movements/x.json")


def test_within_reads_tuples_and_arrays() -> None:
    assert codec.within((), codec.TIME_RANGE)
    assert codec.within((0, codec.MAX_MS - 1), codec.TIME_RANGE)
    assert not codec.within((0, codec.MAX_MS), codec.TIME_RANGE)
    assert codec.within(np.array([-60, 60], np.int32), codec.OFFSET_RANGE)
    assert not codec.within(np.array([codec.MAX_OFFSET_MIN + 1], np.int32), codec.OFFSET_RANGE)
