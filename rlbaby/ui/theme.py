"""Night and day themes: numbered QSS files with {{token}}s filled from a palette.

Nothing else in the UI hard-codes a colour; widgets that paint (the tap target,
charts) read `ThemeManager.palette` and listen to `theme_changed`.
"""

from __future__ import annotations

import json
import re

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle

from rlbaby import resources

THEMES = ("night", "day")
_TOKEN = re.compile(r"\{\{\s*(\w+)\s*\}\}")


def load_palette(name: str) -> dict[str, str]:
    data = json.loads(resources.read_text(f"themes/{name}.json"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def render_qss(palette: dict[str, str], base_pt: float, scale: float) -> str:
    """Join the numbered QSS files in order and fill their tokens.

    Raises:
        KeyError: a QSS file names a token the palette lacks.
    """
    values = dict(palette)
    values["font_pt"] = f"{base_pt * scale:.1f}"
    values["font_big_pt"] = f"{base_pt * scale * 1.6:.1f}"
    values["font_huge_pt"] = f"{base_pt * scale * 3.2:.1f}"
    parts = [resources.read_text(p) for p in resources.listing("themes", "*.qss")]
    return _TOKEN.sub(lambda m: values[m.group(1)], "\n".join(parts))


def qpalette(p: dict[str, str]) -> QPalette:
    """A QPalette matching the theme, for what QSS does not reach (native bits)."""
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: p["bg"],
        QPalette.ColorRole.WindowText: p["text"],
        QPalette.ColorRole.Base: p["surface"],
        QPalette.ColorRole.AlternateBase: p["surface_alt"],
        QPalette.ColorRole.Text: p["text"],
        QPalette.ColorRole.Button: p["surface_alt"],
        QPalette.ColorRole.ButtonText: p["text"],
        QPalette.ColorRole.BrightText: p["urgent"],
        QPalette.ColorRole.Highlight: p["selection"],
        QPalette.ColorRole.HighlightedText: p["text"],
        QPalette.ColorRole.ToolTipBase: p["surface_alt"],
        QPalette.ColorRole.ToolTipText: p["text"],
        QPalette.ColorRole.PlaceholderText: p["text_dim"],
        QPalette.ColorRole.Link: p["focus"],
        QPalette.ColorRole.LinkVisited: p["text_dim"],
        QPalette.ColorRole.Light: p["border"],
        QPalette.ColorRole.Midlight: p["border"],
        QPalette.ColorRole.Mid: p["surface_alt"],
        QPalette.ColorRole.Dark: p["surface"],
        QPalette.ColorRole.Shadow: p["bg"],
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(p["text_dim"]))
    return pal


class CaretStyle(QProxyStyle):
    """Hides the text caret in the night theme.

    Qt draws the caret by inverting the pixels under it (RasterOp_NotDestination),
    so on a dark field it is a near-white line. At night the focused field keeps
    its warm 2 px border instead; by day the caret is normal.
    """

    def __init__(self) -> None:
        super().__init__()
        self.caret_width = 1

    def pixelMetric(self, metric, option=None, widget=None):  # type: ignore[no-untyped-def]  # noqa: N802
        if metric == QStyle.PixelMetric.PM_TextCursorWidth:
            return self.caret_width
        return super().pixelMetric(metric, option, widget)


class ThemeManager(QObject):
    """Applies a theme to the whole application and announces changes.

    Signals:
        theme_changed(str): the new theme name ("night" or "day").
    """

    theme_changed = Signal(str)

    def __init__(self, app: QApplication, name: str = "night", scale: float = 1.0) -> None:
        super().__init__()
        self._app = app
        self._style = CaretStyle()
        app.setStyle(self._style)
        self._base_pt = QGuiApplication.font().pointSizeF() or 10.0
        self._scale = scale
        self.name = name
        self.palette = load_palette(name)
        self._apply()

    @property
    def is_night(self) -> bool:
        return self.name == "night"

    def color(self, token: str) -> QColor:
        return QColor(self.palette[token])

    def set_theme(self, name: str) -> None:
        if name not in THEMES:
            raise ValueError(f"unknown theme {name!r}")
        if name == self.name:
            return
        self.name = name
        self.palette = load_palette(name)
        self._apply()
        self.theme_changed.emit(name)

    def toggle(self) -> str:
        self.set_theme("day" if self.is_night else "night")
        return self.name

    def set_scale(self, scale: float) -> None:
        self._scale = scale
        self._apply()
        self.theme_changed.emit(self.name)

    def _apply(self) -> None:
        self._style.caret_width = 0 if self.is_night else 1
        self._app.setPalette(qpalette(self.palette))
        self._app.setStyleSheet(render_qss(self.palette, self._base_pt, self._scale))
