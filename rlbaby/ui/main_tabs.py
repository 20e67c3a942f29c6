"""The main window's tabs: Log, Charts, Guide and History, all but Log built on first use.

At 3 a.m. the window must be ready for the first tap at once: only the Log tab
is built at start. The others (and pyqtgraph, which only Charts imports) are
built the first time they are shown or asked for; a placeholder page stands in
until then. The tab names are the main window's words (translation context
"MainWindow"), as they were before the tabs had a file of their own.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from rlbaby.content import Guide
from rlbaby.ui.context import UiContext
from rlbaby.ui.log.tab import LogTab
from rlbaby.ui.source_lines import forget_source_lines

# The tabs in order: a key for code, a label for the parent (tab_names).
TAB_KEYS = ("log", "charts", "guide", "history")


def tab_names() -> tuple[str, str, str, str]:
    """The tabs' names, in order (the tab bar and the View menu)."""
    return (
        QCoreApplication.translate("MainWindow", "Log"),
        QCoreApplication.translate("MainWindow", "Charts"),
        QCoreApplication.translate("MainWindow", "Guide"),
        QCoreApplication.translate("MainWindow", "History"),
    )


class MainTabs(QTabWidget):
    """The four tabs; `page(key)` builds one that is not built yet.

    Signals:
        guide_requested(str): the History tab asked for this guide section.
    """

    guide_requested = Signal(str)

    def __init__(
        self, ctx: UiContext, guide: Guide, log_tab: LogTab, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tabs")
        self._ctx = ctx
        self._guide = guide
        self.log_tab = log_tab
        self._built: dict[str, QWidget] = {}
        for i, name in enumerate(tab_names()):
            self.addTab(log_tab if i == 0 else QWidget(), name)
        self.currentChanged.connect(self._on_current_changed)

    def built_page(self, key: str) -> QWidget | None:
        """The tab `key` (see TAB_KEYS) if it has been built, without building it."""
        return self.log_tab if key == "log" else self._built.get(key)

    def page(self, key: str) -> QWidget:
        """The tab `key`, built now if it was not yet."""
        page = self.built_page(key)
        if page is None:
            index = TAB_KEYS.index(key)
            page = self._build(key)
            self._built[key] = page
            forget_source_lines()  # what the tab's imports read (pyqtgraph: 7 MB)
            # Swap the placeholder for the real page, keeping the shown tab.
            current = self.currentIndex()
            placeholder = self.widget(index)
            blocked = self.blockSignals(True)
            self.removeTab(index)
            self.insertTab(index, page, tab_names()[index])
            self.setCurrentIndex(current)
            self.blockSignals(blocked)
            if placeholder is not None:
                placeholder.deleteLater()
        return page

    def _build(self, key: str) -> QWidget:
        ctx = self._ctx
        if key == "charts":
            from rlbaby.ui.charts.tab import ChartsTab  # imports pyqtgraph

            return ChartsTab(ctx)
        if key == "guide":
            from rlbaby.ui.guide.tab import GuideTab

            return GuideTab(ctx, self._guide)
        from rlbaby.ui.history.tab import HistoryTab

        history = HistoryTab(ctx)
        history.guide_requested.connect(self.guide_requested)
        if ctx.store.readonly:
            history.set_readonly(True)
        return history

    def _on_current_changed(self, index: int) -> None:
        if index > 0:
            self.page(TAB_KEYS[index])
