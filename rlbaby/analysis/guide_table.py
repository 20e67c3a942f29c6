"""The guide's table of typical and concerning signs, and the comparison's rules.

The words of the table in resources/guide/07-normal-or-concerning.md, the two
sides a row can lean to, and each aspect's threshold with the text that explains
it. `comparison.py` applies them to a log.
"""

from __future__ import annotations

from enum import StrEnum

from rlbaby.analysis.nights import CORE_HOURS
from rlbaby.model.i18n import QT_TRANSLATE_NOOP


class Lean(StrEnum):
    TYPICAL = "typical"
    DISCUSS = "discuss"
    NOT_ENOUGH = "not_enough"


# How the Guide's table and the report name a row's lean; the same words in both.
# Marked for Qt's lupdate (context "Comparison"): the Guide tab shows them
# translated; the report stays English for now.
LEAN_WORDS = {
    Lean.TYPICAL: QT_TRANSLATE_NOOP("Comparison", "Closer to typical"),
    Lean.DISCUSS: QT_TRANSLATE_NOOP("Comparison", "Leans to worth discussing"),
    Lean.NOT_ENOUGH: QT_TRANSLATE_NOOP("Comparison", "Cannot tell yet"),
}


# --- the guide's table ---------------------------------------------------------
# The same words as the table in resources/guide/07-normal-or-concerning.md;
# tests/analysis/test_comparison.py checks that they match, so there is one text.
# Marked for Qt's lupdate: the Guide tab shows them translated (context
# "Comparison"); the figures of "your log" and the rules stay English for now.

FREQUENCY = QT_TRANSLATE_NOOP("Comparison", "Frequency")
RESPONSE = QT_TRANSLATE_NOOP("Comparison", "Response to soothing")
ASSOCIATED = QT_TRANSLATE_NOOP("Comparison", "Associated symptoms")
TIME = QT_TRANSLATE_NOOP("Comparison", "Time of occurrence")
APPEARANCE = QT_TRANSLATE_NOOP("Comparison", "Physical appearance")

GUIDE_TABLE: dict[str, tuple[str, str]] = {
    FREQUENCY: (
        QT_TRANSLATE_NOOP("Comparison", "Kicks or fidgets now and then, with quiet spells between"),
        QT_TRANSLATE_NOOP("Comparison", "Jerking that hardly lets up and keeps waking your baby"),
    ),
    RESPONSE: (
        QT_TRANSLATE_NOOP("Comparison", "Calms when you comfort your baby"),
        QT_TRANSLATE_NOOP("Comparison", "Keeps going however you try to settle your baby"),
    ),
    ASSOCIATED: (
        QT_TRANSLATE_NOOP("Comparison", "Nothing else seems wrong"),
        QT_TRANSLATE_NOOP("Comparison", "Crying you cannot settle, or problems with feeding"),
    ),
    TIME: (
        QT_TRANSLATE_NOOP("Comparison", "Mostly when your baby is lively and alert"),
        QT_TRANSLATE_NOOP("Comparison", "Mostly in the night"),
    ),
    APPEARANCE: (
        QT_TRANSLATE_NOOP("Comparison", "Smooth, flowing (stretching, cycling)"),
        QT_TRANSLATE_NOOP("Comparison", "Twitchy spasms or stiffness"),
    ),
}

DISCLAIMER = QT_TRANSLATE_NOOP(
    "Comparison",
    "This is not a diagnosis. It sets what you logged beside the guide's table, "
    "as a starting point for a talk with your doctor.",
)

# --- thresholds (conservative on purpose; see each rule text) ------------------
# Chosen for this app, not taken from the literature: no study gives cut-offs for
# a parent's taps. RESTLESS_MINUTES was 30 until the demo's all-quiet children
# leaned "worth discussing" in 1 of 10 runs (a quiet night of 2-3 episodes often
# adds up to half an hour); at 60, no quiet demo night counts as restless.

MIN_NIGHTS = 7
MIN_EPISODES = 5
RESTLESS_EPISODES = 4  # episodes in one night (demo's quiet nights have 2-3)
RESTLESS_MINUTES = 60.0  # minutes of episodes in one night
MIN_RESPONSES = 5
ASSOCIATED_MIN_EPISODES = 3
ASSOCIATED_MIN_SHARE = 0.2
APPEARANCE_MIN_EPISODES = 3

CORE_TEXT = f"{CORE_HOURS[0]:02d}:00 and {CORE_HOURS[1]:02d}:00"
OWN_THRESHOLDS = "These thresholds are this app's own choice, not figures from medical research."

FREQUENCY_RULE = (
    f"A night counts as restless when it had {RESTLESS_EPISODES} or more episodes, or "
    f"{RESTLESS_MINUTES:.0f} minutes or more of episodes in all: movements that keep coming "
    "back or last long are what breaks sleep. Leans 'worth discussing' when more than half "
    "of the logged nights were restless (most nights); otherwise 'typical'. " + OWN_THRESHOLDS
)
RESPONSE_RULE = (
    "Counts the episodes where you noted how your baby responded. Leans 'worth discussing' "
    "when fewer than half of them settled (within 5 minutes or slowly); otherwise 'typical'. "
    f"Needs at least {MIN_RESPONSES} noted responses. " + OWN_THRESHOLDS
)
ASSOCIATED_RULE = (
    "Counts the episodes where you noted inconsolable crying or feeding difficulty. Leans "
    f"'worth discussing' when that is {ASSOCIATED_MIN_EPISODES} or more episodes and at least "
    "1 in 5 of all episodes; otherwise 'typical'. Red flags are not weighed here: they "
    "are listed on their own. " + OWN_THRESHOLDS
)
TIME_RULE = (
    "This row never leans either way. You log at night, so almost every tap falls at night "
    "whatever the cause: the log cannot show whether the movements are mainly at night. "
    f"It only shows the share of your taps between {CORE_TEXT}. Tell the doctor whether you "
    "see the same movements during the day."
)
APPEARANCE_RULE = (
    "Counts the episodes where you noted twitching spasms or stiffness (the sign, or taps "
    f"marked stiffening). Leans 'worth discussing' when that is {APPEARANCE_MIN_EPISODES} or "
    "more episodes; otherwise 'typical'. Taps marked jerk / twitch are not counted: small, "
    "brief twitches in sleep are normal in young babies. Each such episode is also a red "
    "flag, listed on its own at the top: do not wait for the count. " + OWN_THRESHOLDS
)
RULES: dict[str, str] = {
    FREQUENCY: FREQUENCY_RULE,
    RESPONSE: RESPONSE_RULE,
    ASSOCIATED: ASSOCIATED_RULE,
    TIME: TIME_RULE,
    APPEARANCE: APPEARANCE_RULE,
}
ENOUGH_RULE = (
    f"The comparison starts once {MIN_NIGHTS} nights and {MIN_EPISODES} episodes are logged, "
    "so that one unusual night cannot tip it."
)
