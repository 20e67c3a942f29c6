"""`rlbaby report` from the command line: headless, and clean one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from rlbaby.demo import populate
from rlbaby.model import Child
from rlbaby.store import Store


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    with Store.open(data) as s:
        populate(s, nights=10, children=[Child("Mia")])
    return data


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    return subprocess.run(
        [sys.executable, "-m", "rlbaby", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )


def test_report_runs_headless(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "mia.pdf"
    proc = run(
        "report",
        "--data-dir",
        str(folder),
        "--child",
        "mia",
        "--out",
        str(out),
        "--paper",
        "letter",
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"wrote {out}"
    assert proc.stderr == ""
    pages = PdfReader(out).pages
    assert len(pages) >= 2
    assert round(float(pages[0].mediabox.width)) == 612  # Letter, in points


def test_unknown_child_is_one_line_and_exit_1(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    proc = run("report", "--data-dir", str(folder), "--child", "Nobody", "--out", str(out))
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1
    assert proc.stderr.startswith("rlbaby: error: no child named 'Nobody' (known: Mia)")
    assert not out.exists()


def test_range_ending_before_it_starts(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    proc = run(
        "report",
        "--data-dir",
        str(folder),
        "--child",
        "Mia",
        "--out",
        str(out),
        "--from",
        "2026-11-20",
        "--to",
        "2026-11-01",
    )
    assert proc.returncode == 1
    assert proc.stderr == "rlbaby: error: --from 2026-11-20 is after --to 2026-11-01\n"
    assert not out.exists()


def test_unwritable_output_is_one_line(folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    proc = run(
        "report", "--data-dir", str(folder), "--child", "Mia", "--out", str(blocker / "x.pdf")
    )
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1
    assert proc.stderr.startswith("rlbaby: error:")


def test_bad_date_is_a_usage_error(folder: Path, tmp_path: Path) -> None:
    proc = run(
        "report",
        "--data-dir",
        str(folder),
        "--child",
        "Mia",
        "--out",
        str(tmp_path / "x.pdf"),
        "--from",
        "yesterday",
    )
    assert proc.returncode == 2
    assert "not a date" in proc.stderr
