"""Charts drawn to images for the report: only a QApplication, the same chart classes."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from charts_helpers import (
    EARLIER,
    TONIGHT,
    seed,
)

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from rlbaby.model import Child
from rlbaby.store import Store
from rlbaby.ui.charts import render
from rlbaby.ui.theme import load_palette


def pixels(image: QImage) -> np.ndarray:
    img = image.convertToFormat(QImage.Format.Format_RGB888)
    arr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    return arr[:, : img.width() * 3].reshape(img.height(), img.width(), 3)


def colour_count(image: QImage, hex_colour: str, tolerance: int = 3) -> int:
    want = np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)])
    return int((np.abs(pixels(image).astype(int) - want).max(axis=2) <= tolerance).sum())


def has_colour(image: QImage, hex_colour: str, tolerance: int = 3) -> bool:
    return colour_count(image, hex_colour, tolerance) > 0


@pytest.fixture
def store(qapp, clock):  # type: ignore[no-untyped-def]
    s = Store.in_memory(now_ms=clock.now_ms)
    child = s.save(Child("Ada"))
    seed(s, child.id)
    yield s
    s.close()


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("render_timeline", (TONIGHT,)),
        ("render_trend", (EARLIER, TONIGHT)),
        ("render_night_map", (EARLIER, TONIGHT)),
        ("render_intervals", (EARLIER, TONIGHT)),
    ],
)
@pytest.mark.parametrize("theme", ["day", "night"])
def test_render_gives_an_image_of_the_asked_size(store, name, args, theme) -> None:  # type: ignore[no-untyped-def]
    palette = load_palette(theme)
    child_id = store.children()[0].id
    before = len(QApplication.allWidgets())
    image = getattr(render, name)(store, child_id, *args, palette, 800, 420)
    assert isinstance(image, QImage)
    assert (image.width(), image.height()) == (800, 420)
    assert has_colour(image, palette["chart_bg"])
    assert has_colour(image, palette["chart_fg"], tolerance=40)  # text and axes
    assert len(QApplication.allWidgets()) == before  # nothing left behind


def test_timeline_image_shows_the_movement_colours(store) -> None:  # type: ignore[no-untyped-def]
    palette = load_palette("day")
    image = render.render_timeline(store, store.children()[0].id, TONIGHT, palette, 1200, 500)
    empty = render.render_timeline(
        store, store.children()[0].id, date(2026, 11, 1), palette, 1200, 500
    )
    # The legend shows every colour; the ticks and the sleep band add many more pixels.
    for token in ("kind_stretch", "kind_kick", "sleep_band"):
        assert (
            colour_count(image, palette[token], 10) > colour_count(empty, palette[token], 10) + 50
        )


def test_printed_night_map_labels_its_nights(store) -> None:  # type: ignore[no-untyped-def]
    """pyqtgraph widens an axis for its labels only after painting it once; a
    single grab printed the night map with tick marks and no dates."""
    palette = load_palette("day")
    first = date(2026, 10, 25)  # a month of nights: a date every week down the side
    image = render.render_night_map(
        store, store.children()[0].id, first, TONIGHT, palette, 900, 420
    )
    want = np.array([int(palette["chart_fg"][i : i + 2], 16) for i in (1, 3, 5)])
    ink = np.abs(pixels(image).astype(int) - want).max(axis=2) <= 60
    # Left of the plot, below the title and legend: the dates down the side.
    strip = ink[70:380, :45]
    assert strip.sum() > 60, strip.sum()  # none at all without the fix
    assert (strip.any(axis=1)).sum() > 20  # several labels, not one line of ticks
