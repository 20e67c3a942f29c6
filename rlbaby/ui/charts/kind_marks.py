"""How a movement kind is marked on a chart: its colour token, symbol and legend glyph.

Colour alone cannot tell the kinds apart for every parent (about 1 man in 12 has a
red-green colour-vision deficiency), and a printed report may be copied in grey.
So each kind also has its own marker shape: a pyqtgraph symbol on the plot, and
the same shape as a character in the legend. The colours themselves are chosen
to stay apart under simulated protanopia, deuteranopia and tritanopia
(tests/ui/test_chart_kind_colours.py).
"""

from __future__ import annotations

from rlbaby.model import MovementKind

# pyqtgraph symbol names (pyqtgraph.graphicsItems.ScatterPlotItem.Symbols) and the
# Unicode geometric shape that looks like each, for the text legend.
_MARKS: dict[MovementKind, tuple[str, str]] = {
    MovementKind.UNSPECIFIED: ("o", "\u25cf"),  # ● circle
    MovementKind.KICK: ("t", "\u25bc"),  # ▼ triangle pointing down
    MovementKind.JERK: ("d", "\u25c6"),  # ◆ diamond
    MovementKind.STRETCH: ("s", "\u25a0"),  # ■ square
    MovementKind.STIFFENING: ("star", "\u2605"),  # ★ star
}

# Areas in a legend (episode shading, the asleep band): a bar, unlike any kind's mark.
AREA_GLYPH = "\u25ac"  # ▬


def colour_token(kind: MovementKind) -> str:
    """The palette token of `kind`'s colour."""
    return f"kind_{kind.value}"


def symbol(kind: MovementKind) -> str:
    """`kind`'s pyqtgraph scatter symbol."""
    return _MARKS[kind][0]


def glyph(kind: MovementKind) -> str:
    """`kind`'s marker as a character, for text legends."""
    return _MARKS[kind][1]
