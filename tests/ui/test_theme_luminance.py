"""Night theme: nothing near white, anywhere. Grabs real widgets and measures pixels."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLineEdit, QMenu, QStyle, QToolButton, QWidget

from rlbaby.content import Guide
from rlbaby.demo import populate
from rlbaby.store.backup import BackupManager
from rlbaby.store.exchange import export_json, plan_import
from rlbaby.ui.dialogs.child_dialog import ChildDialog
from rlbaby.ui.dialogs.common import file_dialog, message_box
from rlbaby.ui.dialogs.import_dialog import ImportDialog
from rlbaby.ui.dialogs.report_dialog import ReportDialog
from rlbaby.ui.dialogs.restore_dialog import RestoreDialog
from rlbaby.ui.dialogs.settings_dialog import SettingsDialog
from rlbaby.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from rlbaby.ui.history.add_dialog import HistoryAddDialog
from rlbaby.ui.main_window import MainWindow
from rlbaby.ui.theme import load_palette, render_qss

# Rec. 601 luma on 0-255. The brightest night token (text) is ~149.
MAX_NIGHT_LUMA = 165
MIN_DAY_CONTRAST = 100  # day theme: text must stand out from the background


def luma(image: QImage) -> np.ndarray:
    img = image.convertToFormat(QImage.Format.Format_RGBA8888)
    arr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    px = arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4).astype(np.float64)
    return 0.299 * px[..., 0] + 0.587 * px[..., 1] + 0.114 * px[..., 2]


def _with_backup(ctx) -> Path:  # type: ignore[no-untyped-def]
    BackupManager(ctx.store).backup_now(reason="manual")
    return Path(ctx.store.data_dir)


def _plan(ctx):  # type: ignore[no-untyped-def]
    out = Path(ctx.store.data_dir).parent / "export.json"
    export_json(ctx.store, out)
    return plan_import(ctx.store, out)


def brightest(widget: QWidget) -> float:
    return float(luma(widget.grab().toImage()).max())


@pytest.fixture
def window(qtbot, ui_ctx):  # type: ignore[no-untyped-def]
    populate(ui_ctx.store, nights=10)
    w = MainWindow(ui_ctx, Guide())
    qtbot.addWidget(w)
    w.resize(1024, 600)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_every_night_token_is_dim() -> None:
    pal = load_palette("night")
    for name, colour in pal.items():
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert 0.299 * r + 0.587 * g + 0.114 * b <= MAX_NIGHT_LUMA, name


def test_qss_tokens_all_defined() -> None:
    for name in ("night", "day"):
        assert "{{" not in render_qss(load_palette(name), 10, 1.0)


def test_qss_pictures_exist() -> None:
    qss = render_qss(load_palette("night"), 10, 1.0)
    names = re.findall(r"url\(([^)]+)\)", qss)
    assert names
    for name in names:
        assert Path(name).is_file(), name


def test_main_window_tabs_are_dim_at_night(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    assert window._ctx.theme.is_night
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        qtbot.wait(10)
        assert brightest(window) <= MAX_NIGHT_LUMA, window.tabs.tabText(i)


def test_log_tab_with_sheet_and_notice_is_dim(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    log = window.log_tab
    log._on_target_tapped()
    log.settle()
    log.notice.show()
    log.show_error("Not saved. Could not save: the disk is full.")
    qtbot.wait(10)
    assert brightest(window) <= MAX_NIGHT_LUMA


@pytest.mark.parametrize(
    "make",
    [
        lambda ctx: ChildDialog(ctx.store.children()[0]),
        lambda ctx: SettingsDialog(ctx.store.settings),
        lambda ctx: ShortcutsDialog(),
        lambda ctx: message_box(None, "rlbaby", "Could not save.", "Nothing was lost."),
        lambda ctx: file_dialog(None, "Export", "/tmp", "CSV (*.csv)"),
        lambda ctx: ReportDialog(
            ctx.store.children(), ctx.selection.child_id, date.today(), Path("/tmp")
        ),
        lambda ctx: RestoreDialog(_with_backup(ctx)),
        lambda ctx: ImportDialog(_plan(ctx), ctx.store),
        lambda ctx: HistoryAddDialog(
            night=None, start_hour=18, now_ms=ctx.clock().utc_ms, default_text=""
        ),
    ],
    ids=["child", "settings", "shortcuts", "message", "file", "report", "restore", "import", "add"],
)
def test_dialogs_are_dim_at_night(qtbot, window, make) -> None:  # type: ignore[no-untyped-def]
    dlg = make(window._ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert brightest(dlg) <= MAX_NIGHT_LUMA


def test_menus_are_dim_at_night(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    menus = window.menuBar().findChildren(QMenu)
    assert menus
    for menu in menus:
        menu.adjustSize()
        assert brightest(menu) <= MAX_NIGHT_LUMA, menu.title()


def test_theme_switches_live_to_readable_day(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.toggle_theme()
    assert not window._ctx.theme.is_night
    img = luma(window.grab().toImage())
    assert img.max() - img.min() >= MIN_DAY_CONTRAST
    assert float(np.median(img)) > 200  # a light theme
    window.toggle_theme()
    assert brightest(window) <= MAX_NIGHT_LUMA


# --- icons and the caret: dim at night, but there -----------------------------------

BRIGHT_ICONS = [
    QStyle.StandardPixmap.SP_DialogSaveButton,
    QStyle.StandardPixmap.SP_DialogOpenButton,
    QStyle.StandardPixmap.SP_DialogOkButton,
    QStyle.StandardPixmap.SP_LineEditClearButton,
    QStyle.StandardPixmap.SP_FileDialogBack,
    QStyle.StandardPixmap.SP_FileDialogNewFolder,
]


def _visible_luma(image: QImage) -> np.ndarray:
    """Luma of the pixels an icon actually paints (alpha above a quarter)."""
    img = image.convertToFormat(QImage.Format.Format_RGBA8888)
    arr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    px = arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4).astype(np.float64)
    seen = px[..., 3] > 64
    return (0.299 * px[..., 0] + 0.587 * px[..., 1] + 0.114 * px[..., 2])[seen]


@pytest.mark.parametrize("which", BRIGHT_ICONS, ids=lambda sp: sp.name)
def test_standard_icons_are_there_and_dim_at_night(qapp, ui_ctx, which) -> None:  # type: ignore[no-untyped-def]
    assert ui_ctx.theme.is_night
    pixels = _visible_luma(qapp.style().standardIcon(which).pixmap(32).toImage())
    assert pixels.size > 20, "the icon is empty"
    assert pixels.max() <= MAX_NIGHT_LUMA


def test_standard_icons_follow_the_theme_live(qapp, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    icon = qapp.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton)
    night = _visible_luma(icon.pixmap(32).toImage()).max()
    ui_ctx.theme.set_theme("day")
    day = _visible_luma(icon.pixmap(32).toImage()).max()
    assert night <= MAX_NIGHT_LUMA < day  # the same icon: Qt's own colours by day


def test_file_dialog_toolbar_shows_dim_icons(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    dlg = file_dialog(None, "Export", "/tmp", "CSV (*.csv)")
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    buttons = [b for b in dlg.findChildren(QToolButton) if b.isVisible()]
    assert len(buttons) >= 4
    for b in buttons:
        img = luma(b.grab().toImage())
        # An icon is drawn: more than the background and the border's few shades.
        assert len(np.unique(np.round(img))) > 6, b.objectName()
        assert img.max() <= MAX_NIGHT_LUMA, b.objectName()


def _caret_pixels(field: QLineEdit) -> int:
    """Pixels of the focus colour inside the field, away from its 2 px focus border."""
    img = field.grab().toImage().convertToFormat(QImage.Format.Format_RGBA8888)
    arr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    px = arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4)[4:-4, 4:-4, :3]
    focus = QColor(load_palette("night")["focus"])
    want = np.array([focus.red(), focus.green(), focus.blue()])
    return int((np.abs(px.astype(int) - want).sum(axis=2) < 30).sum())


def test_night_caret_is_drawn_dim_and_blinks(qtbot, qapp, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    host = QWidget()
    qtbot.addWidget(host)
    field = QLineEdit("a note", host)
    field.resize(200, 36)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    caret = ui_ctx.theme.caret
    qtbot.waitUntil(lambda: caret.bar is not None and caret.bar.isVisible())
    field.setCursorPosition(2)
    assert _caret_pixels(field) >= 10  # a bar of the focus colour, about 2 x 15 px
    assert brightest(field) <= MAX_NIGHT_LUMA
    # It blinks: the bar goes and comes back on the platform's rhythm.
    qtbot.waitUntil(lambda: not caret.bar.isVisible(), timeout=3000)
    assert _caret_pixels(field) == 0
    qtbot.waitUntil(lambda: caret.bar.isVisible(), timeout=3000)
    # Beside the text, which a tall field centres, not at the field's top.
    field.resize(200, 56)
    qtbot.waitUntil(lambda: abs(caret.bar.geometry().center().y() - field.height() / 2) <= 4)
    # Typing moves it with the cursor.
    before = caret.bar.x()
    qtbot.keyClicks(field, "xyz")
    assert caret.bar.x() > before


def test_day_caret_is_qts_own(qtbot, qapp, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    ui_ctx.theme.set_theme("day")
    assert qapp.style().pixelMetric(QStyle.PixelMetric.PM_TextCursorWidth) >= 1
    assert ui_ctx.theme.caret.bar is None


def test_qss_pictures_fall_back_when_the_shared_folder_is_not_writable(qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from rlbaby.ui.theme_style import indicator_images

    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    images = indicator_images(load_palette("night"), blocked / "pictures")
    assert images
    for name in images.values():
        assert Path(name).is_file()
        assert not Path(name).is_relative_to(blocked)
