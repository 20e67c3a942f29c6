"""The chart widgets of the Charts tab and the report, one per file (pyqtgraph).

Each chart takes a palette dict (theme tokens) in its constructor, is given its
data (from rlbaby.analysis.chart_data) with `set_data`, and recolours itself in
`apply_palette`. They never read the store; the Charts tab and `render` do.
pyqtgraph is imported through pgtypes.py, which also types it for mypy.
"""

import os

# pyqtgraph picks its Qt binding at import; make sure it is ours.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
