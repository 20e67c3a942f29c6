"""Add-forgotten dialog: round radios, and fields that stay put when an error shows."""

from __future__ import annotations

import numpy as np
import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialogButtonBox, QStyle, QStyleOptionButton

from rlbaby.ui.history.add_dialog import AddWhat, HistoryAddDialog


@pytest.fixture
def dialog(qtbot, ui_ctx):  # type: ignore[no-untyped-def]
    dlg = HistoryAddDialog(
        night=None, start_hour=18, now_ms=ui_ctx.clock().utc_ms, default_text="2099-01-01 02:00"
    )
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


@pytest.mark.parametrize("theme", ["night", "day"])
def test_radio_indicators_are_round_with_a_dot(qtbot, ui_ctx, dialog, theme) -> None:  # type: ignore[no-untyped-def]
    ui_ctx.theme.set_theme(theme)
    radio = dialog.radios[AddWhat.EPISODE]
    radio.setChecked(True)
    opt = QStyleOptionButton()
    radio.initStyleOption(opt)
    rect = radio.style().subElementRect(QStyle.SubElement.SE_RadioButtonIndicator, opt, radio)
    img = radio.grab(rect).toImage().convertToFormat(QImage.Format.Format_RGBA8888)
    arr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    px = arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4)[..., :3].astype(int)
    h, w = img.height(), img.width()
    centre, corner, edge_top, between = px[h // 2, w // 2], px[0, 0], px[0, w // 2], px[h // 2, 3]
    # A square box paints its border in the corner too; a circle leaves it to the background.
    assert np.abs(corner - edge_top).sum() > 20
    assert np.abs(between - centre).sum() > 20  # a dot inside the ring, not a filled square
    dot = QColor(ui_ctx.theme.palette["focus"])
    assert np.abs(centre - [dot.red(), dot.green(), dot.blue()]).sum() < 40  # the chosen one


def test_dialog_is_wide_enough_for_its_help(dialog) -> None:  # type: ignore[no-untyped-def]
    assert dialog.width() >= 440


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_fields_keep_their_place_when_an_error_shows(qtbot, ui_ctx, scale) -> None:  # type: ignore[no-untyped-def]
    ui_ctx.theme.set_scale(scale)
    dlg = HistoryAddDialog(
        night=None, start_hour=18, now_ms=ui_ctx.clock().utc_ms, default_text="2099-01-01 02:00"
    )
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    before = {w.objectName(): w.geometry() for w in (dlg.time_edit, dlg.kind)}
    add = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert dlg.message.isVisible()
    assert "future" in dlg.message.text()
    for w in (dlg.time_edit, dlg.kind):
        assert w.geometry() == before[w.objectName()], w.objectName()
        assert w.height() >= w.sizeHint().height(), w.objectName()
    # The whole message is readable.
    need = dlg.message.heightForWidth(dlg.message.width())
    assert dlg.message.height() >= need
