"""The application style under the QSS: dim standard icons and no inverted caret.

Qt's standard icons (the floppy on Save, the folder on Open, the "×" that clears
a search field, the file dialog's toolbar arrows) are bright pictures; at night
they would glare. `ThemeStyle.standardIcon` hands out icons whose pixels are
recoloured through a palette colour at paint time, so one icon follows every
theme change without being rebuilt. By day they are Qt's own.

Qt draws the text caret by inverting the pixels under it, which on a dark field
is a near-white line. At night the style asks for a caret of width 0 and
`rlbaby.ui.caret.CaretOverlay` draws a dim one in the theme's focus colour.

The QSS needs a few small pictures (the spin box arrows, the check box tick):
`indicator_images` paints them in the palette's colours into a cache folder.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QImage, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

# The darkest a recoloured pixel gets, as a share of the tint: keeps the icons'
# black outlines visible on a dark background instead of vanishing.
_FLOOR = 0.35


def tint_image(image: QImage, tint: QColor) -> QImage:
    """`image` with every pixel's brightness mapped onto `tint` (alpha kept).

    The result is never brighter than `tint`, whatever the original colours.
    """
    src = image.convertToFormat(QImage.Format.Format_RGBA8888)
    w, h = src.width(), src.height()
    arr = np.frombuffer(src.constBits(), np.uint8).reshape(h, src.bytesPerLine())
    px = arr[:, : w * 4].reshape(h, w, 4).astype(np.float32)
    luma = (0.299 * px[..., 0] + 0.587 * px[..., 1] + 0.114 * px[..., 2]) / 255.0
    share = _FLOOR + (1.0 - _FLOOR) * luma
    out = np.empty((h, w, 4), np.uint8)
    for i, c in enumerate((tint.red(), tint.green(), tint.blue())):
        out[..., i] = np.clip(share * c, 0, 255).astype(np.uint8)
    out[..., 3] = px[..., 3].astype(np.uint8)
    result = QImage(out.tobytes(), w, h, w * 4, QImage.Format.Format_RGBA8888).copy()
    result.setDevicePixelRatio(image.devicePixelRatio())
    return result


class TintedIconEngine(QIconEngine):
    """Draws `base` recoloured through `tint()`; `tint()` None draws it as it is."""

    def __init__(self, base: QIcon, tint: Callable[[], QColor | None]) -> None:
        super().__init__()
        self._base = base
        self._tint = tint
        self._cache: dict[tuple[int, int, float, int, int, int], QPixmap] = {}

    def _tinted(self, pm: QPixmap, key: tuple[int, int, float, int, int]) -> QPixmap:
        tint = self._tint()
        if tint is None or pm.isNull():
            return pm
        full = (*key, tint.rgb())
        cached = self._cache.get(full)
        if cached is None:
            cached = QPixmap.fromImage(tint_image(pm.toImage(), tint))
            self._cache[full] = cached
        return cached

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pm = self._base.pixmap(size, mode, state)
        return self._tinted(pm, (size.width(), size.height(), 1.0, int(mode.value), state.value))

    def scaledPixmap(  # noqa: N802
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        pm = self._base.pixmap(size, scale, mode, state)
        key = (size.width(), size.height(), scale, int(mode.value), state.value)
        return self._tinted(pm, key)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:  # noqa: N802
        return self._base.actualSize(size, mode, state)

    def availableSizes(  # noqa: N802
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:
        return self._base.availableSizes(mode, state)

    def isNull(self) -> bool:  # noqa: N802
        return self._base.isNull()

    def clone(self) -> QIconEngine:
        return TintedIconEngine(self._base, self._tint)


class ThemeStyle(QProxyStyle):
    """Qt's style with dim standard icons and, at night, no inverted caret.

    Attributes:
        icon_tint: the colour standard icons are recoloured through, or None
            for Qt's own colours (day).
        own_caret: True while `CaretOverlay` draws the caret (night): Qt's
            pixel-inverting caret is then 0 px wide.
    """

    def __init__(self) -> None:
        super().__init__()
        self.icon_tint: QColor | None = None
        self.own_caret = False

    def pixelMetric(  # noqa: N802
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric == QStyle.PixelMetric.PM_TextCursorWidth and self.own_caret:
            return 0
        return super().pixelMetric(metric, option, widget)

    def standardIcon(  # noqa: N802
        self,
        standard_icon: QStyle.StandardPixmap,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> QIcon:
        base = super().standardIcon(standard_icon, option, widget)
        if base.isNull():
            return base
        return QIcon(TintedIconEngine(base, self._current_tint))

    def _current_tint(self) -> QColor | None:
        return self.icon_tint


# --- pictures for the QSS ---------------------------------------------------------

_SIZE = 32  # drawn large, scaled down by the QSS; sharp at 150 % text and HiDPI


def _draw_arrow(p: QPainter, colour: QColor, up: bool) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    top, bottom = (9.0, 23.0) if up else (23.0, 9.0)
    p.drawPolygon(QPolygonF([QPointF(4, bottom), QPointF(28, bottom), QPointF(16, top)]))


def _draw_tick(p: QPainter, colour: QColor) -> None:
    pen = QPen(colour, 5.0)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.drawPolyline(QPolygonF([QPointF(6, 17), QPointF(13, 24), QPointF(26, 8)]))


_PICTURES: dict[str, tuple[str, Callable[[QPainter, QColor], None]]] = {
    "img_arrow_up": ("text_dim", lambda p, c: _draw_arrow(p, c, True)),
    "img_arrow_down": ("text_dim", lambda p, c: _draw_arrow(p, c, False)),
    "img_arrow_up_hover": ("text", lambda p, c: _draw_arrow(p, c, True)),
    "img_arrow_down_hover": ("text", lambda p, c: _draw_arrow(p, c, False)),
    "img_tick": ("accent_text", _draw_tick),
    "img_tick_disabled": ("text_dim", _draw_tick),
}


def picture_folder() -> Path:
    """Where the QSS pictures are cached: one small PNG per colour and shape."""
    return (
        Path(tempfile.gettempdir()) / f"rlbaby-theme-{os.getuid() if hasattr(os, 'getuid') else 0}"
    )


def indicator_images(palette: dict[str, str], folder: Path | None = None) -> dict[str, str]:
    """Paint the QSS pictures in `palette`'s colours; token name -> file path.

    Files are named by their content, so a file once written never changes and
    a stylesheet naming it stays valid while another theme is applied.
    """
    folder = folder or picture_folder()
    try:
        return _paint_pictures(palette, folder)
    except OSError:
        # The shared temp folder is not ours to write (another user made it):
        # a private folder costs a few small files per start, and works.
        return _paint_pictures(palette, Path(tempfile.mkdtemp(prefix="rlbaby-theme-")))


def _paint_pictures(palette: dict[str, str], folder: Path) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, str] = {}
    for token, (colour_token, draw) in _PICTURES.items():
        colour = QColor(palette[colour_token])
        digest = hashlib.sha1(f"{token}{colour.name()}{_SIZE}".encode()).hexdigest()[:12]
        target = folder / f"{token}-{digest}.png"
        if not target.exists():
            image = QImage(_SIZE, _SIZE, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            draw(painter, colour)
            painter.end()
            # Written beside and renamed, so a half-written picture is never read.
            partial = target.with_suffix(f".{os.getpid()}.part")
            # PySide6's stubs want the format as bytes; at run time only str is accepted.
            if not image.save(str(partial), "PNG"):  # type: ignore[call-overload]
                raise OSError(f"could not write {partial}")
            os.replace(partial, target)
        out[token] = target.as_posix()
    return out
