"""Issue 11: hostile backups. Honest checksums do not make a backup safe: every
name, size, record and version is checked before the folder is touched."""

from __future__ import annotations

import hashlib
import stat
import warnings
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_strategies import T0, folder_hashes

from rlbaby.demo import populate
from rlbaby.store import NewerVersionError, Store
from rlbaby.store.backup import (
    BackupInfo,
    BadBackupError,
    create_backup,
    list_backups,
    read_backup,
    read_backup_info,
    verify_backup,
)
from rlbaby.store.backup_format import DATA_NAME
from rlbaby.store.restore import STAGING, restore_backup


def craft(
    path: Path,
    files: dict[str, bytes],
    *,
    listed: dict[str, bytes] | None = None,
    manifest: dict[str, Any] | None = None,
    raw_members: list[tuple[zipfile.ZipInfo | str, bytes]] = (),  # type: ignore[assignment]
) -> Path:
    """A zip with honest checksums for `listed` (default: `files`)."""
    listed = files if listed is None else listed
    body = {
        "format": "rlbaby-backup/1",
        "created_ms": T0,
        "schema_version": 1,
        "counts": {},
        "reason": "manual",
        "files": {n: hashlib.sha256(raw).hexdigest() for n, raw in listed.items()},
        **(manifest or {}),
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile: "Duplicate name"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, raw in files.items():
                zf.writestr(name, raw)
            for info, raw in raw_members:
                zf.writestr(info, raw)
            zf.writestr("manifest.json", orjson.dumps(body))
    return path


@pytest.fixture
def folder(data_dir: Path) -> Path:
    with Store.open(data_dir, now_ms=lambda: T0) as s:
        populate(s, nights=2, end=date(2026, 11, 23), seed=4)
    create_backup(data_dir, reason="manual", now_ms=T0)
    return data_dir


@pytest.fixture
def good(folder: Path) -> dict[str, bytes]:
    """The files of a sound backup of `folder`."""
    path = next(b for b in list_backups(folder) if isinstance(b, BackupInfo)).path
    return read_backup(path)[1]


def refused(
    folder: Path, backup: Path, match: str, error: type[Exception] = BadBackupError
) -> None:
    before = folder_hashes(folder)
    with pytest.raises(error, match=match):
        restore_backup(folder, backup)
    assert folder_hashes(folder) == before  # not a byte, and no safety backup made
    assert not (folder / STAGING).exists()


# --- names: only the data files of this format ----------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "backups/rlbaby-20261124-060000-before-restore.zip",
        "backups/rlbaby-20261124-060000-manual.zip",
        "cache/movement-columns.npz",
        "quarantine/meta.json",
        "evil.sh",
        "rlbaby.lock",
        ".restore-journal",
        ".restore-staging/new/meta.json",
        "movements",
        "movements/",
        "movements/notes.json",
        "movements/2026-13.json",
        "movements/2026-11-05.json",
        "movements/../meta.json",
        "episodes/2026-11-01.json",
        "sleep/2026-11-21.json",
        "/etc/passwd",
        "../../escape.json",
        "./meta.json",
        "Meta.json",
        "movements\\2026-11.json",
        "movements/2026-11.json/",
        "manifest.json/../evil.sh",
    ],
)
def test_a_name_the_store_never_writes_is_refused_by_name(
    folder: Path, good: dict[str, bytes], tmp_path: Path, name: str
) -> None:
    backups_before = sorted(p.name for p in (folder / "backups").iterdir())
    bad = craft(tmp_path / "bad.zip", {**good, name: b'{"movements": {}}'})
    refused(folder, bad, "not an rlbaby data file")
    with pytest.raises(BadBackupError, match=repr(name).replace("\\", "\\\\")[1:-1]):
        read_backup_info(bad)  # the listing names it too
    assert sorted(p.name for p in (folder / "backups").iterdir()) == backups_before


def test_a_listed_name_missing_from_the_zip_or_unlisted_member(
    folder: Path, good: dict[str, bytes], tmp_path: Path
) -> None:
    unlisted = craft(
        tmp_path / "u.zip", good, listed={k: v for k, v in good.items() if k != "meta.json"}
    )
    refused(folder, unlisted, "'meta.json', which its manifest does not list")
    missing = craft(
        tmp_path / "m.zip", {k: v for k, v in good.items() if k != "meta.json"}, listed=good
    )
    refused(folder, missing, "meta.json is listed but missing")


