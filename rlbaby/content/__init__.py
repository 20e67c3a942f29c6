"""Guide content loaded from resources/guide/. Qt-free."""

from rlbaby.content.guide import Guide, Hit, Section, search_words, word_pattern

__all__ = ["Guide", "Hit", "Section", "search_words", "word_pattern"]
