"""The PDF report for the pediatrician, drawn with Qt (QPdfWriter + QPainter).

`content` gathers what the report says and is Qt-free; the other modules lay it
out on pages. `cli.make_report` is the entry point for the CLI and the GUI.
"""
