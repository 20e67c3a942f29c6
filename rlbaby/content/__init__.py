"""Guide content loaded from resources/guide/. Qt-free."""

from rlbaby.content.guide import (
    EMERGENCY_EXAMPLES,
    EMERGENCY_TOKEN,
    Guide,
    Hit,
    Section,
    fill,
    fill_emergency_number,
    quiet_markers,
    search_words,
    without_markers,
    word_pattern,
)

__all__ = [
    "EMERGENCY_EXAMPLES",
    "EMERGENCY_TOKEN",
    "Guide",
    "Hit",
    "Section",
    "fill_emergency_number",
    "quiet_markers",
    "search_words",
    "fill",
    "without_markers",
    "word_pattern",
]
