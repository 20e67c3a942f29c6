"""The report's sections, each drawn onto a PageCanvas from ReportContent.

Wording is for a pediatrician reading a parent's log: plain, with every figure
explained, and never presented as a measurement or a diagnosis.
"""

from __future__ import annotations

from rlbaby.analysis.guide_table import (
    LEAN_WORDS,
    Lean,
)
from rlbaby.model import Child, FamilyHistory, Instant, RedFlag, label
from rlbaby.report.canvas import PageCanvas
from rlbaby.report.content import MIN_NIGHTS, ReportContent, doctor_questions
from rlbaby.report.format import DASH, day, months_between, sentence_case, short_day
from rlbaby.report.table import Column, Row, draw_table
from rlbaby.ui.charts.words import soothing_labels
from rlbaby.ui.locale_format import format_date, format_time
from rlbaby.wording import plural

RED_FLAG_LIST = ", ".join(label(f) for f in RedFlag)


def footer_text(c: ReportContent) -> str:
    return (
        f"A parent's log, not a diagnosis · {c.child.name} · "
        f"nights {day(c.first)} to {day(c.last)} · made with rlbaby"
    )


# --- sections ----------------------------------------------------------------


def title(cv: PageCanvas, c: ReportContent) -> None:
    cv.heading(f"Night log of leg movements: {c.child.name}", level=1)
    made = format_date(Instant.at_system_offset(c.made_ms))
    cv.paragraph(
        f"Nights of {day(c.first)} to {day(c.last)} · made on {made} · "
        f"periodic runs by the {c.rule.title} rule",
        cv.fonts.bold,
    )
    cv.paragraph(
        "A parent logged these nights with the rlbaby app, tapping a button each time they "
        "noticed their baby's legs move, and noting what happened. The figures count those "
        "taps. They are a parent's observations to support a conversation with you: not a "
        "sleep-lab measurement and not a diagnosis.",
        color="text_dim",
        after=cv.pt(6),
    )


def child_details(cv: PageCanvas, c: ReportContent) -> None:
    child: Child = c.child
    cv.heading(f"About {child.name}", keep=cv.pt(80))
    if child.birth_date:
        age = months_between(child.birth_date, c.last)
        born = f"{day(child.birth_date)} (about {plural(age, 'month')} old on {day(c.last)})"
    else:
        born = "not given"
    early = {True: "yes", False: "no", None: "not given"}[child.born_early]
    family = label(child.family_history)
    if child.family_history is FamilyHistory.YES:
        family = "yes, restless legs in the family"
    rows = [
        Row(["Born", born]),
        Row(["Born early", early]),
        Row(["Family history of restless legs", family]),
        Row(["Health notes", child.notes.strip() or "none written"]),
    ]
    draw_table(cv, [Column("", 0.3, bold=True), Column("", 0.7)], rows, header=False)
    if child.labs:
        cv.paragraph("Lab results, exactly as the parent entered them:", cv.fonts.bold)
        draw_table(
            cv,
            [Column("Test", 0.35), Column("Result", 0.35), Column("Taken", 0.3)],
            [
                Row(
                    [
                        lab.test,
                        f"{lab.value} {lab.unit}".strip(),
                        day(lab.taken) if lab.taken else "date not given",
                    ]
                )
                for lab in child.labs
            ],
        )
    else:
        cv.paragraph("Lab results: none entered.")


def overview(cv: PageCanvas, c: ReportContent) -> None:
    cv.heading("What was logged")
    span = (c.last - c.first).days + 1
    n = len(c.nights)
    if n == 0:
        cv.paragraph(f"No nights were logged in this range of {plural(span, 'night')}.")
    else:
        episodes = sum(s.episodes for s in c.nights)
        cv.paragraph(
            f"{plural(n, 'night')} logged out of the {plural(span, 'night')} in this range, "
            f"with {plural(c.movements, 'movement')} in {plural(episodes, 'episode')}. "
            "A night counts as logged when it has movements or sleep marks."
        )
    if c.few_nights:
        cv.paragraph(
            f"Fewer than {MIN_NIGHTS} nights were logged. Movements vary a lot from one night "
            "to the next, so patterns over so few nights may not be typical for this baby.",
            cv.fonts.bold,
            color="accent",
        )
    if c.videos:
        cv.paragraph(
            f"{c.videos} of {plural(c.episodes, 'episode')} have a video the parent can show you."
        )
    else:
        cv.paragraph("No episode in this range is marked as having a video.")
    k = c.urgent_episodes
    if k:
        cv.paragraph(
            f"{plural(k, 'episode')} had a red flag the guide says not to wait with "
            f"({RED_FLAG_LIST}). Each is listed under 'Episodes with signs'. The app told "
            "the parent to seek medical help at once for these: call a doctor urgently, or "
            f"the local emergency number ({c.emergency_number}).",
            cv.fonts.bold,
            color="urgent",
        )
    else:
        cv.paragraph(f"No red flags logged ({RED_FLAG_LIST}).")


