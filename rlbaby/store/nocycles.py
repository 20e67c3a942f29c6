"""The cyclic garbage collector held off while the store builds many small
objects that form no cycles (a load, a replay, a child's records): it would
only walk them, again and again, and triple the time spent."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_off() -> Iterator[None]:
    """The automatic collector off for the block, then as it was found."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
