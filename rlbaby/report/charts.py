"""The app's own charts, rendered to images for the report.

The images come from rlbaby.ui.charts.render, the same chart classes the
Charts tab draws with, in the day palette. Each image is made once and kept, because the
report is laid out twice (the first pass counts the pages).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QImage

from rlbaby.store import Store
from rlbaby.ui.charts import render

# Pixels per mm of the printed chart: about 150 dpi, so the charts' own text
# prints at a readable size when the image is scaled onto the page.
PX_PER_MM = 4.5


class ChartImages:
    """Renders chart images once and keeps them for the second layout pass."""

    def __init__(self, store: Store, child_id: str, palette: dict[str, str]) -> None:
        self._store = store
        self._child_id = child_id
        self.palette = palette
        self._cache: dict[tuple[object, ...], QImage] = {}

    def _size(self, width_mm: float, height_mm: float) -> tuple[int, int]:
        return round(width_mm * PX_PER_MM), round(height_mm * PX_PER_MM)

    def timeline(self, night: date, width_mm: float, height_mm: float) -> QImage:
        return self._get("timeline", (night,), width_mm, height_mm)

    def trend(self, first: date, last: date, width_mm: float, height_mm: float) -> QImage:
        return self._get("trend", (first, last), width_mm, height_mm)

    def intervals(self, first: date, last: date, width_mm: float, height_mm: float) -> QImage:
        return self._get("intervals", (first, last), width_mm, height_mm)

    def night_map(self, first: date, last: date, width_mm: float, height_mm: float) -> QImage:
        return self._get("night_map", (first, last), width_mm, height_mm)

    def _get(self, kind: str, when: tuple[date, ...], width_mm: float, height_mm: float) -> QImage:
        w, h = self._size(width_mm, height_mm)
        key = (kind, *when, w, h)
        if key not in self._cache:
            fn = getattr(render, f"render_{kind}")
            self._cache[key] = fn(self._store, self._child_id, *when, self.palette, w, h)
        return self._cache[key]
