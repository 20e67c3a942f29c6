"""Every date and time the UI and the report show, written by QLocale.

The app sets its default locale once at start (the system's, or the Settings
language), and everything here reads `QLocale()`, so one place decides the
language of month and weekday names, the order of day, month and year, and
whether times are 12- or 24-hour ("3:07 AM" in en_US, "03:07" in de_DE).
Nothing here uses strftime: its %a/%b/%p follow the C locale Qt sets, which
need not be the UI's.

Qt offers a short (numeric) and a long date format per locale. The medium
forms the app needs ("Dec 2, 2026", "Wed, Dec 2", "Dec 2026") are cut from the
long one, so they keep the locale's order and its words ("2. Dez.", "12月2日").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date, datetime, time

from PySide6.QtCore import QLocale, QTime

from rlbaby.model import Instant
from rlbaby.ui.widgets.dates import qdate_of
from rlbaby.wording import night_clock

# --- the locale's long date format, cut into pieces -----------------------------------


@dataclass
class _Unit:
    field: str  # "dddd", "d", "MMMM", "yyyy", ...
    suffix: str  # literal that belongs to the field: "年", "日", "." after a day


@dataclass
class _Pattern:
    prefix: str
    units: list[_Unit]
    seps: list[str]  # seps[i] sits between units[i] and units[i + 1]

    def without(self, kind: str) -> _Pattern:
        """The pattern without a field ("weekday", "day", "year") and the separator it leaves."""
        units, seps = list(self.units), list(self.seps)
        for i, unit in enumerate(units):
            if _kind(unit.field) != kind:
                continue
            if len(units) == 1:
                return _Pattern(self.prefix, [], [])
            if i == len(units) - 1:
                del seps[i - 1]
            else:
                del seps[i]
            del units[i]
            return _Pattern(self.prefix, units, seps)
        return self

    def with_field(self, old: str, new: str) -> _Pattern:
        units = [_Unit(new if u.field == old else u.field, u.suffix) for u in self.units]
        return _Pattern(self.prefix, units, list(self.seps))

    def text(self) -> str:
        out, literal = [], self.prefix
        for i, unit in enumerate(self.units):
            out += [_quote(literal), unit.field]
            literal = unit.suffix + (self.seps[i] if i < len(self.seps) else "")
        return "".join([*out, _quote(literal)])


def _kind(field: str) -> str:
    if field[0] == "d":
        return "weekday" if len(field) > 2 else "day"
    return {"M": "month", "y": "year"}.get(field[0], field)


def _quote(literal: str) -> str:
    return "'" + literal.replace("'", "''") + "'" if literal else ""


def _tokens(fmt: str, letters: str) -> list[tuple[bool, str]]:
    """(is_field, text) pieces of a Qt date/time format; quoted text is unquoted."""
    out: list[tuple[bool, str]] = []

    def literal(text: str) -> None:
        if out and not out[-1][0]:
            out[-1] = (False, out[-1][1] + text)
        else:
            out.append((False, text))

    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == "'":
            j, buf = i + 1, ""
            while j < len(fmt):
                if fmt[j] == "'":
                    if j + 1 < len(fmt) and fmt[j + 1] == "'":
                        buf, j = buf + "'", j + 2
                        continue
                    break
                buf, j = buf + fmt[j], j + 1
            literal(buf if j > i + 1 else "'")
            i = j + 1
        elif c in letters:
            j = i
            while j < len(fmt) and fmt[j] == c:
                j += 1
            out.append((True, fmt[i:j]))
            i = j
        else:
            literal(c)
            i += 1
    return out


def _suffix_length(field: str, literal: str) -> int:
    """How much of the literal after `field` belongs to it: "年", "일", a day's "."."""
    n = 0
    while n < len(literal) and literal[n].isalpha():
        n += 1
    if n == 0 and field in ("d", "dd") and literal.startswith("."):
        n = 1
    return n


def _pattern(fmt: str) -> _Pattern:
    tokens = _tokens(fmt, "dMy")
    prefix = ""
    if tokens and not tokens[0][0]:
        prefix = tokens.pop(0)[1]
    units: list[_Unit] = []
    seps: list[str] = []
    for k, (is_field, text) in enumerate(tokens):
        if is_field:
            units.append(_Unit(text, ""))
            continue
        if k == len(tokens) - 1:
            units[-1].suffix = text  # the tail ("г.") belongs to the last field
            continue
        n = _suffix_length(units[-1].field, text)
        units[-1].suffix = text[:n]
        seps.append(text[n:])
    while len(seps) < len(units) - 1:  # two fields with nothing between them
        seps.append("")
    return _Pattern(prefix, units, seps)


def _long() -> _Pattern:
    return _pattern(QLocale().dateFormat(QLocale.FormatType.LongFormat))


def date_format() -> str:
    """The locale's medium date: "MMM d, yyyy" (en_US), "d. MMM yyyy" (de_DE)."""
    return _long().without("weekday").with_field("MMMM", "MMM").text()


def night_format() -> str:
    """Weekday, day and month, no year: "ddd, MMM d" (en_US), "M月d日ddd" (ja_JP)."""
    p = _long().with_field("dddd", "ddd").with_field("MMMM", "MMM")
    return p.without("year").text()


