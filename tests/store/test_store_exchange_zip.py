"""Issue 11: a hostile zip given to import. Each is refused with "x.zip: problem",
before anything past the bounds is inflated, and the data folder is unchanged;
a path that is a pipe or a folder is refused without waiting on it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tracemalloc
import warnings
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_strategies import child_env, folder_hashes

from rlbaby.model import Child
from rlbaby.store import Store, zipsafe
from rlbaby.store.exchange import ImportError_, import_file, importer

MOVES = "child,time,kind\nAda,2026-11-24T22:00:00+01:00,kick\n"
GOOD = {"children.csv": "id,name\n,Ada\n", "movements.csv": MOVES}


def craft(path: Path, members: Sequence[tuple[zipfile.ZipInfo | str, bytes | str]]) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile: "Duplicate name"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for info, raw in members:
                zf.writestr(info, raw)
    return path


def stream(path: Path, name: str, size: int, head: bytes = b"child,time,kind\n") -> Path:
    """A zip whose member `name` inflates to `size` bytes of spaces, written
    without holding them in memory."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as fh:
            fh.write(head)
            chunk = b" " * 65536
            for _ in range((size - len(head)) // len(chunk)):
                fh.write(chunk)
    return path


@pytest.fixture
def folder(file_store: Store, data_dir: Path) -> Path:
    """A data folder with a record in it, so "unchanged" means something."""
    file_store.save(Child("Eve"))
    return data_dir


def data_hashes(folder: Path) -> dict[str, str]:
    """Every file's digest but the lock's, which holds whoever opened the folder last."""
    return {k: v for k, v in folder_hashes(folder).items() if k != "rlbaby.lock"}


def refused(store: Store, path: Path, folder: Path, match: str) -> str:
    before = data_hashes(folder)
    counts = store.counts()
    with pytest.raises(ImportError_, match=match) as info:
        import_file(store, path)
    assert data_hashes(folder) == before
    assert store.counts() == counts
    message = str(info.value)
    assert message.startswith(f"{path.name}: ")
    assert "\n" not in message
    return message


# --- bombs ------------------------------------------------------------------------------


def test_a_bomb_with_an_honest_header_is_refused_before_inflating(
    file_store: Store, folder: Path, tmp_path: Path
) -> None:
    bomb = stream(tmp_path / "bomb.zip", "movements.csv", 80 * 1024 * 1024)
    assert bomb.stat().st_size < 1024 * 1024
    tracemalloc.start()
    try:
        message = refused(file_store, bomb, folder, "too large")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "movements.csv is too large (83,820,560 bytes; at most 67,108,864)" in message
    assert peak < 8 * 1024 * 1024


def test_a_member_compressed_beyond_any_csv_is_refused(
    file_store: Store, folder: Path, tmp_path: Path
) -> None:
    bad = stream(tmp_path / "ratio.zip", "movements.csv", 8 * 1024 * 1024)
    refused(file_store, bad, folder, "movements.csv is compressed suspiciously well")


def test_a_bomb_whose_header_lies_is_read_no_further_than_it_declares(
    file_store: Store, folder: Path, tmp_path: Path
) -> None:
    """The headers say 40 bytes; the stream inflates to 80 MB."""
    lie = craft(tmp_path / "lie.zip", [("movements.csv", b" " * (80 * 1024 * 1024))])
    with zipfile.ZipFile(lie) as zf:
        true_size = zf.getinfo("movements.csv").file_size
    raw = lie.read_bytes()
    packed = true_size.to_bytes(4, "little")
    assert raw.count(packed) == 2  # the local header and the central directory
    lie.write_bytes(raw.replace(packed, (40).to_bytes(4, "little")))
    with zipfile.ZipFile(lie) as zf:
        assert zf.getinfo("movements.csv").file_size == 40
    tracemalloc.start()
    try:
        refused(file_store, lie, folder, "movements.csv is damaged|not the size it declares")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024


def test_members_that_together_unpack_past_the_bound_are_refused(
    file_store: Store, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = zipsafe.Bounds(kind="export", members=1000, member_bytes=1000, total_bytes=100)
    monkeypatch.setattr(importer, "ZIP_BOUNDS", small)
    bad = craft(tmp_path / "total.zip", list(GOOD.items()) + [("notes.txt", "x" * 90)])
    refused(file_store, bad, folder, "would unpack to 1[0-9]{2} bytes, more than any export")


def test_too_many_entries_are_refused(file_store: Store, folder: Path, tmp_path: Path) -> None:
    bad = craft(tmp_path / "many.zip", [(f"n/{i}.txt", "") for i in range(1001)])
    refused(file_store, bad, folder, "holds 1001 files, more than any export")


# --- names and kinds --------------------------------------------------------------------


def _link(name: str, kind: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (kind | 0o777) << 16
    return info


def test_duplicate_names_are_refused(file_store: Store, folder: Path, tmp_path: Path) -> None:
    twice = craft(tmp_path / "dup.zip", [*GOOD.items(), ("movements.csv", MOVES)])
    refused(file_store, twice, folder, "holds 'movements.csv' twice")
    # The same table in a subfolder would be read in its place: also a duplicate.
    nested = craft(tmp_path / "dup2.zip", [*GOOD.items(), ("old/movements.csv", MOVES)])
    refused(file_store, nested, folder, "holds 'old/movements.csv' twice")


@pytest.mark.parametrize("kind", [stat.S_IFLNK, stat.S_IFIFO, stat.S_IFCHR, stat.S_IFDIR])
def test_link_and_special_entries_are_refused(
    file_store: Store, folder: Path, tmp_path: Path, kind: int
) -> None:
    link = _link("movements.csv", kind)
    bad = craft(tmp_path / "link.zip", [("children.csv", GOOD["children.csv"]), (link, "/etc")])
    refused(file_store, bad, folder, "holds 'movements.csv' as a link or folder, not a file")


def test_a_compressed_folder_with_its_folder_entry_imports(
    file_store: Store, tmp_path: Path
) -> None:
    # "Compress" on a folder (macOS, Windows) writes an entry for the folder itself.
    ok = craft(
        tmp_path / "dir.zip", [("export/", b""), *((f"export/{n}", t) for n, t in GOOD.items())]
    )
    import_file(file_store, ok)
    assert file_store.counts()["movements"] == 1


def test_a_folder_entry_that_points_outside_is_refused(
    file_store: Store, folder: Path, tmp_path: Path
) -> None:
    bad = craft(tmp_path / "dir.zip", [("../up/", b""), *GOOD.items()])
    refused(file_store, bad, folder, "a name that points outside the zip")


@pytest.mark.parametrize(
    "name",
    [
        "../movements.csv",
        "../../children.csv",
        "a/../../movements.csv",
        "/tmp/movements.csv",
        "C:/movements.csv",
        "a\\..\\movements.csv",
        "..",
    ],
)
def test_a_name_pointing_outside_the_zip_is_refused(
    file_store: Store, folder: Path, tmp_path: Path, name: str
) -> None:
    bad = craft(tmp_path / "escape.zip", [("children.csv", GOOD["children.csv"]), (name, MOVES)])
    message = refused(file_store, bad, folder, "a name that points outside the zip")
    assert repr(name) in message


def test_a_table_in_a_subfolder_is_still_read(
    file_store: Store, folder: Path, tmp_path: Path
) -> None:
    ok = craft(tmp_path / "ok.zip", [(f"export/{n}", t) for n, t in GOOD.items()])
    import_file(file_store, ok)
    assert file_store.counts()["movements"] == 1


_HOSTILE = st.one_of(
    st.sampled_from(list(GOOD)).map(lambda n: [(n, MOVES)]),  # a duplicate
    st.sampled_from([stat.S_IFLNK, stat.S_IFIFO, stat.S_IFSOCK, stat.S_IFBLK]).map(
        lambda k: [(_link("sleep.csv", k), "x")]
    ),
    st.tuples(
        st.sampled_from(["../", "/", "x/../../", "D:", "x\\"]), st.sampled_from(list(GOOD))
    ).map(lambda t: [(t[0] + t[1], MOVES)]),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(hostile=_HOSTILE, at=st.integers(0, 2))
def test_any_hostile_entry_anywhere_is_refused_and_changes_nothing(
    file_store: Store,
    folder: Path,
    tmp_path: Path,
    hostile: list[tuple[zipfile.ZipInfo | str, str]],
    at: int,
) -> None:
    members: list[tuple[zipfile.ZipInfo | str, bytes | str]] = list(GOOD.items())
    members[at:at] = hostile
    bad = craft(tmp_path / "hostile.zip", members)
    refused(file_store, bad, folder, "twice|link or folder|points outside the zip")


# --- not a regular file -----------------------------------------------------------------


def test_a_folder_is_refused(file_store: Store, folder: Path, tmp_path: Path) -> None:
    (tmp_path / "tables.zip").mkdir()
    refused(file_store, tmp_path / "tables.zip", folder, "not a regular file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("name", ["pipe.csv", "pipe.zip", "pipe.json"])
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "data"
    with Store.open(folder) as s:  # closed: the import below takes the lock
        s.save(Child("Eve"))
    pipe = tmp_path / name
    os.mkfifo(pipe)
    before = data_hashes(folder)
    done = subprocess.run(
        [sys.executable, "-m", "rlbaby", "--data-dir", str(folder), "import", str(pipe)],
        capture_output=True,
        text=True,
        timeout=60,
        env=child_env(),
    )
    assert done.returncode != 0
    assert f"{name}: not a regular file" in done.stderr
    assert "Traceback" not in done.stderr
    assert data_hashes(folder) == before
