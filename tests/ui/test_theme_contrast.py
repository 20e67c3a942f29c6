"""Every colour drawn on another colour, in both themes, meets WCAG 2.2 contrast.

The pairs below are read off the QSS (resources/themes/*.qss) and the few places
that paint by hand; each names where it is drawn. Requirements, from WCAG 2.2:

- SC 1.4.3 Contrast (Minimum): text at least 4.5:1 against its background.
  Text of a disabled control is exempt there ("part of an inactive user interface
  component"), so QPushButton:disabled and :checked:disabled are not listed.
- SC 1.4.11 Non-text Contrast: at least 3:1 for what identifies a control or its
  state (input boundaries, chip outlines, the focus ring, check box and radio
  marks, scroll bar handles) and for "graphical objects required to understand
  the content" (chart marks: movement ticks, bars, lines, the asleep band, the top
  of the heat scale).

Shading that only groups what other marks already show (the episode shading
behind the ticks, the interval chart's rapid/periodic bands, the grid) is not
required by 1.4.11, so it may stay faint; the ticks drawn on the episode shading
must still stand out from it, and are checked against both.

Contrast is a ratio, so the night theme stays dim: its background is near black,
and tests/ui/test_theme_luminance.py keeps every colour below its luma ceiling.
"""

from __future__ import annotations

import re

import pytest

from rlbaby import resources
from rlbaby.model.arrays import KINDS
from rlbaby.ui.theme import load_palette
from tests.ui.colour_math import contrast_ratio, relative_luminance

TEXT = 4.5  # SC 1.4.3
NON_TEXT = 3.0  # SC 1.4.11

# (foreground token, background token, where it is drawn)
TEXT_PAIRS: list[tuple[str, str, str]] = [
    ("text", "bg", "10-base QWidget: every label; QTabBar::tab:selected"),
    ("text_dim", "bg", "10-base QLabel[role=dim]; QGroupBox::title; save notice"),
    ("urgent", "bg", "10-base QLabel[role=urgent]: save errors, dialog problems"),
    ("text", "surface", "20-controls inputs, menus, views, combo popups, guide cells"),
    ("text_dim", "surface", "QTabBar::tab (not selected), QStatusBar, placeholder text"),
    ("text", "surface_alt", "QPushButton/QToolButton, QToolTip, QHeaderView, alternate rows"),
    ("urgent", "surface_alt", "QPushButton[role=urgent], urgent chips"),
    ("bg", "urgent", "a chosen urgent chip: QPushButton[chip][urgent]:checked"),
    ("text", "selection", "selected text and items (selection-color), menu items, search hits"),
    ("accent_text", "accent", "QPushButton:checked (chosen chips); the guide's current hit"),
    ("text", "accent_soft", "guide comparison cell QFrame[cell][lean=on] (guide_tab.py)"),
    ("text", "urgent_bg", "the urgent notice on the Log tab (QFrame[role=urgent])"),
    ("urgent", "urgent_bg", "the guide's urgent list title (QLabel[role=urgent_title])"),
    ("focus", "surface", "QTabBar::tab:focus; links in the guide reader (document.py)"),
    ("focus", "bg", "QCheckBox:focus, QRadioButton:focus text; focused selected tab"),
    ("tap_text", "tap", "tap target headline (tap_target.py)"),
    ("tap_text", "tap_pressed", "tap target headline while pressed"),
    ("text_dim", "tap", "tap target detail and hint lines"),
    ("chart_fg", "chart_bg", "chart titles, legends, axis labels and ticks, bar values"),
    ("text_dim", "chart_bg", "chart hover readout (QLabel#chart_readout)"),
]

# Only the PDF report draws these as text, and it is printed in the day palette.
REPORT_TEXT_PAIRS: list[tuple[str, str, str]] = [
    ("accent", "surface", "report: 'talk to a doctor' leans, section rules (sections.py)"),
    ("urgent", "surface", "report: red-flag rows (sections.py, table.py)"),
    ("text_dim", "surface", "report: notes and page footer (canvas.py)"),
    ("text", "surface_alt", "report: shaded table rows (table.py)"),
]