def weekday_date_format() -> str:
    """Weekday and a medium date, for date fields: "ddd, MMM d, yyyy"."""
    return _long().with_field("dddd", "ddd").with_field("MMMM", "MMM").text()


def day_month_format() -> str:
    """Day and month: "MMM d" (en_US), "d. MMM" (de_DE)."""
    p = _long().without("weekday").without("year")
    return p.with_field("MMMM", "MMM").text()


def month_year_format() -> str:
    """Month and year: "MMM yyyy" (en_US), "yyyy年M月" (ja_JP)."""
    p = _long().without("weekday").without("day")
    return p.with_field("MMMM", "MMM").text()


# --- times ---------------------------------------------------------------------------


def uses_12_hour() -> bool:
    """True when the locale writes times with AM/PM."""
    fmt = QLocale().timeFormat(QLocale.FormatType.ShortFormat)
    return any(f[0] in "aA" for is_f, f in _tokens(fmt, "hHmsaApPt") if is_f)


def time_format(seconds: bool = False) -> str:
    """The locale's short time format ("h:mm AP", "HH:mm"), with seconds if asked."""
    fmt = QLocale().timeFormat(QLocale.FormatType.ShortFormat)
    if not seconds:
        return fmt
    tokens = _tokens(fmt, "hHmsaApPt")
    out = []
    for k, (is_field, text) in enumerate(tokens):
        out.append(text if is_field else _quote(text))
        if is_field and text[0] == "m":
            sep = tokens[k - 1][1] if k and not tokens[k - 1][0] else ":"
            out.append(_quote(sep if len(sep) == 1 and not sep.isalpha() else ":") + "ss")
    return "".join(out)


def _wall(at: Instant | datetime | time) -> datetime | time:
    return at.local() if isinstance(at, Instant) else at


# --- what the UI calls -------------------------------------------------------------------


def format_time(at: Instant | datetime | time, seconds: bool = False) -> str:
    """A local wall-clock time: "3:07 AM" (en_US), "03:07" (de_DE)."""
    t = _wall(at)
    return QLocale().toString(QTime(t.hour, t.minute, t.second), time_format(seconds))


def format_date(d: date | Instant, long: bool = False, weekday: bool = False) -> str:
    """A date with its year: "Dec 2, 2026", with `weekday` "Wed, Dec 2, 2026";
    `long` writes the weekday and month in full: "Wednesday, December 2, 2026"."""
    if isinstance(d, Instant):
        d = d.local().date()
    if long:
        return QLocale().toString(qdate_of(d), QLocale.FormatType.LongFormat)
    return QLocale().toString(qdate_of(d), weekday_date_format() if weekday else date_format())


def format_night(night: date) -> str:
    """A night by its evening: "Wed, Dec 2" (en_US), "Mi., 2. Dez." (de_DE)."""
    return QLocale().toString(qdate_of(night), night_format())


def format_day_month(d: date) -> str:
    """ "Dec 2" (en_US), "2. Dez." (de_DE), "12月2日" (ja_JP)."""
    return QLocale().toString(qdate_of(d), day_month_format())


def format_month_year(d: date) -> str:
    """ "Dec 2026" (en_US), "Dez. 2026" (de_DE), "2026年12月" (ja_JP)."""
    return QLocale().toString(qdate_of(d), month_year_format())


def format_weekday(d: date) -> str:
    """A short weekday name: "Wed", "Mi.", "水"."""
    return QLocale().dayName(d.isoweekday(), QLocale.FormatType.ShortFormat)


def format_weekday_time(at: Instant | datetime, seconds: bool = False) -> str:
    """A weekday and a time, for moments within the last nights: "Wed 3:07 AM"."""
    wall = at.local() if isinstance(at, Instant) else at
    return f"{format_weekday(wall.date())} {format_time(wall, seconds)}"


def format_date_time(at: Instant | datetime) -> str:
    """A date with its year and a time: "Dec 2, 2026 3:07 AM"."""
    wall = at.local() if isinstance(at, Instant) else at
    return f"{format_date(wall.date())} {format_time(wall)}"


def format_clock(hours_after: float, start_hour: int, seconds: bool = False) -> str:
    """A time on a night's axis, given as hours after the night-start hour."""
    return format_time(night_clock(hours_after, start_hour), seconds)


class LocaleDates:
    """The DateFormatter (rlbaby.model.dateformat) for the Qt-free builders."""

    def date(self, d: dt.date) -> str:
        return format_date(d)

    def night(self, d: dt.date) -> str:
        return format_night(d)

    def time(self, t: dt.datetime | dt.time, seconds: bool = False) -> str:
        return format_time(t, seconds)

    def weekday(self, d: dt.date) -> str:
        return format_weekday(d)


def format_editable(at: Instant) -> str:
    """A time in an editable field: the ISO date, which reads back unambiguously,
    and the time in the locale's 12 or 24 hours ("2026-12-02 9:07:09 PM"), in
    the words services.history.parse_local reads."""
    wall = at.local()
    if not uses_12_hour():
        return f"{wall.date().isoformat()} {wall:%H:%M:%S}"
    hour = wall.hour % 12 or 12
    return f"{wall.date().isoformat()} {hour}:{wall:%M:%S} {'AM' if wall.hour < 12 else 'PM'}"