def test_link_and_folder_entries_are_refused(
    folder: Path, good: dict[str, bytes], tmp_path: Path
) -> None:
    rest = {k: v for k, v in good.items() if k != "meta.json"}
    link = zipfile.ZipInfo("meta.json")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    bad = craft(tmp_path / "link.zip", rest, listed=good, raw_members=[(link, b"/etc/passwd")])
    refused(folder, bad, "as a link or folder")
    fifo = zipfile.ZipInfo("meta.json")
    fifo.external_attr = (stat.S_IFIFO | 0o644) << 16
    bad = craft(tmp_path / "fifo.zip", rest, listed=good, raw_members=[(fifo, good["meta.json"])])
    refused(folder, bad, "as a link or folder")


def test_duplicate_names_are_refused(folder: Path, good: dict[str, bytes], tmp_path: Path) -> None:
    bad = craft(tmp_path / "dup.zip", good, raw_members=[("meta.json", b'{"meta": {}}')])
    refused(folder, bad, "'meta.json' twice")


# --- sizes: bombs and huge manifests ---------------------------------------------


def _stream_member(zf: zipfile.ZipFile, name: str, size: int, chunk: bytes = b" " * 65536) -> None:
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with zf.open(info, "w", force_zip64=True) as fh:
        for _ in range(size // len(chunk)):
            fh.write(chunk)


def test_a_zip_bomb_is_refused_without_inflating_it(
    folder: Path, good: dict[str, bytes], tmp_path: Path
) -> None:
    bomb = tmp_path / "bomb.zip"
    craft(bomb, good)
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as zf:
        _stream_member(zf, "movements/2030-01-01.json", 80 * 1024 * 1024)
    assert bomb.stat().st_size < 1024 * 1024
    refused(folder, bomb, "too large")


def test_a_member_compressed_beyond_any_json_is_refused(
    folder: Path, good: dict[str, bytes], tmp_path: Path
) -> None:
    spaces = b"{" + b" " * (8 * 1024 * 1024) + b"}"
    bad = craft(tmp_path / "ratio.zip", {**good, "movements/2030-01-01.json": spaces})
    refused(folder, bad, "compressed suspiciously well")


def test_a_huge_manifest_is_refused_when_listing_and_restoring(
    folder: Path, good: dict[str, bytes], tmp_path: Path
) -> None:
    bad = craft(tmp_path / "big.zip", good, manifest={"pad": "x" * (3 * 1024 * 1024)})
    refused(folder, bad, "manifest.json is too large")
    with pytest.raises(BadBackupError, match="too large"):
        read_backup_info(bad)
    placed = folder / "backups" / "rlbaby-20261124-070000-auto.zip"
    placed.write_bytes(bad.read_bytes())
    listed = list_backups(folder, verify=False)
    assert any(isinstance(b, tuple) and b[0] == placed for b in listed)


def test_a_header_that_lies_about_its_size_is_caught(
    folder: Path, good: dict[str, bytes], tmp_path: Path
) -> None:
    """The central directory says 40 bytes; the stream inflates to 4 MB."""
    name = "movements/2030-01-01.json"
    lie = tmp_path / "lie.zip"
    craft(lie, {**good, name: b"{" + b" " * (4 * 1024 * 1024) + b"}"})
    raw = bytearray(lie.read_bytes())
    with zipfile.ZipFile(lie) as zf:
        info = zf.getinfo(name)
    true_size = info.file_size.to_bytes(4, "little")
    assert raw.count(true_size) >= 2  # local header and central directory
    lie.write_bytes(bytes(raw).replace(true_size, (40).to_bytes(4, "little")))
    refused(folder, lie, "damaged|not the size it declares")


# --- contents: records, references, versions --------------------------------------


def test_files_that_do_not_parse_are_refused(
    folder: Path, good: dict[str, bytes], tmp_path: Path
) -> None:
    name = next(n for n in good if n.startswith("episodes/"))
    for junk, why in [
        (b"", "empty"),
        (b"not json", "not valid JSON"),
        (b"[1, 2]", "top level"),
        (b'{"episodes": {"1": {"id": 5}}}', "malformed record"),
        (b'{"episodes": {}, "extra": {}}', "table 'extra'"),
    ]:
        bad = craft(tmp_path / "junk.zip", {**good, name: junk})
        refused(folder, bad, why)


def test_dangling_references_are_refused(
    folder: Path, good: dict[str, bytes], tmp_path: Path
) -> None:
    name = next(n for n in good if n.startswith("movements/"))
    data = orjson.loads(good[name])
    doc = next(iter(data["movements"].values()))
    doc["episode"] = "no-such-episode"
    bad = craft(tmp_path / "ref.zip", {**good, name: orjson.dumps(data)})
    refused(folder, bad, f"record {doc['id']!r} points at episode 'no-such-episode'")
    episodes = {k: v for k, v in good.items() if not k.startswith("episodes/")}
    refused(folder, craft(tmp_path / "noep.zip", episodes), "points at episode")
    meta = orjson.loads(good["meta.json"])
    meta["children"] = {}
    refused(
        folder,
        craft(tmp_path / "nokid.zip", {**good, "meta.json": orjson.dumps(meta)}),
        "points at child",
    )


def test_a_newer_version_in_meta_json_is_refused(
    folder: Path, good: dict[str, bytes], tmp_path: Path
) -> None:
    meta = orjson.loads(good["meta.json"])
    next(iter(meta["meta"].values()))["schema_version"] = 99
    bad = craft(tmp_path / "v99.zip", {**good, "meta.json": orjson.dumps(meta)})
    refused(folder, bad, "newer version", NewerVersionError)
    refused(
        folder,
        craft(tmp_path / "m99.zip", good, manifest={"schema_version": 99}),
        "newer",
        NewerVersionError,
    )


def test_a_backup_without_meta_json_is_refused(
    folder: Path, good: dict[str, bytes], tmp_path: Path
) -> None:
    bare = {k: v for k, v in good.items() if k != "meta.json"}
    refused(folder, craft(tmp_path / "bare.zip", bare), "no meta.json|points at")


def test_a_folder_from_a_newer_version_is_not_restored_into(
    folder: Path, good: dict[str, bytes], tmp_path: Path
) -> None:
    meta = orjson.loads((folder / "meta.json").read_bytes())
    next(iter(meta["meta"].values()))["schema_version"] = 99
    (folder / "meta.json").write_bytes(orjson.dumps(meta))
    (folder / "rlbaby.lock").unlink(missing_ok=True)
    refused(folder, craft(tmp_path / "ok.zip", good), "newer version", NewerVersionError)
    assert not (folder / "rlbaby.lock").exists()  # not even the lock file written


def test_a_sound_crafted_backup_restores(
    folder: Path, good: dict[str, bytes], tmp_path: Path
) -> None:
    ok = craft(tmp_path / "ok.zip", good)
    assert verify_backup(ok).reason == "manual"
    restore_backup(folder, ok)
    with Store.open(folder) as s:
        assert s.problems == []
        assert len(s.movements()) > 0


# --- anything goes: random names and bytes ---------------------------------------

NAMES = st.one_of(
    st.sampled_from(
        ["meta.json", "movements/2026-11-21.json", "episodes/2026-11.json", "sleep/2026-11.json"]
    ),
    st.text(st.sampled_from("abcmovents/.-_0123456789\\:~"), min_size=1, max_size=30),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(extra=st.dictionaries(NAMES, st.binary(max_size=64), min_size=1, max_size=4))
def test_random_members_never_reach_the_folder(
    folder: Path, good: dict[str, bytes], tmp_path: Path, extra: dict[str, bytes]
) -> None:
    bad = craft(tmp_path / "fuzz.zip", {**good, **extra})
    before = folder_hashes(folder)
    try:
        restore_backup(folder, bad)
    except (BadBackupError, NewerVersionError):
        assert folder_hashes(folder) == before
        assert not (folder / STAGING).exists()
        return
    # Only names of this format, with contents the store reads, get through.
    assert all(DATA_NAME.fullmatch(n) for n in extra)
    with Store.open(folder) as s:
        assert s.problems == []
    restore_backup(folder, craft(tmp_path / "back.zip", good))  # for the next example
