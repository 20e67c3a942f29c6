"""The main window: tabs Log, Charts, Guide and History, menus and shortcuts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from rlbaby.content import Guide
from rlbaby.store import StoreError
from rlbaby.ui.charts_tab import ChartsTab
from rlbaby.ui.child_dialog import ChildDialog
from rlbaby.ui.context import UiContext
from rlbaby.ui.dialogs import confirm, inform, open_path, save_path
from rlbaby.ui.guide_tab import GuideTab
from rlbaby.ui.history_tab import HistoryTab
from rlbaby.ui.log_tab import LogTab
from rlbaby.ui.settings_dialog import SettingsDialog
from rlbaby.ui.shortcuts_dialog import ShortcutsDialog


class MainWindow(QMainWindow):
    def __init__(self, ctx: UiContext, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self._ctx = ctx
        self.guide = guide
        title = "rlbaby"
        if ctx.store.readonly:
            title += " (read-only: another copy is writing)"
        self.setWindowTitle(title)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.log_tab = LogTab(ctx, guide)
        self.charts_tab = ChartsTab(ctx)
        self.guide_tab = GuideTab(ctx, guide)
        self.history_tab = HistoryTab(ctx)
        for w, name in (
            (self.log_tab, "Log"),
            (self.charts_tab, "Charts"),
            (self.guide_tab, "Guide"),
            (self.history_tab, "History"),
        ):
            self.tabs.addTab(w, name)
        self.setCentralWidget(self.tabs)
        self.log_tab.add_child_requested.connect(self.add_child)
        self.log_tab.edit_child_requested.connect(self.edit_child)
        self.log_tab.guide_requested.connect(self.show_guide)
        self._build_menus()
        self.resize(1024, 640)
        self.setMinimumSize(800, 560)

    # --- menus ---------------------------------------------------------------

    def _action(self, menu, text: str, slot, shortcut: str | QKeySequence | None = None, name: str = "") -> QAction:  # type: ignore[no-untyped-def]
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if name:
            act.setObjectName(name)
        act.triggered.connect(slot)
        menu.addAction(act)
        self.addAction(act)
        return act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self._action(file, "Add child…", self.add_child, name="act_add_child")
        file.addSeparator()
        self._action(file, "Import…", self.import_file, name="act_import")
        self._action(file, "Export…", self.export_file, name="act_export")
        file.addSeparator()
        self._action(file, "Settings…", self.edit_settings, name="act_settings")
        file.addSeparator()
        self._action(file, "Quit", self.close, QKeySequence.StandardKey.Quit, name="act_quit")
        edit = bar.addMenu("&Edit")
        self._action(edit, "Undo", self.log_tab.undo, "Ctrl+Z", name="act_undo")
        self._action(edit, "Redo", self.log_tab.redo, "Ctrl+Shift+Z", name="act_redo")
        view = bar.addMenu("&View")
        self.night_action = self._action(view, "Night theme", self.toggle_theme, "N", name="act_night")
        self.night_action.setCheckable(True)
        self.night_action.setChecked(self._ctx.theme.is_night)
        self._ctx.theme.theme_changed.connect(
            lambda name: self.night_action.setChecked(name == "night")
        )
        self._action(view, "Larger text", lambda: self.change_text(0.25), "Ctrl++", name="act_bigger")
        self._action(view, "Smaller text", lambda: self.change_text(-0.25), "Ctrl+-", name="act_smaller")
        view.addSeparator()
        for i, name in enumerate(("Log", "Charts", "Guide", "History")):
            self._action(view, name, lambda _c=False, i=i: self.tabs.setCurrentIndex(i), f"Ctrl+{i + 1}")
        for i in range(9):
            act = QAction(self)
            act.setShortcut(QKeySequence(f"Alt+{i + 1}"))
            act.triggered.connect(lambda _c=False, i=i: self._select_child_index(i))
            self.addAction(act)
        help_ = bar.addMenu("&Help")
        self._action(help_, "Keyboard shortcuts", lambda: ShortcutsDialog.ask(self), "F1", name="act_shortcuts")
        self._action(help_, "About rlbaby", self.about, name="act_about")

    # --- actions -------------------------------------------------------------

    def _select_child_index(self, i: int) -> None:
        kids = self._ctx.store.children()
        if i < len(kids):
            self._ctx.selection.select(kids[i].id)

    def toggle_theme(self) -> None:
        self._ctx.theme.toggle()

    def change_text(self, delta: float) -> None:
        s = self._ctx.store.settings
        scale = min(2.0, max(0.75, s.text_scale + delta))
        self._save_settings(replace(s, text_scale=scale))
        self._ctx.theme.set_scale(scale)

    def _save_settings(self, settings) -> bool:  # type: ignore[no-untyped-def]
        try:
            self._ctx.store.save_settings(settings)
        except StoreError as exc:
            self.error(str(exc))
            return False
        return True

    def edit_settings(self) -> None:
        new = SettingsDialog.ask(self._ctx.store.settings, self)
        if new is None or not self._save_settings(new):
            return
        self._ctx.theme.set_scale(new.text_scale)
        from rlbaby.ui.app import theme_for

        self._ctx.theme.set_theme(theme_for(new))
        self._ctx.bridge.data_replaced.emit()
        self.log_tab.reload()

    def add_child(self) -> None:
        child = ChildDialog.ask(None, self)
        if child is None:
            return
        try:
            saved = self._ctx.service.add_child(child)
        except StoreError as exc:
            self.error(str(exc))
            return
        self.log_tab.child_bar.reload()
        self._ctx.selection.select(saved.id)

    def edit_child(self, child_id: str) -> None:
        current = self._ctx.store.child(child_id)
        if current is None:
            return
        child = ChildDialog.ask(current, self)
        if child is None:
            return
        try:
            self._ctx.service.update(current, **{f: getattr(child, f) for f in (
                "name", "birth_date", "born_early", "family_history", "labs", "notes")})
        except StoreError as exc:
            self.error(str(exc))
            return
        self.log_tab.child_bar.reload()

    def show_guide(self, slug: str) -> None:
        self.tabs.setCurrentWidget(self.guide_tab)
        show = getattr(self.guide_tab, "show_section", None)
        if show is not None:
            show(slug)

    def import_file(self) -> None:
        from rlbaby.store.exchange import apply_import, plan_import

        path = open_path(self, "Import", "rlbaby exports (*.csv *.zip *.json)")
        if path is None:
            return
        try:
            plan = plan_import(self._ctx.store, Path(path))
        except StoreError as exc:
            self.error(f"Nothing was imported. {exc}")
            return
        if plan.empty:
            inform(self, "Import", f"{path.name}: everything is already here.")
            return
        if not confirm(self, "Import", f"Importing {path.name} {plan.summary()}.\n\nImport it?", "Import"):
            return
        try:
            apply_import(self._ctx.store, plan)
        except StoreError as exc:
            self.error(f"Nothing was imported. {exc}")
            return
        self._ctx.bridge.data_replaced.emit()
        self.log_tab.child_bar.reload()
        self.log_tab.reload()

    def export_file(self) -> None:
        from rlbaby.store.exchange import export_csv, export_json

        picked = save_path(
            self,
            "Export",
            "CSV tables in a zip (*.zip);;CSV files (*.csv);;Full JSON (*.json)",
            Path.home() / "rlbaby-export.zip",
        )
        if picked is None:
            return
        path, chosen = picked
        try:
            if path.suffix.lower() == ".json" or "JSON" in chosen:
                export_json(self._ctx.store, path)
            else:
                export_csv(self._ctx.store, path)
        except StoreError as exc:
            self.error(str(exc))
            return
        self.statusBar().showMessage(f"Exported to {path}", 8000)

    def about(self) -> None:
        inform(
            self,
            "About rlbaby",
            "rlbaby helps you note your baby's night-time leg movements and talk about them "
            "with your doctor. It does not diagnose anything.",
        )

    def error(self, message: str) -> None:
        inform(self, "rlbaby", message)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.log_tab.sheet._save_note()
        super().closeEvent(event)
