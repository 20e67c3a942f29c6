"""The Guide tab: the offline guide, search, print/PDF, and the log beside the guide.

Everything is read from resources/guide/ and works with no network. Links between
sections (`[text](#slug)`) stay inside the app.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rlbaby.content import Guide
from rlbaby.ui.context import UiContext
from rlbaby.ui.dialogs.common import save_path
from rlbaby.ui.emergency import shown_emergency_number
from rlbaby.ui.guide.comparison_view import ComparisonView
from rlbaby.ui.guide.contents import GuideContents
from rlbaby.ui.guide.document import guide_document, write_pdf
from rlbaby.ui.guide.reader import COMPARE_SLUG, GuideReader
from rlbaby.ui.i18n import shown_language
from rlbaby.ui.theme import load_palette

ZOOMS = (0.85, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
PRINT_THEME = "day"  # paper is white: print dark text whatever the screen shows
HISTORY_LIMIT = 50


def contents_style(point_size: float) -> str:
    return f"""
QListWidget {{ font-size: {point_size:.1f}pt; padding: 2px 6px; }}
QListWidget::item {{ padding-top: 5px; padding-bottom: 5px; }}
"""


def pages_style(palette: dict[str, str], point_size: float) -> str:
    """Style sheet for the reading area: the text size and the comparison's cells."""
    p = palette
    return f"""
QWidget {{ font-size: {point_size:.1f}pt; }}
QLabel[role="big"] {{ font-size: {point_size * 1.45:.1f}pt; }}
QLabel[role="aspect"], QLabel[role="your_log"] {{ font-weight: bold; }}
QFrame[cell="true"] {{
    background-color: {p["surface"]};
    border: 1px solid {p["border"]};
    border-radius: 6px;
}}
QFrame[cell="true"][lean="on"] {{
    background-color: {p["accent_soft"]};
    border: 1px solid {p["focus"]};
}}
QLabel[role="urgent_title"] {{ color: {p["urgent"]}; font-weight: bold; }}
QFrame[cell="true"][lean="not_enough"] QLabel {{ color: {p["text_dim"]}; }}
"""


