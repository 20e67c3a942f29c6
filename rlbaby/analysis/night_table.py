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

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from rlbaby.analysis.night_summary import CORE_HOURS, MAX_OPEN_SLEEP_MS, NightSummary
from rlbaby.analysis.runs import periodic_runs, rapid_clusters
from rlbaby.model import Episode, RuleSet, SleepPeriod
from rlbaby.model.arrays import I64, MovementArrays
from rlbaby.model.timekeeping import MS_PER_DAY, MS_PER_HOUR, MS_PER_MIN, night_index

F64 = npt.NDArray[np.float64]
Bool = npt.NDArray[np.bool_]
Counts = list[dict[str, int]]
_NEVER = np.iinfo(np.int64).min  # "no settled mark": below every movement time


@dataclass(frozen=True)
class SleepPieces:
    """Sleep periods cut at the night boundaries, in the periods' order.

    Attributes:
        night, hours: each piece's night number and its hours of sleep.
        starts, ends: the UTC span (ms) of each period that counts (an open
            one ends now, or 16 hours after it began; an empty one is left out).
    """

    night: I64
    hours: F64
    starts: I64
    ends: I64


def sleep_pieces(periods: Iterable[SleepPeriod], start_hour: int, now_ms: int) -> SleepPieces:
    """Cut each sleep period at the night boundaries of its asleep mark's offset."""
    ps = periods if isinstance(periods, list | tuple) else list(periods)
    start = np.array([p.asleep.utc_ms for p in ps], np.int64)
    end = np.array(
        [
            w.utc_ms if (w := p.awake) is not None else min(now_ms, a + MAX_OPEN_SLEEP_MS)
            for p, a in zip(ps, start.tolist(), strict=True)
        ],
        np.int64,
    )
    off = np.array([p.asleep.offset_min for p in ps], np.int64) * MS_PER_MIN
    keep = end > start
    if not bool(keep.all()):
        start, end, off = start[keep], end[keep], off[keep]
    lo, hi = start + off, end + off
    first = night_index(lo, start_hour)
    pieces = night_index(hi - 1, start_hour) - first + 1  # hi is exclusive
    period = np.repeat(np.arange(pieces.size), pieces)
    # The k-th piece of a period lies on its first night + k.
    nth = np.arange(period.size) - np.repeat(np.cumsum(pieces) - pieces, pieces)
    night = first[period] + nth
    night_start = night * MS_PER_DAY + start_hour * MS_PER_HOUR
    piece_lo = np.maximum(lo[period], night_start)
    piece_hi = np.minimum(hi[period], night_start + MS_PER_DAY)
    return SleepPieces(night, (piece_hi - piece_lo) / MS_PER_HOUR, start, end)


def in_merged_spans(at_ms: I64, starts: I64, ends: I64) -> Bool:
    """Which times fall inside any of the [start, end) spans (in any order, overlapping)."""
    if starts.size == 0 or at_ms.size == 0:
        return np.zeros(at_ms.size, np.bool_)
    # Merged as arrays: by start, a span opens a new merged span when it starts
    # after every earlier one has ended (touching spans merge, as [s, e) pieces).
    order = np.argsort(starts, kind="stable")
    span_starts, span_ends = starts[order], ends[order]
    opens = np.ones(span_starts.size, np.bool_)
    opens[1:] = span_starts[1:] > np.maximum.accumulate(span_ends)[:-1]
    first_of_each = np.flatnonzero(opens)
    merged_starts = span_starts[first_of_each]
    merged_ends = np.maximum.reduceat(span_ends, first_of_each)
    i = np.searchsorted(merged_starts, at_ms, side="right") - 1
    return np.asarray((i >= 0) & (at_ms < merged_ends[np.clip(i, 0, None)]))


def _in_spans_sorted(at_ms: I64, starts: I64, ends: I64) -> Bool:
    """`in_merged_spans` for sorted times: each span covers the movements from
    its start's place among them to its end's; a movement is inside when more
    spans have begun than ended before it (no merging, no search per movement)."""
    n = at_ms.size
    begun = np.bincount(np.searchsorted(at_ms, starts, side="left"), minlength=n + 1)
    ended = np.bincount(np.searchsorted(at_ms, ends, side="left"), minlength=n + 1)
    return np.asarray(np.cumsum(begun[:n] - ended[:n]) > 0)


class _Bits(dict[Any, int]):
    """Each field value's bit mask (one bit per label), a new bit for a label first met.

    Keys are a single value (onset, response) or a frozenset of values (soothing,
    signs, triggers: the mask of all its members). Values are the model's
    StrEnum members, so the labels stay few (a mask must fit in 63 bits).

    Args:
        none_label: the label of an unset value (onset: "unknown"; any falsy
            value counts as unset); None: an unset (None) value is not counted.
        of_sets: keys are sets of values.
    """

    def __init__(self, none_label: str | None = None, of_sets: bool = False) -> None:
        super().__init__()
        self.labels: dict[str, int] = {}
        self._none_label = none_label
        self._of_sets = of_sets

    def _bit(self, label: str) -> int:
        bit = self.labels.setdefault(label, len(self.labels))
        if bit > 62:
            raise ValueError("more kinds of annotation than a night summary can count")
        return 1 << bit

    def __missing__(self, key: Any) -> int:
        if self._of_sets:
            mask = 0
            for v in key:
                mask |= self._bit(str(v))
        elif self._none_label is None:
            mask = 0 if key is None else self._bit(str(key))  # a StrEnum's str() is its value
        else:
            mask = self._bit(str(key) if key else self._none_label)
        self[key] = mask
        return mask


