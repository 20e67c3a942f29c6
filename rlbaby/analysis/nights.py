"""Per-night figures for one child, computed with numpy from store arrays.

A night is the local-time window starting at the night-start hour, labelled by
the evening's date. Nights with sleep marks but no movements count as logged
(quiet nights matter for honest averages).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from rlbaby.analysis.runs import periodic_runs, rapid_clusters
from rlbaby.model import Episode, Response, RuleSet, SleepPeriod
from rlbaby.model.arrays import I64, MovementArrays, take_ids
from rlbaby.model.timekeeping import (
    MS_PER_DAY,
    MS_PER_HOUR,
    MS_PER_MIN,
    night_date,
    night_index,
    night_number,
    night_window_local_ms,
)

CORE_HOURS = (22, 6)  # local clock hours; "the night's core"
SETTLED = frozenset({Response.SETTLED_FAST, Response.SETTLED_SLOW})
MAX_OPEN_SLEEP_MS = 16 * MS_PER_HOUR  # an Asleep mark never closed stops counting here


@dataclass(frozen=True)
class NightSummary:
    """What one night's log shows. Rates are per hour of *logged* sleep."""

    night: date
    child_id: str
    movements: int = 0
    episodes: int = 0
    total_episode_min: float = 0.0
    longest_episode_min: float = 0.0
    sleep_hours: float | None = None
    movements_in_sleep: int = 0
    periodic_runs: int = 0
    rapid_clusters: int = 0
    core_movements: int = 0
    onset: dict[str, int] = field(default_factory=dict)
    responses: dict[str, int] = field(default_factory=dict)
    soothing: dict[str, int] = field(default_factory=dict)
    signs: dict[str, int] = field(default_factory=dict)
    triggers: dict[str, int] = field(default_factory=dict)
    videos: int = 0

    @property
    def movements_per_sleep_hour(self) -> float | None:
        if not self.sleep_hours:
            return None
        return self.movements_in_sleep / self.sleep_hours

    @property
    def periodic_runs_per_sleep_hour(self) -> float | None:
        if not self.sleep_hours:
            return None
        return self.periodic_runs / self.sleep_hours

    @property
    def core_share(self) -> float | None:
        return self.core_movements / self.movements if self.movements else None

    @property
    def settled(self) -> int:
        return sum(self.responses.get(r.value, 0) for r in SETTLED)

    @property
    def responses_recorded(self) -> int:
        return sum(self.responses.values())

    def to_json(self) -> dict[str, Any]:
        def rnd(x: float | None, nd: int = 2) -> float | None:
            return None if x is None else round(x, nd)

        return {
            "night": self.night.isoformat(),
            "child": self.child_id,
            "movements": self.movements,
            "episodes": self.episodes,
            "total_episode_min": rnd(self.total_episode_min, 1),
            "longest_episode_min": rnd(self.longest_episode_min, 1),
            "sleep_hours": rnd(self.sleep_hours),
            "movements_per_sleep_hour": rnd(self.movements_per_sleep_hour),
            "periodic_runs": self.periodic_runs,
            "periodic_runs_per_sleep_hour": rnd(self.periodic_runs_per_sleep_hour),
            "rapid_clusters": self.rapid_clusters,
            "core_share": rnd(self.core_share, 3),
            "onset": _sorted(self.onset),
            "responses": _sorted(self.responses),
            "soothing": _sorted(self.soothing),
            "signs": _sorted(self.signs),
            "triggers": _sorted(self.triggers),
            "videos": self.videos,
        }


def _sorted(counts: dict[str, int]) -> dict[str, int]:
    """`counts` by name: the counts are filled from sets, whose order changes
    with each process's hash seed, and `summary --json` must read the same
    from one run to the next."""
    return dict(sorted(counts.items()))


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


def in_spans(at_ms: I64, spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """Which times fall inside any of the (merged) [start, end) spans."""
    if not spans or at_ms.size == 0:
        return np.zeros(at_ms.size, np.bool_)
    # Merged as arrays: by start, a span opens a new merged span when it starts
    # after every earlier one has ended (touching spans merge, as [s, e) pieces).
    both = np.array(spans, np.int64)
    both = both[np.argsort(both[:, 0], kind="stable")]
    span_starts, span_ends = both[:, 0], both[:, 1]
    opens = np.ones(span_starts.size, np.bool_)
    opens[1:] = span_starts[1:] > np.maximum.accumulate(span_ends)[:-1]
    first_of_each = np.flatnonzero(opens)
    starts = span_starts[first_of_each]
    ends = np.maximum.reduceat(span_ends, first_of_each)
    i = np.searchsorted(starts, at_ms, side="right") - 1
    ok = i >= 0
    return np.asarray(ok & (at_ms < ends[np.clip(i, 0, None)]))


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
