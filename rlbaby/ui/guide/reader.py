"""One guide section, rendered offline, with in-app links and search highlights."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, QUrl, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from rlbaby.content import Section, fill, search_words, word_pattern
from rlbaby.model.emergency import FALLBACK
from rlbaby.ui.guide.document import render

COMPARE_SLUG = "compare"
# Shown under the guide's table (section 07), which says the app shows the table
# beside the parent's log: this is the way there.
COMPARE_LINK = f"**[See your own log beside this table]({'#' + COMPARE_SLUG})**"
TABLE_SLUG = "normal-or-concerning"


class GuideReader(QTextBrowser):
    """Shows one section. Links never leave the app.

    Signals:
        link_requested(str): a `#slug` link was clicked (the slug, maybe unknown).
    """

    link_requested = Signal(str)

    def __init__(self, palette: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_reader")
        self.setAccessibleName(self.tr("Guide page"))
        self.setAccessibleDescription(self.tr("The guide page chosen in the contents"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDocumentMargin(18)
        self.anchorClicked.connect(self._on_self_anchor_clicked)
        self._palette = palette
        self.section: Section | None = None
        # Put where a page names the emergency number (see content.EMERGENCY_TOKEN).
        self.emergency_number = FALLBACK
        self.term = ""
        self._hits: list[QTextCursor] = []
        self._current = -1

    # --- content -------------------------------------------------------------

    def show_section(self, section: Section) -> None:
        self.section = section
        self._render()
        # Replacing the document's text carries the caret to its end, and Qt
        # scrolls to the caret when the widget is first shown: start at the top.
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)

    def set_palette(self, palette: dict[str, str]) -> None:
        """Re-style for a new theme, keeping the place and the highlights."""
        self._palette = palette
        pos = self.verticalScrollBar().value()
        self._render()
        self.verticalScrollBar().setValue(pos)

    def _render(self) -> None:
        if self.section is None:
            return
        md = fill(self.section.markdown, self.emergency_number)
        if self.section.slug == TABLE_SLUG:
            md = f"{md.rstrip()}\n\n{COMPARE_LINK}\n"
        render(self.document(), md, self._palette)
        self._find_hits()

    def _on_self_anchor_clicked(self, url: QUrl) -> None:
        # Guide links are `#slug`; anything else is not ours to open.
        if url.scheme() or url.path():
            return
        self.link_requested.emit(url.fragment())

    # --- search highlights ---------------------------------------------------

    @property
    def hit_count(self) -> int:
        return len(self._hits)

    @property
    def hit_index(self) -> int:
        """Which hit is the current one (-1 before the first)."""
        return self._current

    def highlight(self, term: str) -> int:
        """Mark every word of `term` in this section; returns how many were found."""
        self.term = term
        self._find_hits()
        if self._hits:
            self.next_hit()
        return len(self._hits)

    def _find_hits(self) -> None:
        doc = self.document()
        hits: list[QTextCursor] = []
        for word in search_words(self.term):
            # The same rule as Guide.search: the word at the start of a word.
            rx = QRegularExpression(
                word_pattern(word).pattern, QRegularExpression.PatternOption.CaseInsensitiveOption
            )
            cursor = doc.find(rx, 0)
            while not cursor.isNull():
                hits.append(cursor)
                cursor = doc.find(rx, cursor)
        hits.sort(key=lambda c: c.selectionStart())
        self._hits = hits
        self._current = -1
        self._paint_hits()

    def next_hit(self) -> None:
        """Scroll to the next hit (wrapping), and mark it as the current one."""
        if not self._hits:
            return
        self._current = (self._current + 1) % len(self._hits)
        self._paint_hits()
        at = QTextCursor(self._hits[self._current])
        at.clearSelection()
        self.setTextCursor(at)
        self.ensureCursorVisible()

    def _paint_hits(self) -> None:
        plain = QTextCharFormat()
        plain.setBackground(QColor(self._palette["selection"]))
        current = QTextCharFormat()
        current.setBackground(QColor(self._palette["accent"]))
        current.setForeground(QColor(self._palette["accent_text"]))
        marks = []
        for i, cursor in enumerate(self._hits):
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            sel.format = current if i == self._current else plain
            marks.append(sel)
        self.setExtraSelections(marks)
