"""Source markers in the Guide tab: small superscript links, not loud "(added; see S11)"."""

from __future__ import annotations

import re

import pytest
from test_guide_tab import click_at

from PySide6.QtGui import QTextCharFormat

from rlbaby.content import Guide
from rlbaby.ui.emergency import shown_emergency_number
from rlbaby.ui.guide.tab import GuideTab

GUIDE = Guide()


@pytest.fixture
def tab(qtbot, ui_ctx) -> GuideTab:  # type: ignore[no-untyped-def]
    w = GuideTab(ui_ctx, GUIDE)
    qtbot.addWidget(w)
    w.resize(1024, 640)
    w.show()
    qtbot.waitExposed(w)
    return w


def source_marks(tab: GuideTab) -> list[tuple[str, int, QTextCharFormat]]:
    """(text, position, format) of every 'Sn' link in the shown section."""
    out = []
    block = tab.reader.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt = frag.charFormat()
            if fmt.isAnchor() and re.fullmatch(r"S\d+", frag.text()):
                out.append((frag.text(), frag.position(), fmt))
            it += 1
        block = block.next()
    return out


@pytest.mark.parametrize("slug", [s.slug for s in GUIDE.sections if s.slug != "sources"])
def test_no_section_shows_the_raw_marker(tab: GuideTab, slug: str) -> None:
    tab.show_section(slug)
    assert "added; see" not in tab.reader.document().toPlainText()


def test_markers_are_superscript_links(tab: GuideTab) -> None:
    tab.show_section("urgent-signs")
    marks = source_marks(tab)
    assert {m[0] for m in marks} >= {"S11", "S12", "S13", "S14", "S15", "S16", "S17"}
    for _text, _pos, fmt in marks:
        assert fmt.anchorHref() == "#sources"
        assert fmt.verticalAlignment() == QTextCharFormat.VerticalAlignment.AlignSuperScript


def test_the_urgent_action_part_shows_no_source_numbers(tab: GuideTab) -> None:
    tab.show_section("urgent-signs")
    text = tab.reader.document().toPlainText()
    action = text[text.index("Seek medical help now") : text.index("What to tell the doctor")]
    number = shown_emergency_number(tab._ctx.store.settings)
    assert f"Call your local emergency number ({number})" in action  # the parent's own
    assert not any(f"S{n}" in action for n in range(1, 20))


def test_clicking_a_marker_opens_the_sources(qtbot, tab: GuideTab) -> None:  # type: ignore[no-untyped-def]
    tab.show_section("sleep-myoclonus")
    _text, pos, _fmt = source_marks(tab)[0]
    with qtbot.waitSignal(tab.reader.link_requested) as sig:
        click_at(qtbot, tab.reader, pos)
    assert sig.args == ["sources"]
    assert tab.reader.document().toPlainText().startswith("Sources")
