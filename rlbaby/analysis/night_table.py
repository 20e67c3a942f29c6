"""One child's night figures worked out column-wise: every night at once, with numpy.

Each figure of a night is a count, a sum or a maximum over the movements, the
episodes or the sleep pieces that fall on it. Each of those is placed once among
the sorted night numbers and added up per night with np.bincount, which adds a
night's values in the records' order, as a loop over the records would: the
floats come out the same, bit for bit, as the plain per-episode loop this
replaced (kept in tests/analysis/nights_reference.py and compared there).
Only the reading of the records' fields is left to Python, one comprehension
per field.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from rlbaby.analysis.night_parts import (
    F64,
    Bits,
    Bool,
    Tally,
    in_spans_sorted,
    sleep_pieces,
    tally,
)
from rlbaby.analysis.night_summary import CORE_HOURS, NightSummary, night_json
from rlbaby.analysis.runs import periodic_runs, rapid_clusters
from rlbaby.model import Episode, RuleSet, SleepPeriod
from rlbaby.model.arrays import I64, MovementArrays
from rlbaby.model.timekeeping import MS_PER_HOUR, MS_PER_MIN, night_index

_NEVER = np.iinfo(np.int64).min  # "no settled mark": below every movement time


@dataclass(frozen=True)
class NightTable:
    """The figures of one child's logged nights, a column per figure, oldest night first.

    `summaries()` gives them as NightSummary records, `json_rows()` as
    `NightSummary.to_json()` would, without building the records.
    """

    child_id: str
    nights: I64
    movements: I64
    core_movements: I64
    movements_in_sleep: I64
    periodic_runs: I64
    rapid_clusters: I64
    sleep_hours: F64
    has_sleep: Bool
    episodes: I64
    total_episode_min: F64
    longest_episode_min: F64
    videos: I64
    onset: Tally
    responses: Tally
    soothing: Tally
    signs: Tally
    triggers: Tally

    def __len__(self) -> int:
        return int(self.nights.size)

    def _sleep_hours(self) -> list[float | None]:
        hours = self.sleep_hours.tolist()
        return [h if has else None for h, has in zip(hours, self.has_sleep.tolist(), strict=True)]

    def _per_night(self, dates: list[Any]) -> Iterator[tuple[Any, ...]]:
        """Each night's values in NightSummary's field order, child left out:
        `dates` first, then every column as Python values."""
        return zip(
            dates,
            self.movements.tolist(),
            self.episodes.tolist(),
            self.total_episode_min.tolist(),
            self.longest_episode_min.tolist(),
            self._sleep_hours(),
            self.movements_in_sleep.tolist(),
            self.periodic_runs.tolist(),
            self.rapid_clusters.tolist(),
            self.core_movements.tolist(),
            self.onset.per_night(),
            self.responses.per_night(),
            self.soothing.per_night(),
            self.signs.per_night(),
            self.triggers.per_night(),
            self.videos.tolist(),
            strict=True,
        )

    def summaries(self) -> list[NightSummary]:
        dates = self.nights.astype("datetime64[D]").tolist()  # datetime.date objects
        return [NightSummary(row[0], self.child_id, *row[1:]) for row in self._per_night(dates)]

    def json_rows(self, child: str | None = None, **extra: object) -> list[dict[str, Any]]:
        """Each night as `NightSummary.to_json()` gives it (both through
        `night_json`), with "child" set to `child` when given and `extra` appended.
        The tallies' dicts are built in name order already, as to_json sorts them."""
        label = self.child_id if child is None else child
        dates = np.datetime_as_string(self.nights.astype("datetime64[D]")).tolist()
        out = []
        for night, *values in self._per_night(dates):
            row = night_json(night, label, *values)
            if extra:
                row.update(extra)
            out.append(row)
        return out


def _no_nights(child_id: str) -> NightTable:
    ints, floats = np.zeros(0, np.int64), np.zeros(0, np.float64)
    none = Tally((), np.zeros((0, 0), np.int64))
    return NightTable(
        child_id, ints, ints, ints, ints, ints, ints, floats, np.zeros(0, np.bool_),
        ints, floats, floats, ints, none, none, none, none, none,
    )  # fmt: skip


