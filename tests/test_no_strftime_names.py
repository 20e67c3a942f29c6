"""No code formats a date with the C locale's names (strftime's %a %b %p ...).

Qt sets the C library's locale from the system when the app starts, so those
directives put the system language's names into text whose language the app
decides (a German system showed "2 Dez 2026" in an English sentence). Dates
and times are written by rlbaby/ui/locale_format.py (QLocale) or, in the
Qt-free layers, by rlbaby/model/dateformat.py (ISO). This test reads the code:
strftime calls, f-string format specs ("{d:%b}") and format()/str.format.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "rlbaby"
ALLOWED = {ROOT / "ui" / "locale_format.py"}  # the one formatter (it needs none today)
NAMED = re.compile(r"%[-_0^#]?[aAbBhpcxX]")  # names and the locale's own date/time forms


def offences(source: str) -> list[tuple[int, str]]:
    """(line, text) of each date format in `source` that uses a locale name."""
    found: list[tuple[int, str]] = []

    def check(node: ast.AST, text: object) -> None:
        if isinstance(text, str) and NAMED.search(text):
            found.append((getattr(node, "lineno", 0), text))

    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else None
            name = name or (node.func.id if isinstance(node.func, ast.Name) else None)
            if name == "strftime" and node.args:
                check(node, getattr(node.args[0], "value", None))
            if name == "format" and isinstance(node.func, ast.Name) and len(node.args) > 1:
                check(node, getattr(node.args[1], "value", None))  # format(d, "%b")
            if name == "format" and isinstance(node.func, ast.Attribute):
                check(node, getattr(node.func.value, "value", None))  # "{:%b}".format(d)
        elif isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            spec = "".join(
                v.value for v in ast.walk(node.format_spec) if isinstance(v, ast.Constant)
            )
            check(node, spec)
    return found


def test_the_check_finds_each_form() -> None:
    """The test can fail: each way of asking strftime for a name is caught."""
    src = (
        'a = f"{d:%a %d}"\n'
        'b = time.strftime("%d %b %Y", t)\n'
        'c = d.strftime("%I:%M %p")\n'
        'e = format(d, "%B")\n'
        'f = "{:%x}".format(d)\n'
        'ok = f"{d:%Y-%m-%d} {t:%H:%M} {n:02d} {x:.1%}"\n'
        'ok2 = time.strftime("%Y%m%d-%H%M%S")\n'
    )
    assert sorted(line for line, _ in offences(src)) == [1, 2, 3, 4, 5]


def test_no_locale_names_from_strftime_in_rlbaby() -> None:
    bad = [
        f"{path.relative_to(ROOT.parent)}:{line}: {text!r}"
        for path in sorted(ROOT.rglob("*.py"))
        if path not in ALLOWED
        for line, text in offences(path.read_text(encoding="utf-8"))
    ]
    assert bad == [], "format through rlbaby/ui/locale_format.py instead:\n" + "\n".join(bad)
