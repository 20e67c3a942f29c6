"""Child dialog: the lab table, the error line and the birth-date tick, as seen."""

from __future__ import annotations

import numpy as np
import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialogButtonBox, QStyle, QStyleOptionButton

from rlbaby.model import Child, LabResult
from rlbaby.ui.dialogs.child_dialog import ChildDialog


@pytest.fixture
def dialog(qtbot, ui_ctx):  # type: ignore[no-untyped-def]
    child = Child("Ada", labs=(LabResult("Ferritin", "22", "µg/L", None),))
    dlg = ChildDialog(child)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def _near(image: QImage, colour: str, tolerance: int = 40) -> int:
    img = image.convertToFormat(QImage.Format.Format_RGBA8888)
    arr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    px = arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4)[..., :3].astype(int)
    c = QColor(colour)
    return int((np.abs(px - [c.red(), c.green(), c.blue()]).sum(axis=2) < tolerance).sum())


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_lab_table_shows_every_column_whole(qtbot, ui_ctx, scale) -> None:  # type: ignore[no-untyped-def]
    ui_ctx.theme.set_scale(scale)
    dlg = ChildDialog(Child("Ada"))
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    table = dlg.labs
    header = table.horizontalHeader()
    visible = table.viewport().width()
    for c in range(table.columnCount()):
        title = table.horizontalHeaderItem(c).text()
        right = table.columnViewportPosition(c) + table.columnWidth(c)
        assert right <= visible, title
        assert table.columnWidth(c) > header.fontMetrics().horizontalAdvance(title), title
    assert not table.horizontalScrollBar().isVisible()


def test_no_error_box_until_there_is_an_error(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    assert not dialog.message.isVisible()
    table = dialog.labs
    table.setCurrentCell(1, 1)
    table.item(1, 1).setText("15")  # a value without a test name
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.message.isVisible()
    assert "test and its value" in dialog.message.text()


@pytest.mark.parametrize("theme", ["night", "day"])
def test_known_checkbox_shows_a_tick(qtbot, ui_ctx, dialog, theme) -> None:  # type: ignore[no-untyped-def]
    ui_ctx.theme.set_theme(theme)
    box = dialog.has_birth
    opt = QStyleOptionButton()
    box.initStyleOption(opt)
    rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, opt, box)
    box.setChecked(True)
    image = box.grab(rect).toImage()
    # A tick in its own colour on the accent square, not just a filled square.
    assert _near(image, ui_ctx.theme.palette["accent_text"]) >= 8
    assert _near(image, ui_ctx.theme.palette["accent"]) >= 8
