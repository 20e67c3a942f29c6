"""The fast whole-file decoders (store/bulk.py) decide exactly as codec's careful ones."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_strategies import episodes, sleep_periods

from rlbaby.model import Instant, SleepPeriod
from rlbaby.store import bulk, codec
from rlbaby.store.errors import MalformedRecord

CHILD = "7f1c1d1e-0000-4000-8000-000000000001"

# Values that are wrong somewhere: wrong types, out of range, unknown choices.
ODD_VALUES = st.sampled_from(
    [
        None,
        True,
        False,
        -1,
        0,
        1.5,
        2**63,
        codec.MAX_MS,
        18 * 60 + 1,
        "",
        "x",
        "kick",
        "rocking",
        "drowsy",
        "yes",
        [],
        ["rocking"],
        ["rocking", "nope"],
        [None],
        {},
        ["signs"],
    ]
)


def _outcome(decode: Callable[[Any], Any], docs: list[dict[str, Any]]) -> Any:
    try:
        return ("ok", decode(docs))
    except MalformedRecord as exc:
        return ("malformed", str(exc))


def _careful(decode_one: Callable[[Any], Any]) -> Callable[[list[dict[str, Any]]], list[Any]]:
    return lambda docs: [decode_one(d) for d in docs]


@st.composite
def damaged(draw: st.DrawFn, docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`docs`, with a few fields removed, added or given odd values."""
    docs = [dict(d) for d in docs]
    for _ in range(draw(st.integers(0, 3))):
        if not docs:
            break
        doc = docs[draw(st.integers(0, len(docs) - 1))]
        key = draw(st.sampled_from(sorted(doc)))
        if draw(st.booleans()):
            del doc[key]
        else:
            doc[key] = draw(ODD_VALUES)
    return docs


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_episodes_decode_exactly_as_the_careful_decoder(data: st.DataObject) -> None:
    records = data.draw(st.lists(episodes(CHILD), max_size=6))
    docs = data.draw(damaged([codec.episode_to_doc(e) for e in records]))
    careful = _outcome(_careful(codec.episode_from_doc), docs)
    assert _outcome(bulk.episodes_from_docs, docs) == careful


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_sleep_periods_decode_exactly_as_the_careful_decoder(data: st.DataObject) -> None:
    records = data.draw(st.lists(sleep_periods(CHILD), max_size=6))
    docs = data.draw(damaged([codec.sleep_to_doc(s) for s in records]))
    careful = _outcome(_careful(codec.sleep_from_doc), docs)
    assert _outcome(bulk.sleep_from_docs, docs) == careful


@given(st.lists(episodes(CHILD), min_size=1, max_size=6))
def test_well_formed_episodes_take_the_fast_path(records: list[Any]) -> None:
    docs = [codec.episode_to_doc(e) for e in records]
    assert bulk.episodes_from_docs(docs) == records
    assert [bulk._episode(d) for d in docs] == records  # no fallback was needed


@given(st.lists(sleep_periods(CHILD), min_size=1, max_size=6))
def test_well_formed_sleep_periods_take_the_fast_path(records: list[Any]) -> None:
    docs = [codec.sleep_to_doc(s) for s in records]
    assert bulk.sleep_from_docs(docs) == records
    assert [bulk._sleep(d) for d in docs] == records


def test_a_bad_record_is_named_by_the_careful_path() -> None:
    doc = codec.sleep_to_doc(SleepPeriod(CHILD, Instant(1_795_500_000_000, 60)))
    doc["awake_ms"], doc["awake_offset_min"] = doc["asleep_ms"] - 1, 60
    with pytest.raises(MalformedRecord, match="awake mark is before the asleep mark"):
        bulk.sleep_from_docs([doc])
