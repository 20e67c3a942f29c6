"""The Qt-free layers' date formatter: ISO, and deaf to the C locale."""

from __future__ import annotations

import locale
from datetime import date, datetime, time

import pytest

from rlbaby.model.dateformat import ISO_DATES

NIGHT = date(2026, 12, 2)


def test_iso_dates_times_and_english_weekdays() -> None:
    assert ISO_DATES.date(NIGHT) == "2026-12-02"
    assert ISO_DATES.night(NIGHT) == "Wed 2026-12-02"
    assert ISO_DATES.weekday(NIGHT) == "Wed"
    assert ISO_DATES.time(time(3, 7, 9)) == "03:07"
    assert ISO_DATES.time(datetime(2026, 12, 2, 21, 7, 9), seconds=True) == "21:07:09"


@pytest.mark.parametrize("c_locale", ["de_DE.UTF-8", "ja_JP.UTF-8"])
def test_the_c_locale_changes_nothing(c_locale: str) -> None:
    before = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, c_locale)
    except locale.Error:
        pytest.skip(f"{c_locale} is not installed (.ci/system-deps generates it)")
    try:
        assert NIGHT.strftime("%a") != "Wed"  # strftime would follow it
        assert ISO_DATES.night(NIGHT) == "Wed 2026-12-02"
    finally:
        locale.setlocale(locale.LC_ALL, before)
