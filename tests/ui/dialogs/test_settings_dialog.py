"""Settings dialog: what the parent sees and can change (layout and widgets)."""

from __future__ import annotations

import numpy as np
import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QSpinBox, QStyle, QStyleOptionSpinBox

from rlbaby.model import RuleSet, Settings, ThemeChoice
from rlbaby.ui.dialogs.settings_dialog import SettingsDialog


@pytest.fixture
def dialog(qtbot, ui_ctx):  # type: ignore[no-untyped-def]
    dlg = SettingsDialog(Settings())
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def _arrow_pixels(box: QSpinBox, sub: QStyle.SubControl, colour: str) -> int:
    """Pixels near `colour` inside the up or down button of `box`."""
    opt = QStyleOptionSpinBox()
    box.initStyleOption(opt)  # type: ignore[attr-defined]
    rect = box.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, opt, sub, box)
    assert rect.width() >= 8, rect
    assert rect.height() >= 6, rect
    img = box.grab(rect).toImage().convertToFormat(QImage.Format.Format_RGBA8888)
    arr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    px = arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4)[..., :3].astype(int)
    c = QColor(colour)
    return int((np.abs(px - [c.red(), c.green(), c.blue()]).sum(axis=2) < 40).sum())


@pytest.mark.parametrize("theme", ["night", "day"])
def test_spin_boxes_show_dim_arrows(qtbot, ui_ctx, dialog, theme) -> None:  # type: ignore[no-untyped-def]
    ui_ctx.theme.set_theme(theme)
    qtbot.wait(10)
    dim = ui_ctx.theme.palette["text_dim"]
    for box in (dialog.night_start, dialog.idle, dialog.text):
        box.setValue(box.minimum() + box.singleStep())  # both arrows enabled
        up = _arrow_pixels(box, QStyle.SubControl.SC_SpinBoxUp, dim)
        down = _arrow_pixels(box, QStyle.SubControl.SC_SpinBoxDown, dim)
        assert up >= 6, (theme, box.objectName())
        assert down >= 6, (theme, box.objectName())


def test_up_arrow_click_steps_the_value(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    box = dialog.idle
    start = box.value()
    opt = QStyleOptionSpinBox()
    box.initStyleOption(opt)
    rect = box.style().subControlRect(
        QStyle.ComplexControl.CC_SpinBox, opt, QStyle.SubControl.SC_SpinBoxUp, box
    )
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=rect.center())
    assert box.value() == start + 1


def test_night_theme_hours_only_editable_when_automatic(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    combo = dialog.theme
    texts = [combo.itemText(i) for i in range(combo.count())]
    for text, editable in (
        ("Always day theme", False),
        ("Always night theme", False),
        ("Night theme during the hours below", True),
    ):
        combo.setCurrentIndex(texts.index(text))
        assert dialog.theme_from.isEnabled() is editable, text
        assert dialog.theme_to.isEnabled() is editable, text


def test_hours_disabled_when_opened_on_a_fixed_theme(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    dlg = SettingsDialog(Settings(theme=ThemeChoice.DAY))
    qtbot.addWidget(dlg)
    assert not dlg.theme_from.isEnabled()
    assert not dlg.theme_to.isEnabled()


def test_rules_are_in_plain_words_with_the_name_in_the_tooltip(dialog) -> None:  # type: ignore[no-untyped-def]
    combo = dialog.rule
    for i, rule in enumerate(RuleSet):
        text = combo.itemText(i)
        tip = combo.itemData(i, Qt.ItemDataRole.ToolTipRole)
        low, high = (round(v) for v in rule.interval_s)
        assert text.startswith(f"Gaps of {low} to {high} seconds"), text
        assert rule.value.upper() in tip
    assert combo.currentIndex() == list(RuleSet).index(Settings().rule)


def test_every_label_and_field_fits(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.adjustSize()
    combo = dialog.rule
    for i in range(combo.count()):
        need = combo.fontMetrics().horizontalAdvance(combo.itemText(i))
        assert combo.width() > need, combo.itemText(i)


def test_emergency_number_defaults_to_the_country_and_refuses_a_lone_plus(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = SettingsDialog(Settings(), country="GB")
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.emergency.text() == "999"
    assert dlg.result_settings().emergency_number == ""  # still follows the country
    dlg.emergency.clear()
    qtbot.keyClicks(dlg.emergency, "+")
    dlg.accept()
    assert dlg.isVisible()  # not saved
    assert "emergency number" in dlg.problem.text()
    qtbot.keyClicks(dlg.emergency, "44 999")
    dlg.accept()
    assert dlg.result() == dlg.DialogCode.Accepted
    assert dlg.result_settings().emergency_number == "+44 999"
