"""Keep what PySide6's signature support compiles at import between starts.

Importing PySide6 starts shiboken's signature support: about ten modules
(`signature_bootstrap`, `shibokensupport.signature.*`, 100 kB of Python) that
shiboken carries inside its library as source and compiles with the builtin
`compile` at every start (they are never files that Python could keep a `.pyc`
of), and three large regular expressions (nested-bracket patterns of 6 kB) that
those modules compile as they load. Together about 80 ms of the wait at 3 a.m.,
the same work every time.

`compiled_once(folder)` lends `builtins.compile` and the `re` module's compiler
a cache for the duration of the Qt import: the result is marshalled into
`folder` the first time and read back afterwards, as Python's `__pycache__`
does for files. A cached result is used only when it was made by this Python
from the very same input, and its bytes are whole (a digest of them is kept
beside them); a regular expression is cached only once the pattern rebuilt
from the cache compares equal to the one `re` compiled itself. Anything else
(an upgrade, a damaged or unreadable file, a folder that cannot be written)
compiles as before. The folder holds derived files only and may be deleted at
any time.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # no stubs: re's C half
import builtins
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from types import CodeType
from typing import Any

from rlbaby.ui.code_cache import cache_key, load_cached, store_cached

_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


@dataclass
class CodeCacheStats:
    """What one `compiled_once` did: results read back, and results compiled."""

    code_hits: int = 0
    code_misses: int = 0
    regex_hits: int = 0
    regex_misses: int = 0


def _code_file(folder: Path, filename: str) -> Path:
    """One file per module name, so an upgrade replaces a file rather than adds one."""
    return folder / (_UNSAFE.sub("_", filename.replace("/", ".").replace("\\", ".")) + ".code")


def _regex_parts(pattern: str, flags: int) -> tuple[Any, ...]:
    """What `re`'s compiler hands to `_sre.compile` for `pattern` (Python 3.11's steps)."""
    parsed = _parser.parse(pattern, flags)
    # Plain ints: the opcodes are named int subclasses, which marshal refuses.
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = {str(name): int(index) for name, index in parsed.state.groupdict.items()}
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    groups = parsed.state.groups - 1
    return (int(flags | parsed.state.flags), code, groups, groupindex, tuple(indexgroup))


@contextmanager
def compiled_once(folder: Path) -> Iterator[CodeCacheStats]:
    """Within the block, compiled modules and regular expressions are cached in `folder`.

    Only `compile(bytes, name, "exec")` and `re` patterns given as text are
    cached; every other call goes to the compiler found on entry, and both
    compilers are given back on exit.
    """
    stats = CodeCacheStats()
    real_compile: Callable[..., Any] = builtins.compile
    real_regex: Callable[..., Any] = _compiler.compile
    python = f"{sys.version}\0{_sre.MAGIC}".encode()
    level = b"%d" % sys.flags.optimize  # compile applies the -O level

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
            return real_compile(source, filename, mode, flags, dont_inherit, optimize, **kwargs)
        key = cache_key(MAGIC_NUMBER, level, filename.encode("utf-8", "surrogatepass"), source)
        path = _code_file(folder, filename)
        code = load_cached(path, key)
        if isinstance(code, CodeType) and code.co_filename == filename:
            stats.code_hits += 1
            return code
        stats.code_misses += 1
        code = real_compile(source, filename, mode)
        store_cached(path, key, code)
        return code

    def cached_regex(pattern: Any, flags: Any = 0) -> Any:
        if type(pattern) is not str or type(flags) is not int:
            return real_regex(pattern, flags)
        key = cache_key(python, str(flags).encode(), pattern.encode("utf-8", "surrogatepass"))
        path = folder / f"re-{key.hex()[:32]}.sre"
        parts = load_cached(path, key)
        if isinstance(parts, tuple):
            try:
                rebuilt = _sre.compile(pattern, *parts)
            except (TypeError, ValueError, RuntimeError):
                pass  # not what this Python's `re` makes: compile it afresh
            else:
                stats.regex_hits += 1
                return rebuilt
        stats.regex_misses += 1
        compiled = real_regex(pattern, flags)
        try:
            parts = _regex_parts(pattern, flags)
            same = _sre.compile(pattern, *parts) == compiled
        except Exception:  # noqa: BLE001 - another Python's `re` inside: just do not cache
            same = False
        if same:
            store_cached(path, key, parts)
        return compiled

    builtins.compile = cached_compile
    _compiler.compile = cached_regex
    try:
        yield stats
    finally:
        builtins.compile = real_compile
        _compiler.compile = real_regex
