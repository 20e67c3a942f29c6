"""Movement kinds stay apart for colour-blind parents: by colour, and by shape too.

Colour: each theme's kind colours are simulated as a dichromat sees them
(protanopia, deuteranopia, tritanopia; Machado, Oliveira & Fernandes 2009, see
tests/ui/colour_math.py) and every pair must stay at least MIN_DELTA_E apart in
CIEDE2000, under normal vision too.

Why 10: CIEDE2000 is scaled so that about 1 is a just-noticeable difference
between large patches side by side (Sharma, Wu & Dalal 2005). Chart marks are
small and not side by side: M. Stone, D. A. Szafir and V. Setlur, "An Engineering
Model for Color Difference as a Function of Size" (IS&T Color and Imaging
Conference, 2014) measured that the difference needed to tell colours apart grows
several-fold as marks shrink to a few pixels. 10 leaves that margin for 2 px ticks
and 10 px markers; the old palettes had pairs at 3.5. CIEDE2000 rather than CIE76
because CIE76 overstates differences among saturated colours, which these are.

Shape: colour is still not the only cue (WCAG 2.2 SC 1.4.1 Use of Color): every
kind has its own marker symbol on the plot and the same shape in the legend. The
PDF report draws its timeline with the same TimelineChart (rlbaby/ui/charts/render.py),
so the report shows the same markers.
"""

from __future__ import annotations

import itertools
import re

import pytest

from rlbaby.model.arrays import KINDS
from rlbaby.ui.charts import kind_marks
from rlbaby.ui.charts.timeline_chart import TimelineChart
from rlbaby.ui.theme import load_palette
from tests.ui.colour_math import MACHADO, ciede2000, delta_e, simulate

MIN_DELTA_E = 10.0
VISIONS = ("normal", *MACHADO)


def _seen(colour: str, vision: str) -> str:
    return colour if vision == "normal" else simulate(colour, vision)


# Sharma, Wu & Dalal 2005, Table 1: pairs 1, 7, 17, 25 and 33 with their ΔE00.
SHARMA_PAIRS = [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((2.0776, 0.0795, -1.135), (0.9033, -0.0636, -0.5514), 0.9082),
]


@pytest.mark.parametrize(("lab1", "lab2", "want"), SHARMA_PAIRS)
def test_ciede2000_matches_the_published_test_data(lab1, lab2, want) -> None:  # type: ignore[no-untyped-def]
    assert ciede2000(lab1, lab2) == pytest.approx(want, abs=1e-4)
    assert ciede2000(lab2, lab1) == pytest.approx(want, abs=1e-4)  # symmetric


def test_simulation_keeps_greys_and_merges_red_and_green() -> None:
    for vision in MACHADO:
        assert simulate("#ffffff", vision) == "#ffffff"
        assert delta_e(simulate("#808080", vision), "#808080") < 1.0
    # The classic confusion: a red and a green of equal lightness nearly merge.
    red, green = "#b35a3c", "#6f7a3c"
    assert delta_e(red, green) > 20
    assert delta_e(simulate(red, "deuteranopia"), simulate(green, "deuteranopia")) < 8


@pytest.mark.parametrize("vision", VISIONS)
@pytest.mark.parametrize("theme", ["night", "day"])
def test_kind_colours_stay_apart(theme: str, vision: str) -> None:
    pal = load_palette(theme)
    seen = {k: _seen(pal[kind_marks.colour_token(k)], vision) for k in KINDS}
    close = [
        f"{a.value}/{b.value} {delta_e(seen[a], seen[b]):.1f}"
        for a, b in itertools.combinations(KINDS, 2)
        if delta_e(seen[a], seen[b]) < MIN_DELTA_E
    ]
    assert not close, f"{theme}, {vision}: {close}"


def test_every_kind_has_its_own_shape() -> None:
    symbols = [kind_marks.symbol(k) for k in KINDS]
    glyphs = [kind_marks.glyph(k) for k in KINDS]
    assert len(set(symbols)) == len(KINDS)
    assert len(set(glyphs)) == len(KINDS)
    assert kind_marks.AREA_GLYPH not in glyphs


@pytest.mark.parametrize("theme", ["night", "day"])
def test_timeline_draws_each_kind_with_its_marker_and_legend(qtbot, theme: str) -> None:  # type: ignore[no-untyped-def]
    """The real chart (the report draws with it too): markers on the plot, shapes in the legend."""
    pal = load_palette(theme)
    chart = TimelineChart(pal)
    qtbot.addWidget(chart)
    for code, _kind in enumerate(KINDS):
        chart.append_movement(1.0 + code, code, f"episode-{code}")
    assert chart.ticks.symbols == [kind_marks.symbol(k) for k in KINDS]
    for code, _kind in enumerate(KINDS):
        assert chart.ticks.x_of(code).tolist() == [1.0 + code]
        assert chart.ticks.colour(code).name() == pal[kind_marks.colour_token(KINDS[code])]
    legend = chart.legend.text()
    for kind in KINDS:
        colour, glyph = pal[kind_marks.colour_token(kind)], kind_marks.glyph(kind)
        assert re.search(f'color:{colour}">{glyph}</span>', legend), kind
