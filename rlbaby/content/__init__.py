"""Guide content loaded from resources/guide/. Qt-free."""

from rlbaby.content.guide import (
    EMERGENCY_TOKEN,
    Guide,
    Hit,
    Section,
    fill,
    search_words,
    without_markers,
    word_pattern,
)

__all__ = [
    "EMERGENCY_TOKEN",
    "Guide",
    "Hit",
    "Section",
    "fill",
    "search_words",
    "without_markers",
    "word_pattern",
]
