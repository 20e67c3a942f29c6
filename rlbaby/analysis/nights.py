"""Per-night figures for one child, computed with numpy from store arrays.

A night is the local-time window starting at the night-start hour, labelled by
the evening's date. Nights with sleep marks but no movements count as logged
(quiet nights matter for honest averages). The figures are worked out a column
per figure by `rlbaby.analysis.night_table`; this module gives them as records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import numpy as np

from rlbaby.analysis.night_parts import in_merged_spans, sleep_pieces
from rlbaby.analysis.night_summary import CORE_HOURS as CORE_HOURS
from rlbaby.analysis.night_summary import MAX_OPEN_SLEEP_MS as MAX_OPEN_SLEEP_MS
from rlbaby.analysis.night_summary import SETTLED as SETTLED
from rlbaby.analysis.night_summary import NightSummary as NightSummary
from rlbaby.analysis.night_table import NightTable, night_table
from rlbaby.model import Episode, RuleSet, SleepPeriod
from rlbaby.model.arrays import I64, MovementArrays, take_ids
from rlbaby.model.timekeeping import night_index, night_number


def movements_of_nights(
    mv: MovementArrays, start_hour: int, first: date | None, last: date | None
) -> MovementArrays:
    """The movements whose night lies in [first, last] (None: no bound on that side).

    The one way to cut a range out of movement arrays. Episode codes are renumbered
    0..k-1 over the episodes that keep a movement, as summarize_nights expects;
    `mv` itself comes back when every movement is in the range.
    """
    idx = night_index(mv.local_ms, start_hour)
    keep = np.ones(len(mv), bool)
    if first is not None:
        keep &= idx >= night_number(first)
    if last is not None:
        keep &= idx <= night_number(last)
    if bool(keep.all()):
        return mv
    codes = mv.episode[keep]
    present = np.unique(codes)
    return MovementArrays(
        at_ms=mv.at_ms[keep],
        offset_min=mv.offset_min[keep],
        kind=mv.kind[keep],
        episode=np.searchsorted(present, codes).astype(np.int32),
        episode_ids=tuple(mv.episode_ids[int(c)] for c in present.tolist()),
        ids=take_ids(mv.ids, keep),
    )


def episode_spans(mv: MovementArrays) -> tuple[I64, I64]:
    """First and last movement time of each episode code in `mv`."""
    n = len(mv.episode_ids)
    first = np.full(n, np.iinfo(np.int64).max, np.int64)
    last = np.full(n, np.iinfo(np.int64).min, np.int64)
    np.minimum.at(first, mv.episode, mv.at_ms)
    np.maximum.at(last, mv.episode, mv.at_ms)
    return first, last


def sleep_by_night(
    periods: Iterable[SleepPeriod], start_hour: int, now_ms: int
) -> tuple[dict[int, float], list[tuple[int, int]]]:
    """Hours of logged sleep per night index, and the sleep intervals (UTC ms).

    A period crossing the night boundary is split between the two nights.
    """
    pieces = sleep_pieces(periods, start_hour, now_ms)
    hours: dict[int, float] = {}
    for night, h in zip(pieces.night.tolist(), pieces.hours.tolist(), strict=True):
        hours[night] = hours.get(night, 0.0) + h
    return hours, list(zip(pieces.starts.tolist(), pieces.ends.tolist(), strict=True))


def in_spans(at_ms: I64, spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """Which times fall inside any of the [start, end) spans (merged first)."""
    both = np.array(spans, np.int64).reshape(-1, 2)
    return in_merged_spans(at_ms, both[:, 0], both[:, 1])


def night_numbers(nights: tuple[date, date] | None) -> tuple[int, int] | None:
    """An inclusive (first, last) range of nights as night numbers."""
    return None if nights is None else (night_number(nights[0]), night_number(nights[1]))


def summarize_nights(
    child_id: str,
    mv: MovementArrays,
    episodes: Iterable[Episode],
    sleep: Iterable[SleepPeriod],
    *,
    start_hour: int = 18,
    rule: RuleSet = RuleSet.WASM,
    now_ms: int,
    nights: tuple[date, date] | None = None,
) -> list[NightSummary]:
    """One NightSummary per logged night of one child, oldest first.

    Args:
        mv: the child's live movements (any range), sorted by time, episode
            codes dense (each code has a movement).
        episodes: the child's live episodes; those with no movement in `mv` are skipped.
        sleep: the child's live sleep periods.
        nights: optional inclusive (first, last) night filter.
    """
    table: NightTable = night_table(
        child_id,
        mv,
        episodes,
        sleep,
        start_hour=start_hour,
        rule=rule,
        now_ms=now_ms,
        nights=night_numbers(nights),
    )
    return table.summaries()