NON_TEXT_PAIRS: list[tuple[str, str, str]] = [
    ("control_border", "bg", "input, button and chip outlines against the window"),
    ("control_border", "surface", "inputs inside a panel (QFrame[role=panel]); scroll bar handle"),
    # focus on bg and on surface (the ring, the night caret, the radio dot) are text pairs above.
    ("focus", "surface_alt", "focus ring against a button's own fill"),
    ("focus", "tap", "tap target focus ring (tap_target.py)"),
    ("accent", "bg", "a chosen chip's fill (its state) against the window"),
    # Check box and radio outlines are text_dim on surface: a text pair above.
    ("text_dim", "surface_alt", "spin box arrows on their button strip (theme_style.py)"),
    # The urgent notice's 2 px border is urgent on urgent_bg: a text pair above.
    ("chart_line", "chart_bg", "trend average line, bar outlines (trend/interval/breakdown)"),
    ("chart_bar", "chart_bg", "trend and breakdown bars"),
    ("sleep_band", "chart_bg", "timeline: the asleep band"),
    ("heat_high", "chart_bg", "night map: the busiest cell"),
] + [
    (f"kind_{k.value}", bg, f"timeline: {k.value} ticks and markers on {where}")
    for k in KINDS
    for bg, where in (("chart_bg", "the chart"), ("episode_span", "the episode shading"))
]


def _cases(pairs: list[tuple[str, str, str]], themes: tuple[str, ...], need: float) -> list:  # type: ignore[type-arg]
    what = "text" if need == TEXT else "mark"
    return [
        pytest.param(theme, fg, bg, need, id=f"{theme}-{what}-{fg}-on-{bg}")
        for theme in themes
        for fg, bg, _where in pairs
    ]


CASES = (
    _cases(TEXT_PAIRS, ("night", "day"), TEXT)
    + _cases(REPORT_TEXT_PAIRS, ("day",), TEXT)
    + _cases(NON_TEXT_PAIRS, ("night", "day"), NON_TEXT)
)


def test_the_reference_figures() -> None:
    """The formula gives WCAG's own figures: black on white 21:1, equal colours 1:1."""
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    # #767676 on white is the well-known lightest grey that passes 4.5:1.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert relative_luminance("#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize(("theme", "fg", "bg", "need"), CASES)
def test_pair_meets_wcag(theme: str, fg: str, bg: str, need: float) -> None:
    pal = load_palette(theme)
    ratio = contrast_ratio(pal[fg], pal[bg])
    assert ratio >= need, f"{theme}: {fg} {pal[fg]} on {bg} {pal[bg]} is {ratio:.2f}:1"


def test_every_token_drawn_is_checked() -> None:
    """A new token in a palette is either in a pair above or named here as background-only."""
    listed = {t for fg, bg, _ in TEXT_PAIRS + REPORT_TEXT_PAIRS + NON_TEXT_PAIRS for t in (fg, bg)}
    # Fills and shading that carry no information of their own (see the module docstring).
    unlisted = {
        "border",  # decorative frames: panels, tab pane, group boxes, tables, separators
        "chart_grid",  # grid lines and axis lines
        "band_periodic",  # interval chart shading behind the bars
        "band_rapid",
        "heat_low",  # the night map's empty cells, meant to match the background
        "pulse",  # a fading ring after a tap; the headline change says it too
    }
    for theme in ("night", "day"):
        assert set(load_palette(theme)) == listed | unlisted, theme


_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
_TOKEN = re.compile(r"\{\{\s*(\w+)\s*\}\}")
_COLOUR = re.compile(r"(?<![-\w])color:\s*@(\w+)")
_BACKGROUND = re.compile(r"background(?:-color)?:\s*@(\w+)")
_SELECTION = re.compile(r"selection-(?:background-)?color:\s*@(\w+)")


def test_every_qss_rule_with_text_on_a_fill_is_listed() -> None:
    """The QSS cannot gain a text-on-fill rule that this file does not check."""
    listed = {(fg, bg) for fg, bg, _ in TEXT_PAIRS}
    found = set()
    for name in resources.listing("themes", "*.qss"):
        qss = re.sub(r"/\*.*?\*/", "", resources.read_text(name), flags=re.S)
        qss = _TOKEN.sub(r"@\1", qss)  # {{token}} -> @token, so braces mean rules only
        for selector, body in _RULE.findall(qss):
            if ":disabled" in selector:
                continue  # SC 1.4.3 exempts inactive controls
            fg, bg = _COLOUR.findall(body), _BACKGROUND.findall(body)
            if fg and bg:
                found.add((fg[0], bg[0]))
            selection = _SELECTION.findall(body)
            if len(selection) == 2:
                found.add((selection[1], selection[0]))
    assert found, "no rules parsed"
    assert found <= listed, sorted(found - listed)
