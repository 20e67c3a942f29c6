"""Chart data as the point lists pyqtgraph draws fastest: one item for many shapes."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

F64 = npt.NDArray[np.float64]


def pair_segments(x: F64, y0: float, y1: float) -> tuple[F64, F64]:
    """Vertical ticks at `x` as point pairs, for one line item drawn with connect='pairs'."""
    xs = np.repeat(np.asarray(x, np.float64), 2)
    ys = np.tile(np.array([y0, y1], np.float64), x.size)
    return xs, ys


def span_outline(start: F64, end: F64, y0: float, y1: float) -> tuple[F64, F64]:
    """Rectangles [start, end] x [y0, y1] as one outline to fill down to y0.

    Each span becomes four points (up, across, down); consecutive spans join
    along y0, which encloses no area, so one filled curve shades them all.
    """
    n = start.size
    xs = np.empty(4 * n, np.float64)
    xs[0::4] = start
    xs[1::4] = start
    xs[2::4] = end
    xs[3::4] = end
    ys = np.tile(np.array([y0, y1, y1, y0], np.float64), n)
    return xs, ys


def bar_outline(x: F64, heights: F64, half_width: float) -> tuple[F64, F64]:
    """Bars centred on `x`, from 0 up to `heights`, as one outline to fill down to 0.

    Cheaper to draw than one rectangle item per bar when there are thousands.
    """
    n = x.size
    xs = np.empty(4 * n, np.float64)
    xs[0::4] = x - half_width
    xs[1::4] = x - half_width
    xs[2::4] = x + half_width
    xs[3::4] = x + half_width
    ys = np.zeros(4 * n, np.float64)
    ys[1::4] = heights
    ys[2::4] = heights
    return xs, ys
