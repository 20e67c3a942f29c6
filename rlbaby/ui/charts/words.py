"""The Charts tab's words: range names, figure names and chart labels.

The numbers come from rlbaby.analysis (chart_data, ranges, breakdowns), which
never holds wording; the report's soothing table reads these too. The names are
marked for Qt's lupdate in the context "Charts" and stay English here: the
Charts tab translates them where it shows them (ui/i18n.tr_marked), the PDF
report stays English for now.
"""

from __future__ import annotations

from datetime import date

from rlbaby.analysis.breakdowns import BREAKDOWNS, NOT_NOTED, Breakdown, SoothingSummary
from rlbaby.analysis.chart_data import TREND_KEYS
from rlbaby.analysis.ranges import RANGE_KEYS
from rlbaby.model import Soothing, label
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.ui.locale_format import format_night
from rlbaby.wording import plural

RANGE_CHOICES: dict[str, str] = dict(
    zip(
        RANGE_KEYS,
        (
            QT_TRANSLATE_NOOP("Charts", "Tonight"),
            QT_TRANSLATE_NOOP("Charts", "Last 7 nights"),
            QT_TRANSLATE_NOOP("Charts", "Last 30 nights"),
            QT_TRANSLATE_NOOP("Charts", "Last 90 nights"),
            QT_TRANSLATE_NOOP("Charts", "All nights"),
            QT_TRANSLATE_NOOP("Charts", "Chosen dates"),
            QT_TRANSLATE_NOOP("Charts", "One night"),
        ),
        strict=True,
    )
)

TREND_METRICS: dict[str, str] = dict(
    zip(
        TREND_KEYS,
        (
            QT_TRANSLATE_NOOP("Charts", "Movements"),
            QT_TRANSLATE_NOOP("Charts", "Episodes"),
            QT_TRANSLATE_NOOP("Charts", "Movements per hour asleep"),
            QT_TRANSLATE_NOOP("Charts", "Periodic runs"),
        ),
        strict=True,
    )
)

BREAKDOWN_TITLES: dict[str, str] = {
    "responses": QT_TRANSLATE_NOOP("Charts", "Response to soothing"),
    "signs": QT_TRANSLATE_NOOP("Charts", "Signs noticed"),
    "triggers": QT_TRANSLATE_NOOP("Charts", "Possible triggers"),
    "onset": QT_TRANSLATE_NOOP("Charts", "State when it started"),
}
_ANSWERS = dict(BREAKDOWNS)


def single_night_text(night: date) -> str:
    """How the range box names a single night: "Night of Sun, Nov 29" (en_US)."""
    return f"Night of {format_night(night)}"


def answer_labels(b: Breakdown) -> tuple[str, ...]:
    """The answers of a breakdown in words, in its order."""
    enum = _ANSWERS[b.field]
    not_noted = QT_TRANSLATE_NOOP("Charts", "not noted")
    return tuple(not_noted if k == NOT_NOTED else label(enum(k)) for k in b.keys)


def base_text(b: Breakdown) -> str:
    """What a breakdown's percentages are "of", e.g. "of 40 episodes"."""
    if b.field == "responses":
        return f"of {plural(b.base, 'episode')} with a response noted"
    return f"of {plural(b.base, 'episode')}"


def soothing_labels(s: SoothingSummary) -> tuple[str, ...]:
    """Each kind of soothing in words, in the summary's order."""
    return tuple(label(Soothing(k)) for k in s.keys)


def helped_text(s: SoothingSummary, i: int) -> str:
    """One row in words, e.g. "tried in 12 episodes; you noted it helped in 9 of
    the 10 with a response noted"."""
    n, h, k = int(s.tried[i]), int(s.helped[i]), int(s.noted[i])
    if n == 0:
        return "not tried"
    text = f"tried in {plural(n, 'episode')}"
    if k == 0:
        return text + "; no response noted"
    the = "the one" if k == 1 else f"the {k}"
    return text + f"; you noted it helped in {h} of {the} with a response noted"
