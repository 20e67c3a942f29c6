"""Every date and time on screen and in the report follows the app's locale.

Qt sets the C library's locale from the system, so strftime's %a/%b would put
German or Japanese names into English text ("2 Dez 2026"), and its times were
always 24 h. Here the app's default locale (QLocale.setDefault, as the app does
once at start) is German, US English or Japanese, and each visible date and
time must be written that locale's way: its order, its names, 12 or 24 hours.
"""

from __future__ import annotations

import locale
import re
import unicodedata
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from pypdf import PdfReader

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QApplication

from rlbaby.content import Guide
from rlbaby.model import Child, Episode, Instant, Movement, Sign, SleepPeriod
from rlbaby.model.timekeeping import night_number as day_index
from rlbaby.services import LoggerService
from rlbaby.services.history import EpisodeItem, NightItem, SleepItem
from rlbaby.store import Store
from rlbaby.ui.bridge import ServiceBridge
from rlbaby.ui.charts.axes import ClockAxis, NightAxis
from rlbaby.ui.charts.tab import ChartsTab
from rlbaby.ui.context import ChildSelection, UiContext
from rlbaby.ui.guide.comparison_view import range_text
from rlbaby.ui.guide.reader import COMPARE_SLUG
from rlbaby.ui.guide.tab import GuideTab
from rlbaby.ui.history.model import HistoryModel
from rlbaby.ui.locale_format import (
    LocaleDates,
    format_date,
    format_night,
    format_time,
    uses_12_hour,
)
from rlbaby.ui.log.tab import LogTab
from rlbaby.ui.theme import ThemeManager

NIGHT = date(2026, 12, 2)  # a Wednesday in December: "Dez."/"Mi." differ from "Dec"/"Wed"
TAP = Instant.parse("2026-12-02T21:07:09+01:00")
EARLY = Instant.parse("2026-12-03T03:07:00+01:00")
NNBSP = "\u202f"  # CLDR puts a narrow no-break space before AM/PM

# What each locale writes, spelled out here rather than computed, so a wrong
# formatter cannot agree with itself.
EXPECT = {
    "en_US": {
        "night": "Wed, Dec 2",
        "date": "Dec 2, 2026",
        "long": "Wednesday, December 2, 2026",
        "tap": f"9:07:09{NNBSP}PM",
        "tap_hm": f"9:07{NNBSP}PM",
        "early": f"3:07{NNBSP}AM",
        "axis_clock": [f"9:00{NNBSP}PM", f"3:00{NNBSP}AM"],
        "axis_day": "Dec 2",
        "axis_month": "Dec 2026",
    },
    "de_DE": {
        "night": "Mi., 2. Dez.",
        "date": "2. Dez. 2026",
        "long": "Mittwoch, 2. Dezember 2026",
        "tap": "21:07:09",
        "tap_hm": "21:07",
        "early": "03:07",
        "axis_clock": ["21:00", "03:00"],
        "axis_day": "2. Dez.",
        "axis_month": "Dez. 2026",
    },
    "ja_JP": {
        "night": "12月2日水",
        "date": "2026年12月2日",
        "long": "2026年12月2日水曜日",
        "tap": "21:07:09",
        "tap_hm": "21:07",
        "early": "3:07",
        "axis_clock": ["21:00", "3:00"],
        "axis_day": "12月2日",
        "axis_month": "2026年12月",
    },
}
ENGLISH_NAMES = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b"
)
# German shares Jan, Feb, Apr, Aug, Sep and Nov with English; these it does not.
NOT_GERMAN = re.compile(r"\b(Mar|May|Oct|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b")
AM_PM = re.compile(r"\b[AP]M\b")


