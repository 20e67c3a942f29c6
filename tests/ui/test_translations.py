"""The committed translations: up to date with the sources, complete, and built.

`make translations` runs pyside6-lupdate and pyside6-lrelease (both come with
PySide6-Essentials, next to the venv's python); these tests run them into a
temporary folder and compare.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent
LUPDATE = ["-extensions", "py", "-locations", "none", "-no-obsolete", "-source-language", "en"]


def _tool(name: str) -> str:
    exe = BIN / name
    if exe.exists():
        return str(exe)
    found = shutil.which(name)
    assert found, f"{name} is missing: it comes with PySide6-Essentials"
    return found


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name", ""), msg.findtext("source", "")): msg
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    }


def _lupdate(tmp_path: Path, *extra: str) -> dict[tuple[str, str], ET.Element]:
    out = tmp_path / "fresh.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), *LUPDATE, *extra, "rlbaby", "-ts", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return _messages(out)


def test_german_ts_is_up_to_date_with_the_sources(tmp_path: Path) -> None:
    fresh = _lupdate(tmp_path, "-target-language", "de_DE")
    committed = _messages(TRANSLATIONS / "rlbaby_de.ts")
    assert len(fresh) > 600  # the whole UI, not a few strings
    missing = sorted(set(fresh) - set(committed))
    stale = sorted(set(committed) - set(fresh))
    assert (missing, stale) == ([], []), "run `make translations` and translate the new texts"


def test_english_ts_holds_every_plural(tmp_path: Path) -> None:
    fresh = _lupdate(tmp_path, "-pluralonly", "-target-language", "en")
    committed = _messages(TRANSLATIONS / "rlbaby_en.ts")
    assert set(fresh) == set(committed)
    assert len(committed) >= 20


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_message_is_translated_with_the_same_placeholders(lang: str) -> None:
    problems = []
    for (ctx, source), msg in _messages(TRANSLATIONS / f"rlbaby_{lang}.ts").items():
        tr = msg.find("translation")
        assert tr is not None
        if tr.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append((ctx, source, tr.get("type")))
            continue
        forms = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
        want = sorted(re.findall(r"\{\w+\}", source))
        for form in forms:
            if not form.strip():
                problems.append((ctx, source, "empty"))
            elif sorted(re.findall(r"\{\w+\}", form)) != want:
                problems.append((ctx, source, form))
            elif msg.get("numerus") == "yes" and "%n" in source and "%n" not in form:
                # German may say "der einen" for one, but never drops the count otherwise.
                if form is forms[-1]:
                    problems.append((ctx, source, form))
    assert problems == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_qm_is_built_from_the_committed_ts(tmp_path: Path, lang: str) -> None:
    out = tmp_path / f"rlbaby_{lang}.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TRANSLATIONS / f"rlbaby_{lang}.ts"), "-qm", str(out)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert out.read_bytes() == (TRANSLATIONS / f"rlbaby_{lang}.qm").read_bytes()
