"""Add-forgotten dialog: round radios, and fields that stay put when an error shows."""

from __future__ import annotations

import numpy as np
import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialogButtonBox, QStyle, QStyleOptionButton

from rlbaby.ui.history_add_dialog import AddWhat, HistoryAddDialog


@pytest.fixture
def dialog(qtbot, ui_ctx):  # type: ignore[no-untyped-def]
    dlg = HistoryAddDialog(
        night=None, start_hour=18, now_ms=ui_ctx.clock().utc_ms, default_text="2099-01-01 02:00"
    )
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def test_radio_indicators_are_round(dialog) -> None:  # type: ignore[no-untyped-def]
    radio = dialog.radios[AddWhat.EPISODE]
    opt = QStyleOptionButton()
    radio.initStyleOption(opt)
    rect = radio.style().subElementRect(QStyle.SubElement.SE_RadioButtonIndicator, opt, radio)
    img = radio.grab(rect).toImage().convertToFormat(QImage.Format.Format_RGBA8888)
    arr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    px = arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4)[..., :3].astype(int)
    centre = px[img.height() // 2, img.width() // 2]
    corner = px[0, 0]
    edge_top = px[0, img.width() // 2]
    # A square box paints its border in the corner too; a circle leaves it to the background.
    assert np.abs(edge_top - centre).sum() > 20  # the ring is there
    assert np.abs(corner - edge_top).sum() > 20  # but not in the corner


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
