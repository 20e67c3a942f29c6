"""The pieces `night_table` is built from: sleep cut at night boundaries,
movements inside sleep, and the per-night counts of the episodes' notes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from rlbaby.analysis.night_summary import MAX_OPEN_SLEEP_MS
from rlbaby.model import SleepPeriod
from rlbaby.model.arrays import I64
from rlbaby.model.timekeeping import MS_PER_DAY, MS_PER_HOUR, MS_PER_MIN, night_index

F64 = npt.NDArray[np.float64]
Bool = npt.NDArray[np.bool_]
Counts = list[dict[str, int]]


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


def in_spans_sorted(at_ms: I64, starts: I64, ends: I64) -> Bool:
    """`in_merged_spans` for sorted times: each span covers the movements from
    its start's place among them to its end's; a movement is inside when more
    spans have begun than ended before it (no merging, no search per movement)."""
    n = at_ms.size
    begun = np.bincount(np.searchsorted(at_ms, starts, side="left"), minlength=n + 1)
    ended = np.bincount(np.searchsorted(at_ms, ends, side="left"), minlength=n + 1)
    return np.asarray(np.cumsum(begun[:n] - ended[:n]) > 0)


class Bits(dict[Any, int]):
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


@dataclass(frozen=True)
class Tally:
    """Per night, how many episodes hold each label of one field (onset, signs, ...).

    Attributes:
        names: the labels met, by name.
        matrix: nights x labels counts.
    """

    names: tuple[str, ...]
    matrix: I64

    def per_night(self) -> Counts:
        """Each night's counts as a dict by name (only the labels counted that night)."""
        k = int(self.matrix.shape[0])
        out: Counts = [{} for _ in range(k)]
        if not self.names:
            return out
        rows, cols = np.nonzero(self.matrix)  # row by row, each row's labels in name order
        # One pass over the nonzero counts fills the empty dicts: faster than a
        # dict per night from slices (this runs for every night of the history).
        names = self.names
        labels = [names[c] for c in cols.tolist()]
        counts = self.matrix[rows, cols].tolist()
        for night, label, count in zip(rows.tolist(), labels, counts, strict=False):
            out[night][label] = count
        return out

    def totals(self, lo: int, hi: int) -> dict[str, int]:
        """The counts of the nights at places lo..hi-1, added up, by name."""
        sums = self.matrix[lo:hi].sum(axis=0).tolist()
        return {name: n for name, n in zip(self.names, sums, strict=True) if n}


def tally(pos: npt.NDArray[np.intp], values: list[Any], bits: Bits, k: int) -> Tally:
    """Per night (of `k`), how many of the episodes at `pos` hold each label."""
    masks = np.array([bits[v] for v in values], np.int64)
    names = tuple(sorted(bits.labels))
    if not names:
        return Tally((), np.zeros((k, 0), np.int64))
    columns = [np.bincount(pos[(masks >> bits.labels[n]) & 1 == 1], minlength=k) for n in names]
    return Tally(names, np.stack(columns, axis=1).astype(np.int64))