class GuideTab(QWidget):
    """Contents and search on the left; a section or the comparison on the right."""

    def __init__(self, ctx: UiContext, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_tab")
        self._ctx = ctx
        self.guide = guide
        self.zoom = 1.0
        self.current = ""
        self.history: list[str] = []
        self.hits_slugs: list[str] = []

        self.back = QPushButton(self.tr("Back"))
        self.back.setObjectName("guide_back")
        self.back.setToolTip(self.tr("Back to the page you came from"))
        self.back.setEnabled(False)
        self.back.clicked.connect(self.go_back)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("guide_search")
        self.search_edit.setAccessibleName(self.tr("Search the guide"))
        self.search_edit.setAccessibleDescription(
            self.tr("Type words to find; the contents list the pages that have them")
        )
        self.search_edit.setPlaceholderText(self.tr("Search the guide (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        self.found = QLabel()
        self.found.setObjectName("guide_found")
        self.found.setProperty("role", "dim")
        smaller = QPushButton("A\u2212")
        smaller.setObjectName("guide_smaller")
        smaller.setToolTip(self.tr("Smaller text in the guide"))
        smaller.clicked.connect(lambda: self.set_zoom_step(-1))
        larger = QPushButton("A+")
        larger.setObjectName("guide_larger")
        larger.setToolTip(self.tr("Larger text in the guide"))
        larger.clicked.connect(lambda: self.set_zoom_step(1))
        printing = QPushButton(self.tr("Print\u2026"))
        printing.setObjectName("guide_print")
        printing.setToolTip(self.tr("Print the whole guide"))
        printing.clicked.connect(self.print_guide)
        pdf = QPushButton(self.tr("Save as PDF\u2026"))
        pdf.setObjectName("guide_pdf")
        pdf.setToolTip(self.tr("Save the whole guide as a PDF file"))
        pdf.clicked.connect(self.save_as_pdf)

        self.contents = GuideContents(guide)
        self.contents.setMinimumWidth(220)
        self.contents.setMaximumWidth(280)
        self.contents.page_chosen.connect(self.show_section)
        self.reader = GuideReader(ctx.theme.palette)
        self.reader.link_requested.connect(self.show_section)
        self.comparison = ComparisonView(ctx)
        self.comparison.guide_requested.connect(self.show_section)
        self.pages = QStackedWidget()
        self.pages.setObjectName("guide_pages")
        self.pages.addWidget(self.reader)
        self.pages.addWidget(self.comparison)
        self.status = QLabel()
        self.status.setObjectName("guide_status")
        self.status.setProperty("role", "dim")
        self.status.setWordWrap(True)
        self.status.hide()
        # The guide's pages are English; in another UI language, say so once.
        self.language_note = QLabel(self.tr("The guide is in English for now."))
        self.language_note.setObjectName("guide_language_note")
        self.language_note.setProperty("role", "dim")
        self.language_note.setVisible(shown_language(QCoreApplication.instance()) != "en")

        bar = QHBoxLayout()
        bar.addWidget(self.back)
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.found)
        bar.addSpacing(12)
        bar.addWidget(smaller)
        bar.addWidget(larger)
        bar.addWidget(printing)
        bar.addWidget(pdf)
        body = QHBoxLayout()
        body.addWidget(self.contents)
        body.addWidget(self.pages, 1)
        root = QVBoxLayout(self)
        root.addLayout(bar)
        root.addWidget(self.language_note)
        root.addLayout(body, 1)
        root.addWidget(self.status)

        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._on_find_activated)
        back = QShortcut(QKeySequence.StandardKey.Back, self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.go_back)
        self.back.setToolTip(
            self.tr("Back to the page you came from ({key})").format(key=back.key().toString())
        )

        ctx.theme.theme_changed.connect(self._on_theme_changed)
        self._apply_style()
        self.show_section(guide.sections[0].slug)
        self.history.clear()
        self.back.setEnabled(False)

    # --- pages ---------------------------------------------------------------

    def show_section(self, slug: str) -> bool:
        """Show a section, or the comparison for "compare".

        An unknown slug leaves the page as it is and says so; returns False.
        """
        if slug != COMPARE_SLUG and not self.guide.has(slug):
            self.say(
                self.tr("There is no page \u201c{slug}\u201d in this guide.").format(slug=slug)
            )
            return False
        self.say("")
        if slug != self.current and self.current:
            self.history = [*self.history, self.current][-HISTORY_LIMIT:]
        self._show(slug)
        return True

    def say(self, text: str) -> None:
        """A short line under the page; hidden when there is nothing to say."""
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def go_back(self) -> None:
        if self.history:
            self._show(self.history.pop())

    def _show(self, slug: str) -> None:
        if slug == COMPARE_SLUG:
            self.pages.setCurrentWidget(self.comparison)
        else:
            number = shown_emergency_number(self._ctx.store.settings)
            if (
                slug != self.current
                or self.reader.section is None
                or (number != self.reader.emergency_number)
            ):
                self.reader.emergency_number = number
                self.reader.show_section(self.guide.section(slug))
            self.reader.highlight(self.search_edit.text())
            self.pages.setCurrentWidget(self.reader)
        self.current = slug
        self.back.setEnabled(bool(self.history))
        self.contents.mark(slug)

    # --- search --------------------------------------------------------------

    def search(self, term: str) -> None:
        """Search every section for `term` (all of its words), highlighting the hits."""
        self.search_edit.setText(term)

    def _on_search_edit_text_changed(self, text: str) -> None:
        term = text.strip()
        if not term:
            self.hits_slugs = []
            self.contents.show_contents()
            self.found.clear()
        else:
            hits = self.guide.search(term)
            self.hits_slugs = [h.slug for h in hits]
            self.contents.show_hits(hits, term)
            n = len(hits)
            self.found.setText(self.tr("Found on %n page(s)", "", n) if n else self.tr("Not found"))
        if self.current != COMPARE_SLUG:
            self.reader.highlight(term)
        self.contents.mark(self.current)

    def _on_search_edit_return_pressed(self) -> None:
        # Enter walks through the hits on this page, then opens the next page with hits.
        if self.current != COMPARE_SLUG and self.reader.hit_count:
            if self.reader.hit_index < self.reader.hit_count - 1 or not self.hits_slugs:
                self.reader.next_hit()
                return
        if self.hits_slugs:
            at = self.hits_slugs.index(self.current) + 1 if self.current in self.hits_slugs else 0
            self.show_section(self.hits_slugs[at % len(self.hits_slugs)])

    def _on_find_activated(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    # --- text size and theme -------------------------------------------------

    @property
    def point_size(self) -> float:
        base = QGuiApplication.font().pointSizeF() or 10.0
        return base * self._ctx.store.settings.text_scale * self.zoom

    def set_zoom_step(self, step: int) -> None:
        i = min(range(len(ZOOMS)), key=lambda k: abs(ZOOMS[k] - self.zoom))
        self.zoom = ZOOMS[max(0, min(len(ZOOMS) - 1, i + step))]
        self._apply_style()

    def _apply_style(self) -> None:
        self.pages.setStyleSheet(pages_style(self._ctx.theme.palette, self.point_size))
        self.contents.setStyleSheet(contents_style(self.point_size / self.zoom))

    def _on_theme_changed(self, _name: str) -> None:
        # Also sent when the text scale changes; both re-style the pages.
        self._apply_style()
        self.reader.set_palette(self._ctx.theme.palette)

    # --- print and PDF -------------------------------------------------------

    def export_pdf(self, path: Path) -> None:
        """Write the whole guide to a PDF at `path`, dark on white.

        Raises:
            OSError: the file cannot be written.
        """
        write_pdf(self._print_document(), path)

    def print_to(self, printer: QPrinter) -> None:
        self._print_document().print_(printer)

    def _print_document(self) -> QTextDocument:
        number = shown_emergency_number(self._ctx.store.settings)
        return guide_document(self.guide, load_palette(PRINT_THEME), number)

    def print_guide(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the guide"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def save_as_pdf(self) -> None:
        picked = save_path(
            self,
            self.tr("Save the guide as PDF"),
            self.tr("PDF files (*.pdf)"),
            Path.home() / "rlbaby-guide.pdf",
        )
        if picked is None:
            return
        path = picked[0] if picked[0].suffix.lower() == ".pdf" else picked[0].with_suffix(".pdf")
        try:
            self.export_pdf(path)
        except OSError as exc:
            self.say(
                self.tr("Could not write {path}: {reason}").format(
                    path=path, reason=exc.strerror or exc
                )
            )
            return
        self.say(self.tr("Saved the guide as {path}").format(path=path))