def no_foreign_names(name: str, text: str) -> None:
    """No English month or weekday inside a German or Japanese text, no AM/PM
    outside a 12-hour locale, and no C-library names (German "Dez", Japanese "月")
    inside an English one."""
    if name != "en_US":
        english = NOT_GERMAN if name == "de_DE" else ENGLISH_NAMES
        assert not english.search(text), text
        assert not AM_PM.search(text), text
    else:
        assert not re.search(r"Dez|\bMi\b|[月水]", text), text


@pytest.fixture(params=["en_US", "de_DE", "ja_JP"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    before = QLocale()
    QLocale.setDefault(QLocale(request.param))
    yield request.param
    QLocale.setDefault(before)


@pytest.fixture
def ctx(qapp, clock) -> Iterator[UiContext]:  # type: ignore[no-untyped-def]
    clock.utc_ms, clock.offset_min = TAP.utc_ms, TAP.offset_min
    store = Store.in_memory(now_ms=clock.now_ms)
    store.save(Child("Ada"))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    service = LoggerService(store, clock, LocaleDates())  # as rlbaby.ui.app wires it
    yield UiContext(
        store=store,
        service=service,
        bridge=ServiceBridge(service),
        theme=ThemeManager(app, "day"),
        selection=ChildSelection(service),
        clock=clock,
    )
    store.close()


# --- the one formatter ------------------------------------------------------------------


def test_formatter_writes_each_locale_its_own_way(lang: str) -> None:
    e = EXPECT[lang]
    assert format_night(NIGHT) == e["night"]
    assert format_date(NIGHT) == e["date"]
    assert format_date(NIGHT, long=True) == e["long"]
    assert format_time(TAP, seconds=True) == e["tap"]
    assert format_time(EARLY) == e["early"]
    assert uses_12_hour() is (lang == "en_US")


def test_every_qt_locale_gets_a_clean_medium_format(qapp) -> None:  # type: ignore[no-untyped-def]
    """Cut from each locale's long format: no stray quote, no year where none is
    asked for, nothing dangling at the ends."""
    before = QLocale()
    try:
        any_ = QLocale.Language.AnyLanguage
        for loc in QLocale.matchingLocales(
            any_, QLocale.Script.AnyScript, QLocale.Country.AnyTerritory
        ):
            QLocale.setDefault(loc)
            year = loc.toString(QDate(2026, 12, 2), "yyyy")
            for text in (format_night(NIGHT), format_date(NIGHT)):
                assert "'" not in text, (loc.name(), text)
                assert not text.startswith((" ", ",", "/", "-")), (loc.name(), text)
                assert not text.endswith((" ", ",", "/", "-", "،")), (loc.name(), text)
            assert year not in format_night(NIGHT), (loc.name(), format_night(NIGHT))
            assert year in format_date(NIGHT), (loc.name(), format_date(NIGHT))
    finally:
        QLocale.setDefault(before)


# --- the screens ---------------------------------------------------------------------------


def test_log_tab_status_panel_and_sleep_button(qtbot, ctx, clock, lang) -> None:  # type: ignore[no-untyped-def]
    e = EXPECT[lang]
    tab = LogTab(ctx, Guide())
    qtbot.addWidget(tab)
    tab.show()
    with qtbot.waitSignal(ctx.bridge.movement_recorded):
        qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    assert tab.status.text().startswith(f"Saved {e['tap']}")
    assert tab.panel.started.text() == f"Started {e['tap_hm']}"
    qtbot.mouseClick(tab.sleep_button, Qt.MouseButton.LeftButton)
    assert tab.status.text() == f"Asleep at {e['tap_hm']}"
    assert tab.sleep_button.text().startswith(f"Asleep since {e['tap_hm']}")
    for text in (tab.status.text(), tab.panel.started.text(), tab.sleep_button.text()):
        no_foreign_names(lang, text)


def test_history_tree_rows(qapp, lang) -> None:  # type: ignore[no-untyped-def]
    e = EXPECT[lang]
    ep = Episode("c", TAP)
    item = EpisodeItem(ep, (Movement("c", ep.id, TAP),))
    sleep = SleepItem(SleepPeriod("c", TAP, awake=EARLY))
    model = HistoryModel(now_ms=lambda: EARLY.utc_ms)
    model.set_nights([NightItem(NIGHT, (sleep, item))])
    night = model.index(0, 0)
    assert model.data(night) == e["night"]
    rows = [model.data(model.index(r, 0, night)) for r in range(model.rowCount(night))]
    assert f"{e['tap_hm']}–{e['early']}" in rows  # the sleep period
    assert f"{e['tap_hm']}–{e['tap_hm']}" in rows  # the episode
    movement = model.index(0, 0, model.index(rows.index(f"{e['tap_hm']}–{e['tap_hm']}"), 0, night))
    assert model.data(movement) == e["tap"]
    for text in [model.data(night), *rows]:
        no_foreign_names(lang, text)


def test_chart_axes_titles_and_range_box(qtbot, ctx, clock, lang) -> None:  # type: ignore[no-untyped-def]
    e = EXPECT[lang]
    assert ClockAxis(18).tickStrings([3.0, 9.0], 1, 1) == e["axis_clock"]
    axis = NightAxis()
    assert axis.tickStrings([day_index(NIGHT)], 1, 1) == [e["axis_day"]]
    assert axis.tickStrings([day_index(date(2026, 12, 1))], 1, 30) == [e["axis_month"]]
    ctx.service.record_movement(ctx.selection.child_id)
    clock.advance(24 * 3600)  # a night that is not "Tonight"
    tab = ChartsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_range("7")
    tab.show_night(NIGHT)
    combo = tab.range_combo
    combo.setCurrentIndex(combo.values().index("night"))
    combo.activated.emit(combo.currentIndex())
    assert combo.currentText() == f"Night of {e['night']}"
    assert tab.timeline.title.text().startswith(f"Night of {e['long']}")
    tab.show_page("timeline")
    assert tab.caption().endswith(f"night of {format_date(NIGHT, weekday=True)}")
    for text in (combo.currentText(), tab.timeline.title.text(), tab.caption()):
        no_foreign_names(lang, text)


def test_guide_comparison_dates(qtbot, ctx, lang) -> None:  # type: ignore[no-untyped-def]
    e = EXPECT[lang]
    store, child_id = ctx.store, ctx.selection.child_id
    ep = Episode(child_id, EARLY, signs=frozenset({Sign.BREATHING_PAUSES}))
    store.save_many([ep, Movement(child_id, ep.id, EARLY)])
    tab = GuideTab(ctx, Guide())
    qtbot.addWidget(tab)
    tab.show()
    tab.show_section(COMPARE_SLUG)
    view = tab.comparison
    assert f"Night of {e['night']}, at {e['early']}" in view.urgent.entries.text()
    assert view.summary.text().startswith(range_text(date(2026, 11, 19), NIGHT))
    assert e["date"] in view.summary.text()
    for text in (view.urgent.entries.text(), view.summary.text()):
        no_foreign_names(lang, text)


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)  # as the PDF's text is read


def _pdf_text(path: Path) -> str:
    pages = (unicodedata.normalize("NFKC", p.extract_text()) for p in PdfReader(path).pages)
    return " ".join(" ".join(pages).split())


def test_report_text(qapp, ctx, tmp_path, lang) -> None:  # type: ignore[no-untyped-def]
    from rlbaby.report.pdf import make_report

    e = EXPECT[lang]
    store, child = ctx.store, ctx.store.children()[0]
    ep = Episode(child.id, TAP, signs=frozenset({Sign.BREATHING_PAUSES}))
    store.save_many([ep, Movement(child.id, ep.id, TAP)])
    out = tmp_path / "report.pdf"
    make_report(store, child, NIGHT, NIGHT, out, now_ms=EARLY.utc_ms)
    text = _pdf_text(out)
    if lang != "ja_JP":  # no CJK font here: the PDF's Japanese text is not extractable
        made = format_date(EARLY)
        assert nfkc(f"Nights of {e['date']} to {e['date']} · made on {made}") in text
        assert nfkc(f"night of {e['night']}, {e['tap_hm']}") in text
        six_pm = format_time(time(18))
        assert nfkc(f"A night runs from {six_pm} to {six_pm} the next day") in text
    no_foreign_names(lang, text.replace("PLMS", ""))


# --- the C library's locale, as Qt sets it ---------------------------------------------


@pytest.mark.parametrize("c_locale", ["de_DE.UTF-8", "ja_JP.UTF-8"])
def test_the_c_locale_qt_sets_leaks_no_names(qtbot, ctx, c_locale) -> None:  # type: ignore[no-untyped-def]
    """Qt calls setlocale(LC_ALL, "") from LANG; an English UI must still say
    "Dec", never strftime's "Dez" or "12月"."""
    before = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, c_locale)
    except locale.Error:
        pytest.skip(f"{c_locale} is not installed (.ci/system-deps generates it)")
    qlocale = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    try:
        assert NIGHT.strftime("%b") != "Dec"  # the leak this guards against is real here
        history = HistoryModel(now_ms=lambda: EARLY.utc_ms)
        history.set_nights([NightItem(NIGHT, ())])
        ctx.service.record_movement(ctx.selection.child_id)
        charts = ChartsTab(ctx)
        qtbot.addWidget(charts)
        charts.set_range("tonight")
        texts = [
            history.data(history.index(0, 0)),
            charts.timeline.title.text(),
            charts.caption(),
            range_text(date(2026, 11, 19), NIGHT),
            *NightAxis().tickStrings([day_index(NIGHT)], 1, 1),
            *ClockAxis(18).tickStrings([3.0], 1, 1),
        ]
        assert texts[0] == "Wed, Dec 2"
        for text in texts:
            no_foreign_names("en_US", text)
    finally:
        QLocale.setDefault(qlocale)
        locale.setlocale(locale.LC_ALL, before)


