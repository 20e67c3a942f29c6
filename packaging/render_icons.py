"""Render the app icon's PNG sizes from its SVG: `make icons` (needs no display).

The SVG in resources/desktop/hicolor-icons/scalable/apps/ is the source; the
PNGs beside it (<n>x<n>/apps/) are committed, so that a build never depends on
an SVG renderer. Rerun this after editing the SVG. The folder is laid out like
~/.local/share/icons/hicolor/, and its name is no Python identifier, so that
setuptools does not take its subfolders for packages.
tests/test_desktop.py fails when a PNG no longer matches the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "io.github.rlbaby.rlbaby"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
HICOLOR = Path(__file__).resolve().parent.parent / "resources" / "desktop" / "hicolor-icons"


def svg_path(hicolor: Path = HICOLOR) -> Path:
    return hicolor / "scalable" / "apps" / f"{APP_ID}.svg"


def png_path(size: int, hicolor: Path = HICOLOR) -> Path:
    return hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn on a transparent square of `size` pixels."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"not a valid SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for size in SIZES:
        out = png_path(size)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not render(svg_path(), size).save(str(out), "PNG"):
            sys.stderr.write(f"could not write {out}\n")
            return 1
        sys.stdout.write(f"wrote {out.relative_to(HICOLOR.parents[2])}\n")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
