"""Load Qt for the GUI start without PySide6's scan of every later import.

PySide6 puts a hook in front of Python's `__import__` for its opt-in
`__feature__` switches (`from __feature__ import snake_case`). For every module
named in an import statement run after PySide6 is loaded, the hook reads that
module's whole source file once, looking for the word "PySide6". At start that
is about 80 modules (the UI's, and every standard module they import), some
tens of milliseconds of the wait at 3 a.m., and the lines read stay in
`linecache` (see source_lines.py). rlbaby switches no `__feature__` on.

`load_qt()` imports the Qt modules the start needs, then gives the import back
to what PySide6 found under its hook: PySide6's own lazy loading of Qt classes,
which sits below it, stays. Only a process in which rlbaby loads PySide6 itself
is changed: a launcher that imported PySide6 first keeps its hook.

Given a folder, the import also keeps the compiled code of shiboken's
signature modules there, which it would otherwise compile from source at
every start (qt_code_cache.py).
"""

from __future__ import annotations

import builtins
import sys
from contextlib import nullcontext
from pathlib import Path

from rlbaby.ui.qt_code_cache import compiled_once


def load_qt(code_cache: Path | None = None) -> bool:
    """Import QtCore, QtGui and QtWidgets; True if PySide6's import scan was taken off.

    Args:
        code_cache: a folder for the compiled code of shiboken's signature
            modules (a derived cache); None compiles them as PySide6 does.
    """
    fresh = "PySide6.QtCore" not in sys.modules
    with compiled_once(code_cache) if code_cache is not None else nullcontext():
        import PySide6.QtCore
    import PySide6.QtGui
    import PySide6.QtWidgets  # noqa: F401 - loaded here, before the hook goes

    if not fresh:
        return False
    hook = getattr(builtins, "__feature_import__", None)
    below = getattr(builtins, "__orig_import__", None)
    if hook is None or below is None or builtins.__import__ is not hook:
        return False  # another PySide6, or no hook: leave the import as it is
    builtins.__import__ = below
    return True
