"""The movement columns' small parts."""

from __future__ import annotations


def test_interner_numbers_a_batch_as_one_by_one() -> None:
    """codes_of gives each new value the code `code` would, in order of first
    appearance after the values already known, and a repeat its first code."""
    from rlbaby.store.columns import Interner

    batch, single = Interner(), Interner()
    for known in ("a", "b"):
        batch.code(known)
        single.code(known)
    values = ["c", "a", "d", "c", "e", "b", "d"]
    assert batch.codes_of(values) == [single.code(v) for v in values] == [2, 0, 3, 2, 4, 1, 3]
    assert batch.values == single.values == ["a", "b", "c", "d", "e"]
    assert batch.codes_of([]) == []
    assert batch.codes_of(["f"]) == [5]
