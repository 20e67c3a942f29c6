"""Guide content loaded from resources/guide/. Qt-free."""

from rlbaby.content.guide import Guide, Hit, Section

__all__ = ["Guide", "Hit", "Section"]
