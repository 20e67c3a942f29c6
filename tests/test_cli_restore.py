"""`rlbaby restore` and `rlbaby backup` against hostile and missing backups (issue 11)."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import orjson
import pytest

from rlbaby.cli import main
from rlbaby.model import Child
from rlbaby.store import Store
from rlbaby.store.backup import BackupInfo, list_backups, read_backup


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "rlbaby.lock"
    }


def test_a_backup_naming_a_backup_is_refused_and_nothing_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Measured in issue 11: this emptied the folder and overwrote the safety backup."""
    data = tmp_path / "data"
    with Store.open(data) as s:
        s.save(Child("Ada"))
    assert main(["backup", "--data-dir", str(data)]) == 0
    capsys.readouterr()
    made = next(b for b in list_backups(data) if isinstance(b, BackupInfo)).path
    files = read_backup(made)[1]
    evil_name = "backups/rlbaby-20991231-000000-before-restore.zip"
    files[evil_name] = b"PK owned"
    evil = tmp_path / "evil.zip"
    manifest = {
        "format": "rlbaby-backup/1",
        "created_ms": 1,
        "schema_version": 1,
        "counts": {},
        "reason": "manual",
        "files": {n: hashlib.sha256(raw).hexdigest() for n, raw in files.items()},
    }
    with zipfile.ZipFile(evil, "w") as zf:
        for n, raw in files.items():
            zf.writestr(n, raw)
        zf.writestr("manifest.json", orjson.dumps(manifest))
    before = files_of(data)
    assert main(["restore", str(evil), "--data-dir", str(data)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert evil_name in err
    assert "nothing was changed" in err
    assert files_of(data) == before


def test_a_missing_backup_file_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    with Store.open(data) as s:
        s.save(Child("Ada"))
    assert main(["restore", str(tmp_path / "gone.zip"), "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err
    assert "There is no backup file at" in err
    assert "gone.zip" in err
