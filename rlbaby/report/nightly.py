"""The report's night-by-night sections: the table of nights and the charts."""

from __future__ import annotations

from datetime import time as clock

from rlbaby.analysis.runs import overlap_s
from rlbaby.report.canvas import DPI, PageCanvas
from rlbaby.report.charts import ChartImages
from rlbaby.report.content import ReportContent
from rlbaby.report.format import DASH, day, num, short_day
from rlbaby.report.table import Column, Row, draw_table
from rlbaby.ui.locale_format import format_time
from rlbaby.wording import plural


def night_table(cv: PageCanvas, c: ReportContent) -> None:
    cv.heading("Night by night", keep=cv.pt(110))
    if not c.nights:
        cv.paragraph("No nights to show.")
        return
    rows = [
        Row(
            [
                short_day(s.night),
                str(s.movements),
                str(s.episodes),
                num(s.longest_episode_min),
                num(s.movements_per_sleep_hour),
                str(s.periodic_runs),
                str(s.rapid_clusters),
            ]
        )
        for s in c.nights
    ]
    a = c.averages
    assert a is not None  # there are nights
    rows.append(
        Row(
            [
                f"Average of {plural(len(c.nights), 'night')}",
                num(a.movements),
                num(a.episodes),
                num(a.longest_episode_min),
                num(a.movements_per_sleep_hour),
                num(a.periodic_runs),
                num(a.rapid_clusters),
            ],
            bold=True,
            rule_above=True,
        )
    )
    draw_table(
        cv,
        [
            Column("Night (evening of)", 0.2),
            Column("Movements", 0.12, right=True),
            Column("Episodes", 0.11, right=True),
            Column("Longest episode (min)", 0.15, right=True),
            Column("Movements per sleep hour", 0.16, right=True),
            Column("Periodic runs", 0.13, right=True),
            Column("Rapid clusters", 0.13, right=True),
        ],
        rows,
    )
    lo, hi = c.rule.interval_s
    cv.bullets(
        [
            f"A night runs from {format_time(clock(c.start_hour))} to "
            f"{format_time(clock(c.start_hour))} the next day and is named by its "
            "evening. An episode is a spell of restlessness: taps with no long pause between "
            "them.",
            "Movements per sleep hour: taps made between the parent's Asleep and Awake marks, "
            f"divided by those hours ({DASH} when no sleep was marked). The average pools all "
            "marked hours.",
            f"Periodic runs: 4 or more taps in a row within one episode, every gap {lo:.0f} to "
            f"{hi:.0f} seconds (the {c.rule.title} interval rule for leg-movement series). "
            "This is a pattern in a parent's taps, not a sleep-lab measurement: a tap marks "
            "when a movement was noticed, and movements are missed while a parent sleeps.",
            "Rapid clusters: 4 or more taps in a row within one episode, every gap under 10 "
            "seconds. This is what ordinary twitching in active (dreaming) sleep often looks "
            "like; a cluster with stiffening, eye signs or a color change is a red flag."
            + rapid_overlap_note(c),
        ],
        font=cv.fonts.small,
    )


def rapid_overlap_note(c: ReportContent) -> str:
    """Under the AASM rule a run of 5-9 s gaps is both kinds of run: say so."""
    both = overlap_s(c.rule.interval_s[0])
    if both is None:
        return ""
    lo, hi = both
    return (
        f" Under the {c.rule.title} rule, gaps of {lo:.0f} to under {hi:.0f} seconds fit both "
        "patterns: such a run is counted as a periodic run and as a rapid cluster."
    )


def charts(cv: PageCanvas, c: ReportContent, images: ChartImages) -> None:
    cv.heading("Charts", keep=cv.mm(95))  # the first chart (85 mm) and its caption
    if not c.nights:
        cv.paragraph("No nights to chart.")
        return
    width = cv.width * 25.4 / DPI
    lo, hi = c.rule.interval_s
    cv.picture(
        images.trend(c.first, c.last, width, 85),
        cv.mm(85),
        f"Trend: night by night, {day(c.first)} to {day(c.last)}",
    )
    cv.picture(
        images.night_map(c.first, c.last, width, 75),
        cv.mm(75),
        "Night map: when in the night the movements came",
    )
    cv.picture(
        images.intervals(c.first, c.last, width, 55),
        cv.mm(55),
        f"Gaps between taps within episodes: shaded, under 10 s (rapid) and {lo:.0f} to "
        f"{hi:.0f} s (the periodic-run range)",
    )
    for s in c.samples:
        why = " and ".join(s.reasons)
        cv.picture(
            images.timeline(s.night, width, 42),
            cv.mm(42),
            f"Timeline of the night of {short_day(s.night)}: {why} "
            f"({plural(s.movements, 'movement')})",
        )
