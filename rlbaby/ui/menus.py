"""The main window's menu bar (File, Edit, View, Help) and its window-wide shortcuts.

Single keys (N, C, E, S, 1-4...) belong to the Log tab only (ui/log/tab.py):
from History or a text field they must not flip the theme. Here each key has
a modifier and works from every tab; Alt+1-9 pick a child. The words are the
main window's (translation context "MainWindow"), as they were before the
menus had a file of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from rlbaby.ui.context import UiContext
from rlbaby.ui.main_tabs import tab_names

if TYPE_CHECKING:
    from rlbaby.ui.main_window import MainWindow

Shortcut = str | QKeySequence | QKeySequence.StandardKey


class WindowMenus:
    """Fills `window`'s menu bar; every action is the window's too (its shortcut
    works wherever the focus is).

    Attributes:
        edit_child_action: File > Edit child… (enabled while a child is selected).
        night_action: View > Night theme (checked at night).
    """

    def __init__(self, window: MainWindow, ctx: UiContext) -> None:
        self._window = window
        self._ctx = ctx
        w = window
        bar = w.menuBar()
        writable = not ctx.store.readonly
        file = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
        self._add(
            file,
            QCoreApplication.translate("MainWindow", "Add child…"),
            w.add_child,
            name="act_add_child",
            enabled=writable,
        )
        # The keyboard's way to the child bar's "Edit" (which Tab also reaches).
        self.edit_child_action = self._add(
            file,
            QCoreApplication.translate("MainWindow", "Edit child…"),
            w.edit_selected_child,
            "Ctrl+E",
            name="act_edit_child",
        )
        self._update_edit_child_action()
        ctx.selection.child_changed.connect(self._update_edit_child_action)
        file.addSeparator()
        self._add(
            file,
            QCoreApplication.translate("MainWindow", "Report for the doctor…"),
            w.make_report,
            name="act_report",
        )
        file.addSeparator()
        self._add(
            file,
            QCoreApplication.translate("MainWindow", "Import…"),
            w.import_file,
            name="act_import",
            enabled=writable,
        )
        self._add(
            file,
            QCoreApplication.translate("MainWindow", "Export…"),
            w.export_file,
            name="act_export",
        )
        file.addSeparator()
        self._add(
            file,
            QCoreApplication.translate("MainWindow", "Backup now"),
            w.backup_now,
            name="act_backup",
            enabled=writable,
        )
        self._add(
            file,
            QCoreApplication.translate("MainWindow", "Restore a backup…"),
            w.restore_backup,
            name="act_restore",
            enabled=writable,
        )
        file.addSeparator()
        self._add(
            file,
            QCoreApplication.translate("MainWindow", "Settings…"),
            w.edit_settings,
            name="act_settings",
            enabled=writable,
        )
        file.addSeparator()
        self._add(
            file,
            QCoreApplication.translate("MainWindow", "Quit"),
            w.close,
            QKeySequence.StandardKey.Quit,
            name="act_quit",
        )
        edit = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
        self._add(
            edit,
            QCoreApplication.translate("MainWindow", "Undo"),
            w.log_tab.undo,
            "Ctrl+Z",
            name="act_undo",
            enabled=writable,
        )
        self._add(
            edit,
            QCoreApplication.translate("MainWindow", "Redo"),
            w.log_tab.redo,
            "Ctrl+Shift+Z",
            name="act_redo",
            enabled=writable,
        )
        view = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
        self.night_action = self._add(
            view,
            QCoreApplication.translate("MainWindow", "Night theme"),
            w.toggle_theme,
            "Ctrl+Shift+N",
            name="act_night",
        )
        self.night_action.setCheckable(True)
        self.night_action.setChecked(ctx.theme.is_night)
        ctx.theme.theme_changed.connect(self._on_theme_changed)
        self._add(
            view,
            QCoreApplication.translate("MainWindow", "Larger text"),
            lambda: w.change_text(0.25),
            "Ctrl++",
            name="act_bigger",
        )
        self._add(
            view,
            QCoreApplication.translate("MainWindow", "Smaller text"),
            lambda: w.change_text(-0.25),
            "Ctrl+-",
            name="act_smaller",
        )
        view.addSeparator()
        for i, name in enumerate(tab_names()):
            self._add(view, name, partial(w.tabs.setCurrentIndex, i), f"Ctrl+{i + 1}")
        for i in range(9):
            act = QAction(w)
            act.setShortcut(QKeySequence(f"Alt+{i + 1}"))
            act.triggered.connect(lambda _c=False, i=i: self._select_child(i))
            w.addAction(act)
        help_ = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
        self._add(
            help_,
            QCoreApplication.translate("MainWindow", "Keyboard shortcuts"),
            w.show_shortcuts,
            "F1",
            name="act_shortcuts",
        )
        self._add(
            help_,
            QCoreApplication.translate("MainWindow", "About rlbaby"),
            w.about,
            name="act_about",
        )

    def _add(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: Shortcut | None = None,
        name: str = "",
        enabled: bool = True,
    ) -> QAction:
        act = QAction(text, self._window)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
            # Application context: works even when no window manager marks the
            # window active (kiosk set-ups, Xvfb); modal dialogs still block it.
            act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        if name:
            act.setObjectName(name)
        act.setEnabled(enabled)
        act.triggered.connect(slot)
        menu.addAction(act)
        self._window.addAction(act)
        return act

    def _update_edit_child_action(self, _child_id: str = "") -> None:
        self.edit_child_action.setEnabled(
            bool(self._ctx.selection.child_id) and not self._ctx.store.readonly
        )

    def _on_theme_changed(self, name: str) -> None:
        self.night_action.setChecked(name == "night")

    def _select_child(self, i: int) -> None:
        """Alt+1-9: the i-th child, if there is one."""
        kids = self._ctx.store.children()
        if i < len(kids):
            self._ctx.selection.select(kids[i].id)
