"""Saving the chart shown: as a captioned PNG picture, or its numbers as CSV.

The words keep the translation context "ChartsTab" (they were the tab's before
saving had its own file), written out in each call so that pyside6-lupdate finds them.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from rlbaby.analysis.ranges import NightRange
from rlbaby.ui.charts.base import ChartWidget
from rlbaby.ui.charts.save_notice import SaveNotice
from rlbaby.ui.dialogs.common import save_path
from rlbaby.ui.locale_format import format_date

log = logging.getLogger(__name__)


def caption(child_name: str | None, page_title: str, night: date | None, nights: NightRange) -> str:
    """What a saved picture shows, in words: whose chart, which chart, which nights.

    Args:
        night: the one night shown (the timeline), or None for the range `nights`.
    """
    name = child_name or QCoreApplication.translate("ChartsTab", "No child")
    if night is None and nights.nights == 1:
        night = nights.first
    if night is not None:
        when = QCoreApplication.translate("ChartsTab", "night of {date}").format(
            date=format_date(night, weekday=True)
        )
    else:
        when = QCoreApplication.translate("ChartsTab", "nights {first} to {last}").format(
            first=format_date(nights.first), last=format_date(nights.last)
        )
    return f"{name} · {page_title} · {when}"


def suggested_path(
    child_name: str | None, page: str, night: date | None, nights: NightRange, suffix: str
) -> Path:
    """rlbaby-<child>-<page>-<nights>.<suffix> in the home folder."""
    name = (child_name or "child").strip().replace(" ", "-").lower()
    if night is not None:
        when = night.isoformat()
    else:
        when = f"{nights.first.isoformat()}-to-{nights.last.isoformat()}"
    return Path.home() / f"rlbaby-{name}-{page}-{when}.{suffix}"


def save_chart(
    parent: QWidget,
    chart: ChartWidget,
    suffix: str,
    suggested: Path,
    picture_caption: str,
    notice: SaveNotice,
) -> None:
    """Ask where, then save `chart` as "png" (captioned) or "csv"; say how it went in `notice`."""
    if suffix == "png":
        what = QCoreApplication.translate("ChartsTab", "Picture")
        title = QCoreApplication.translate("ChartsTab", "Save chart as picture")
        filters = QCoreApplication.translate("ChartsTab", "PNG pictures (*.png)")
    else:
        what = QCoreApplication.translate("ChartsTab", "Numbers")
        title = QCoreApplication.translate("ChartsTab", "Save chart numbers")
        filters = QCoreApplication.translate("ChartsTab", "CSV tables (*.csv)")
    picked = save_path(parent, title, filters, suggested)
    if picked is None:
        return
    path = picked[0] if picked[0].suffix else picked[0].with_suffix(f".{suffix}")
    try:
        if suffix == "png":
            chart.export_png(path, picture_caption)
        else:
            chart.export_csv(path)
    except OSError as exc:
        log.warning("chart %s not saved to %s: %s", suffix, path, exc)
        notice.not_saved(what, path, exc)
    else:
        notice.saved(what, path)
