"""The Guide tab as a parent reads it: sections, links, search, text size and themes."""

from __future__ import annotations

import re

import pytest

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QTextBrowser

from rlbaby.content import Guide
from rlbaby.ui.guide.contents import COMPARE_TITLE
from rlbaby.ui.guide.reader import COMPARE_SLUG
from rlbaby.ui.guide.tab import GuideTab
from rlbaby.ui.main_window import MainWindow

GUIDE = Guide()
LOGGER_SLUGS = [
    "what-parents-can-do",
    "normal-or-concerning",
    "sleep-myoclonus",
    "urgent-signs",
    "common-causes",
]


@pytest.fixture
def tab(qtbot, ui_ctx) -> GuideTab:  # type: ignore[no-untyped-def]
    w = GuideTab(ui_ctx, GUIDE)
    qtbot.addWidget(w)
    w.resize(1024, 640)
    w.show()
    qtbot.waitExposed(w)
    return w


def anchors(browser: QTextBrowser) -> list[tuple[str, int]]:
    """(href, position) of every link fragment in the shown document."""
    out = []
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.charFormat().isAnchor():
                out.append((frag.charFormat().anchorHref(), frag.position()))
            it += 1
        block = block.next()
    return out


def click_at(qtbot, browser: QTextBrowser, position: int) -> None:  # type: ignore[no-untyped-def]
    cursor = QTextCursor(browser.document())
    cursor.setPosition(position + 1)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    rect = browser.cursorRect(cursor)
    point = QPoint(rect.left() + 1, rect.center().y())
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_opens_on_the_first_section_with_contents(tab: GuideTab) -> None:
    assert tab.current == GUIDE.sections[0].slug
    assert tab.pages.currentWidget() is tab.reader
    assert tab.contents.slugs() == [COMPARE_SLUG, *GUIDE.slugs]
    assert tab.contents.item(0).text() == COMPARE_TITLE  # English: the marked text itself
    assert tab.contents.currentRow() == 1
    assert not tab.back.isEnabled()


@pytest.mark.parametrize("slug", GUIDE.slugs)
def test_every_section_renders(tab: GuideTab, slug: str) -> None:
    assert tab.show_section(slug)
    section = GUIDE.section(slug)
    text = tab.reader.document().toPlainText()
    assert text.startswith(section.title)
    assert len(text) > 200
    assert "](#" not in text  # links became links, not Markdown
    assert "**" not in text
    assert tab.contents.item(tab.contents.currentRow()).data(Qt.ItemDataRole.UserRole) == slug


def test_sources_section_is_shown(tab: GuideTab) -> None:
    tab.show_section("sources")
    text = tab.reader.document().toPlainText()
    assert "Added sources" in text
    assert "[S13]" in text
    assert "not a diagnosis" in text


def test_every_in_guide_link_resolves(tab: GuideTab) -> None:
    seen = 0
    for slug in GUIDE.slugs:
        tab.show_section(slug)
        for href, _pos in anchors(tab.reader):
            assert href.startswith("#"), (slug, href)
            target = href[1:]
            assert target == COMPARE_SLUG or GUIDE.has(target), (slug, href)
            seen += 1
    assert seen > 20


