"""Compiled code the GUI start would otherwise make again at every start.

Qt-free: `rlbaby.cli` installs it before the store and Qt are imported.

Python keeps a `.pyc` of every module file, but not of code made from text at
run time. At every GUI start `dataclasses` writes the methods of each of the
few dozen dataclasses the start imports (`__init__`, `__repr__`, `__eq__`, ...)
as text and `exec`s it: about 160 small sources parsed and compiled, some 40 ms
of the wait at 3 a.m., the same text every time.

`DataclassCode` lends `builtins.exec` a cache for the calls made by the
`dataclasses` module: their code is compiled once, with the flags `exec` itself
would use, and kept in one file of the user's cache folder that the next start
reads at once. A cached code is used only for the very same text, flags and
Python (its magic number); the file carries a digest of its bytes, so a damaged
one is ignored, never run. Every other `exec` goes straight through.

The helpers `cache_key`, `load_cached` and `store_cached` are shared with the
Qt import's cache (ui/qt_code_cache.py).
"""

from __future__ import annotations
import __future__

import builtins
import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from typing import Any

DIGEST = 32  # bytes of a sha256
# The `from __future__` flags a compile inherits from its caller, as exec's does.
_FUTURE_FLAGS = 0
for _name in __future__.all_feature_names:
    _FUTURE_FLAGS |= getattr(__future__, _name).compiler_flag


def cache_key(*parts: bytes) -> bytes:
    return hashlib.sha256(b"\0".join(parts)).digest()


def load_cached(path: Path, key: bytes) -> Any:
    """The value stored under `key` in `path`, or None (missing, another key, damaged)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    payload = data[2 * DIGEST :]
    if data[:DIGEST] != key or data[DIGEST : 2 * DIGEST] != cache_key(payload):
        return None
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None


def store_cached(path: Path, key: bytes, value: Any) -> None:
    """Written beside and renamed: a reader never sees half a file."""
    try:
        payload = marshal.dumps(value)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        partial.write_bytes(key + cache_key(payload) + payload)
        os.replace(partial, path)
    except (OSError, ValueError):
        pass  # a cache we cannot write costs the next start a compile, nothing else


class DataclassCode:
    """`exec` of the `dataclasses` module's text, compiled once and kept in `path`.

    `install()` lends `builtins.exec` the cache; `uninstall()` gives the
    `exec` found back and, if anything was compiled, writes the codes this
    run used (so the file holds what a start needs, and no more).

    Attributes:
        hits: codes taken from the file.
        misses: codes compiled.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.hits = 0
        self.misses = 0
        # The Python that compiled them, and its -O level (which compile applies).
        self._key = cache_key(b"dataclass-code", MAGIC_NUMBER, b"%d" % sys.flags.optimize)
        self._known: dict[bytes, CodeType] = {}
        self._used: dict[bytes, CodeType] = {}
        self._real: Callable[..., Any] | None = None
        self._installed: Callable[..., Any] | None = None

    def install(self) -> None:
        if self._real is not None:
            return
        known = load_cached(self.path, self._key)
        if isinstance(known, dict):
            self._known = known
        self._real = real = builtins.exec

        def cached_exec(source: Any, *args: Any, **kwargs: Any) -> Any:
            if type(source) is str:
                caller = sys._getframe(1)
                if caller.f_globals.get("__name__") == "dataclasses":
                    source = self._code(source, caller.f_code.co_flags & _FUTURE_FLAGS)
            return real(source, *args, **kwargs)

        self._installed = cached_exec
        builtins.exec = cached_exec

    def uninstall(self) -> None:
        if self._real is None:
            return
        if builtins.exec is self._installed:  # not if someone has lent it on since
            builtins.exec = self._real
        self._real = None
        if self.misses:
            store_cached(self.path, self._key, self._used)

    def _code(self, text: str, flags: int) -> CodeType:
        key = cache_key(str(flags).encode(), text.encode("utf-8", "surrogatepass"))
        code = self._known.get(key)
        if isinstance(code, CodeType) and code.co_filename == "<string>":
            self.hits += 1
        else:
            self.misses += 1
            # What exec(text) does: "<string>", the caller's future flags.
            code = compile(text, "<string>", "exec", flags, dont_inherit=True)
        self._used[key] = code
        return code
