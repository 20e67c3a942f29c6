"""Every red flag of the guide, end to end: the Log tab's notice, the comparison's
urgent list and the PDF report each show it, with its night (issue 12).

The flags are logged as a parent does it: a tap, then a chip clicked in the
episode sheet, or key 4 (stiffening) pressed just after the tap.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from PySide6.QtCore import Qt

from rlbaby.content import Guide
from rlbaby.model import RedFlag, Sign, StoppedWhenWoken, label, night_of
from rlbaby.report.format import short_day
from rlbaby.report.pdf import make_report
from rlbaby.services.insights import comparison_for
from rlbaby.ui.guide.urgent_list import entry_text
from rlbaby.ui.locale_format import format_night, format_time
from rlbaby.ui.log.tab import LogTab

# (how the parent logs it, the red flag it raises)
CASES = {
    "not stopping when woken": (
        ("stopped_when_woken", StoppedWhenWoken.NO),
        RedFlag.NOT_STOPPED_WHEN_WOKEN,
    ),
    "same episodes awake and asleep": (("signs", Sign.SAME_WHEN_AWAKE), RedFlag.SAME_WHEN_AWAKE),
    "stiffness": (("signs", Sign.STIFFNESS), RedFlag.STIFFENING_OR_SPASMS),
    "spasms": (("signs", Sign.TWITCHING_SPASMS), RedFlag.STIFFENING_OR_SPASMS),
    "a tap marked stiffening (key 4)": (("key", Qt.Key.Key_4), RedFlag.STIFFENING_OR_SPASMS),
    "eyes": (("signs", Sign.EYES_ROLLING), RedFlag.EYES),
    "colour": (("signs", Sign.COLOUR_CHANGE), RedFlag.COLOUR),
    "breathing": (("signs", Sign.BREATHING_PAUSES), RedFlag.BREATHING),
}


def _pdf_text(path: Path) -> str:
    pages = (unicodedata.normalize("NFKC", p.extract_text()) for p in PdfReader(path).pages)
    return " ".join(" ".join(pages).split())


@pytest.mark.parametrize("case", list(CASES))
def test_red_flag_in_notice_comparison_and_report(qtbot, ui_ctx, clock, tmp_path, case) -> None:  # type: ignore[no-untyped-def]
    (where, value), flag = CASES[case]
    store = ui_ctx.store
    tab = LogTab(ui_ctx, Guide())
    qtbot.addWidget(tab)
    tab.resize(1024, 700)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()  # the single keys are shortcuts: they need the focus here
    qtbot.waitUntil(tab.target.hasFocus)
    with qtbot.waitSignal(ui_ctx.bridge.movement_recorded):
        qtbot.keyClick(tab.target, Qt.Key.Key_Space)
    assert not tab.notice.isVisible()

    # 1. The Log tab: the notice, at once, naming the flag and the number to call.
    if where == "key":
        qtbot.keyClick(tab.target, value)
    else:
        tab.open_sheet()
        qtbot.mouseClick(tab.sheet.groups[where].buttons[value], Qt.MouseButton.LeftButton)
    assert tab.notice.isVisible(), case
    assert label(flag) in tab.notice.flags.text()
    assert "local emergency number (" in tab.notice.text.text()
    (episode,) = store.episodes(tab._ctx.selection.child_id)
    assert episode.red_flags(stiffening_tap=where == "key") == (flag,)

    # 2. The comparison's urgent list, with its night.
    child = store.child(episode.child_id)
    assert child is not None
    night = night_of(clock(), store.settings.night_start_hour)
    cmp = comparison_for(store, child.id, night, night, clock.now_ms())
    (entry,) = cmp.urgent
    assert entry.episode_id == episode.id
    assert entry.night == night
    assert entry.signs == (label(flag),)
    assert f"Night of {format_night(night)}" in entry_text(entry)

    # 3. The PDF report: counted in the overview and listed with its night.
    out = tmp_path / "report.pdf"
    make_report(store, child, night, night, out, now_ms=clock.now_ms())
    text = _pdf_text(out)
    assert "1 episode had a red flag" in text
    section = text[text.index("Episodes with signs") :]
    assert f"night of {short_day(night)}, {format_time(entry.at)}" in section
    assert f"URGENT: {label(flag)}" in section