def _tally(pos: npt.NDArray[np.intp], values: list[Any], bits: _Bits, k: int) -> Counts:
    """Per night (of `k`), how many of the episodes at `pos` hold each label, by name."""
    masks = np.array([bits[v] for v in values], np.int64)
    names = sorted(bits.labels)
    if not names:
        return [{} for _ in range(k)]
    columns = [np.bincount(pos[(masks >> bits.labels[n]) & 1 == 1], minlength=k) for n in names]
    matrix = np.stack(columns, axis=1)  # nights x labels, labels by name
    rows, cols = np.nonzero(matrix)  # row by row, each row's labels in name order
    # One pass over the nonzero counts fills empty dicts: faster than a dict per
    # night from slices (this runs for every night of the history, five times).
    out: Counts = [{} for _ in range(k)]
    labels = [names[c] for c in cols.tolist()]
    counts = matrix[rows, cols].tolist()
    for night, label, count in zip(rows.tolist(), labels, counts, strict=False):
        out[night][label] = count
    return out


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
    onset: Counts
    responses: Counts
    soothing: Counts
    signs: Counts
    triggers: Counts

    def __len__(self) -> int:
        return int(self.nights.size)

    def _sleep_hours(self) -> list[float | None]:
        hours = self.sleep_hours.tolist()
        return [h if has else None for h, has in zip(hours, self.has_sleep.tolist(), strict=True)]

    def summaries(self) -> list[NightSummary]:
        dates = self.nights.astype("datetime64[D]").tolist()  # datetime.date objects
        columns = zip(
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
            self.onset,
            self.responses,
            self.soothing,
            self.signs,
            self.triggers,
            self.videos.tolist(),
            strict=True,
        )
        return [NightSummary(row[0], self.child_id, *row[1:]) for row in columns]

    def json_rows(self, child: str | None = None, **extra: object) -> list[dict[str, Any]]:
        """Each night as `NightSummary.to_json()` gives it (the same keys, order and
        rounding), with "child" set to `child` when given and `extra` appended."""
        label = self.child_id if child is None else child
        dates = np.datetime_as_string(self.nights.astype("datetime64[D]")).tolist()
        out = []
        for night, mov, eps, total, longest, hours, in_sleep, runs, rapid, core, *rest in zip(
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
            self.onset,
            self.responses,
            self.soothing,
            self.signs,
            self.triggers,
            self.videos.tolist(),
            strict=True,
        ):
            onset, responses, soothing, signs, triggers, videos = rest
            row = {
                "night": night,
                "child": label,
                "movements": mov,
                "episodes": eps,
                "total_episode_min": round(total, 1),
                "longest_episode_min": round(longest, 1),
                "sleep_hours": None if hours is None else round(hours, 2),
                "movements_per_sleep_hour": round(in_sleep / hours, 2) if hours else None,
                "periodic_runs": runs,
                "periodic_runs_per_sleep_hour": round(runs / hours, 2) if hours else None,
                "rapid_clusters": rapid,
                "core_share": round(core / mov, 3) if mov else None,
                # Built in name order already (as to_json sorts them): copies,
                # so a caller's change to a row never reaches the table.
                "onset": dict(onset),
                "responses": dict(responses),
                "soothing": dict(soothing),
                "signs": dict(signs),
                "triggers": dict(triggers),
                "videos": videos,
            }
            if extra:
                row.update(extra)
            out.append(row)
        return out


def _no_nights(child_id: str) -> NightTable:
    ints, floats = np.zeros(0, np.int64), np.zeros(0, np.float64)
    return NightTable(
        child_id, ints, ints, ints, ints, ints, ints, floats, np.zeros(0, np.bool_),
        ints, floats, floats, ints, [], [], [], [], [],
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
    asleep = _in_spans_sorted(at_ms, pieces.starts, pieces.ends)
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
    first_key = int(keys[0])
    lookup = np.full(int(keys[-1]) - first_key + 1, -1, np.intp)
    lookup[keys - first_key] = np.arange(k)

    def place(night: I64) -> tuple[npt.NDArray[np.intp], Bool]:
        """Each value's place among the nights, and whether its night is one of them
        (where it is not, its place is meaningless)."""
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
        onset=_tally(pos, [e.onset_state for e in eps], _Bits("unknown"), k),
        responses=_tally(pos, [e.response for e in eps], _Bits(), k),
        soothing=_tally(pos, [e.soothing for e in eps], _Bits(of_sets=True), k),
        signs=_tally(pos, [e.signs for e in eps], _Bits(of_sets=True), k),
        triggers=_tally(pos, [e.triggers for e in eps], _Bits(of_sets=True), k),
    )
