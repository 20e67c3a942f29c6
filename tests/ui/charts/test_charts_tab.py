"""The Charts tab as a parent uses it: ranges, the live timeline, staleness, exports, themes."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from charts_helpers import (
    EARLIER,
    EARLIER_GAPS_S,
    TONIGHT,
    TONIGHT_GAPS_S,
    TONIGHT_KICKS_H,
    TONIGHT_STRETCHES_H,
    at,
    memory_ctx,
    seed,
)

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QGraphicsTextItem, QGraphicsView

from rlbaby.analysis.chart_data import (
    interval_histogram,
)
from rlbaby.analysis.ranges import NightRange
from rlbaby.model import Child, Episode, Movement, MovementKind, Sign
from rlbaby.model.arrays import KIND_CODE
from rlbaby.model.timekeeping import night_number
from rlbaby.store import Store
from rlbaby.ui.charts import saving as charts_saving
from rlbaby.ui.charts.tab import PAGES, ChartsTab
from rlbaby.ui.theme import load_palette


def _kind_x(tab: ChartsTab, kind: MovementKind) -> list[float]:
    x = tab.timeline.ticks.x_of(KIND_CODE[kind])
    return sorted(set(np.round(x, 6).tolist()))


@pytest.fixture
def mem_ctx(qapp, clock):  # type: ignore[no-untyped-def]
    """Like ui_ctx, on an in-memory store (these tests do not need the disk)."""
    store = Store.in_memory(now_ms=clock.now_ms)
    store.save(Child("Ada"))
    yield memory_ctx(store, clock)
    store.close()


@pytest.fixture
def seeded(mem_ctx):  # type: ignore[no-untyped-def]
    seed(mem_ctx.store, mem_ctx.selection.child_id)
    return mem_ctx


@pytest.fixture
def tab(qtbot, seeded) -> ChartsTab:  # type: ignore[no-untyped-def]
    w = ChartsTab(seeded)
    qtbot.addWidget(w)
    w.resize(1000, 640)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_opens_on_last_30_nights_with_the_latest_logged_night(tab) -> None:  # type: ignore[no-untyped-def]
    assert tab.range_choice == "30"
    assert tab.nights == NightRange(date(2026, 10, 25), TONIGHT)
    assert tab.timeline.night == TONIGHT
    assert _kind_x(tab, MovementKind.KICK) == pytest.approx(TONIGHT_KICKS_H)
    assert _kind_x(tab, MovementKind.STRETCH) == pytest.approx(TONIGHT_STRETCHES_H)
    assert "6 movements in 2 episodes" in tab.timeline.title.text()
    assert "10 h 00 min asleep" in tab.timeline.title.text()


def test_range_switching_redraws_every_chart(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(tab.redrawn, timeout=1000):
        assert tab.set_range("tonight") == NightRange(TONIGHT, TONIGHT)
    assert tab.trend.data.night_idx.tolist() == [night_number(TONIGHT)]
    assert tab.night_map.map.counts.shape == (1, 96)
    assert tab.night_map.map.counts.sum() == 6
    assert tab.intervals.histogram.total == len(TONIGHT_GAPS_S)
    assert tab.details.bar_values("responses").tolist() == [1, 0, 0]

    tab.set_range("7")
    assert tab.nights == NightRange(date(2026, 11, 17), TONIGHT)
    assert tab.trend.data.night_idx.tolist() == [night_number(EARLIER), night_number(TONIGHT)]
    expected = interval_histogram(np.array(TONIGHT_GAPS_S + EARLIER_GAPS_S)).counts
    assert tab.intervals.histogram.counts.tolist() == expected.tolist()
    assert tab.details.bar_values("responses").tolist() == [1, 0, 1]
    assert tab.night_map.map.counts.shape == (7, 96)

    tab.set_range("all")
    assert tab.nights == NightRange(EARLIER, TONIGHT)

    tab.set_range("custom", date(2026, 11, 21), EARLIER)
    assert tab.nights == NightRange(EARLIER, date(2026, 11, 21))
    assert tab.from_date.isVisible()
    assert tab.trend.data.night_idx.tolist() == [night_number(EARLIER)]
    assert tab.timeline.night == EARLIER  # the range's latest logged night
    with pytest.raises(ValueError, match="custom"):
        tab.set_range("custom")


def test_range_box_and_custom_dates(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    combo = tab.range_combo
    combo.setCurrentIndex(combo.values().index("7"))
    combo.activated.emit(combo.currentIndex())
    assert tab.nights.nights == 7
    assert not tab.from_date.isVisible()
    combo.setCurrentIndex(combo.values().index("custom"))
    combo.activated.emit(combo.currentIndex())
    assert tab.from_date.isVisible()
    tab.from_date.setDate(tab.from_date.date().addDays(-400))
    assert tab.nights.nights > 400


def test_a_tap_shows_on_the_timeline_without_reading_the_store(tab, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tab.set_range("tonight")
    reads: list[str] = []
    for name in ("timeline", "history"):
        orig = getattr(tab.source, name)
        monkeypatch.setattr(
            tab.source, name, lambda *a, _n=name, _o=orig: reads.append(_n) or _o(*a)
        )
    ctx = tab._ctx
    before = tab.timeline.movement_count
    ctx.service.record_movement(ctx.selection.child_id)  # 07:00, tonight
    assert tab.timeline.movement_count == before + 1
    assert 13.0 in _kind_x(tab, MovementKind.UNSPECIFIED)
    assert tab.timeline.span_item.spans()[0].size == 3  # a third episode shaded
    assert "7 movements in 3 episodes" in tab.timeline.title.text()
    assert reads == []
    ctx.clock.advance(10)
    ctx.service.record_movement(ctx.selection.child_id, kind=MovementKind.KICK)
    assert tab.timeline.movement_count == before + 2
    assert _kind_x(tab, MovementKind.KICK)[-1] == pytest.approx(13 + 10 / 3600)
    assert tab.timeline.span_item.spans()[0].size == 3  # same episode, extended
    assert reads == []


def test_a_tap_on_another_night_or_child_leaves_the_timeline(tab) -> None:  # type: ignore[no-untyped-def]
    tab.set_range("custom", EARLIER, EARLIER)
    ctx = tab._ctx
    ctx.service.record_movement(ctx.selection.child_id)
    assert tab.timeline.night == EARLIER
    assert tab.timeline.movement_count == 3
    tab.set_range("tonight")
    other = ctx.store.save(Child("Ben"))
    ctx.service.record_movement(other.id)
    assert tab.timeline.movement_count == 7  # 6 seeded + the tap above, none of Ben's


def test_edits_redraw_lazily(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    ctx = tab._ctx
    tab.set_range("tonight")
    tab.hide()
    first = ctx.store.movement(ctx.store.movements(ctx.selection.child_id).ids[-1])
    ctx.service.delete(first)
    assert tab._dirty
    assert tab.timeline.movement_count == 6  # not redrawn while hidden
    with qtbot.waitSignal(tab.redrawn, timeout=1000):
        tab.show()
    assert tab.timeline.movement_count == 5
    assert not tab._dirty
    with qtbot.waitSignal(tab.redrawn, timeout=2000):
        ctx.service.undo()  # visible: redrawn once the burst settles
    assert tab.timeline.movement_count == 6


def test_data_replaced_and_settings_change_redraw(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    ctx = tab._ctx
    ctx.store.save_settings(replace(ctx.store.settings, night_start_hour=20))
    with qtbot.waitSignal(tab.redrawn, timeout=2000):
        ctx.bridge.data_replaced.emit()
    assert tab.timeline.axis.start_hour == 20
    assert _kind_x(tab, MovementKind.KICK) == pytest.approx([h - 2 for h in TONIGHT_KICKS_H])


def test_ranges_seen_before_show_new_data_after_a_tap_an_edit_an_import_or_a_child_switch(
    qtbot, tab
) -> None:  # type: ignore[no-untyped-def]
    """The numbers of the last ranges are kept; every change of the log drops them."""
    ctx = tab._ctx
    cid = ctx.selection.child_id

    def mapped() -> int:
        return int(tab.night_map.map.counts.sum())

    def back_and_forth() -> None:  # both ranges seen before: both kept if nothing changed
        tab.set_range("7")
        tab.set_range("all")

    back_and_forth()
    assert mapped() == 9
    ctx.service.record_movement(cid)  # a tap
    qtbot.waitUntil(lambda: mapped() == 10)  # redrawn once the burst settles
    back_and_forth()
    assert mapped() == 10
    assert tab.timeline.movement_count == 7

    newest = ctx.store.movement(ctx.store.movements(cid).ids[-1])
    ctx.service.delete(newest)  # an edit
    qtbot.waitUntil(lambda: mapped() == 9)
    back_and_forth()
    assert mapped() == 9

    ep = Episode(cid, at("2026-11-21T23:00:00"))
    ctx.store.save_many([ep, Movement(cid, ep.id, at("2026-11-21T23:00:00"))])
    ctx.bridge.data_replaced.emit()  # an import
    qtbot.waitUntil(lambda: mapped() == 10)
    back_and_forth()
    assert mapped() == 10

    ben = ctx.store.save(Child("Ben"))
    ctx.bridge.data_replaced.emit()
    ctx.selection.select(ben.id)  # a child switch
    qtbot.waitUntil(lambda: mapped() == 0)
    back_and_forth()
    assert mapped() == 0
    ctx.selection.select(cid)
    qtbot.waitUntil(lambda: mapped() == 10)


def test_a_page_is_built_when_first_shown_with_the_numbers_of_then(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    ctx = tab._ctx
    assert set(tab.pages.built) == {"timeline"}  # nothing else opened yet
    tab.set_range("7")
    ctx.service.record_movement(ctx.selection.child_id)
    qtbot.waitUntil(lambda: not tab._dirty)  # redrawn once the burst settles
    assert set(tab.pages.built) == {"timeline"}
    ctx.theme.set_theme("day")
    qtbot.mouseClick(tab.page_buttons["map"], Qt.MouseButton.LeftButton)
    assert tab.current_page == "map"
    assert set(tab.pages.built) == {"timeline", "map"}
    assert tab.night_map.map.counts.shape == (7, 96)
    assert tab.night_map.map.counts.sum() == 10  # 9 seeded + the tap
    assert "10 movements over 7 nights" in tab.night_map.accessibleDescription()
    assert (
        tab.night_map.graphics.backgroundBrush().color().name() == load_palette("day")["chart_bg"]
    )
    assert tab.night_map.accessibleName() == "Night map"


def test_no_chart_keeps_a_picture_of_its_plain_background(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    """pyqtgraph caches each view's background as a pixmap the view's size (about
    2 MB a chart at 1024 x 600); the background is one colour, painted as fast."""
    for page in PAGES:
        qtbot.mouseClick(tab.page_buttons[page], Qt.MouseButton.LeftButton)
        assert tab.current_page == page
        tab.repaint_now()
    assert set(tab.pages.built) == set(PAGES)
    for page, chart in tab.pages.built.items():
        assert chart.graphics.cacheMode() == QGraphicsView.CacheModeFlag.CacheNone, page
    # The theme's background still fills the view where nothing is drawn.
    tab._ctx.theme.set_theme("day")
    view = tab.current_chart.graphics
    view.repaint()
    corner = view.grab().toImage().pixelColor(2, 2)
    assert corner.name() == load_palette("day")["chart_bg"]


def test_trend_and_map_clicks_open_the_night(tab) -> None:  # type: ignore[no-untyped-def]
    tab.set_range("all")
    tab.show_page("trend")
    tab.trend.clicked_at(tab.trend.plots[0], night_number(EARLIER) + 0.2, 1.0)
    assert tab.current_page == "timeline"
    assert tab.timeline.night == EARLIER
    assert tab.stepper.night == EARLIER
    tab.show_page("map")
    tab.night_map.clicked_at(tab.night_map.plot, 2.0, night_number(TONIGHT) + 0.5)
    assert tab.current_page == "timeline"
    assert tab.timeline.night == TONIGHT


def test_stepper_moves_between_nights(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    assert not tab.stepper.later.isEnabled()  # tonight is the latest
    for _ in range(3):
        qtbot.mouseClick(tab.stepper.earlier, Qt.MouseButton.LeftButton)
    assert tab.timeline.night == EARLIER
    assert tab.timeline.movement_count == 3
    qtbot.mouseClick(tab.stepper.latest, Qt.MouseButton.LeftButton)
    assert tab.timeline.night == TONIGHT


def test_child_switch_follows_the_selection(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    ctx = tab._ctx
    ben = ctx.store.save(Child("Ben"))
    tab._on_bridge_data_replaced()
    assert tab.child_combo.count() == 2
    with qtbot.waitSignal(tab.redrawn, timeout=2000):
        ctx.selection.select(ben.id)
    assert tab.child_combo.value() == ben.id
    assert tab.timeline.is_empty
    assert tab.trend.is_empty


@pytest.mark.parametrize("page", list(PAGES))
def test_exports_png_and_csv(tab, tmp_path: Path, page: str) -> None:  # type: ignore[no-untyped-def]
    tab.set_range("7")
    tab.show_page(page)
    png = tmp_path / "chart.png"
    tab.export_png(png)
    image = QImage(str(png))
    assert not image.isNull()
    assert image.width() > 300
    assert image.height() > 200
    out = tmp_path / "chart.csv"
    written = tab.export_csv(out)
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert len(rows) == written + 1
    header, body = rows[0], rows[1:]
    expected = {
        "timeline": (["night", "time", "hours_after_night_start", "kind", "episode"], 6),
        "intervals": (
            ["from_seconds", "to_seconds", "gaps"],
            tab.intervals.histogram.counts.size + 2,
        ),
        "trend": (header, 2),
        "map": (header, 7),
        "details": (
            ["breakdown", "answer", "episodes", "percent", "out_of"],
            3 + 7 + len(Sign) + 4,
        ),
        "soothing": (
            [
                "soothing",
                "episodes_tried",
                "noted_helped",
                "noted_not_settled",
                "no_response_noted",
            ],
            8,
        ),
    }[page]
    assert header == expected[0]
    assert len(body) == expected[1]
    if page == "timeline":
        assert body[0][:2] == [TONIGHT.isoformat(), "22:00:00"]
        assert body[0][3] == "kick"
    if page == "trend":
        assert header[:5] == ["night", "movements", "episodes", "per_sleep_hour", "periodic_runs"]
        assert body[1][:3] == [TONIGHT.isoformat(), "6", "2"]
    if page == "map":
        assert header[1] == "18:00"
        assert len(header) == 97
        assert sum(int(v) for v in body[-1][1:]) == 6
    if page == "soothing":
        assert body[0] == ["rocking", "2", "1", "1", "0"]


def test_save_buttons_write_through_the_dialog(qtbot, tab, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "picked"
    monkeypatch.setattr(charts_saving, "save_path", lambda *a: (target, "x"))
    assert not tab.notice.isVisible()
    qtbot.mouseClick(tab.controls.png_button, Qt.MouseButton.LeftButton)
    assert not QImage(str(target.with_suffix(".png"))).isNull()
    # The parent is told where it went.
    assert tab.notice.isVisible()
    assert tab.notice.text() == f"Picture saved to {target.with_suffix('.png')}"
    qtbot.mouseClick(tab.controls.csv_button, Qt.MouseButton.LeftButton)
    assert target.with_suffix(".csv").read_text().startswith("night,time")
    assert tab.notice.text() == f"Numbers saved to {target.with_suffix('.csv')}"
    monkeypatch.setattr(charts_saving, "save_path", lambda *a: None)
    qtbot.mouseClick(
        tab.controls.csv_button, Qt.MouseButton.LeftButton
    )  # cancelled: nothing happens
    assert tab.notice.text() == f"Numbers saved to {target.with_suffix('.csv')}"
    tab.show_page("trend")  # the message spoke of another page
    assert not tab.notice.isVisible()


@pytest.mark.parametrize(("button", "what"), [("png_button", "Picture"), ("csv_button", "Numbers")])
def test_a_failed_save_says_why(qtbot, tab, tmp_path, monkeypatch, button, what) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "no-such-folder" / "chart"
    monkeypatch.setattr(charts_saving, "save_path", lambda *a: (target, "x"))
    qtbot.mouseClick(getattr(tab.controls, button), Qt.MouseButton.LeftButton)
    assert not target.parent.exists()
    assert tab.notice.isVisible()
    assert tab.notice.failed
    text = tab.notice.text()
    assert text.startswith(f"{what} not saved to {target.parent}")
    assert "No such file or directory" in text
    assert "choose another folder" in text
    assert tab._ctx.theme.palette["urgent"] in tab.notice.styleSheet()
    # A folder that is a file: the OS error's reason in words, never a traceback.
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setattr(charts_saving, "save_path", lambda *a: (blocker / "c.png", "x"))
    qtbot.mouseClick(getattr(tab.controls, button), Qt.MouseButton.LeftButton)
    assert "Not a directory" in tab.notice.text()
    # Saving somewhere good afterwards replaces the error.
    good = tmp_path / "ok"
    monkeypatch.setattr(charts_saving, "save_path", lambda *a: (good, "x"))
    qtbot.mouseClick(getattr(tab.controls, button), Qt.MouseButton.LeftButton)
    assert not tab.notice.failed
    assert tab.notice.text().startswith(f"{what} saved to {good}")


def test_saved_picture_names_the_child_and_the_nights(tab, tmp_path) -> None:  # type: ignore[no-untyped-def]
    tab.set_range("7")
    tab.show_page("trend")
    png = tmp_path / "trend.png"
    tab.export_png(png)
    image = QImage(str(png))
    caption = "Ada · Nights over time · nights 17 Nov 2026 to 23 Nov 2026"
    assert image.text("Title") == caption
    plain = tab.trend.to_image()
    band = image.height() - plain.height()
    assert band > 10  # a title band above the chart
    assert image.width() == plain.width()
    # The band holds the caption's text in the chart's text colour.
    fg = QColor(tab._ctx.theme.palette["chart_fg"])
    top = image.copy(0, 0, image.width(), band).convertToFormat(QImage.Format.Format_RGB32)
    ink = sum(
        1
        for y in range(top.height())
        for x in range(0, top.width(), 2)
        if _near(QColor(top.pixel(x, y)), fg)
    )
    assert ink > 50
    # The timeline names its night; a one-night range says so too.
    tab.show_page("timeline")
    tab.export_png(png)
    assert QImage(str(png)).text("Title") == "Ada · Night timeline · night of Mon, 23 Nov 2026"
    tab.set_range("tonight")
    tab.show_page("map")
    tab.export_png(png)
    assert QImage(str(png)).text("Title") == "Ada · Night map · night of Mon, 23 Nov 2026"


def _near(a: QColor, b: QColor, tol: int = 40) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= tol


def test_empty_states_explain_what_to_log(qtbot, mem_ctx) -> None:  # type: ignore[no-untyped-def]
    ui_ctx = mem_ctx
    tab = ChartsTab(ui_ctx)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    for chart in tab.charts.values():
        assert chart.is_empty
        assert "Log tab" in chart.empty_label.text()
    assert "Tap on the Log tab" in tab.timeline.empty_label.text()
    seed(ui_ctx.store, ui_ctx.selection.child_id)
    tab.reload()
    assert not any(c.is_empty for c in tab.charts.values())


def test_no_child_yet(qtbot, qapp, clock, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = Store.in_memory(now_ms=clock.now_ms)
    tab = ChartsTab(memory_ctx(store, clock))
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    assert tab.timeline.is_empty
    assert "Add your child" in tab.trend.empty_label.text()


def test_theme_switch_recolours_the_charts(tab) -> None:  # type: ignore[no-untyped-def]
    night = load_palette("night")
    assert tab.timeline.graphics.backgroundBrush().color().name() == night["chart_bg"]
    tab._ctx.theme.set_theme("day")
    day = load_palette("day")
    assert tab.timeline.graphics.backgroundBrush().color().name() == day["chart_bg"]
    kick = tab.timeline.ticks.colour(KIND_CODE[MovementKind.KICK])
    assert kick.name() == day["kind_kick"]
    assert tab.timeline.sleep_item.colour().name() == day["sleep_band"]
    assert tab.trend.mean_items["movements"].opts["pen"].color().name() == day["chart_line"]
    axis = tab.trend.plots[0].getAxis("left")
    assert axis.textPen().color().name() == day["chart_fg"]
    lut = tab.night_map.colormap.getLookupTable(nPts=2)
    assert QColor_name(lut[-1]) == day["heat_high"]
    assert QColor_name(lut[0]) == day["heat_low"]
    assert tab.intervals.periodic_band.brush.color().name() == day["band_periodic"]
    assert tab.details.bar_items["signs"].opts["brush"].color().name() == day["chart_bar"]


def QColor_name(rgb) -> str:  # type: ignore[no-untyped-def]  # noqa: N802
    return "#" + "".join(f"{int(c):02x}" for c in list(rgb)[:3])


def test_hover_shows_exact_values(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPointF

    tab.set_range("tonight")
    chart = tab.timeline
    qtbot.waitUntil(lambda: chart.plot.getViewBox().sceneBoundingRect().width() > 100)
    scene_pos = chart.plot.getViewBox().mapViewToScene(QPointF(TONIGHT_KICKS_H[0], 0.5))
    chart.graphics.scene().sigMouseMoved.emit(scene_pos)
    assert chart.readout.text().startswith("22:00:00 · kick · episode 1 of 2")
    chart.graphics.scene().sigMouseMoved.emit(QPointF(-50, -50))  # off the plot
    assert chart.readout.text() == "Point at the chart to see exact values."


def test_reset_view_undoes_zoom(tab) -> None:  # type: ignore[no-untyped-def]
    for key in PAGES:
        tab.show_page(key)
        vb = tab.current_chart.plots[0].getViewBox()
        before = np.ravel(vb.viewRange())
        vb.scaleBy((0.5, 0.5))
        assert np.ravel(vb.viewRange()) != pytest.approx(before)
        tab.controls.reset_button.click()
        assert np.ravel(vb.viewRange()) == pytest.approx(before), key


def test_text_size_reaches_the_axes(tab) -> None:  # type: ignore[no-untyped-def]
    axis = tab.timeline.plot.getAxis("bottom")
    small = axis.style["tickFont"].pointSizeF()
    tab._ctx.theme.set_scale(1.5)
    assert axis.style["tickFont"].pointSizeF() > small * 1.3


def test_tonight_follows_the_clock_into_the_next_night(tab) -> None:  # type: ignore[no-untyped-def]
    tab.set_range("tonight")
    assert tab.timeline.night == TONIGHT
    tab._ctx.clock.advance(12 * 3600)  # 19:00 on the 24th: a new night has begun
    tab.reload()
    assert tab.timeline.night == date(2026, 11, 24)
    assert tab.nights == NightRange(date(2026, 11, 24), date(2026, 11, 24))


def test_earlier_night_puts_the_range_on_that_night(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    tab.set_range("tonight")
    for _ in range(3):
        qtbot.mouseClick(tab.stepper.earlier, Qt.MouseButton.LeftButton)
    # The range box says what every chart shows: that night, not "Tonight".
    assert tab.range_combo.currentText() == "Night of Fri, 20 Nov"
    assert tab.range_choice == "night"
    assert tab.nights == NightRange(EARLIER, EARLIER)
    assert tab.timeline.night == EARLIER
    assert tab.timeline.movement_count == 3
    assert tab.trend.data.night_idx.tolist() == [night_number(EARLIER)]
    assert tab.night_map.map.counts.sum() == 3
    assert tab.intervals.histogram.total == len(EARLIER_GAPS_S)
    qtbot.mouseClick(tab.stepper.later, Qt.MouseButton.LeftButton)
    assert tab.range_combo.currentText() == "Night of Sat, 21 Nov"
    assert tab.nights == NightRange(date(2026, 11, 21), date(2026, 11, 21))
    assert tab.timeline.night == date(2026, 11, 21)  # an empty night stays shown
    qtbot.mouseClick(tab.stepper.latest, Qt.MouseButton.LeftButton)
    assert tab.range_combo.currentText() == "Tonight"
    assert tab.nights == NightRange(TONIGHT, TONIGHT)
    assert tab.timeline.night == TONIGHT
    # Back to plain words once it is not the range shown.
    assert tab.range_combo.itemText(tab.range_combo.values().index("night")) == "One night"


def test_stepping_inside_a_longer_range_keeps_it(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    tab.set_range("7")
    for _ in range(3):
        qtbot.mouseClick(tab.stepper.earlier, Qt.MouseButton.LeftButton)
    assert tab.range_choice == "7"
    assert tab.timeline.night == EARLIER
    tab.set_range("custom", TONIGHT, TONIGHT)
    qtbot.mouseClick(tab.stepper.earlier, Qt.MouseButton.LeftButton)  # out of the range
    assert tab.range_combo.currentText() == "Night of Sun, 22 Nov"
    assert tab.nights.nights == 1
    assert not tab.from_date.isVisible()


def test_one_night_from_the_range_box(tab) -> None:  # type: ignore[no-untyped-def]
    tab.set_range("7")
    tab.show_night(EARLIER)
    combo = tab.range_combo
    combo.setCurrentIndex(combo.values().index("night"))
    combo.activated.emit(combo.currentIndex())
    assert combo.currentText() == "Night of Fri, 20 Nov"
    assert tab.nights == NightRange(EARLIER, EARLIER)


def test_night_map_shows_only_the_nights_of_the_range(tab) -> None:  # type: ignore[no-untyped-def]
    tab.show_page("map")
    vb = tab.night_map.plot.getViewBox()
    for choice, first in (("tonight", TONIGHT), ("7", date(2026, 11, 17))):
        tab.set_range(choice)
        n = tab.nights.nights
        assert vb.viewRange()[1] == pytest.approx([night_number(first), night_number(first) + n])
        vb.scaleBy((1.0, 3.0))  # zooming out adds no empty rows either
        lo, hi = vb.viewRange()[1]
        assert lo >= night_number(first) - 1e-6
        assert hi <= night_number(first) + n + 1e-6
        tab.reset_view()


def test_soothing_page_shows_what_was_tried_and_how_often_it_helped(tab) -> None:  # type: ignore[no-untyped-def]
    tab.set_range("7")
    tab.show_page("soothing")
    chart = tab.soothing
    rows = {k: i for i, k in enumerate(chart.summary.keys)}
    rocking, massage = rows["rocking"], rows["leg_massage"]
    assert chart.part_values("helped")[[rocking, massage]].tolist() == [1, 1]
    assert chart.part_values("not_helped")[[rocking, massage]].tolist() == [1, 0]
    assert chart.part_values("not_noted").sum() == 0
    assert chart.value_labels[rocking].toPlainText() == " 2 · helped 1 of 2"
    assert chart.value_labels[rows["feeding"]].toPlainText() == " 0"
    assert "how often you noted it helped" in chart.title.text()
    assert "Something tried is noted for 2 of 3 episodes" in chart.legend.text()
    assert "not a test of what works" in chart.legend.text()
    text = chart.describe_point(chart.plot, 1.0, float(rocking))
    assert text == (
        "Rocking: tried in 2 episodes; you noted it helped in 1 of the 2 with a response noted"
    )
    assert not chart.is_empty
    tab.set_range("tonight")
    assert chart.part_values("not_helped")[rocking] == 0
    tab.set_range("custom", date(2026, 11, 1), date(2026, 11, 2))
    assert chart.is_empty
    assert "key A" in chart.empty_label.text()


@pytest.mark.parametrize("size", [(1000, 520), (1256, 720)])
@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_episode_details_titles_fit(qtbot, tab, size, scale) -> None:  # type: ignore[no-untyped-def]
    """The four titles were cut off at the window's edge ("Signs noticed (% of 75 episo")."""
    tab._ctx.theme.set_scale(scale)
    tab.resize(*size)
    tab.set_range("7")
    tab.show_page("details")
    chart = tab.details
    view = chart.graphics
    qtbot.waitUntil(lambda: view.viewport().width() > 300)
    QApplication.processEvents()
    visible = view.mapToScene(view.viewport().rect()).boundingRect().adjusted(-1, -1, 1, 1)
    texts = [
        item
        for item in view.scene().items()
        if isinstance(item, QGraphicsTextItem)
        and item.isVisible()
        and "%" in item.toPlainText()
        and "(" in item.toPlainText()
    ]
    assert len(texts) == 4  # one title per breakdown, each with its "(% of …)"
    for item in texts:
        assert visible.contains(item.sceneBoundingRect()), item.toPlainText()
    for title in chart.titles.values():
        assert title.text_size().width() <= title.size().width() + 1
        assert title.text_size().height() <= title.size().height() + 1
    assert "Signs noticed (% of 3 episodes)" in [t.plain_text() for t in chart.titles.values()]
