"""Guide content loaded from resources/guide/. Qt-free."""

from rlbaby.content.guide import Guide, Hit, Section, search_words

__all__ = ["Guide", "Hit", "Section", "search_words"]
