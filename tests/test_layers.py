"""The domain stays Qt-free (STYLE rule 1), and only the store touches TinyDB."""

from __future__ import annotations

import subprocess
import sys

import pytest

QT_FREE = [
    "rlbaby.model",
    "rlbaby.store",
    "rlbaby.store.exchange",
    "rlbaby.store.backup",
    "rlbaby.analysis",
    "rlbaby.analysis.chart_data",
    "rlbaby.analysis.chart_history",
    "rlbaby.analysis.breakdowns",
    "rlbaby.analysis.comparison",
    "rlbaby.services.charts",
    "rlbaby.services.nights",
    "rlbaby.store.schema",
    "rlbaby.services",
    "rlbaby.cli",
    "rlbaby.demo",
    "rlbaby.wording",
    "rlbaby.paths",
]


@pytest.mark.parametrize("module", QT_FREE)
def test_module_imports_no_qt(module: str) -> None:
    code = (
        "import sys, importlib; importlib.import_module(sys.argv[1]);"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'pyqtgraph', 'shiboken6'));"
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, module], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, f"{module} imports Qt: {proc.stdout}{proc.stderr}"


def test_cli_summary_runs_without_qt(tmp_path) -> None:
    code = (
        "import sys; from rlbaby.cli import main; rc = main(['summary', '--json', "
        "'--data-dir', sys.argv[1]]);"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))];"
        "sys.exit(rc or (2 if bad else 0))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr


# What `summary` needs not: each costs its start-up 20-60 ms (python -X importtime).
NOT_FOR_SUMMARY = (
    "importlib.metadata",  # only --version asks the installed version
    "numpy.ma",  # np.unique() loads it
    "rlbaby.store.restore",  # only when a restore left its marks (restore_marks.py)
    "rlbaby.store.backup",
    "rlbaby.store.exchange",
    "rlbaby.report",
    "rlbaby.services.logger",  # services/__init__.py imports it on first use
)


def test_cli_summary_imports_only_what_it_needs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from rlbaby.demo import populate
    from rlbaby.store import Store

    with Store.open(tmp_path / "data") as store:
        populate(store)
    code = (
        "import sys, io, contextlib; from rlbaby.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    rc = main(['summary', '--json', '--data-dir', sys.argv[1]])\n"
        "bad = sorted(m for m in sys.modules for n in sys.argv[2:] "
        "if m == n or m.startswith(n + '.'));"
        "print(','.join(bad)); sys.exit(rc or (2 if bad else 0))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "data"), *NOT_FOR_SUMMARY],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, f"summary imported {proc.stdout}{proc.stderr}"


def test_ui_does_not_import_tinydb() -> None:
    from pathlib import Path

    ui = Path(__file__).resolve().parents[1] / "rlbaby" / "ui"
    offenders = [p.name for p in ui.rglob("*.py") if "tinydb" in p.read_text()]
    assert offenders == []
