"""The source lines PySide6 has Python keep: let go once a batch of imports is done.

PySide6's `__feature__` support reads the whole source of every module
imported after PySide6 (`inspect.getsource`, to see whether it mentions
"PySide6"), and `linecache` keeps every line it read for the life of the
process. At the end of the memory bench (200k movements, every tab shown)
that was 17.5 MB of text: about 10 MB for rlbaby's own modules at start and
7 MB for pyqtgraph with the Charts tab. Nothing needs those lines until a
traceback is formatted, and linecache reads the file again then.

`python -m rlbaby` now takes that hook off as it loads Qt (qt_start.py), so
its start reads none of them; a process in which PySide6 came first (a
launcher, the tests) keeps the hook, and these calls still let the lines go.
"""

from __future__ import annotations

import linecache


def forget_source_lines() -> None:
    """Drop every cached source line (call after a batch of imports)."""
    linecache.clearcache()
