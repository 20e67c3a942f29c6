"""The guide's table of contents, which turns into the list of search hits."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from rlbaby.content import Guide, Hit
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.ui.guide.reader import COMPARE_SLUG

COMPARE_TITLE = QT_TRANSLATE_NOOP("GuideContents", "Your log beside the guide")
SLUG_ROLE = Qt.ItemDataRole.UserRole


def _short(snippet: str, limit: int = 70) -> str:
    """The start of a hit's snippet, cut at a word."""
    text = snippet.strip("…").strip()
    if len(text) <= limit:
        return f"…{text}…"
    return "…" + text[:limit].rsplit(" ", 1)[0] + "…"


class GuideContents(QListWidget):
    """Contents (the comparison first, then every section) or search hits.

    Signals:
        page_chosen(str): the parent picked a page (a section slug or "compare").
    """

    page_chosen = Signal(str)

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_contents")
        self.setAccessibleName(self.tr("Guide contents"))
        self.setAccessibleDescription(
            self.tr("The pages of the guide, or the pages a search found")
        )
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setUniformItemSizes(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._guide = guide
        self.searching = False
        self.itemActivated.connect(self._on_item_activated)
        self.itemClicked.connect(self._on_item_activated)
        self.show_contents()

    def _add(self, text: str, slug: str | None, tip: str = "") -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(SLUG_ROLE, slug)
        if tip:
            item.setToolTip(tip)
        if slug is None:
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.addItem(item)
        return item

    def show_contents(self) -> None:
        self.searching = False
        self.clear()
        first = self._add(
            self.tr(COMPARE_TITLE),
            COMPARE_SLUG,
            self.tr("Your log, row by row, beside the guide's table"),
        )
        font = first.font()
        font.setBold(True)
        first.setFont(font)
        for s in self._guide.sections:
            self._add(f"{s.order}. {s.title}", s.slug)

    def show_hits(self, hits: list[Hit], term: str) -> None:
        self.searching = True
        self.clear()
        if not hits:
            self._add(
                self.tr("No page mentions \u201c{term}\u201d.").format(term=term.strip()), None
            )
            return
        for h in hits:
            self._add(f"{h.title}\n{_short(h.snippet)}", h.slug, h.snippet)

    def slugs(self) -> list[str]:
        """The slugs listed now, in order (for tests and keyboard use)."""
        return [s for i in range(self.count()) if (s := self.item(i).data(SLUG_ROLE))]

    def mark(self, slug: str) -> None:
        """Select the row of the page being shown, without emitting page_chosen."""
        self.blockSignals(True)
        try:
            self.clearSelection()
            for i in range(self.count()):
                if self.item(i).data(SLUG_ROLE) == slug:
                    self.setCurrentRow(i)
                    break
        finally:
            self.blockSignals(False)

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        slug = item.data(SLUG_ROLE)
        if slug:
            self.page_chosen.emit(slug)