def night_table(
    child_id: str,
    mv: MovementArrays,
    episodes: Iterable[Episode],
    sleep: Iterable[SleepPeriod],
    *,
    start_hour: int = 18,
    rule: RuleSet = RuleSet.WASM,
    now_ms: int,
    nights: tuple[int, int] | None = None,
) -> NightTable:
    """The figures of every logged night (see `summarize_nights`, which gives them as records).

    Args:
        nights: optional inclusive (first, last) night *numbers*.
    """
    at_ms = mv.at_ms
    local = mv.local_ms
    m_night = night_index(local, start_hour)
    hours_local = (local // MS_PER_HOUR) % 24
    lo_core, hi_core = CORE_HOURS
    core = (hours_local >= lo_core) | (hours_local < hi_core)

    pieces = sleep_pieces(sleep, start_hour, now_ms)
    asleep = in_spans_sorted(at_ms, pieces.starts, pieces.ends)
    lo_s, hi_s = rule.interval_s
    periodic = periodic_runs(at_ms, mv.episode, lo_s, hi_s)
    rapid = rapid_clusters(at_ms, mv.episode)

    # The logged nights: one value per run of equal nights (times are sorted, so
    # runs are about one per night), and the nights with sleep; sorted, each once.
    run_starts = np.flatnonzero(np.diff(m_night)) + 1
    keys = np.sort(np.concatenate((m_night[:1], m_night[run_starts], pieces.night)))
    if keys.size:
        keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    if nights is not None:
        keys = keys[(keys >= nights[0]) & (keys <= nights[1])]
    k = int(keys.size)
    if not k:
        return _no_nights(child_id)

    # Each night's place, looked up by night number: one gather per value, where
    # a search among the nights would cost a dozen steps (for every movement).
    # A log whose nights lie far apart (a mistyped year) is searched instead.
    first_key, span = int(keys[0]), int(keys[-1]) - int(keys[0]) + 1
    lookup: npt.NDArray[np.intp] | None = None
    if span <= 8 * k + 4096:
        lookup = np.full(span, -1, np.intp)
        lookup[keys - first_key] = np.arange(k)

    def place(night: I64) -> tuple[npt.NDArray[np.intp], Bool]:
        """Each value's place among the nights, and whether its night is one of them
        (where it is not, its place is meaningless)."""
        if lookup is None:
            pos = np.searchsorted(keys, night)
            return pos, (pos < k) & (keys[np.clip(pos, 0, k - 1)] == night)
        rel = night - first_key
        inside = (rel >= 0) & (rel < lookup.size)
        pos = lookup[np.where(inside, rel, 0)]
        return pos, inside & (pos >= 0)

    m_pos, m_ok = place(m_night)

    def per_night(rows: Bool | npt.NDArray[np.intp] | None = None) -> I64:
        """How many movements (all, or those `rows` picks) each night holds."""
        pos, ok = (m_pos, m_ok) if rows is None else (m_pos[rows], m_ok[rows])
        return np.bincount(pos[ok], minlength=k).astype(np.int64)

    s_pos, s_ok = place(pieces.night)
    sleep_pos = s_pos[s_ok]
    # (np.asarray: bincount's weighted sums are float64; its stubs say int.)
    sleep_hours = np.asarray(
        np.bincount(sleep_pos, weights=pieces.hours[s_ok], minlength=k), np.float64
    )

    # Episodes: each belongs to the night of its first movement, and spans from
    # it to its last movement, or to its settled mark when that is later.
    n, codes = len(mv), len(mv.episode_ids)
    first_i = np.full(codes, n, np.intp)
    np.minimum.at(first_i, mv.episode, np.arange(n))
    last_ms = np.full(codes, _NEVER, np.int64)
    np.maximum.at(last_ms, mv.episode, at_ms)
    by_id = {e.id: e for e in episodes}
    records = [by_id.get(eid) for eid in mv.episode_ids]
    found = np.array([r is not None for r in records], np.bool_) & (first_i < n)
    first_i = np.minimum(first_i, max(n - 1, 0))
    if n:
        e_pos, e_ok = place(m_night[first_i])
        chosen = np.flatnonzero(found & e_ok)  # in code order, as the loop went
    else:
        e_pos, chosen = np.zeros(codes, np.intp), np.zeros(0, np.intp)
    eps: list[Episode] = [records[c] for c in chosen.tolist()]  # type: ignore[misc]
    pos = e_pos[chosen]
    settled = [s.utc_ms if (s := e.settled) is not None else _NEVER for e in eps]
    end = np.maximum(last_ms[chosen], np.array(settled, np.int64))
    minutes = (end - at_ms[first_i[chosen]]) / MS_PER_MIN
    total = np.asarray(np.bincount(pos, weights=minutes, minlength=k), np.float64)
    longest = np.zeros(k)
    np.maximum.at(longest, pos, minutes)
    video = np.array([bool(e.video) for e in eps], np.bool_)

    return NightTable(
        child_id=child_id,
        nights=keys,
        movements=per_night(),
        core_movements=per_night(core),
        movements_in_sleep=per_night(asleep),
        periodic_runs=per_night(periodic.start),
        rapid_clusters=per_night(rapid.start),
        sleep_hours=sleep_hours,
        has_sleep=np.bincount(sleep_pos, minlength=k) > 0,
        episodes=np.bincount(pos, minlength=k).astype(np.int64),
        total_episode_min=total,
        longest_episode_min=longest,
        videos=np.bincount(pos[video], minlength=k).astype(np.int64),
        onset=tally(pos, [e.onset_state for e in eps], Bits("unknown"), k),
        responses=tally(pos, [e.response for e in eps], Bits(), k),
        soothing=tally(pos, [e.soothing for e in eps], Bits(of_sets=True), k),
        signs=tally(pos, [e.signs for e in eps], Bits(of_sets=True), k),
        triggers=tally(pos, [e.triggers for e in eps], Bits(of_sets=True), k),
    )
