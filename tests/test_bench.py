"""`python -m benchmarks --quick` still runs and prints its table (so it cannot rot)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import common, gui, run


def test_quick_bench_prints_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_json = tmp_path / "bench.json"
    argv = ["--quick", "--cache-dir", str(tmp_path / "cache"), "--work-dir", str(tmp_path)]
    assert run.main([*argv, "--out", str(out_json)]) == 0
    text = capsys.readouterr().out
    # The GUI sections filter Qt's messages only while they run: pytest-qt's
    # handler, which fails a test on a Qt warning, is back.
    from PySide6.QtCore import qInstallMessageHandler

    handler = qInstallMessageHandler(None)
    qInstallMessageHandler(handler)
    assert handler is not None
    assert handler is not gui._quiet_handler

    assert "command: python" in text
    assert "nproc=" in text
    assert "numpy" in text
    header = next(line for line in text.splitlines() if line.startswith("metric"))
    assert "300" in header
    assert "target@200k" in header
    for metric in (
        "tap save median (ms)",
        "tap save p99 (ms)",
        "cold open median (s)",
        "open peak RSS (MB)",
        "summary 1 child median (s)",
        "keypress: to durable save + repaint p95 (ms)",
        "charts: tap to timeline painted p95 (ms)",
        "first tap: spawn to Log shown + Space saved, median (s)",
        "CPU time to the save (user+sys) (s)",
        "first tap: app peak memory (MB)",
        "cli: summary --json, 1 child, median (s)",
        "1 child: CPU time (user+sys) (s)",
    ):
        row = next((line for line in text.splitlines() if metric in line), None)
        assert row is not None, metric
        assert row.split()[len(metric.split())] != "-", row
    assert "(200k not run)" in text

    raw = json.loads(out_json.read_text())
    assert raw["datasets"]["300"]["counts"]["movements"] == 300
    taps = next(r for r in raw["results"]["300"] if r["metric"] == "tap save median")
    assert len(taps["samples"]) == common.QUICK_REPS.taps

    # The cached data set is reused, not regenerated, and stays pristine.
    cache = tmp_path / "cache" / f"300-{common.GENERATOR_VERSION}"
    stamp = (cache / "manifest.json").stat().st_mtime_ns
    files = sorted(p.relative_to(cache) for p in cache.rglob("*"))
    assert run.main([*argv, "--sections", "summary"]) == 0
    assert (cache / "manifest.json").stat().st_mtime_ns == stamp
    assert sorted(p.relative_to(cache) for p in cache.rglob("*")) == files
    assert "summary 1 child median" in capsys.readouterr().out


def test_gui_sections_drop_only_the_offscreen_plugins_noise(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from PySide6.QtCore import QtMsgType

    warning = QtMsgType.QtWarningMsg
    gui._quiet_handler(warning, None, "This plugin does not support propagateSizeHints()")
    gui._quiet_handler(warning, None, "QPainter::begin: Paint device returned engine == 0")
    assert capsys.readouterr().err == "QPainter::begin: Paint device returned engine == 0\n"


def test_table_marks_targets_at_200k() -> None:
    rows = {
        1000: [common.Row("open", "s", 0.1, target=0.5)],
        200_000: [common.Row("open", "s", 0.7, target=0.5)],
    }
    table, missed = run.render_table([1000, 200_000], rows)
    assert "MISS" in table
    assert missed == ["open"]
    rows[200_000] = [common.Row("open", "s", 0.4, target=0.5)]
    table, missed = run.render_table([1000, 200_000], rows)
    assert "PASS" in table
    assert missed == []
