"""The History item model: Qt's model rules, and keyed updates that keep rows in place."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from rlbaby.model import Episode, Instant, Movement, MovementKind, SleepPeriod
from rlbaby.services.history import EpisodeItem, NightItem, SleepItem
from rlbaby.ui.history.model import KEY_ROLE, RECORD_ROLE, HistoryModel

CET = timezone(timedelta(hours=1))
N22 = date(2026, 11, 22)
N21 = date(2026, 11, 21)


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> Instant:
    return Instant.from_datetime(datetime(2026, 11, day, hour, minute, second, tzinfo=CET))


def episode(day: int, hour: int, *minutes: int, cid: str = "c1") -> EpisodeItem:
    ep = Episode(cid, opened=at(day, hour, minutes[0]))
    moves = tuple(Movement(cid, ep.id, at(day, hour, m), MovementKind.KICK) for m in minutes)
    return EpisodeItem(ep, moves)


def sleep(day: int, hour: int, awake_day: int, awake_hour: int) -> SleepItem:
    return SleepItem(SleepPeriod("c1", at(day, hour), awake=at(awake_day, awake_hour)))


@pytest.fixture
def nights() -> list[NightItem]:
    return [
        NightItem(N22, (sleep(22, 20, 23, 6), episode(22, 23, 1, 2, 3), episode(23, 2, 10))),
        NightItem(N21, (episode(21, 22, 5, 6),)),
    ]


@pytest.fixture
def model(qtmodeltester, nights) -> HistoryModel:  # type: ignore[no-untyped-def]
    m = HistoryModel(now_ms=lambda: at(24, 7).utc_ms)
    m.set_nights(nights)
    # The C++ tester stays attached: every later change is checked too.
    qtmodeltester.check(m)
    return m


def texts(model: HistoryModel, parent: QModelIndex = QModelIndex()) -> list[list[str]]:  # noqa: B008
    return [
        [model.data(model.index(r, c, parent)) for c in range(model.columnCount(parent))]
        for r in range(model.rowCount(parent))
    ]


def test_empty_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    m = HistoryModel()
    qtmodeltester.check(m)
    assert m.rowCount() == 0
    m.set_nights([])


def test_three_levels_with_words_a_parent_reads(model: HistoryModel, nights) -> None:  # type: ignore[no-untyped-def]
    assert texts(model) == [
        ["Sun, 22 Nov", "Night", "4 movements · 2 episodes · 10.0 h asleep"],
        ["Sat, 21 Nov", "Night", "2 movements · 1 episode"],
    ]
    n22 = model.index(0, 0)
    assert texts(model, n22) == [
        ["20:00–06:00", "Asleep", "10 h 00 min"],
        ["23:01–23:03", "Episode", "3 movements · 2 min"],
        ["02:10–02:10", "Episode", "1 movement · 0 s"],
    ]
    ep = model.index(1, 0, n22)
    assert texts(model, ep) == [["23:01:00", "Kick", ""]] + [["23:02:00", "Kick", ""]] + [
        ["23:03:00", "Kick", ""]
    ]
    assert model.data(n22, Qt.ItemDataRole.FontRole).bold()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "When"
    # Records and keys for the tab.
    assert model.record(n22) is None
    assert model.record(ep) == nights[0].items[1].episode
    assert model.data(ep, RECORD_ROLE) == nights[0].items[1].episode
    mv = model.index(0, 0, ep)
    assert model.record(mv) == nights[0].items[1].movements[0]
    assert model.data(mv, KEY_ROLE) == nights[0].items[1].movements[0].id
    assert model.night_of_index(mv) == N22
    assert model.night_of_index(model.index(0, 0, model.index(1, 0))) == N21
    assert model.index_of_key(model.key(mv) or "") == mv
    assert not model.index_of_key("nope").isValid()
    assert model.nights_holding({nights[1].items[0].key, "x"}) == {N21}
    assert model.nights() == [N22, N21]


def test_replace_night_inserts_one_row_for_a_tap(qtbot, model: HistoryModel, nights) -> None:  # type: ignore[no-untyped-def]
    night = nights[0]
    ep = night.items[1]
    assert isinstance(ep, EpisodeItem)
    tapped = Movement("c1", ep.episode.id, at(22, 23, 4))
    new = replace(
        night,
        items=(night.items[0], replace(ep, movements=(*ep.movements, tapped)), night.items[2]),
    )
    ep_index = QPersistentModelIndex(model.index(1, 0, model.index(0, 0)))
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.replace_night(N22, new)
    parent, first, last = inserted.args
    assert (QPersistentModelIndex(parent), first, last) == (ep_index, 3, 3)
    assert model.rowCount(QModelIndex(ep_index)) == 4
    assert model.data(model.index(1, 2, model.index(0, 0))).startswith("4 movements")


def test_an_edited_time_moves_the_row_and_its_persistent_index(model: HistoryModel, nights) -> None:  # type: ignore[no-untyped-def]
    night = nights[0]
    ep = night.items[1]
    assert isinstance(ep, EpisodeItem)
    first, second, third = ep.movements
    moved = replace(first, at=at(22, 23, 5), kind=MovementKind.STRETCH)
    ep_index = model.index(1, 0, model.index(0, 0))
    keep = QPersistentModelIndex(model.index(0, 0, ep_index))
    new_ep = replace(ep, movements=(second, third, moved))
    model.replace_night(N22, replace(night, items=(night.items[0], new_ep, night.items[2])))
    assert keep.row() == 2  # the same record, followed to its new place
    assert model.record(keep) == moved
    assert [r[1] for r in texts(model, ep_index)] == ["Kick", "Kick", "Stretch"]


def test_removals_reorders_and_new_or_vanished_nights(model: HistoryModel, nights) -> None:  # type: ignore[no-untyped-def]
    night = nights[0]
    sl, ep1, ep2 = night.items
    # The sleep period moves to the end, the first episode goes, a new one comes.
    later = replace(sl, period=replace(sl.period, asleep=at(23, 3), awake=at(23, 6)))  # type: ignore[union-attr]
    extra = episode(22, 19, 0)
    model.replace_night(N22, NightItem(N22, (extra, ep2, later)))
    assert [model.key(model.index(r, 0, model.index(0, 0))) for r in range(3)] == [
        extra.key,
        ep2.key,
        later.key,
    ]
    # A night emptied by a delete disappears; a new night is put in date order.
    model.replace_night(N21, None)
    assert model.nights() == [N22]
    model.replace_night(N21, None)  # already gone: nothing to do
    n23 = NightItem(date(2026, 11, 23), (episode(23, 22, 0),))
    n20 = NightItem(date(2026, 11, 20), (episode(20, 22, 0),))
    model.replace_night(n23.night, n23)
    model.replace_night(n20.night, n20)
    assert model.nights() == [date(2026, 11, 23), N22, date(2026, 11, 20)]
    assert ep1.key not in {model.key(model.index(r, 0, model.index(1, 0))) for r in range(3)}


def test_unchanged_night_emits_nothing(qtbot, model: HistoryModel, nights) -> None:  # type: ignore[no-untyped-def]
    with qtbot.assertNotEmitted(model.dataChanged), qtbot.assertNotEmitted(model.rowsInserted):
        model.replace_night(N22, nights[0])
