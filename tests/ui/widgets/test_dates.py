"""rlbaby/ui/widgets/dates.py: one pair of date conversions at the Qt boundary."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from rlbaby.ui.widgets.dates import date_of, qdate_of


def test_dates_cross_the_qt_boundary_both_ways() -> None:
    assert qdate_of(date(2026, 2, 28)) == QDate(2026, 2, 28)
    assert date_of(QDate(2024, 2, 29)) == date(2024, 2, 29)
    assert date_of(qdate_of(date(1970, 1, 1))) == date(1970, 1, 1)
