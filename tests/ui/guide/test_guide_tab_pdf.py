"""The Guide tab's print and PDF: the whole guide, dark on white, readable by a PDF tool."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from PySide6.QtPrintSupport import QPrinter

from rlbaby.content import Guide
from rlbaby.ui.guide.tab import GuideTab

GUIDE = Guide()


@pytest.fixture
def tab(qtbot, ui_ctx) -> GuideTab:  # type: ignore[no-untyped-def]
    w = GuideTab(ui_ctx, GUIDE)
    qtbot.addWidget(w)
    return w


def pdf_text(path: Path) -> tuple[int, str]:
    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() for page in reader.pages)
    # NFKC undoes the font's ligatures ("ﬁ" -> "fi").
    return len(reader.pages), " ".join(unicodedata.normalize("NFKC", text).split())


def test_export_pdf_writes_the_whole_guide(tab: GuideTab, tmp_path: Path) -> None:
    path = tmp_path / "guide.pdf"
    tab.export_pdf(path)
    assert path.read_bytes().startswith(b"%PDF-")
    pages, text = pdf_text(path)
    assert pages >= len(GUIDE.sections)  # each section starts a new page
    for section in GUIDE.sections:
        assert section.title in text, section.slug
    assert "Seek medical help now" in text
    assert "Added sources" in text
    assert PdfReader(str(path)).metadata.title == "rlbaby guide"


def test_print_to_a_pdf_printer(tab: GuideTab, tmp_path: Path) -> None:
    path = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    tab.print_to(printer)
    pages, text = pdf_text(path)
    assert pages >= len(GUIDE.sections)
    assert "Normal, or worth a closer look?" in text


def test_save_as_pdf_asks_for_a_path_and_adds_the_suffix(
    tab: GuideTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rlbaby.ui.guide.tab as module

    asked: list[str] = []

    def fake_save_path(_parent, title, filters, suggested):  # type: ignore[no-untyped-def]
        asked.append(filters)
        assert suggested.name == "rlbaby-guide.pdf"
        return tmp_path / "for-the-doctor", "PDF files (*.pdf)"

    monkeypatch.setattr(module, "save_path", fake_save_path)
    tab.save_as_pdf()
    assert asked == ["PDF files (*.pdf)"]
    out = tmp_path / "for-the-doctor.pdf"
    assert out.is_file()
    assert str(out) in tab.status.text()
    # Cancelled: nothing written, nothing said.
    monkeypatch.setattr(module, "save_path", lambda *_a: None)
    tab.say("")
    tab.save_as_pdf()
    assert tab.status.text() == ""


def test_save_as_pdf_says_when_it_cannot_write(
    tab: GuideTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rlbaby.ui.guide.tab as module

    target = tmp_path / "missing-folder" / "guide.pdf"
    monkeypatch.setattr(module, "save_path", lambda *_a: (target, ""))
    tab.save_as_pdf()
    assert not target.exists()
    assert "Could not write" in tab.status.text()
    with pytest.raises(FileNotFoundError):
        tab.export_pdf(target)


def test_print_guide_prints_only_when_the_dialog_is_accepted(
    tab: GuideTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rlbaby.ui.guide.tab as module

    answers = [module.QDialog.DialogCode.Rejected, module.QDialog.DialogCode.Accepted]

    class FakeDialog:
        def __init__(self, printer: QPrinter, parent: object) -> None:
            self.printer = printer

        def setWindowTitle(self, _title: str) -> None:  # noqa: N802
            pass

        def exec(self) -> object:
            return answers.pop(0)

    printed: list[QPrinter] = []
    monkeypatch.setattr(module, "QPrintDialog", FakeDialog)
    monkeypatch.setattr(tab, "print_to", printed.append)
    tab.print_guide()
    assert printed == []
    tab.print_guide()
    assert len(printed) == 1
