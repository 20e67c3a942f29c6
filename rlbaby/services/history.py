"""The History tab's data: nights, then episodes and sleep periods, then movements.

Qt-free. Builds the tree as plain frozen dataclasses from the store, one night
or a range of nights at a time, and parses the times a parent types. The UI
adapts these to a Qt item model; nothing here knows about Qt.

A night is the local-time window starting at `Settings.night_start_hour`,
labelled by the evening's date (`rlbaby.model.night_of`). An episode belongs to
the night of its first movement (as in `rlbaby.analysis.summarize_nights`), a
sleep period to the night of its Asleep mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np

from rlbaby.model import Episode, Instant, Movement, SleepPeriod, night_of
from rlbaby.model.arrays import take_ids
from rlbaby.model.dateformat import ISO_DATES, DateFormatter
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.model.timekeeping import (
    MS_PER_DAY,
    MS_PER_MIN,
    night_bounds_utc_ms,
    night_date,
    night_index,
    night_number,
    system_offset_min,
)
from rlbaby.store import Store

FUTURE_SLACK_MS = 60_000  # a clock a minute fast is not "the future"


@dataclass(frozen=True)
class EpisodeItem:
    """An episode with its live movements, oldest first."""

    episode: Episode
    movements: tuple[Movement, ...] = ()

    @property
    def key(self) -> str:
        return self.episode.id

    @property
    def start(self) -> Instant:
        return self.movements[0].at if self.movements else self.episode.opened

    @property
    def end(self) -> Instant:
        """The last movement, or the settled mark when that is later."""
        last = self.movements[-1].at if self.movements else self.episode.opened
        settled = self.episode.settled
        return settled if settled is not None and settled.utc_ms > last.utc_ms else last


@dataclass(frozen=True)
class SleepItem:
    period: SleepPeriod

    @property
    def key(self) -> str:
        return self.period.id

    @property
    def start(self) -> Instant:
        return self.period.asleep


NightEntry = EpisodeItem | SleepItem


@dataclass(frozen=True)
class NightItem:
    """One night of one child: its episodes and sleep periods in time order."""

    night: date
    items: tuple[NightEntry, ...] = ()

    @property
    def key(self) -> str:
        return night_key(self.night)

    @property
    def episodes(self) -> list[EpisodeItem]:
        return [i for i in self.items if isinstance(i, EpisodeItem)]

    @property
    def sleeps(self) -> list[SleepItem]:
        return [i for i in self.items if isinstance(i, SleepItem)]

    @property
    def movement_count(self) -> int:
        return sum(len(e.movements) for e in self.episodes)

    def sleep_hours(self, now_ms: int) -> float:
        """Hours between Asleep and Awake marks (an open one counts up to now)."""
        total = 0
        for s in self.sleeps:
            end = s.period.awake.utc_ms if s.period.awake else now_ms
            total += max(0, end - s.period.asleep.utc_ms)
        return total / 3_600_000


def night_key(night: date) -> str:
    return f"night:{night.isoformat()}"


def _sorted_items(items: Iterable[NightEntry]) -> tuple[NightEntry, ...]:
    return tuple(sorted(items, key=lambda i: (i.start.utc_ms, i.key)))


def build_nights(store: Store, child_id: str, first: date, last: date) -> list[NightItem]:
    """The child's logged nights from `first` to `last` (inclusive), newest first.

    Costs one array query plus one record decode per movement in the range
    (about 3.5 us each), so a fortnight is a few milliseconds.
    """
    if last < first:
        return []
    start_hour = store.settings.night_start_hour
    # Padded by a day each side so that an episode crossing the range edge is
    # placed by its true first movement and keeps all of its movements.
    t0 = night_bounds_utc_ms(first, start_hour)[0] - MS_PER_DAY
    t1 = night_bounds_utc_ms(last, start_hour)[1] + MS_PER_DAY
    lo = night_number(first)
    hi = night_number(last)

    mv = store.movements(child_id, t0, t1)
    by_night: dict[int, list[NightEntry]] = {}
    if len(mv):
        nights = night_index(mv.local_ms, start_hour)
        codes, first_idx = np.unique(mv.episode, return_index=True)
        ep_night = dict(zip(codes.tolist(), nights[first_idx].tolist(), strict=True))
        wanted = [c for c, n in ep_night.items() if lo <= n <= hi]
        if wanted:
            keep = np.isin(mv.episode, np.array(wanted, mv.episode.dtype))
            grouped: dict[int, list[Movement]] = {c: [] for c in wanted}
            for code, mid in zip(mv.episode[keep].tolist(), take_ids(mv.ids, keep), strict=True):
                m = store.movement(mid)
                if m is not None:
                    grouped[code].append(m)
            for code, movements in grouped.items():
                ep = store.episode(mv.episode_ids[code])
                if ep is None or ep.deleted_ms is not None:
                    continue  # movements of a deleted episode are tombstoned with it
                item = EpisodeItem(ep, tuple(movements))
                by_night.setdefault(ep_night[code], []).append(item)
        listed = {mv.episode_ids[c] for c in wanted}
    else:
        listed = set()

    # Episodes with no live movement left (each one deleted by hand) still show,
    # in the night they were opened, so that they can be annotated or deleted.
    for ep in store.episodes(child_id, t0, t1):
        if ep.id in listed:
            continue
        n = night_number(night_of(ep.opened, start_hour))
        if lo <= n <= hi:
            by_night.setdefault(n, []).append(EpisodeItem(ep))

    for period in store.sleep_periods(child_id, t0, t1):
        n = night_number(night_of(period.asleep, start_hour))
        if lo <= n <= hi:
            by_night.setdefault(n, []).append(SleepItem(period))

    return [
        NightItem(night_date(n), _sorted_items(items))
        for n, items in sorted(by_night.items(), reverse=True)
    ]


def build_night(store: Store, child_id: str, night: date) -> NightItem | None:
    """One night, or None when nothing is logged in it."""
    found = build_nights(store, child_id, night, night)
    return found[0] if found else None


def with_movement(night: NightItem, movement: Movement, episode: Episode) -> NightItem | None:
    """`night` with one new tap added, without reading the store (the hot path).

    Returns None when the tap's episode is not this night's (it began in an
    earlier night): the caller then rebuilds from the store.
    """
    items = list(night.items)
    for i, item in enumerate(items):
        if isinstance(item, EpisodeItem) and item.key == episode.id:
            moves = tuple(sorted((*item.movements, movement), key=lambda m: m.at.utc_ms))
            items[i] = EpisodeItem(episode, moves)
            break
    else:
        if episode.opened.utc_ms < movement.at.utc_ms:
            return None  # an older episode, listed elsewhere (or not at all)
        items.append(EpisodeItem(episode, (movement,)))
    return NightItem(night.night, _sorted_items(items))


# --- times a parent types ---------------------------------------------------------

_TIME = r"(?P<h>\d{1,2})[:.h](?P<m>\d{2})(?:[:.](?P<s>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?"
_TIME_ONLY = re.compile(rf"^{_TIME}$", re.IGNORECASE)
_DATE_TIME = re.compile(
    rf"^(?P<date>\d{{4}}-\d{{1,2}}-\d{{1,2}})(?:[ T]+|\s*,\s*){_TIME}$", re.IGNORECASE
)

# Marked for Qt's lupdate; the History editors show it translated (context "History").
TIME_HELP = QT_TRANSLATE_NOOP(
    "History", "Type a time like 03:05 or 21:40:15, or a date and time like 2026-11-24 03:05."
)


def format_local(at: Instant, with_date: bool = True) -> str:
    """How an editable time is shown: local wall clock, to the second."""
    return f"{at.local():%Y-%m-%d %H:%M:%S}" if with_date else f"{at.local():%H:%M:%S}"


def parse_local(
    text: str,
    *,
    night: date | None,
    start_hour: int,
    offset_min: int | None = None,
) -> Instant:
    """Read a local wall-clock time a parent typed.

    Args:
        text: "03:05", "3:05 am", "21:40:15", or "2026-11-25 03:05[:15]".
        night: the night a bare time belongs to (with a start hour of 18, 21:00
            is that evening and 03:00 the next morning); None means a date is needed.
        start_hour: the night start hour.
        offset_min: the UTC offset to read the time in (the edited instant's own
            offset); None uses this computer's zone at that moment.

    Raises:
        ValueError: a message for the parent saying what to type instead.
    """
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValueError("Please type a time. " + TIME_HELP)
    match = _DATE_TIME.match(cleaned) or _TIME_ONLY.match(cleaned)
    if match is None:
        raise ValueError(f"{cleaned!r} is not a time I can read. " + TIME_HELP)
    hour, minute = int(match["h"]), int(match["m"])
    second = int(match["s"] or 0)
    ampm = (match["ampm"] or "").lower().replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            raise ValueError(f"{cleaned!r}: with am/pm the hour must be 1 to 12.")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(f"{cleaned!r} is not a time of day. " + TIME_HELP)
    groups = match.groupdict()
    if groups.get("date"):
        try:
            day = date.fromisoformat("-".join(f"{int(p):02d}" for p in groups["date"].split("-")))
        except ValueError:
            raise ValueError(f"{groups['date']!r} is not a date (use YYYY-MM-DD).") from None
    elif night is not None:
        day = night if hour >= start_hour else night + timedelta(days=1)
    else:
        raise ValueError("Please give the date too, like 2026-11-24 03:05.")
    wall = datetime(day.year, day.month, day.day, hour, minute, second)
    since_epoch = wall - datetime(1970, 1, 1)
    local_ms = since_epoch.days * MS_PER_DAY + since_epoch.seconds * 1000
    if offset_min is not None:
        return Instant(local_ms - offset_min * MS_PER_MIN, offset_min)
    # This computer's zone: the offset depends on the UTC instant, which depends
    # on the offset; two rounds settle it (also across a DST change).
    offset = system_offset_min(local_ms)
    offset = system_offset_min(local_ms - offset * MS_PER_MIN)
    return Instant(local_ms - offset * MS_PER_MIN, offset)


def check_not_future(at: Instant, now_ms: int, what: str = "That time") -> None:
    """Raises ValueError when `at` is later than now (history is the past)."""
    if at.utc_ms > now_ms + FUTURE_SLACK_MS:
        raise ValueError(f"{what} ({format_local(at)}) is in the future.")


def check_sleep(asleep: Instant, awake: Instant | None, dates: DateFormatter = ISO_DATES) -> None:
    """Raises ValueError when the Awake mark is not after the Asleep mark."""
    if awake is not None and awake.utc_ms <= asleep.utc_ms:

        def when(at: Instant) -> str:
            wall = at.local()
            return f"{dates.weekday(wall.date())} {dates.time(wall, seconds=True)}"

        raise ValueError(f"Awake ({when(awake)}) must be after asleep ({when(asleep)}).")
