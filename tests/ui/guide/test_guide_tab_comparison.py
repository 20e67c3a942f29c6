"""The Guide tab's comparison view: the selected child's log beside the guide's table."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from rlbaby.analysis.guide_table import (
    DISCLAIMER,
    GUIDE_TABLE,
    Lean,
)
from rlbaby.content import Guide
from rlbaby.model import Child, Episode, Instant, Movement, MovementKind, Response, Sign, night_of
from rlbaby.services.insights import comparison_for, last_n_nights
from rlbaby.ui.emergency import shown_emergency_number
from rlbaby.ui.guide.comparison_table import lean_text
from rlbaby.ui.guide.reader import COMPARE_SLUG
from rlbaby.ui.guide.tab import GuideTab
from rlbaby.ui.guide.urgent_list import entry_text
from rlbaby.ui.locale_format import format_night


@pytest.fixture
def tab(qtbot, ui_ctx) -> GuideTab:  # type: ignore[no-untyped-def]
    w = GuideTab(ui_ctx, Guide())
    qtbot.addWidget(w)
    w.resize(1024, 700)
    w.show()
    qtbot.waitExposed(w)
    return w


def tonight(tab: GuideTab) -> date:
    return night_of(tab._ctx.clock(), tab._ctx.store.settings.night_start_hour)


def log_nights(
    tab: GuideTab, nights: int, signs: frozenset[Sign] = frozenset(), settle: bool = True
) -> None:
    """Two episodes a night for the last `nights` nights, at 21:00 and 01:30 local time."""
    store, child_id = tab._ctx.store, tab._ctx.selection.child_id
    records: list[object] = []
    last = tonight(tab) - timedelta(days=1)
    for k in range(nights):
        night = last - timedelta(days=k)
        for day, clock in ((night, "21:00"), (night + timedelta(days=1), "01:30")):
            start = Instant.parse(f"{day.isoformat()}T{clock}:00+01:00")
            ep = Episode(
                child_id,
                start,
                response=Response.SETTLED_FAST if settle else Response.NOT_SETTLED,
                signs=signs,
            )
            records.append(ep)
            records += [Movement(child_id, ep.id, start.plus_ms(k * 20_000)) for k in range(4)]
    store.save_many(records)


def texts(tab: GuideTab) -> list[dict[str, str]]:
    return [{k: lab.text() for k, lab in row.items()} for row in tab.comparison.table.labels]


def test_new_child_sees_not_enough_and_the_disclaimer(tab: GuideTab) -> None:
    assert tab.show_section(COMPARE_SLUG)
    view = tab.comparison
    assert view.isVisible()
    assert view.disclaimer.text() == DISCLAIMER
    assert view.disclaimer.isVisible()
    assert view.title.text() == "Ada's log beside the guide"
    rows = texts(tab)
    assert [r["aspect"] for r in rows] == list(GUIDE_TABLE)
    assert [(r["typical"], r["concerning"]) for r in rows] == list(GUIDE_TABLE.values())
    assert all(r["your_log"].startswith("Not enough logged yet") for r in rows)
    # Why is said once, above the table, not in every row.
    assert all(row["lean"].isHidden() for row in view.table.labels)
    assert view.not_enough.isVisible()
    assert "7 nights and 5 episodes" in view.not_enough.text()
    assert view.urgent.isHidden()
    for cells in view.table.cells:
        assert cells["typical"].property("lean") == "off"
        assert cells["concerning"].property("lean") == "off"
        assert cells["your_log"].property("lean") == "not_enough"


def test_rows_show_the_analysis_with_leans_and_rules(tab: GuideTab) -> None:
    log_nights(tab, 10)
    tab.show_section(COMPARE_SLUG)
    view = tab.comparison
    first, last = view.nights_range  # type: ignore[misc]
    assert (last - first).days + 1 == 14
    store = tab._ctx.store
    expected = comparison_for(
        store, view._ctx.selection.child_id, first, last, tab._ctx.clock().utc_ms
    )
    assert view.comparison == expected
    assert expected.enough
    rows = texts(tab)
    assert rows[0]["your_log"] == "2.0 episodes a night, longest 1 min"
    assert rows[1]["your_log"] == "settled with soothing in 20 of 20 episodes"
    assert rows[3]["your_log"] == "50% of your taps between 22:00 and 06:00"
    for row, labels, cells in zip(expected.rows, rows, view.table.cells, strict=True):
        assert labels["your_log"] == row.your_log
        assert labels["lean"] == lean_text(row)
        assert cells["typical"].property("lean") == ("on" if row.lean is Lean.TYPICAL else "off")
        assert cells["concerning"].property("lean") == ("on" if row.lean is Lean.DISCUSS else "off")
        for w in (*cells.values(), *view.table.labels[expected.rows.index(row)].values()):
            assert row.rule in w.toolTip()
    assert all(r["lean"].startswith("Closer to typical.") for i, r in enumerate(rows) if i != 3)
    assert rows[3]["lean"].startswith("A night log cannot judge this row")
    assert view.summary.text().endswith("10 logged, 20 episodes.")
    assert view.not_enough.isHidden()
    assert not any(row["lean"].isHidden() for row in view.table.labels)


def test_a_concerning_log_leans_to_discuss_and_lists_urgent_signs(tab: GuideTab) -> None:
    log_nights(tab, 8, signs=frozenset({Sign.INCONSOLABLE_CRYING, Sign.STIFFNESS}), settle=False)
    store, child_id = tab._ctx.store, tab._ctx.selection.child_id
    night = tonight(tab) - timedelta(days=3)
    at = Instant.parse(f"{(night + timedelta(days=1)).isoformat()}T02:14:00+01:00")
    ep = Episode(child_id, at, signs=frozenset({Sign.BREATHING_PAUSES, Sign.COLOUR_CHANGE}))
    store.save_many([ep, Movement(child_id, ep.id, at)])
    tab.show_section(COMPARE_SLUG)
    view = tab.comparison
    leans = [r.lean for r in view.comparison.rows]  # type: ignore[union-attr]
    assert leans[1:3] == [Lean.DISCUSS, Lean.DISCUSS]
    assert leans[4] is Lean.DISCUSS
    assert view.table.cells[1]["concerning"].property("lean") == "on"
    assert texts(tab)[1]["lean"].startswith("Leans to worth discussing.")
    # Urgent signs: at the top, with their night, not in the table.
    assert not view.urgent.isHidden()
    # Stiffness is a red flag too: each of the 16 stiff episodes is listed on its own.
    shown = view.urgent.shown
    assert len(shown) == 17
    assert sum(e.signs == ("stiffening or spasms",) for e in shown) == 16
    (entry,) = [e for e in shown if e.episode_id == ep.id]
    assert entry.night == night
    assert entry.signs == ("eyes rolling or fixed", "color change", "breathing pauses")[1:]
    line = view.urgent.entries.text()
    assert entry_text(entry) in line
    assert f"Night of {format_night(night)}, at 02:14" in line
    number = shown_emergency_number(store.settings)
    assert f"your local emergency number ({number})" in view.urgent.advice.text()
    layout = view.widget().layout()
    assert layout.indexOf(view.urgent) < layout.indexOf(view.table)
    view.urgent.findChild(QPushButton, "urgent_list_read").click()
    assert tab.current == "urgent-signs"


def test_changes_mark_dirty_and_recompute_when_shown(qtbot, tab: GuideTab) -> None:  # type: ignore[no-untyped-def]
    log_nights(tab, 10)
    tab.show_section(COMPARE_SLUG)
    view = tab.comparison
    assert view.comparison.episodes == 20  # type: ignore[union-attr]
    tab.show_section("sources")
    assert not view.isVisible()
    # A tap on a past night (as from the Log tab), while the guide shows a section.
    child_id = tab._ctx.selection.child_id
    at = Instant.parse(f"{(tonight(tab) - timedelta(days=2)).isoformat()}T23:40:00+01:00")
    with qtbot.waitSignal(tab._ctx.bridge.records_changed):
        tab._ctx.service.add_movement_at(child_id, at, MovementKind.KICK)
    assert view.dirty
    assert view.comparison.episodes == 20  # type: ignore[union-attr]  # not recomputed yet
    tab.show_section(COMPARE_SLUG)
    assert not view.dirty
    assert view.comparison.episodes == 21  # type: ignore[union-attr]
    # While shown, a change recomputes at once.
    with qtbot.waitSignal(tab._ctx.bridge.movement_recorded):
        tab._ctx.service.record_movement(child_id)
    assert not view.dirty


def test_follows_the_selected_child_and_the_nights_choice(tab: GuideTab) -> None:
    log_nights(tab, 30)
    tab.show_section(COMPARE_SLUG)
    view = tab.comparison
    assert view.comparison.nights == 14  # type: ignore[union-attr]
    view.set_night_count(7)
    assert view.nights_range == last_n_nights(
        tab._ctx.store, tab._ctx.selection.child_id, 7, tonight(tab)
    )
    assert view.comparison.nights == 7  # type: ignore[union-attr]
    view.set_night_count(90)
    assert view.comparison.nights == 30  # type: ignore[union-attr]
    bo = tab._ctx.store.save(Child("Bo"))
    tab._ctx.selection.select(bo.id)
    assert view.title.text() == "Bo's log beside the guide"
    assert view.comparison.nights == 0  # type: ignore[union-attr]
    assert texts(tab)[0]["your_log"].startswith("Not enough logged yet")


def test_no_child_at_all(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    ui_ctx.selection.select("")
    w = GuideTab(ui_ctx, Guide())
    qtbot.addWidget(w)
    w.show()
    w.show_section(COMPARE_SLUG)
    assert w.comparison.comparison is None
    assert "Add a child" in w.comparison.summary.text()
    assert w.comparison.table.isHidden()


def test_nights_selector_offers_7_14_30_90(tab: GuideTab) -> None:
    combo = tab.comparison.nights
    assert combo.values() == [7, 14, 30, 90]
    assert combo.value() == 14
    assert combo.toolTip()
    assert tab.comparison.findChild(QPushButton, "comparison_read") is not None
    assert tab.comparison.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