def test_clicking_a_link_navigates_and_back_returns(qtbot, tab: GuideTab) -> None:  # type: ignore[no-untyped-def]
    tab.show_section("normal-or-concerning")
    href, pos = next(a for a in anchors(tab.reader) if a[0] == "#urgent-signs")
    with qtbot.waitSignal(tab.reader.link_requested) as sig:
        click_at(qtbot, tab.reader, pos)
    assert sig.args == ["urgent-signs"]
    assert tab.current == "urgent-signs"
    assert tab.reader.document().toPlainText().startswith("Urgent signs")
    assert tab.back.isEnabled()
    qtbot.mouseClick(tab.back, Qt.MouseButton.LeftButton)
    assert tab.current == "normal-or-concerning"
    tab.show_section("sources")
    qtbot.keyClick(tab.reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert tab.current == "normal-or-concerning"


def test_the_guide_table_links_to_the_comparison(qtbot, tab: GuideTab) -> None:  # type: ignore[no-untyped-def]
    tab.show_section("normal-or-concerning")
    _href, pos = next(a for a in anchors(tab.reader) if a[0] == f"#{COMPARE_SLUG}")
    click_at(qtbot, tab.reader, pos)
    assert tab.current == COMPARE_SLUG
    assert tab.pages.currentWidget() is tab.comparison
    qtbot.mouseClick(
        tab.comparison.findChild(type(tab.back), "comparison_read"), Qt.MouseButton.LeftButton
    )
    assert tab.current == "normal-or-concerning"


@pytest.mark.parametrize("slug", LOGGER_SLUGS)
def test_show_section_handles_the_logger_slugs(tab: GuideTab, slug: str) -> None:
    assert tab.show_section(slug)
    assert tab.current == slug
    assert tab.reader.section is not None
    assert tab.reader.section.slug == slug


def test_unknown_slug_is_handled_gracefully(tab: GuideTab) -> None:
    tab.show_section("urgent-signs")
    assert not tab.show_section("no-such-page")
    assert tab.current == "urgent-signs"
    assert "no-such-page" in tab.status.text()
    assert tab.status.isVisible()
    assert tab.show_section("sources")
    assert tab.status.text() == ""
    assert tab.status.isHidden()


def test_main_window_and_sheet_help_buttons_open_the_guide(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow(ui_ctx, GUIDE)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    for slug in LOGGER_SLUGS:
        w.tabs.setCurrentIndex(0)
        button = w.log_tab.sheet.findChild(type(w.guide_tab.back), f"help_{slug}")
        assert button is not None, slug
        button.click()
        assert w.tabs.currentWidget() is w.guide_tab
        assert w.guide_tab.current == slug
    w.show_guide("nope")
    assert w.guide_tab.current == LOGGER_SLUGS[-1]


# --- search --------------------------------------------------------------------


def test_search_lists_hits_and_highlights_them(qtbot, tab: GuideTab) -> None:  # type: ignore[no-untyped-def]
    tab.show_section("sleep-myoclonus")
    tab.search("sleep")
    hits = GUIDE.search("sleep")
    assert tab.contents.searching
    assert tab.contents.slugs() == [h.slug for h in hits]
    assert tab.found.text() == f"Found on {len(hits)} pages"
    marks = tab.reader.extraSelections()
    # Every "sleep" at the start of a word ("asleep" is not one).
    text = tab.reader.document().toPlainText()
    expected = len(re.findall(r"(?<!\w)sleep", text, re.IGNORECASE))
    assert expected >= 5
    assert "asleep" in text.casefold()
    assert tab.reader.hit_count == len(marks) == expected
    assert all(m.cursor.selectedText().casefold() == "sleep" for m in marks)
    pal = tab._ctx.theme.palette
    backgrounds = [m.format.background().color().name() for m in marks]
    assert backgrounds.count(QColor(pal["accent"]).name()) == 1  # the current hit
    assert backgrounds.count(QColor(pal["selection"]).name()) == len(marks) - 1


def test_search_enter_walks_the_hits_then_the_pages(qtbot, tab: GuideTab) -> None:  # type: ignore[no-untyped-def]
    tab.search("ferritin")
    slugs = [h.slug for h in GUIDE.search("ferritin")]
    assert len(slugs) >= 2
    assert tab.reader.hit_count == 0  # the first page does not mention it
    qtbot.keyClick(tab.search_edit, Qt.Key.Key_Return)
    assert tab.current == slugs[0]
    n = tab.reader.hit_count
    assert n >= 1
    assert tab.reader.hit_index == 0
    for i in range(1, n):
        qtbot.keyClick(tab.search_edit, Qt.Key.Key_Return)
        assert tab.reader.hit_index == i
    qtbot.keyClick(tab.search_edit, Qt.Key.Key_Return)
    assert tab.current == slugs[1]


def test_search_with_every_word_and_no_hit(tab: GuideTab) -> None:
    tab.search("iron blood")
    assert set(tab.contents.slugs()) == {h.slug for h in GUIDE.search("iron blood")}
    tab.search("zebra")
    assert tab.contents.slugs() == []
    assert "zebra" in tab.contents.item(0).text()
    assert tab.found.text() == "Not found"
    assert tab.reader.extraSelections() == []
    tab.search("")
    assert not tab.contents.searching
    assert tab.contents.slugs() == [COMPARE_SLUG, *GUIDE.slugs]
    assert tab.found.text() == ""


def test_choosing_a_hit_opens_it_highlighted(qtbot, tab: GuideTab) -> None:  # type: ignore[no-untyped-def]
    tab.search("swaddle")
    item = tab.contents.item(0)
    rect = tab.contents.visualItemRect(item)
    qtbot.mouseClick(tab.contents.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.current == item.data(Qt.ItemDataRole.UserRole)
    assert tab.reader.hit_count >= 1


def test_ctrl_f_focuses_the_search(qtbot, tab: GuideTab) -> None:  # type: ignore[no-untyped-def]
    tab.reader.setFocus()
    qtbot.keyClick(tab.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search_edit.hasFocus()


# --- text size and theme -------------------------------------------------------


def test_zoom_buttons_and_text_scale(tab: GuideTab) -> None:
    base = tab.reader.font().pointSizeF()
    tab.set_zoom_step(2)
    assert tab.zoom == 1.3
    assert tab.reader.font().pointSizeF() == pytest.approx(base * 1.3, abs=0.1)
    for _ in range(10):
        tab.set_zoom_step(1)
    assert tab.zoom == 2.0
    for _ in range(10):
        tab.set_zoom_step(-1)
    assert tab.zoom == 0.85
    tab.set_zoom_step(1)
    # The app-wide text size (View > Larger text) multiplies in.
    from dataclasses import replace

    store = tab._ctx.store
    store.save_settings(replace(store.settings, text_scale=1.5))
    tab._ctx.theme.set_scale(1.5)
    assert tab.reader.font().pointSizeF() == pytest.approx(base * 1.5, abs=0.1)


def test_theme_change_restyles_links_and_hits(tab: GuideTab) -> None:
    tab.show_section("normal-or-concerning")
    tab.search("comfort")

    def link_colours() -> set[str]:
        doc = tab.reader.document()
        out = set()
        for _href, pos in anchors(tab.reader):
            cursor = QTextCursor(doc)
            cursor.setPosition(pos + 1)
            out.add(cursor.charFormat().foreground().color().name())
        return out

    night = tab._ctx.theme.palette
    assert link_colours() == {QColor(night["focus"]).name()}
    tab._ctx.theme.set_theme("day")
    day = tab._ctx.theme.palette
    assert link_colours() == {QColor(day["focus"]).name()}
    assert tab.reader.hit_count >= 1
    colours = {m.format.background().color().name() for m in tab.reader.extraSelections()}
    assert colours <= {QColor(day["selection"]).name(), QColor(day["accent"]).name()}
    assert day["accent_soft"] in tab.pages.styleSheet()
    assert night["accent_soft"] not in tab.pages.styleSheet()
