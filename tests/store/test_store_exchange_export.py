"""Export: no formula reaches a spreadsheet, and no export lands inside the data folder."""

from __future__ import annotations

import csv
import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from store_strategies import T0, folder_hashes

from rlbaby.model import Child, Episode, Instant, LabResult, Movement
from rlbaby.store import Store
from rlbaby.store.exchange import ExportError, export_csv, export_json, import_file
from rlbaby.store.exchange.formats import FORMULA_STARTS, escape_cell, unescape_cell

DANGEROUS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def _store_with(text: str) -> Store:
    s = Store.in_memory(now_ms=lambda: T0)
    kid = Child(text.strip() or "x", notes=text, labs=(LabResult(text, text, text),))
    ep = Episode(kid.id, Instant(T0, 60), note=text)
    s.save_many([kid, ep, Movement(kid.id, ep.id, Instant(T0, 60), note=text)])
    return s


def _cells(data: bytes) -> list[str]:
    return [c for row in csv.reader(io.StringIO(data.decode())) for c in row]


@pytest.mark.parametrize("text", DANGEROUS)
def test_no_exported_cell_starts_a_formula(tmp_path: Path, text: str) -> None:
    (out,) = export_csv(_store_with(text), tmp_path / "all.zip")
    with zipfile.ZipFile(out) as zf:
        for name in zf.namelist():
            for cell in _cells(zf.read(name)):
                assert cell[:1] not in FORMULA_STARTS, (name, cell)
    with Store.open(tmp_path / "fresh", now_ms=lambda: T0 + 1) as dest:
        import_file(dest, out)
        (m,) = (dest.movement(i) for i in dest.movements().ids)
        assert m is not None
        assert m.note == text


texts = st.text(st.sampled_from([*FORMULA_STARTS, "'", "a", " ", ",", '"', "\n"]), max_size=6)


@given(texts)
def test_escaping_round_trips(text: str) -> None:
    escaped = escape_cell(text)
    assert escaped[:1] not in FORMULA_STARTS
    assert unescape_cell(escaped) == text


@settings(deadline=None, max_examples=30)
@given(texts.filter(lambda t: t.strip() != ""))
def test_exported_text_round_trips_through_a_csv_import(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (out,) = export_csv(_store_with(text), Path(tmp) / "all.zip")
        with Store.open(Path(tmp) / "fresh", now_ms=lambda: T0 + 1) as dest:
            import_file(dest, out)
            (kid,) = dest.children()
            assert kid.notes == text
            assert kid.labs == (LabResult(text, text, text),)
            (ep,) = dest.episodes()
            assert ep.note == text


def test_a_hand_written_apostrophe_is_kept(file_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("child,time,note\nAda,2026-11-24T22:00:00+01:00,'twas a long night\n")
    import_file(file_store, path)
    (m,) = (file_store.movement(i) for i in file_store.movements().ids)
    assert m is not None
    assert m.note == "'twas a long night"


@pytest.mark.parametrize("target", ["meta.json", "movements/x.json", "x.json", "backups/a.zip"])
def test_no_export_inside_the_data_folder(file_store: Store, data_dir: Path, target: str) -> None:
    file_store.save(Child("Ada"))
    before = folder_hashes(data_dir)
    for export in (export_json, export_csv):
        with pytest.raises(ExportError, match="is inside the data folder"):
            export(file_store, data_dir / target)
    with pytest.raises(ExportError, match="is inside the data folder"):
        export_json(file_store, data_dir / ".." / data_dir.name / target)
    assert folder_hashes(data_dir) == before


def test_csv_files_beside_the_target_are_checked_too(file_store: Store, data_dir: Path) -> None:
    # OUT.csv itself is outside, but OUT.children.csv links to meta.json: all
    # five are checked before any is written.
    out = data_dir.parent / "log.csv"
    (data_dir.parent / "log.children.csv").symlink_to(data_dir / "meta.json")
    before = folder_hashes(data_dir)
    with pytest.raises(ExportError, match="inside the data folder"):
        export_csv(file_store, out)
    assert not out.exists()
    assert folder_hashes(data_dir) == before


def test_a_missing_folder_is_not_created(file_store: Store, tmp_path: Path) -> None:
    for export in (export_json, export_csv):
        with pytest.raises(ExportError, match=r"the folder .*nowhere does not exist"):
            export(file_store, tmp_path / "nowhere" / "x.json")
    assert not (tmp_path / "nowhere").exists()


def test_a_folder_is_not_a_file_name(file_store: Store, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="it is a folder"):
        export_json(file_store, tmp_path)
