"""Keep the compiled code of PySide6's signature modules between starts.

Importing PySide6 starts shiboken's signature support: about ten modules
(`signature_bootstrap`, `shibokensupport.signature.*`, 100 kB of Python) that
shiboken carries inside its library as source, and compiles with the builtin
`compile` at every start, because they are never files on disk that Python
could keep a `.pyc` of. That is about 45 ms of the wait at 3 a.m., the same
work every time.

`compiled_once(folder)` lends `builtins.compile` a cache for the duration of
the Qt import: a module's code is marshalled into `folder` the first time and
read back afterwards, as Python's own `__pycache__` does for files. A cached
code is used only when it was made by this Python (its magic number) from the
very same source bytes and file name; anything else (a PySide6 upgrade, a
damaged or unreadable file, a folder that cannot be written) compiles as
before. The folder holds derived files only, one per module name, and may be
deleted at any time.
"""

from __future__ import annotations

import builtins
import hashlib
import marshal
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from typing import Any

_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


@dataclass
class CodeCacheStats:
    """What one `compiled_once` did: codes read back, and codes compiled."""

    hits: int = 0
    misses: int = 0


def _header(source: bytes, filename: str) -> bytes:
    """What a cached code must have been made from: this Python, these bytes, this name."""
    digest = hashlib.sha256(filename.encode("utf-8", "surrogatepass") + b"\0" + source)
    return MAGIC_NUMBER + digest.digest()


def _cache_file(folder: Path, filename: str) -> Path:
    """One file per module name, so an upgrade replaces a file rather than adds one."""
    return folder / (_UNSAFE.sub("_", filename.replace("/", ".").replace("\\", ".")) + ".code")


def _read(path: Path, header: bytes, filename: str) -> CodeType | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(header):
        return None  # another source, another Python, or a damaged file
    try:
        code = marshal.loads(data[len(header) :])
    except (ValueError, EOFError, TypeError):
        return None
    if not isinstance(code, CodeType) or code.co_filename != filename:
        return None
    return code


def _write(path: Path, header: bytes, code: CodeType) -> None:
    """Written beside and renamed: a reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        partial.write_bytes(header + marshal.dumps(code))
        os.replace(partial, path)
    except OSError:
        pass  # a cache we cannot write costs the next start a compile, nothing else


@contextmanager
def compiled_once(folder: Path) -> Iterator[CodeCacheStats]:
    """Within the block, `compile(bytes, name, "exec")` reuses the code cached in `folder`.

    Every other call (text sources, other modes or flags) goes to the
    `compile` found on entry, which is given back on exit.
    """
    stats = CodeCacheStats()
    real: Callable[..., Any] = builtins.compile

    def cached_compile(
        source: Any,
        filename: Any,
        mode: str,
        flags: int = 0,
        dont_inherit: bool = False,
        optimize: int = -1,
        **kwargs: Any,
    ) -> Any:
        plain = not (flags or dont_inherit or optimize != -1 or kwargs)
        if not (plain and mode == "exec" and isinstance(source, bytes) and type(filename) is str):
            return real(source, filename, mode, flags, dont_inherit, optimize, **kwargs)
        header = _header(source, filename)
        path = _cache_file(folder, filename)
        code = _read(path, header, filename)
        if code is not None:
            stats.hits += 1
            return code
        stats.misses += 1
        code = real(source, filename, mode)
        _write(path, header, code)
        return code

    builtins.compile = cached_compile
    try:
        yield stats
    finally:
        builtins.compile = real
