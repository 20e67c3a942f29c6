"""Help > About names the version (issue 10)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from rlbaby import __version__, version
from rlbaby.content import Guide
from rlbaby.ui.main_window import MainWindow


def test_about_shows_the_version(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ui_ctx, Guide())
    qtbot.addWidget(window)
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(f"{box.windowTitle()} | {box.text()} | {box.informativeText()}")
        ok = [b for b in box.buttons() if b.text().replace("&", "") == "OK"]
        ok[0].click()

    QTimer.singleShot(0, read_and_close)
    action = window.findChild(type(window.night_action), "act_about")
    assert action is not None
    assert action.text() == "About rlbaby"
    action.trigger()
    assert len(seen) == 1
    assert f"rlbaby {version()}" in seen[0]
    assert version() == __version__  # the checkout and its installed metadata agree
    assert "does not diagnose" in seen[0]
