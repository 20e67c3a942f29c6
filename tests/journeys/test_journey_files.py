"""Journey 5 (files): export CSV and JSON, import them into fresh folders through the
preview dialog, and make the doctor's report, all through the File menu."""

from __future__ import annotations

from pathlib import Path

from driving import (
    add_child,
    button,
    choose_file,
    handle_modals,
    menu_action,
    press,
    start_app,
    tap,
)
from pypdf import PdfReader

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLineEdit

from rlbaby.ui.main_window import MainWindow


def add_child_and_tap(qtbot, window: MainWindow, name: str, taps: int) -> None:  # type: ignore[no-untyped-def]
    add_child(qtbot, window, name)
    for _ in range(taps):
        tap(qtbot, window)


def import_into(qtbot, folder: Path, source: Path) -> tuple[list[str], int]:  # type: ignore[no-untyped-def]
    store, window = start_app(qtbot, folder)
    texts = handle_modals(
        qtbot,
        menu_action(window, "File", "Import…"),
        [choose_file(source), press(r"^import$")],
    )
    names = sorted(c.name for c in store.children())
    count = len(store.movements())
    qtbot.waitUntil(
        lambda: any(b.text() == "Ada" for b in window.log_tab.child_bar.buttons.values())
    )
    assert "Ada" in str(texts[1])  # the preview names what it will add
    window.close()
    store.close()
    return names, count


def test_export_import_and_report_through_the_file_menu(qtbot, tmp_path):
    store, window = start_app(qtbot, tmp_path / "first")
    add_child_and_tap(qtbot, window, "Ada", 4)

    out_json = tmp_path / "out" / "log.json"
    out_json.parent.mkdir()
    said = handle_modals(
        qtbot,
        menu_action(window, "File", "Export…"),
        [choose_file(out_json, "JSON"), press(r"^ok$")],
    )
    assert out_json.is_file()
    assert str(out_json) in str(said[1])
    out_zip = tmp_path / "out" / "log.zip"
    handle_modals(
        qtbot,
        menu_action(window, "File", "Export…"),
        [choose_file(out_zip, "zip"), press(r"^ok$")],
    )
    assert out_zip.is_file()

    pdf = tmp_path / "out" / "report.pdf"

    def report(dlg: QDialog) -> None:
        out = dlg.findChild(QLineEdit, "report_out")
        assert out is not None
        out.selectAll()
        QTest.keyClicks(out, str(pdf))
        button(dlg, r"^make report$").click()

    said = handle_modals(
        qtbot,
        menu_action(window, "File", "Report for the doctor…"),
        [report, press(r"^close$")],
    )
    assert "pages" in str(said[1])
    assert len(PdfReader(pdf).pages) >= 2
    assert "Ada" in PdfReader(pdf).pages[0].extract_text()
    window.close()
    store.close()

    assert import_into(qtbot, tmp_path / "from-json", out_json) == (["Ada"], 4)
    assert import_into(qtbot, tmp_path / "from-zip", out_zip) == (["Ada"], 4)
