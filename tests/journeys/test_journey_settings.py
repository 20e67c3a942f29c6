"""Journey 3: every setting changed through File › Settings holds at once and after a restart."""

from __future__ import annotations

import pytest
from driving import button, field_by_label, handle_modal, menu_action, open_tab, start_app

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QSpinBox

from rlbaby.demo import populate
from rlbaby.model import RedFlag, RuleSet, ThemeChoice
from rlbaby.model.emergency import default_emergency_number
from rlbaby.store import Store
from rlbaby.ui.emergency import system_country


def _spin(dlg: QDialog, label: str) -> QSpinBox:
    return field_by_label(dlg, label, QSpinBox)


def _line(dlg: QDialog, label: str) -> QLineEdit:
    return field_by_label(dlg, label, QLineEdit)


def _step(box: QSpinBox, key: Qt.Key, times: int) -> None:
    box.setFocus()
    for _ in range(times):
        QTest.keyClick(box, key)  # the arrow keys, as a parent steps a spin box


def _choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setFocus()
    combo.setCurrentIndex(index)


def change_everything(dlg: QDialog) -> dict[str, object]:
    assert dlg.windowTitle() == "Settings"
    _step(_spin(dlg, "Night starts at"), Qt.Key.Key_Up, 1)  # 18:00 -> 19:00
    _step(_spin(dlg, "Episode ends after no tap for"), Qt.Key.Key_Up, 5)  # 5 -> 10 min
    # The night-theme hours first, while the theme follows the clock...
    theme = next(c for c in dlg.findChildren(QComboBox) if c.findText("Always day theme") >= 0)
    assert theme.currentText() == "Night theme during the hours below"
    hours_from = _spin(dlg, "Night theme from")
    hours_to = _spin(dlg, "Night theme until")
    _step(hours_from, Qt.Key.Key_Down, 2)  # 20:00 -> 18:00
    _step(hours_to, Qt.Key.Key_Up, 1)  # 7:00 -> 8:00
    # ...then a fixed day theme: the hours no longer apply and cannot be edited.
    _choose(theme, "Always day theme")
    seen = {"hours_enabled": (hours_from.isEnabled(), hours_to.isEnabled())}
    rule = next(
        c
        for c in dlg.findChildren(QComboBox)
        if c.findText("Gaps of", Qt.MatchFlag.MatchStartsWith) >= 0
    )
    seen["rules"] = [rule.itemText(i) for i in range(rule.count())]
    _choose(rule, next(t for t in seen["rules"] if t.startswith("Gaps of 5 to 90")))
    _step(_spin(dlg, "Text size"), Qt.Key.Key_Up, 1)  # 100 -> 125 %
    number = _line(dlg, "Emergency number")
    seen["number_before"] = number.text()
    number.setFocus()
    number.selectAll()
    QTest.keyClicks(number, "+41 144x")  # the x is refused as it is typed
    button(dlg, r"^save$").click()
    return seen


def _check_store(store: Store) -> None:
    s = store.settings
    assert s.night_start_hour == 19
    assert s.idle_timeout_s == 600
    assert s.night_theme_from_hour == 18
    assert s.night_theme_to_hour == 8
    assert s.theme is ThemeChoice.DAY
    assert s.rule is RuleSet.AASM
    assert s.text_scale == pytest.approx(1.25)
    assert s.emergency_number == "+41 144"


def test_settings_change_everything_and_hold_after_restart(qtbot, data_dir) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir) as seed:
        populate(seed, nights=3)
    store, window = start_app(qtbot, data_dir)
    base_pt = QGuiApplication.font().pointSizeF()
    before = window.tabs.font().pointSizeF()
    assert before == pytest.approx(base_pt, abs=0.1)

    seen = handle_modal(qtbot, menu_action(window, "File", "Settings…"), change_everything)
    assert isinstance(seen, dict)
    assert seen["hours_enabled"] == (False, False)
    assert all(t.startswith("Gaps of") for t in seen["rules"])  # plain words first
    assert seen["number_before"] == default_emergency_number(system_country())
    _check_store(store)

    # At once: the day theme, the larger text and the 5-90 s rule in the charts.
    theme = window._ctx.theme
    assert theme.name == "day"
    assert not window.night_action.isChecked()
    assert window.tabs.font().pointSizeF() == pytest.approx(base_pt * 1.25, abs=0.1)
    open_tab(window, "Charts")
    label = window.charts_tab.intervals.periodic_label
    qtbot.waitUntil(lambda: "5-90 s" in label.toPlainText())
    assert window._ctx.service.store.settings.idle_timeout_s == 600
    # The urgent notice names the new number at once.
    open_tab(window, "Log")
    window.log_tab.raise_notice((RedFlag.BREATHING,))
    assert "local emergency number (+41 144)" in window.log_tab.notice.text.text()
    window.log_tab.notice.hide()

    window.close()
    store.close()
    store, window = start_app(qtbot, data_dir)
    _check_store(store)
    assert window._ctx.theme.name == "day"
    assert window.tabs.font().pointSizeF() == pytest.approx(base_pt * 1.25, abs=0.1)

    def look(dlg: QDialog) -> tuple[int, ...]:
        boxes = [
            _spin(dlg, name).value()
            for name in (
                "Night starts at",
                "Episode ends after no tap for",
                "Night theme from",
                "Night theme until",
                "Text size",
            )
        ]
        assert _line(dlg, "Emergency number").text() == "+41 144"
        combos = {c.currentText() for c in dlg.findChildren(QComboBox)}
        assert "Always day theme" in combos
        assert any(t.startswith("Gaps of 5 to 90") for t in combos)
        button(dlg, r"^cancel$").click()
        return tuple(boxes)

    shown = handle_modal(qtbot, menu_action(window, "File", "Settings…"), look)
    assert shown == (19, 10, 18, 8, 125)
    window.close()
    store.close()
