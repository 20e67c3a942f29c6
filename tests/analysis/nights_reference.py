"""The night summaries as rlbaby computed them before they were vectorised.

A plain per-episode, per-period Python loop, kept only for the tests: the
package's `summarize_nights` must give exactly these summaries (the same
floats, bit for bit), whatever way it finds them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import numpy as np

from rlbaby.analysis.nights import CORE_HOURS, MAX_OPEN_SLEEP_MS, NightSummary, in_spans
from rlbaby.analysis.runs import periodic_runs, rapid_clusters
from rlbaby.model import Episode, RuleSet, SleepPeriod
from rlbaby.model.arrays import I64, MovementArrays
from rlbaby.model.timekeeping import (
    MS_PER_DAY,
    MS_PER_HOUR,
    MS_PER_MIN,
    night_date,
    night_index,
    night_number,
    night_window_local_ms,
)


def episode_spans(mv: MovementArrays) -> tuple[I64, I64]:
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
    hours: dict[int, float] = {}
    spans: list[tuple[int, int]] = []
    # Night n ends where night n + 1 starts: night 0's start plus n + 1 days
    # (no date object per piece: this loop runs for every period of the history).
    first_end = night_window_local_ms(night_date(0), start_hour)[1]
    for p in periods:
        start = p.asleep.utc_ms
        end = p.awake.utc_ms if p.awake else min(now_ms, start + MAX_OPEN_SLEEP_MS)
        if end <= start:
            continue
        spans.append((start, end))
        off = p.asleep.offset_min * MS_PER_MIN
        lo, hi = start + off, end + off
        while lo < hi:
            idx = night_index(lo, start_hour)
            boundary = first_end + idx * MS_PER_DAY
            piece_end = min(hi, boundary)
            hours[idx] = hours.get(idx, 0.0) + (piece_end - lo) / MS_PER_HOUR
            lo = piece_end
    return hours, spans


def _tally(counts: dict[str, int], values: Iterable[str]) -> None:
    """Count `values` into `counts`, as Counter.update would (same order)."""
    for v in values:
        counts[v] = counts.get(v, 0) + 1


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
        mv: the child's live movements (any range), sorted by time.
        episodes: the child's live episodes; those with no movement in `mv` are skipped.
        sleep: the child's live sleep periods.
        nights: optional inclusive (first, last) night filter.
    """
    local = mv.local_ms
    m_night = night_index(local, start_hour)
    hours_local = (local // MS_PER_HOUR) % 24
    lo_core, hi_core = CORE_HOURS
    core = (hours_local >= lo_core) | (hours_local < hi_core)

    sleep_hours, spans = sleep_by_night(sleep, start_hour, now_ms)
    asleep_mask = in_spans(mv.at_ms, spans)

    lo_s, hi_s = rule.interval_s
    periodic = periodic_runs(mv.at_ms, mv.episode, lo_s, hi_s)
    rapid = rapid_clusters(mv.at_ms, mv.episode)

    # A set, not np.unique: that loads numpy.ma (20 ms of a CLI start). One
    # value per run of equal nights is every night; times are sorted, so the
    # runs are few and long (about one per night, not one per movement).
    run_starts = np.flatnonzero(np.diff(m_night)) + 1
    all_nights = set(m_night[:1].tolist()) | set(m_night[run_starts].tolist()) | set(sleep_hours)
    if nights is not None:
        lo_i, hi_i = night_number(nights[0]), night_number(nights[1])
        all_nights = {n for n in all_nights if lo_i <= n <= hi_i}
    if not all_nights:
        return []
    keys = np.array(sorted(all_nights), np.int64)

    # Each movement's place among the nights, found once for every count below.
    m_pos = np.searchsorted(keys, m_night)
    m_valid = (m_pos < keys.size) & (keys[np.clip(m_pos, 0, keys.size - 1)] == m_night)

    def per_night(rows: np.ndarray | None = None) -> list[float]:
        """How many movements (all, or those `rows` picks) each night holds."""
        pos, valid = (m_pos, m_valid) if rows is None else (m_pos[rows], m_valid[rows])
        return list(np.bincount(pos[valid], minlength=keys.size).tolist())

    n_mov = per_night()
    n_core = per_night(core)
    n_in_sleep = per_night(asleep_mask)
    n_periodic = per_night(periodic.start)
    n_rapid = per_night(rapid.start)

    # Episodes: span from first to last movement, or to the settled mark.
    first, last = episode_spans(mv)
    # Codes are dense and movements sorted, so each code's first index is its first movement.
    _, first_idx = np.unique(mv.episode, return_index=True)
    ep_night = m_night[first_idx].tolist()
    by_id = {e.id: e for e in episodes}
    ep_stats: dict[int, dict[str, Any]] = {}
    # Plain ints: a numpy scalar per episode and comparison costs more than the rest.
    firsts, lasts = first.tolist(), last.tolist()
    for code, eid in enumerate(mv.episode_ids):
        ep = by_id.get(eid)
        if ep is None:
            continue
        idx = ep_night[code]
        if idx not in all_nights:
            continue
        end = lasts[code]
        settled = ep.settled
        if settled is not None and settled.utc_ms > end:
            end = settled.utc_ms
        s = ep_stats.get(idx)
        if s is None:
            # Tallies are plain dicts counted by hand: a Counter per night and
            # field, and Counter.update for each (mostly empty) set, cost a
            # third of a whole-history summary.
            s = ep_stats[idx] = {
                "n": 0,
                "total": 0.0,
                "longest": 0.0,
                "onset": {},
                "responses": {},
                "soothing": {},
                "signs": {},
                "triggers": {},
                "videos": 0,
            }
        minutes = (end - firsts[code]) / MS_PER_MIN
        s["n"] += 1
        s["total"] += minutes
        if minutes > s["longest"]:
            s["longest"] = minutes
        # str() of a StrEnum member is its value, as a plain str: the same
        # text as `.value`, without enum's Python-level property per call.
        onset = s["onset"]
        key = str(ep.onset_state) if ep.onset_state else "unknown"
        onset[key] = onset.get(key, 0) + 1
        if ep.response is not None:
            responses = s["responses"]
            key = str(ep.response)
            responses[key] = responses.get(key, 0) + 1
        if ep.soothing:
            _tally(s["soothing"], map(str, ep.soothing))
        if ep.signs:
            _tally(s["signs"], map(str, ep.signs))
        if ep.triggers:
            _tally(s["triggers"], map(str, ep.triggers))
        if ep.video:
            s["videos"] += 1

    out = []
    for i, idx in enumerate(keys.tolist()):
        s = ep_stats.get(idx, {})
        out.append(
            NightSummary(
                night=night_date(idx),
                child_id=child_id,
                movements=int(n_mov[i]),
                episodes=int(s.get("n", 0)),
                total_episode_min=float(s.get("total", 0.0)),
                longest_episode_min=float(s.get("longest", 0.0)),
                sleep_hours=sleep_hours.get(idx),
                movements_in_sleep=int(n_in_sleep[i]),
                periodic_runs=int(n_periodic[i]),
                rapid_clusters=int(n_rapid[i]),
                core_movements=int(n_core[i]),
                onset=dict(s.get("onset", {})),
                responses=dict(s.get("responses", {})),
                soothing=dict(s.get("soothing", {})),
                signs=dict(s.get("signs", {})),
                triggers=dict(s.get("triggers", {})),
                videos=int(s.get("videos", 0)),
            )
        )
    return out
