"""Night and day themes: numbered QSS files with {{token}}s filled from a palette.

Nothing else in the UI hard-codes a colour; widgets that paint (the tap target,
charts) read `ThemeManager.palette` and listen to `theme_changed`.
"""

from __future__ import annotations

import json
import re
import time

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from rlbaby import resources
from rlbaby.model import Settings, ThemeChoice
from rlbaby.ui.caret import CaretOverlay
from rlbaby.ui.theme_style import ThemeStyle, indicator_images

THEMES = ("night", "day")
_TOKEN = re.compile(r"\{\{\s*(\w+)\s*\}\}")


def load_palette(name: str) -> dict[str, str]:
    data = json.loads(resources.read_text(f"themes/{name}.json"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def render_qss(
    palette: dict[str, str], base_pt: float, scale: float, images: dict[str, str] | None = None
) -> str:
    """Join the numbered QSS files in order and fill their tokens.

    Args:
        palette: the theme's colours.
        base_pt: the platform's text size; `scale` multiplies it.
        images: token -> file of the pictures the QSS names (spin box arrows,
            check box tick); painted from `palette` when not given.

    Raises:
        KeyError: a QSS file names a token the palette lacks.
    """
    values = dict(palette)
    values.update(images if images is not None else indicator_images(palette))
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


class ThemeManager(QObject):
    """Applies a theme to the whole application and announces changes.

    Signals:
        theme_changed(str): the new theme name ("night" or "day").
    """

    theme_changed = Signal(str)

    def __init__(self, app: QApplication, name: str = "night", scale: float = 1.0) -> None:
        super().__init__()
        self._app = app
        self._style = ThemeStyle()
        app.setStyle(self._style)
        # A child of the style: when another manager sets its own style, Qt
        # deletes this one and its caret with it, so two never draw at once.
        self.caret = CaretOverlay(app, parent=self._style)
        self._base_pt = QGuiApplication.font().pointSizeF() or 10.0
        self._scale = scale
        self.name = name
        self.palette = load_palette(name)
        self._apply()

    @property
    def is_night(self) -> bool:
        return self.name == "night"

    @property
    def scale(self) -> float:
        """The text size, 1.0 being the platform's."""
        return self._scale

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
        night = self.is_night
        self._style.icon_tint = QColor(self.palette["text"]) if night else None
        self._style.own_caret = night
        self.caret.set_enabled(night)
        self._app.setPalette(qpalette(self.palette))
        self._app.setStyleSheet(render_qss(self.palette, self._base_pt, self._scale))


def theme_for(settings: Settings, hour: int | None = None) -> str:
    """The theme name for the settings' choice; "auto" follows the local hour."""
    if settings.theme is ThemeChoice.NIGHT:
        return "night"
    if settings.theme is ThemeChoice.DAY:
        return "day"
    hour = time.localtime().tm_hour if hour is None else hour
    return "night" if settings.is_night_theme_hour(hour) else "day"
