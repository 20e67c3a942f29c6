"""Dates across the Qt boundary: one pair of conversions for every date field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate


def qdate_of(d: date) -> QDate:
    """A Python date as Qt's QDate (for QDateEdit and the calendar)."""
    return QDate(d.year, d.month, d.day)


def date_of(q: QDate) -> date:
    """What a QDateEdit holds, as a Python date."""
    return date(q.year(), q.month(), q.day())
