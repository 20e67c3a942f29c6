"""The main window's first size: the screen's room, up to 1440 x 900.

A netbook screen is 1024 x 600, less its panels; a window that opens taller is
cut off at the bottom, where the kind chips and "Add details" are. A larger
screen gives the charts its room (a 1280 x 800 laptop used to show a 1024 x 640
window in one corner), up to a size that still reads as a window on a large
monitor. After the first start the window opens where it last closed
(window_place.py).
"""

from __future__ import annotations

from PySide6.QtCore import QSize

LARGEST = QSize(1440, 900)
SMALLEST = QSize(800, 440)  # the Log tab still fits at 150 % text
# What the window manager adds around the window: a title bar and thin borders.
# Not known before the window is shown, so a generous guess.
FRAME = QSize(8, 40)


def fit_to_screen(available: QSize) -> tuple[QSize, QSize]:
    """The window's size and minimum size for a screen's available area.

    Args:
        available: the screen's available geometry (without panels).

    Returns:
        (size, minimum size), both leaving room for the window frame.
    """
    room = QSize(
        max(320, available.width() - FRAME.width()), max(240, available.height() - FRAME.height())
    )
    return room.boundedTo(LARGEST), SMALLEST.boundedTo(room)
