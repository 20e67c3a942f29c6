"""What a screen reader hears and a keyboard user sees: roles, chart summaries,
the focus ring in both themes. (The walk over every control is a journey:
tests/journeys/test_journey_accessibility.py.)"""

from __future__ import annotations

import numpy as np
import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QImage
from PySide6.QtWidgets import QPushButton, QWidget

from rlbaby.content import Guide
from rlbaby.model import Sign, Soothing, StoppedWhenWoken
from rlbaby.ui.charts.tab import ChartsTab
from rlbaby.ui.log.tab import LogTab


def _activate(qtbot, w: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Focus needs an active window; offscreen ones become active only when asked."""
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)


@pytest.fixture
def tab(qtbot, ui_ctx) -> LogTab:  # type: ignore[no-untyped-def]
    w = LogTab(ui_ctx, Guide())
    qtbot.addWidget(w)
    w.resize(1024, 640)
    w.show()
    qtbot.waitExposed(w)
    _activate(qtbot, w)
    return w


def _role(w: QWidget) -> QAccessible.Role:
    iface = QAccessible.queryAccessibleInterface(w)
    assert iface is not None
    return iface.role()


def test_the_tap_target_is_a_button(tab) -> None:  # type: ignore[no-untyped-def]
    assert _role(tab.target) == QAccessible.Role.Button
    iface = QAccessible.queryAccessibleInterface(tab.target)
    assert iface.text(QAccessible.Text.Name) == "Log a movement"
    assert "Space" in iface.text(QAccessible.Text.Description)


def test_a_click_on_the_target_logs_once(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    """As a button it has its own click signals; the tap stays one movement, on press."""
    qtbot.mouseClick(tab.target, Qt.MouseButton.LeftButton)
    assert len(tab._ctx.store.movements()) == 1


def test_sheet_chips_and_help_buttons_name_their_question(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    tab.open_sheet()
    woken = tab.sheet.groups["stopped_when_woken"].buttons
    assert woken[StoppedWhenWoken.YES].accessibleName() == "Stopped when woken: yes"
    assert woken[StoppedWhenWoken.NO].accessibleName() == "Stopped when woken: no"
    assert tab.sheet.groups["soothing"].buttons[Soothing.ROCKING].accessibleName() == (
        "Soothing tried: rocking"
    )
    helps = {b.accessibleName() for b in tab.sheet.findChildren(QPushButton) if b.text() == "?"}
    assert helps == {
        "Guide: Soothing tried",
        "Guide: Response",
        "Guide: Stopped when woken",
        "Guide: Associated signs",
        "Guide: Possible triggers",
    }
    # A ticked urgent sign keeps its spoken name (its text gains a check mark).
    chip = tab.sheet.groups["signs"].buttons[Sign.STIFFNESS]
    chip.click()
    assert chip.text().startswith("✓")
    assert chip.accessibleName() == "Associated signs: stiffness"


def test_charts_say_what_they_show_and_the_figures_of_now(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    charts = ChartsTab(ui_ctx)
    qtbot.addWidget(charts)
    charts.resize(1000, 640)
    charts.show()
    qtbot.waitExposed(charts)
    cid = ui_ctx.selection.child_id
    charts.set_range("tonight")
    assert charts.timeline.accessibleName() == "Night timeline"
    assert charts.timeline.graphics.accessibleName() == "Night timeline"  # it takes the focus
    empty = charts.timeline.accessibleDescription()
    assert empty.startswith("Each movement of one night")
    clock = ui_ctx.clock
    for _ in range(3):
        ui_ctx.service.record_movement(cid)
        clock.advance(30)
    # The live timeline's words follow each tap, without a redraw of the tab.
    said = charts.timeline.graphics.accessibleDescription()
    last = ui_ctx.store.movements(cid).local_ms[-1]
    hhmm = f"{last // 3_600_000 % 24:02d}:{last // 60_000 % 60:02d}"
    assert "3 movements on the night of" in said
    assert f"the last at {hhmm}" in said
    charts.reload()
    assert "3 movements on the night of" in charts.timeline.accessibleDescription()
    assert "3 movements over 1 night" in charts.night_map.accessibleDescription()
    assert "2 gaps within episodes" in charts.intervals.accessibleDescription()
    for chart in charts.charts.values():
        assert chart.accessibleName(), type(chart).__name__
        assert chart.accessibleDescription() == chart.graphics.accessibleDescription()
    for words in (c.accessibleDescription() for c in charts.charts.values()):
        assert "PLMS" not in words
        assert "diagnos" not in words.lower()


# --- the focus ring ----------------------------------------------------------------------


def _pixels(w: QWidget) -> np.ndarray:
    img = w.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    arr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    return arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4)[..., :3].astype(int)


def _ring_pixels(qtbot, w: QWidget, elsewhere: QWidget) -> int:  # type: ignore[no-untyped-def]
    """How many pixels of `w` change when it takes the keyboard focus."""
    elsewhere.setFocus()
    qtbot.waitUntil(elsewhere.hasFocus)
    before = _pixels(w)
    w.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(w.hasFocus)
    after = _pixels(w)
    assert before.shape == after.shape
    return int((np.abs(before - after).sum(axis=2) > 24).sum())


@pytest.mark.parametrize("theme", ["night", "day"])
def test_a_focused_control_shows_a_ring_in_both_themes(qtbot, tab, theme) -> None:  # type: ignore[no-untyped-def]
    tab._ctx.theme.set_theme(theme)
    qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    tab.open_sheet()
    sheet = tab.sheet
    chosen = sheet.groups["soothing"].buttons[Soothing.ROCKING]
    urgent = sheet.groups["signs"].buttons[Sign.STIFFNESS]
    chosen_urgent = sheet.groups["signs"].buttons[Sign.EYES_ROLLING]
    chosen.click()
    chosen_urgent.click()
    tab.raise_notice(())  # the notice above the target: its buttons too
    tab.toggle_sleep()  # "Asleep since …": a checked button
    assert tab.sleep_button.isChecked()
    controls = {
        "a button": tab.kind_buttons[next(iter(tab.kind_buttons))],
        "a checked button": tab.sleep_button,
        "a chip": next(iter(sheet.groups["onset_state"].buttons.values())),
        "a chosen chip": chosen,
        "an urgent chip": urgent,
        "a chosen urgent chip": chosen_urgent,
        "the note": sheet.note,
        "the tap target": tab.target,
        "the child's Edit": tab.child_bar.edit_button,
        "the notice's Close": tab.notice.buttons[-1],
    }
    for what, w in controls.items():
        sheet.ensureWidgetVisible(w)
        elsewhere = tab.undo_button if w is not tab.undo_button else tab.target
        ring = _ring_pixels(qtbot, w, elsewhere if elsewhere.isVisible() else tab.target)
        # At least a one-pixel line around half of it: a ring, not a speck.
        assert ring >= w.width() + w.height(), f"{what}: only {ring} pixels change on focus"
