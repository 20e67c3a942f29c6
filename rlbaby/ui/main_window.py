"""The main window: tabs Log, Charts, Guide and History, menus and shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QTabWidget, QVBoxLayout, QWidget

from rlbaby import version
from rlbaby.content import Guide
from rlbaby.model import Settings
from rlbaby.services import SettingsChanged
from rlbaby.store import StoreError
from rlbaby.ui.context import UiContext
from rlbaby.ui.dialogs.child_dialog import ChildDialog
from rlbaby.ui.dialogs.common import confirm, inform
from rlbaby.ui.dialogs.settings_dialog import SettingsDialog
from rlbaby.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from rlbaby.ui.log.tab import LogTab
from rlbaby.ui.readonly.banner import ReadOnlyBanner
from rlbaby.ui.readonly.mode import ReadOnlyMode
from rlbaby.ui.screen_fit import fit_to_screen
from rlbaby.ui.theme import theme_for

if TYPE_CHECKING:
    from rlbaby.ui.charts.tab import ChartsTab
    from rlbaby.ui.guide.tab import GuideTab
    from rlbaby.ui.history.tab import HistoryTab

# The tabs in order: a key for code, a label for the parent.
TAB_KEYS = ("log", "charts", "guide", "history")


class MainWindow(QMainWindow):
    def __init__(self, ctx: UiContext, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self._ctx = ctx
        self.guide = guide
        self.manual_theme = False
        ctx.bridge.settings_changed.connect(self._on_bridge_settings_changed)
        self._session_scale = ctx.store.settings.text_scale
        title = "rlbaby"
        if ctx.store.readonly:
            title += self.tr(" (read-only: another copy is writing)")
        self.setWindowTitle(title)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.log_tab = LogTab(ctx, guide)
        # Only the Log tab is built at start: at 3 a.m. the window must be ready
        # for the first tap at once. The others (and pyqtgraph) are built the
        # first time they are shown or asked for; a placeholder page stands in.
        self._lazy_pages: dict[str, QWidget] = {}
        for i, name in enumerate(self.tab_names()):
            self.tabs.addTab(self.log_tab if i == 0 else QWidget(), name)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.readonly_mode: ReadOnlyMode | None = None
        if ctx.store.readonly:
            self.setCentralWidget(self._readonly_central())
        else:
            self.setCentralWidget(self.tabs)
        self.log_tab.add_child_requested.connect(self.add_child)
        self.log_tab.edit_child_requested.connect(self.edit_child)
        self.log_tab.guide_requested.connect(self.show_guide)
        self.log_tab.theme_toggle_requested.connect(self.toggle_theme)
        self._build_menus()
        if ctx.store.readonly:
            self.log_tab.set_readonly(True)
            self.readonly_mode = ReadOnlyMode(self, ctx, self.readonly_banner)
            self.readonly_banner.reopen_requested.connect(self._on_readonly_banner_reopen_requested)
        size, minimum = fit_to_screen(self.screen().availableGeometry().size())
        self.resize(size)
        self.setMinimumSize(minimum)

    # --- tabs built on first use ---------------------------------------------

    @property
    def charts_tab(self) -> ChartsTab:
        return cast("ChartsTab", self._page("charts"))

    @property
    def guide_tab(self) -> GuideTab:
        return cast("GuideTab", self._page("guide"))

    @property
    def history_tab(self) -> HistoryTab:
        return cast("HistoryTab", self._page("history"))

    def built_page(self, key: str) -> QWidget | None:
        """The tab `key` (see TAB_KEYS) if it has been built, without building it."""
        return self.log_tab if key == "log" else self._lazy_pages.get(key)

    def _page(self, key: str) -> QWidget:
        page = self._lazy_pages.get(key)
        if page is None:
            index = TAB_KEYS.index(key)
            page = self._build_page(key)
            self._lazy_pages[key] = page
            # Swap the placeholder for the real page, keeping the shown tab.
            current = self.tabs.currentIndex()
            placeholder = self.tabs.widget(index)
            blocked = self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, self.tab_names()[index])
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(blocked)
            if placeholder is not None:
                placeholder.deleteLater()
        return page

    def _build_page(self, key: str) -> QWidget:
        ctx = self._ctx
        if key == "charts":
            from rlbaby.ui.charts.tab import ChartsTab  # imports pyqtgraph

            return ChartsTab(ctx)
        if key == "guide":
            from rlbaby.ui.guide.tab import GuideTab

            return GuideTab(ctx, self.guide)
        from rlbaby.ui.history.tab import HistoryTab

        history = HistoryTab(ctx)
        history.guide_requested.connect(self.show_guide)
        if ctx.store.readonly:
            history.set_readonly(True)
        return history

    def _on_tabs_current_changed(self, index: int) -> None:
        if index > 0:
            self._page(TAB_KEYS[index])

    def _readonly_central(self) -> QWidget:
        """The tabs under a banner that says, on every tab, why nothing can be logged."""
        self.readonly_banner = ReadOnlyBanner()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.readonly_banner)
        column.addWidget(self.tabs, 1)
        return central

    # Set when the parent takes over a folder whose writer closed: run_gui then
    # closes this read-only store and opens the folder for logging.
    reopen_writable = False

    def _on_readonly_banner_reopen_requested(self) -> None:
        self.reopen_writable = True
        self.close()

    # --- menus ---------------------------------------------------------------

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
        name: str = "",
    ) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
            # Application context: works even when no window manager marks the
            # window active (kiosk set-ups, Xvfb); modal dialogs still block it.
            act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        if name:
            act.setObjectName(name)
        act.triggered.connect(slot)
        menu.addAction(act)
        self.addAction(act)
        return act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        writable = not self._ctx.store.readonly
        self._action(file, self.tr("Add child…"), self.add_child, name="act_add_child").setEnabled(
            writable
        )
        # The keyboard's way to the child bar's "Edit" (which Tab also reaches).
        self.edit_child_action = self._action(
            file,
            self.tr("Edit child…"),
            self._on_edit_child_action_triggered,
            "Ctrl+E",
            name="act_edit_child",
        )
        self._update_edit_child_action()
        self._ctx.selection.child_changed.connect(self._update_edit_child_action)
        file.addSeparator()
        self._action(file, self.tr("Report for the doctor…"), self.make_report, name="act_report")
        file.addSeparator()
        self._action(file, self.tr("Import…"), self.import_file, name="act_import").setEnabled(
            writable
        )
        self._action(file, self.tr("Export…"), self.export_file, name="act_export")
        file.addSeparator()
        self._action(file, self.tr("Backup now"), self.backup_now, name="act_backup").setEnabled(
            writable
        )
        self._action(
            file, self.tr("Restore a backup…"), self.restore_backup, name="act_restore"
        ).setEnabled(writable)
        file.addSeparator()
        self._action(
            file, self.tr("Settings…"), self.edit_settings, name="act_settings"
        ).setEnabled(writable)
        file.addSeparator()
        self._action(
            file, self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit, name="act_quit"
        )
        edit = bar.addMenu(self.tr("&Edit"))
        self._action(
            edit, self.tr("Undo"), self.log_tab.undo, "Ctrl+Z", name="act_undo"
        ).setEnabled(writable)
        self._action(
            edit, self.tr("Redo"), self.log_tab.redo, "Ctrl+Shift+Z", name="act_redo"
        ).setEnabled(writable)
        view = bar.addMenu(self.tr("&View"))
        # Single keys (N, C, E, S, 1-4...) belong to the Log tab only (ui/log/tab.py):
        # from History or a text field they must not flip the theme. Here a modifier.
        self.night_action = self._action(
            view, self.tr("Night theme"), self.toggle_theme, "Ctrl+Shift+N", name="act_night"
        )
        self.night_action.setCheckable(True)
        self.night_action.setChecked(self._ctx.theme.is_night)
        self._ctx.theme.theme_changed.connect(
            lambda name: self.night_action.setChecked(name == "night")
        )
        self._action(
            view,
            self.tr("Larger text"),
            lambda: self.change_text(0.25),
            "Ctrl++",
            name="act_bigger",
        )
        self._action(
            view,
            self.tr("Smaller text"),
            lambda: self.change_text(-0.25),
            "Ctrl+-",
            name="act_smaller",
        )
        view.addSeparator()
        for i, name in enumerate(self.tab_names()):
            self._action(view, name, partial(self.tabs.setCurrentIndex, i), f"Ctrl+{i + 1}")
        for i in range(9):
            act = QAction(self)
            act.setShortcut(QKeySequence(f"Alt+{i + 1}"))
            act.triggered.connect(lambda _c=False, i=i: self._select_child_index(i))
            self.addAction(act)
        help_ = bar.addMenu(self.tr("&Help"))
        self._action(
            help_,
            self.tr("Keyboard shortcuts"),
            lambda: ShortcutsDialog.ask(self),
            "F1",
            name="act_shortcuts",
        )
        self._action(help_, self.tr("About rlbaby"), self.about, name="act_about")

    # --- actions -------------------------------------------------------------

    def _on_edit_child_action_triggered(self) -> None:
        self.edit_child(self._ctx.selection.child_id)

    def _update_edit_child_action(self, _child_id: str = "") -> None:
        self.edit_child_action.setEnabled(
            bool(self._ctx.selection.child_id) and not self._ctx.store.readonly
        )

    def _select_child_index(self, i: int) -> None:
        kids = self._ctx.store.children()
        if i < len(kids):
            self._ctx.selection.select(kids[i].id)

    def toggle_theme(self) -> None:
        self.manual_theme = True  # the parent chose: stop following the clock
        self._ctx.theme.toggle()

    def follow_clock_theme(self, hour: int | None = None) -> None:
        """Once a minute: switch theme at the configured night hours (Settings:
        automatic), unless the parent switched it by hand this session."""

        if not self.manual_theme:
            self._ctx.theme.set_theme(theme_for(self._ctx.store.settings, hour))

    def change_text(self, delta: float) -> None:
        s = self._ctx.store.settings
        if self._ctx.store.readonly:
            # Nothing can be saved here: a larger text for this session only.
            self._session_scale = min(2.0, max(0.75, self._session_scale + delta))
            self._ctx.theme.set_scale(self._session_scale)
            return
        scale = min(2.0, max(0.75, s.text_scale + delta))
        self._save_settings(replace(s, text_scale=scale))

    def _save_settings(self, settings: Settings) -> bool:
        try:
            self._ctx.service.save_settings(settings)  # keeps idle-closed episodes closed
        except StoreError as exc:
            self.error(str(exc))
            return False
        return True

    def edit_settings(self) -> None:
        new = SettingsDialog.ask(self._ctx.store.settings, self)
        if new is not None:
            self._save_settings(new)  # every view follows bridge.settings_changed

    def _on_bridge_settings_changed(self, event: SettingsChanged) -> None:
        self._ctx.theme.set_scale(event.new.text_scale)
        if replace(event.old, text_scale=event.new.text_scale) != event.new:
            # Saved from the Settings dialog (not Ctrl +/-): its theme choice and
            # night hours apply now.
            self._ctx.theme.set_theme(theme_for(event.new))

    def add_child(self) -> None:
        child = ChildDialog.ask(None, self)
        if child is None:
            return
        try:
            saved = self._ctx.service.add_child(child)
        except StoreError as exc:
            self.error(str(exc))
            return
        self._ctx.selection.select(saved.id)

    def edit_child(self, child_id: str) -> None:
        current = self._ctx.store.child(child_id)
        if current is None:
            return
        child = ChildDialog.ask(current, self)
        if child is None:
            return
        try:
            self._ctx.service.update(
                current,
                **{
                    f: getattr(child, f)
                    for f in ("name", "birth_date", "born_early", "family_history", "labs", "notes")
                },
            )
        except StoreError as exc:
            self.error(str(exc))

    def show_guide(self, slug: str) -> None:
        self.tabs.setCurrentWidget(self.guide_tab)
        show = getattr(self.guide_tab, "show_section", None)
        if show is not None:
            show(slug)

    def make_report(self) -> None:
        from rlbaby.ui.dialogs.report_dialog import report_interactively

        out = report_interactively(self._ctx, self)
        if out is not None:
            self.statusBar().showMessage(self.tr("Report saved as {path}").format(path=out), 8000)

    def import_file(self) -> None:
        from rlbaby.ui.dialogs.import_dialog import import_interactively

        import_interactively(self._ctx.service, self)  # the views follow its event

    def export_file(self) -> None:
        from rlbaby.ui.dialogs.export_dialog import export_interactively

        written = export_interactively(self._ctx.store, self)
        if written:
            self.statusBar().showMessage(
                self.tr("Exported to {path}").format(path=written[0]), 8000
            )

    def backup_now(self) -> None:
        from rlbaby.store.backup import BackupManager

        try:
            path = BackupManager(self._ctx.store).backup_now(reason="manual")
        except StoreError as exc:
            self.error(self.tr("The backup could not be written. {reason}").format(reason=exc))
            return
        self.statusBar().showMessage(self.tr("Backup saved: {name}").format(name=path.name), 8000)

    # Set by restore_backup: run_gui then closes the store, restores this
    # backup and opens a fresh window on the restored log.
    restore_request: Path | None = None

    def restore_backup(self) -> None:
        from rlbaby.ui.dialogs.restore_dialog import RestoreDialog, check_restorable, when_text

        data_dir = self._ctx.store.data_dir
        if data_dir is None:
            self.error(self.tr("This log is not kept in a folder, so it has no backups."))
            return
        picked = RestoreDialog.ask(data_dir, self)
        if picked is None or not check_restorable(picked.path, self):
            return
        if not confirm(
            self,
            self.tr("Restore a backup"),
            self.tr(
                "Go back to your log as it was on {when}?\n\n"
                "Your log as it is now is backed up first. rlbaby then reopens with the "
                "restored log."
            ).format(when=when_text(picked.created_ms)),
            self.tr("Restore"),
        ):
            return
        self.restore_request = picked.path
        self.close()

    def about(self) -> None:
        inform(
            self,
            self.tr("About rlbaby"),
            f"rlbaby {version()}",
            self.tr(
                "rlbaby helps you note your baby's night-time leg movements and talk about them "
                "with your doctor. It does not diagnose anything."
            )
            + "\n\n"
            + self.tr("The guide and the PDF report are in English for now."),
        )

    def tab_names(self) -> tuple[str, str, str, str]:
        """The tabs' names, in order (the tab bar and the View menu)."""
        return (self.tr("Log"), self.tr("Charts"), self.tr("Guide"), self.tr("History"))

    def error(self, message: str) -> None:
        inform(self, "rlbaby", message)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.readonly_mode is not None:
            self.readonly_mode.stop()
        else:
            self.log_tab.flush_pending()
        super().closeEvent(event)
