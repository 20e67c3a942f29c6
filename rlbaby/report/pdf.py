"""make_report: one child's nights as a PDF, for the CLI and the GUI.

The document is laid out twice: the first pass, into memory, counts the pages
so that every footer can say "Page n of N". Chart images are made once.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QEvent,
    QIODevice,
    QMarginsF,
    QMessageLogContext,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter
from PySide6.QtWidgets import QApplication

from rlbaby import __version__
from rlbaby.model import Child
from rlbaby.report import nightly, sections
from rlbaby.report.canvas import DPI, PageCanvas
from rlbaby.report.charts import ChartImages
from rlbaby.report.content import ReportContent, gather
from rlbaby.store import Store
from rlbaby.store.atomic import atomic_write_bytes

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 15.0


# Offscreen, Qt says this once per chart widget; it is harmless (pyproject's
# qt_log_ignore lists it too) and would only clutter the CLI's output.
_HARMLESS = ("This plugin does not support propagateSizeHints",)


@contextmanager
def _quiet_harmless_qt_messages() -> Iterator[None]:
    previous: Any = None

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message.startswith(_HARMLESS):
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def _writer(target: QBuffer, paper: str, child: Child) -> QPdfWriter:
    writer = QPdfWriter(target)
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(PAPERS[paper]))
    writer.setPageMargins(QMarginsF(*(MARGIN_MM,) * 4), QPageLayout.Unit.Millimeter)
    writer.setTitle(f"Night log of leg movements: {child.name}")
    writer.setCreator(f"rlbaby {__version__}")
    return writer


def _layout(
    content: ReportContent, paper: str, images: ChartImages, total: int | None
) -> tuple[bytes, int]:
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    canvas = PageCanvas(
        _writer(buf, paper, content.child), images.palette, sections.footer_text(content), total
    )
    sections.title(canvas, content)
    sections.child_details(canvas, content)
    sections.overview(canvas, content)
    sections.comparison(canvas, content)
    sections.sign_episodes(canvas, content)
    sections.soothing(canvas, content)
    nightly.night_table(canvas, content)
    nightly.charts(canvas, content, images)
    sections.questions(canvas, content)
    sections.doctor_notes(canvas, content)
    pages = canvas.finish()
    buf.close()
    return bytes(buf.data().data()), pages


def make_report(
    store: Store,
    child: Child,
    first: date,
    last: date,
    out: Path,
    paper: str = "a4",
    *,
    now_ms: int | None = None,
) -> int:
    """Write the report for `child`'s nights `first`..`last` to `out` (atomically).

    Returns:
        The number of pages.

    Raises:
        ValueError: unknown paper, or the range ends before it starts.
        WriteError: the file could not be written.
    """
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}")
    # Chart rendering uses widgets (pyqtgraph); keep one application alive.
    app = QApplication.instance() or QApplication([])
    from rlbaby.ui.emergency import system_country
    from rlbaby.ui.i18n import in_english
    from rlbaby.ui.theme import load_palette

    content = gather(store, child, first, last, now_ms, country=system_country())
    try:
        # The report is English for now, even from a German window: the app's
        # chart classes draw it, and its counted words need the English plurals.
        with _quiet_harmless_qt_messages(), in_english(app):
            images = ChartImages(store, child.id, load_palette("day"))
            _, total = _layout(content, paper, images, None)
            data, pages = _layout(content, paper, images, total)
        atomic_write_bytes(Path(out), data)
    finally:
        # The charts were grabbed from offscreen widgets closed with deleteLater();
        # delete them now, while the application exists. Left for interpreter
        # exit, they are torn down after it and the process crashes on the way out.
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return pages