def comparison(cv: PageCanvas, c: ReportContent) -> None:
    cv.heading("The log beside the guide's five aspects", keep=cv.pt(120))
    cmp = c.comparison
    cv.paragraph(
        "The app's guide describes five aspects of leg movements in babies, each with what is "
        "typical and what is worth discussing with a doctor. Each row says which side this "
        "log leans to, and why, by a simple counting rule. The rules' thresholds are this "
        "app's own choice, not figures from medical research. Red flags are never only "
        "counted here: they are listed on their own under 'Episodes with signs'.",
        color="text_dim",
    )
    if not cmp.enough:
        # Every row says the same then; say it once.
        first = cmp.rows[0]
        cv.paragraph(f"{first.your_log}. {first.why}", cv.fonts.bold)
    rows = []
    for r in cmp.rows:
        log = f"{r.your_log}.\n{r.why}" if cmp.enough else DASH
        rows.append(
            Row(
                [r.aspect, r.typical, r.concerning, log, LEAN_WORDS[r.lean]],
                # The urgent tone is kept for red flags: a lean is a prompt to talk.
                tones={4: "accent"} if r.lean is Lean.DISCUSS else {},
            )
        )
    draw_table(
        cv,
        [
            Column("Aspect", 0.14),
            Column("Typical", 0.19),
            Column("Worth discussing", 0.19),
            Column("This log", 0.34),
            Column("Lean", 0.14),
        ],
        rows,
    )
    cv.paragraph(cmp.disclaimer, cv.fonts.small, color="text_dim")


def sign_episodes(cv: PageCanvas, c: ReportContent) -> None:
    cv.heading("Episodes with signs", keep=cv.pt(90))
    if not c.sign_episodes:
        cv.paragraph("No signs were noted with any episode in this range.")
        return
    cv.paragraph(
        "Every episode where the parent noted a sign, with what they tried and how the baby "
        "responded. Red flags are marked URGENT.",
        color="text_dim",
    )
    rows = []
    for e in c.sign_episodes:
        signs = []
        if e.urgent:
            signs.append("URGENT: " + ", ".join(e.urgent))
        signs += list(e.other)
        rows.append(
            Row(
                [
                    f"night of {short_day(e.night)}, {format_time(e.at)}",
                    "\n".join(signs),
                    e.soothing or DASH,
                    e.response or DASH,
                    e.stopped_when_woken or DASH,
                    e.note or DASH,
                ],
                tones={1: "urgent"} if e.urgent else {},
            )
        )
    draw_table(
        cv,
        [
            Column("When", 0.15),
            Column("Signs", 0.19),
            Column("Soothing tried", 0.17),
            Column("Response", 0.13),
            Column("Stopped when woken", 0.11),
            Column("Parent's note", 0.25),
        ],
        rows,
    )


def soothing(cv: PageCanvas, c: ReportContent) -> None:
    """What the parent tried, and how often they noted the baby settled after it."""
    cv.heading("What was tried to soothe", keep=cv.pt(90))
    s = c.soothing
    if s.empty:
        cv.paragraph("Nothing tried to soothe was noted with any episode in this range.")
        return
    cv.paragraph(
        f"Something tried was noted for {s.with_soothing} of {plural(s.episodes, 'episode')}. "
        "For each thing tried: the episodes it was tried in, and how the parent noted the "
        'baby responded. "Helped" means the parent noted that the baby settled (within '
        "about 5 minutes, or slowly). An episode where several things were tried counts for "
        "each of them, so this shows what the parent noted, not which soothing works.",
        color="text_dim",
    )
    rows = [
        Row(
            [
                sentence_case(soothing_labels(s)[i]),
                str(int(s.tried[i])),
                str(int(s.helped[i])),
                str(int(s.not_helped[i])),
                str(int(s.not_noted[i])),
            ]
        )
        for i in s.order_by_tried()
    ]
    draw_table(
        cv,
        [
            Column("What was tried", 0.36),
            Column("Episodes tried in", 0.16, right=True),
            Column("Noted it helped (settled)", 0.18, right=True),
            Column("Noted it did not settle", 0.16, right=True),
            Column("No response noted", 0.14, right=True),
        ],
        rows,
    )


def questions(cv: PageCanvas, c: ReportContent) -> None:
    cv.heading("Questions to ask the doctor", keep=cv.mm(60))
    cv.bullets(doctor_questions(), marker="☐")
    cv.writing_lines("Our own questions:", 4)


def doctor_notes(cv: PageCanvas, c: ReportContent) -> None:
    cv.heading("Doctor's notes", keep=cv.mm(90))
    cv.writing_lines("", 12, fill=True)
