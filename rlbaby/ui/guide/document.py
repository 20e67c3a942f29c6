"""Guide Markdown as themed QTextDocuments, for the reader and for print/PDF.

Qt's Markdown importer paints links in the application palette's link colour and
tables with grey borders; neither follows our night/day palettes, so after each
import the formats are set again from the palette's tokens.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextTable,
)

from rlbaby.content import Guide, fill, quiet_markers
from rlbaby.model.emergency import FALLBACK

# Heading sizes relative to the text (Qt's Markdown import uses +3 and +2,
# which shout at 3 a.m.).
HEADING_SIZE = {1: 2, 2: 1, 3: 0}
LINE_HEIGHT_PERCENT = 135
PRINT_POINT_SIZE = 11.0


def style_document(doc: QTextDocument, palette: dict[str, str]) -> None:
    """Re-colour links and tables and calm the headings, from the theme palette."""
    link = QColor(palette["focus"])
    cursor = QTextCursor(doc)
    block = doc.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        fmt = QTextBlockFormat()
        fmt.setLineHeight(
            LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        if level:
            fmt.setTopMargin(16 if level == 1 else 12)
            fmt.setBottomMargin(6)
        cursor.setPosition(block.position())
        cursor.mergeBlockFormat(fmt)
        if level:
            size = QTextCharFormat()
            size.setProperty(QTextFormat.Property.FontSizeAdjustment, HEADING_SIZE.get(level, 0))
            cursor.setPosition(block.position())
            cursor.setPosition(
                block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.mergeCharFormat(size)
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.charFormat().isAnchor():
                fmt_link = QTextCharFormat()
                fmt_link.setForeground(link)
                fmt_link.setFontUnderline(True)
                cursor.setPosition(frag.position())
                cursor.setPosition(frag.position() + frag.length(), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt_link)
            it += 1
        block = block.next()
    for frame in doc.rootFrame().childFrames():
        if isinstance(frame, QTextTable):
            _style_table(frame, palette)


def _style_table(table: QTextTable, palette: dict[str, str]) -> None:
    fmt = table.format()
    fmt.setBorder(1)
    fmt.setBorderBrush(QColor(palette["border"]))
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setCellPadding(6)
    fmt.setBorderCollapse(True)
    table.setFormat(fmt)
    for col in range(table.columns()):
        cell = table.cellAt(0, col)
        head = cell.format()
        head.setBackground(QColor(palette["surface_alt"]))
        head.setFontWeight(QFont.Weight.Bold)
        cell.setFormat(head)


def render(doc: QTextDocument, markdown: str, palette: dict[str, str]) -> None:
    """Replace the document's content with `markdown`, styled for the palette.

    Source markers become small superscript links (`quiet_markers`).
    """
    doc.setMarkdown(quiet_markers(markdown))
    style_document(doc, palette)


def guide_document(
    guide: Guide, palette: dict[str, str], emergency_number: str = FALLBACK
) -> QTextDocument:
    """The whole guide as one document for print and PDF, each section on a new page."""
    doc = QTextDocument()
    font = doc.defaultFont()
    font.setPointSizeF(PRINT_POINT_SIZE)
    doc.setDefaultFont(font)
    text = "\n\n".join(s.markdown.strip() for s in guide.sections)
    render(doc, fill(text, emergency_number), palette)
    cursor = QTextCursor(doc)
    block = doc.begin().next()  # the first title needs no page break
    while block.isValid():
        if block.blockFormat().headingLevel() == 1:
            brk = QTextBlockFormat()
            brk.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            cursor.setPosition(block.position())
            cursor.mergeBlockFormat(brk)
        block = block.next()
    return doc


def write_pdf(doc: QTextDocument, path: Path, title: str = "rlbaby guide") -> None:
    """Write `doc` to an A4 PDF at `path` (overwriting it).

    Raises:
        OSError: the file cannot be written (Qt would only warn and write nothing).
    """
    with open(path, "wb"):
        pass
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("rlbaby")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    # QTextDocument.print_ adds its own 2 cm margin around an unpaginated document.
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    doc.print_(writer)
