"""The night caret (rlbaby/ui/caret.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLineEdit, QVBoxLayout, QWidget

from rlbaby.ui.caret import CaretOverlay


def test_a_new_overlay_takes_away_the_caret_an_earlier_one_left(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    field = QLineEdit(window)
    QVBoxLayout(window).addWidget(field)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: qapp.focusWidget() is field)

    first = CaretOverlay(qapp)
    first.set_enabled(True)
    qtbot.waitUntil(lambda: first.bar is not None and first.bar.isVisible())
    left = first.bar
    # The first overlay's owner goes away without detaching (as a theme
    # manager replaced at a reopen does); the next overlay clears its bar.
    qapp.focusChanged.disconnect(first._on_app_focus_changed)
    first.setParent(None)

    CaretOverlay(qapp)
    assert left is not None
    assert not left.isVisible()
    qtbot.waitUntil(lambda: not field.findChildren(QFrame, "text_caret"))
