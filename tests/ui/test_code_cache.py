"""The GUI start compiles the dataclasses' methods once, not at every start (ui/code_cache.py)."""

from __future__ import annotations

import builtins
import dataclasses
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from rlbaby.ui.code_cache import DataclassCode


def _make_point() -> type:
    """The same dataclass each call, as a start makes each of its dataclasses."""

    @dataclasses.dataclass(frozen=True, order=True)
    class Point:
        x: int
        label: str = "a"
        tags: list[str] = dataclasses.field(default_factory=list)

    return Point


def _made_with(cache: DataclassCode, make: Callable[[], Any] = _make_point) -> Any:
    before = builtins.exec
    cache.install()
    try:
        assert builtins.exec is not before
        return make()
    finally:
        cache.uninstall()
        assert builtins.exec is before


def _behaves_as_without_cache(point: type) -> None:
    plain = _make_point()
    p = point(1, "b")
    assert repr(p).endswith(repr(plain(1, "b")).split(".")[-1])
    assert p == point(1, "b")
    assert point(1) < point(2)
    assert p.tags == []
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 2  # type: ignore[misc]
    # The annotations are objects, as without the cache: exec's own flags were used.
    assert point.__init__.__annotations__ == plain.__init__.__annotations__


def test_a_dataclass_made_again_compiles_none_of_its_methods(tmp_path: Path) -> None:
    path = tmp_path / "start-code" / "dataclasses.code"
    first = DataclassCode(path)
    _behaves_as_without_cache(_made_with(first))
    assert first.hits == 0
    assert first.misses >= 5  # __init__, __repr__, __eq__, the order methods, frozen's
    assert path.is_file()
    again = DataclassCode(path)
    _behaves_as_without_cache(_made_with(again))
    assert (again.hits, again.misses) == (first.misses, 0)


def test_other_exec_calls_go_straight_through(tmp_path: Path) -> None:
    cache = DataclassCode(tmp_path / "dataclasses.code")
    namespace: dict[str, Any] = {}
    _made_with(cache, lambda: exec("x = 6 * 7", namespace))
    assert namespace["x"] == 42
    assert (cache.hits, cache.misses) == (0, 0)
    assert not (tmp_path / "dataclasses.code").exists()  # nothing compiled, nothing written


def test_a_damaged_file_is_ignored_and_written_again(tmp_path: Path) -> None:
    path = tmp_path / "dataclasses.code"
    made = DataclassCode(path)
    _made_with(made)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    damaged = DataclassCode(path)
    _behaves_as_without_cache(_made_with(damaged))
    assert (damaged.hits, damaged.misses) == (0, made.misses)
    healed = DataclassCode(path)
    _made_with(healed)
    assert (healed.hits, healed.misses) == (made.misses, 0)


def test_a_folder_that_cannot_be_written_only_costs_the_compile(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("in the way", encoding="utf-8")
    cache = DataclassCode(blocked / "dataclasses.code")
    _behaves_as_without_cache(_made_with(cache))
    assert cache.misses >= 5


def test_only_the_gui_start_keeps_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A command runs its short course without the cache (and leaves exec as it was)."""
    from rlbaby.cli import main

    monkeypatch.setenv("RLBABY_CACHE_DIR", str(tmp_path / "cache"))
    before = builtins.exec
    # No folder there: the command fails, as it should, after its imports.
    assert main(["summary", "--json", "--data-dir", str(tmp_path / "none")]) == 1
    assert builtins.exec is before
    assert not (tmp_path / "cache" / "start-code").exists()


def test_code_compiled_for_another_optimize_level_is_not_reused(tmp_path: Path) -> None:
    """`python -O` drops asserts when compiling: its codes are its own."""
    path = tmp_path / "dataclasses.code"
    code = (
        "import sys, dataclasses\n"
        "from pathlib import Path\n"
        "from rlbaby.ui.code_cache import DataclassCode\n"
        "cache = DataclassCode(Path(sys.argv[1]))\n"
        "cache.install()\n"
        "@dataclasses.dataclass(frozen=True, order=True)\n"
        "class Point:\n"
        "    x: int\n"
        "cache.uninstall()\n"
        "print(cache.hits, cache.misses)\n"
    )

    def run(*options: str) -> tuple[int, int]:
        args = [sys.executable, *options, "-c", code, str(path)]
        out = subprocess.run(args, capture_output=True, text=True, check=True)
        hits, misses = map(int, out.stdout.split())
        return hits, misses

    made = run()[1]
    assert made > 0
    assert run() == (made, 0)
    assert run("-O") == (0, made)


def test_an_exec_lent_on_since_is_left_in_place(tmp_path: Path) -> None:
    cache = DataclassCode(tmp_path / "dataclasses.code")
    before = builtins.exec
    cache.install()
    ours = builtins.exec

    def theirs(*args: Any, **kwargs: Any) -> Any:
        return ours(*args, **kwargs)

    builtins.exec = theirs
    try:
        cache.uninstall()
        assert builtins.exec is theirs
    finally:
        builtins.exec = before
