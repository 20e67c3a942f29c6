"""The guide names the parent's emergency number where a page holds the token."""

from __future__ import annotations

from dataclasses import replace

from rlbaby.content import EMERGENCY_TOKEN, Guide, Section, without_markers
from rlbaby.ui.guide.reader import GuideReader
from rlbaby.ui.guide.tab import GuideTab


def test_the_reader_puts_the_number_in_place_of_the_token(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    reader = GuideReader(ui_ctx.theme.palette)
    qtbot.addWidget(reader)
    reader.emergency_number = "+44 999"
    reader.show_section(
        Section("x", 1, "X", f"# X\n\nCall your local emergency number ({EMERGENCY_TOKEN}).")
    )
    text = reader.toPlainText()
    assert "Call your local emergency number (+44 999)." in text
    assert "{{" not in text


def test_the_guide_tab_follows_the_settings(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    ui_ctx.store.save_settings(replace(ui_ctx.store.settings, emergency_number="000"))
    tab = GuideTab(ui_ctx, Guide())
    qtbot.addWidget(tab)
    tab.show_section("urgent-signs")
    assert tab.reader.emergency_number == "000"
    assert "{{emergency_number}}" not in tab.reader.toPlainText()


def test_markers_leave_the_notice_text() -> None:
    md = "Call now *(added; see [S11](#sources), [S12](#sources))*:<sup>[S3](#sources)</sup>"
    assert without_markers(md) == "Call now:"