def test_history_editor_time_field_reads_back(qtbot, ctx, lang) -> None:  # type: ignore[no-untyped-def]
    """The editable time keeps the ISO date (typed back unambiguously) and the
    locale's 12 or 24 hours; saving it unchanged keeps the stored instant."""
    from rlbaby.ui.history.tab import HistoryTab

    store, cid = ctx.store, ctx.selection.child_id
    ep = store.save(Episode(cid, TAP))
    moved = store.save(Movement(cid, ep.id, TAP))
    tab = HistoryTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.select_key(moved.id)
    edit = tab.movement_editor.time_edit
    shown = {"en_US": "2026-12-02 9:07:09 PM"}.get(lang, "2026-12-02 21:07:09")
    assert edit.text() == shown
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert store.movement(moved.id).at == TAP  # type: ignore[union-attr]
    edit.setText("9:05 PM" if lang == "en_US" else "21:05")  # before the clock
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert store.movement(moved.id).at == Instant.parse("2026-12-02T21:05:00+01:00")  # type: ignore[union-attr]
    assert "Saved" in tab.movement_editor.message.text()
    no_foreign_names(lang, tab.movement_editor.message.text())


def test_settings_hours_are_written_and_typed_the_locales_way(qtbot, lang) -> None:  # type: ignore[no-untyped-def]
    from rlbaby.model import Settings
    from rlbaby.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(night_start_hour=18))
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.night_start
    six_pm = {"en_US": f"6:00{NNBSP}PM"}.get(lang, "18:00")
    assert box.lineEdit().text() == six_pm
    typed = {"en_US": "7:00 pm"}.get(lang, "19:00")  # a plain space and lower case too
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), typed)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert box.value() == 19
    assert dialog.result_settings().night_start_hour == 19
    no_foreign_names(lang, box.lineEdit().text())
