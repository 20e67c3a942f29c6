"""A marker for Qt's translation tools that the Qt-free layers can use.

`pyside6-lupdate` extracts the strings inside `QT_TRANSLATE_NOOP("Context",
"text")` calls by their name, whatever module defines the function. This one
returns the English text unchanged, so model, analysis and services stay free
of Qt (tests/test_layers.py); the UI translates the returned text at its
boundary with `QCoreApplication.translate(context, text)` (rlbaby/ui/i18n.py).
"""

from __future__ import annotations

# The context of every label in records.LABELS (lupdate needs the literal
# "Labels" at each call; this name is for the UI's translate call).
LABELS_CONTEXT = "Labels"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802  # lupdate needs this name
    """Mark `text` for extraction into `context`; returns `text` unchanged."""
    del context  # only lupdate reads it
    return text
