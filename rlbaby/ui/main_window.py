"""The main window: tabs Log, Charts, Guide and History, menus and shortcuts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from rlbaby import version
from rlbaby.content import Guide
from rlbaby.model import Settings
from rlbaby.services import SettingsChanged
from rlbaby.store import StoreError
from rlbaby.ui.context import UiContext
from rlbaby.ui.log.tab import LogTab
from rlbaby.ui.main_tabs import MainTabs
from rlbaby.ui.menus import WindowMenus
from rlbaby.ui.screen_fit import fit_to_screen
from rlbaby.ui.theme import theme_for
from rlbaby.ui.window_place import WindowPlace

if TYPE_CHECKING:
    from rlbaby.ui.charts.tab import ChartsTab
    from rlbaby.ui.guide.tab import GuideTab
    from rlbaby.ui.history.tab import HistoryTab
    from rlbaby.ui.readonly.mode import ReadOnlyMode

# The dialogs (message boxes too) are imported when first opened, and the read-only mode only in
# a read-only window: the start-up, which a parent waits for, needs none of them.


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: UiContext,
        guide: Guide,
        parent: QWidget | None = None,
        place: WindowPlace | None = None,
    ) -> None:
        """`place`: where the window opens and, when it closes, keeps its
        place and size (none: it opens at its first size, centred)."""
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
        self.log_tab = LogTab(ctx, guide)
        # Only the Log tab is built at start (see main_tabs.py).
        self.tabs = MainTabs(ctx, guide, self.log_tab)
        self.tabs.guide_requested.connect(self.show_guide)
        self.readonly_mode: ReadOnlyMode | None = None
        if ctx.store.readonly:
            self.setCentralWidget(self._readonly_central())
        else:
            self.setCentralWidget(self.tabs)
        self.log_tab.add_child_requested.connect(self.add_child)
        self.log_tab.edit_child_requested.connect(self.edit_child)
        self.log_tab.guide_requested.connect(self.show_guide)
        self.log_tab.theme_toggle_requested.connect(self.toggle_theme)
        menus = WindowMenus(self, ctx)
        self.edit_child_action = menus.edit_child_action
        self.night_action = menus.night_action
        if ctx.store.readonly:
            from rlbaby.ui.readonly.mode import ReadOnlyMode

            self.log_tab.set_readonly(True)
            self.readonly_mode = ReadOnlyMode(self, ctx, self.readonly_banner)
            self.readonly_banner.reopen_requested.connect(self._on_readonly_banner_reopen_requested)
        self._place = place
        available = self.screen().availableGeometry()
        size, minimum = fit_to_screen(available.size())
        self.resize(size)
        self.setMinimumSize(minimum)
        if place is None or not place.restore(self):
            self.move(available.center() - self.rect().center())

    # --- tabs built on first use ---------------------------------------------

    @property
    def charts_tab(self) -> ChartsTab:
        return cast("ChartsTab", self.tabs.page("charts"))

    @property
    def guide_tab(self) -> GuideTab:
        return cast("GuideTab", self.tabs.page("guide"))

    @property
    def history_tab(self) -> HistoryTab:
        return cast("HistoryTab", self.tabs.page("history"))

    def built_page(self, key: str) -> QWidget | None:
        """The tab `key` (see TAB_KEYS) if it has been built, without building it."""
        return self.tabs.built_page(key)

    def _readonly_central(self) -> QWidget:
        """The tabs under a banner that says, on every tab, why nothing can be logged."""
        from rlbaby.ui.readonly.banner import ReadOnlyBanner

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

    # --- actions -------------------------------------------------------------

    def show_shortcuts(self) -> None:
        from rlbaby.ui.dialogs.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog.ask(self)

    def edit_selected_child(self) -> None:
        self.edit_child(self._ctx.selection.child_id)

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
        from rlbaby.ui.dialogs.settings_dialog import SettingsDialog

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
        from rlbaby.ui.dialogs.child_dialog import ChildDialog

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
        from rlbaby.ui.dialogs.child_dialog import ChildDialog

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
        from rlbaby.ui.dialogs.common import confirm

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
        from rlbaby.ui.dialogs.common import inform

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

    def error(self, message: str) -> None:
        from rlbaby.ui.dialogs.common import inform

        inform(self, "rlbaby", message)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._place is not None:
            self._place.save(self)
        if self.readonly_mode is not None:
            self.readonly_mode.stop()
        else:
            self.log_tab.flush_pending()
        super().closeEvent(event)
