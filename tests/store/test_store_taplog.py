"""The tap log (store/taplog.py): saves as appended lines, replayed at every open."""

from __future__ import annotations

import contextlib
import errno
import os
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from store_strategies import T0, contents

from rlbaby.model import Child, Episode, Instant, Movement, MovementKind
from rlbaby.services import LoggerService
from rlbaby.store import NewerVersionError, Store, StoreError, WriteError, codec, taplog
from rlbaby.store.backup import BackupManager, BadBackupError, create_backup
from rlbaby.store.migrations import _set_version
from rlbaby.store.restore import restore_backup
from rlbaby.store.schema import SCHEMA_VERSION, read_schema_version
from rlbaby.store.taplog import HEADER_LEN, LOG_NAME, encode_line, new_header, parse

if TYPE_CHECKING:
    from conftest import FakeClock

NOV = Instant(T0, 60)
HEADER = new_header()  # a log's first line (its digits differ from log to log)


def just_header(raw: bytes) -> bool:
    """Whether `raw` is a log holding no saves: its header alone."""
    got = parse(raw)
    return len(raw) == HEADER_LEN and got.end == HEADER_LEN and not got.torn


def _tap_some(store: Store, clock: FakeClock, n: int = 5) -> list[Movement]:
    kid = store.child_by_name("Ada") or store.save(Child("Ada", id="kid"))
    logger = LoggerService(store, clock)
    taps = []
    for _ in range(n):
        clock.advance(20)
        taps.append(logger.record_movement(kid.id))
    return taps


def _crash(store: Store) -> None:
    """As a kill -9 leaves it: the lock and the log's file let go, no checkpoint."""
    assert store._lock is not None
    assert store._taplog is not None
    store._lock.release()
    store._lock = None
    store._taplog.close()
    store._taplog = None  # nor one at the fixture's close


def _movement_doc(rid: str, episode: str = "ep") -> dict[str, Any]:
    """A movement's stored form, for a line written by hand."""
    m = Movement("kid", episode, NOV, id=rid, created_ms=T0, updated_ms=T0)
    return codec.movement_to_doc(m)


def _format_1_folder(data_dir: Path, clock: FakeClock) -> None:
    """A folder as rlbaby wrote it before the tap log: format 1, no taps.log."""
    with Store.open(data_dir, now_ms=clock.now_ms) as s:
        s.save(Child("Ada", id="kid"))
    _set_version(data_dir, 1)
    (data_dir / LOG_NAME).unlink()


def _log(data_dir: Path) -> bytes:
    return (data_dir / LOG_NAME).read_bytes()


# --- the format ----------------------------------------------------------------------


def _line(n: int) -> bytes:
    doc = {"id": f"m{n}", "at_ms": n}
    return encode_line([("movements", "2026-11-24d", doc)])


def test_lines_read_back_in_order() -> None:
    got = parse(HEADER + _line(1) + _line(2))
    assert [step[0][2]["id"] for step in got.steps] == ["m1", "m2"]
    assert (got.damaged, got.torn, got.end) == ([], False, len(HEADER + _line(1) + _line(2)))


@pytest.mark.parametrize("cut", [1, 9, 20, -1])
def test_a_last_line_cut_short_is_dropped_not_damage(cut: int) -> None:
    whole = HEADER + _line(1)
    got = parse(whole + _line(2)[:cut])
    assert [s[0][2]["id"] for s in got.steps] == ["m1"]
    assert (got.damaged, got.torn, got.end) == ([], True, len(whole))


def test_a_bad_last_whole_line_is_a_cut_short_save() -> None:
    bad = _line(2).replace(b"m2", b"m3")  # the checksum no longer matches
    got = parse(HEADER + _line(1) + bad)
    assert [s[0][2]["id"] for s in got.steps] == ["m1"]
    assert (got.damaged, got.torn, got.end) == ([], True, len(HEADER + _line(1)))


def test_a_bad_line_before_good_ones_is_damage() -> None:
    bad = _line(2).replace(b"m2", b"m3")
    got = parse(HEADER + _line(1) + bad + _line(4))
    assert [s[0][2]["id"] for s in got.steps] == ["m1", "m4"]
    assert got.damaged == ["line 3 it fails its checksum"]


def test_a_newer_log_is_refused_and_a_foreign_file_is_not_a_log() -> None:
    with pytest.raises(NewerVersionError):
        parse(b"rlbaby tap log 2\n")
    with pytest.raises(ValueError, match="header"):
        parse(b'{"movements": {}}')
    assert parse(b"").steps == []  # created, then cut off before its header


def test_every_log_has_a_header_of_its_own() -> None:
    """A reader tells one log from the next by its header (taplog.py)."""
    one, two = new_header(), new_header()
    assert one != two
    assert len(one) == len(two) == HEADER_LEN
    assert just_header(one)
    assert not just_header(one + _line(1))
    assert parse(one[:20]).torn
    assert parse(one[:20]).steps == []
    with pytest.raises(ValueError, match="header"):
        parse(one[:-2] + b"g\n" + _line(1))  # not its digits
    with pytest.raises(ValueError, match="header"):
        parse(b"rlbaby tap log 1\n" + _line(1))  # no digits at all


@settings(max_examples=150, deadline=None)
@given(raw=st.binary(max_size=300), at=st.integers(0, 400))
def test_any_bytes_parse_or_fail_cleanly(raw: bytes, at: int) -> None:
    whole = HEADER + _line(1) + _line(2)
    for data in (raw, whole + raw, whole[:at] + raw + whole[at:]):
        try:
            got = parse(data)
        except (ValueError, NewerVersionError):
            continue
        assert got.end <= len(data)
        for step in got.steps:
            assert all(folder in taplog.FOLDERS for folder, _key, _doc in step)


# --- saving and opening ------------------------------------------------------------


def test_taps_are_lines_of_the_log_until_the_store_closes(
    file_store: Store, data_dir: Path, clock: FakeClock
) -> None:
    taps = _tap_some(file_store, clock)
    assert not (data_dir / "movements").exists()  # no record file rewritten per tap
    got = parse(_log(data_dir))
    ids = [doc["id"] for step in got.steps for folder, _k, doc in step if folder == "movements"]
    assert ids == [m.id for m in taps]
    before = contents(file_store)
    file_store.close()
    assert just_header(_log(data_dir))  # folded into the files, then cut
    assert len(list((data_dir / "movements").glob("*.json"))) == 1
    with Store.open(data_dir) as again:
        assert contents(again) == before


def test_a_tap_opening_an_episode_is_one_line(file_store: Store, data_dir: Path, clock) -> None:  # type: ignore[no-untyped-def]
    _tap_some(file_store, clock, 1)
    step = parse(_log(data_dir)).steps[-1]
    assert [folder for folder, _k, _d in step] == ["episodes", "movements"]


def test_a_read_only_open_replays_the_log_and_writes_nothing(
    file_store: Store, data_dir: Path, clock: FakeClock
) -> None:
    taps = _tap_some(file_store, clock)
    raw = _log(data_dir)
    with Store.open(data_dir, readonly=True) as reader:
        assert set(reader.movements().ids) == {m.id for m in taps}
        assert reader.problems == []
        with pytest.raises(StoreError):
            reader.save(replace(taps[0], note="x"))
    assert _log(data_dir) == raw


def test_a_crash_leaves_the_log_and_the_next_open_replays_it(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store.open(data_dir, now_ms=clock.now_ms)
    taps = _tap_some(store, clock)
    edited = store.save(replace(taps[1], kind=MovementKind.KICK))
    store.delete(taps[2])
    moved = store.save(replace(taps[3], at=NOV.plus_ms(40 * 86_400_000)))  # to another file
    before = contents(store)
    _crash(store)
    with Store.open(data_dir) as again:
        assert again.problems == []
        assert contents(again) == before
        assert again.movement(edited.id).kind is MovementKind.KICK  # type: ignore[union-attr]
        assert again.movement(taps[2].id).deleted_ms is not None  # type: ignore[union-attr]
        assert again.movement(moved.id).at == moved.at  # type: ignore[union-attr]
    with Store.open(data_dir) as third:  # folded in at the close; still the same
        assert contents(third) == before
        assert len(third.movements().ids) == len(set(third.movements().ids))


def test_a_cut_short_last_line_is_dropped_and_cut_before_the_next_save(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store.open(data_dir, now_ms=clock.now_ms)
    _tap_some(store, clock, 3)
    before = contents(store)
    _crash(store)
    with open(data_dir / LOG_NAME, "ab") as fh:
        fh.write(b'0badc0de [["movements","2026-11-24d",{"id":"half')
    with Store.open(data_dir, now_ms=clock.now_ms) as again:
        assert again.problems == []
        assert contents(again) == before
        more = _tap_some(again, clock, 1)
        got = parse(_log(data_dir))
        assert (got.damaged, got.torn) == ([], False)
        after = contents(again)
    with Store.open(data_dir) as third:
        assert contents(third) == after
        assert third.movement(more[0].id) is not None


def test_a_bad_last_line_is_cut_off_by_the_next_save_not_left_as_damage(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store.open(data_dir, now_ms=clock.now_ms)
    taps = _tap_some(store, clock, 2)
    _crash(store)
    raw = _log(data_dir)
    (data_dir / LOG_NAME).write_bytes(raw[:-5] + b"xxxx\n")  # the last line's end garbled
    with Store.open(data_dir, now_ms=clock.now_ms) as again:
        assert again.problems == []
        assert taps[1].id not in set(again.movements().ids)  # taken for a save cut short
        _tap_some(again, clock, 1)
        after = contents(again)
    with Store.open(data_dir) as third:
        assert third.problems == []
        assert contents(third) == after


def test_a_damaged_line_is_reported_copied_and_the_rest_applied(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store.open(data_dir, now_ms=clock.now_ms)
    taps = _tap_some(store, clock, 4)
    _crash(store)
    lines = _log(data_dir).split(b"\n")
    n = next(i for i, line in enumerate(lines) if taps[1].id.encode() in line)
    lines[n] = lines[n].replace(taps[1].id.encode(), b"x" * len(taps[1].id))  # bit rot
    damaged = b"\n".join(lines)
    (data_dir / LOG_NAME).write_bytes(damaged)
    with Store.open(data_dir) as again:
        ((problem,),) = [again.problems]
        assert problem.name == LOG_NAME
        assert "1 saved line(s) could not be read" in problem.message()
        assert f"line {n + 1} it fails its checksum" in problem.message()
        ids = set(again.movements().ids)
        assert taps[1].id not in ids
        assert {taps[0].id, taps[2].id, taps[3].id} <= ids
        assert problem.moved_to is not None
        assert (data_dir / problem.moved_to).read_bytes() == damaged
    assert just_header(_log(data_dir))  # cut at the close, once the copy was kept


def test_a_damaged_log_without_its_copy_is_never_cut(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(data_dir, now_ms=clock.now_ms)
    taps = _tap_some(store, clock, 3)
    _crash(store)
    lines = _log(data_dir).split(b"\n")
    n = next(i for i, line in enumerate(lines) if taps[1].id.encode() in line)
    lines[n] = lines[n][:-3] + b"]]]"
    (data_dir / LOG_NAME).write_bytes(b"\n".join(lines))
    (data_dir / "quarantine").write_bytes(b"a file where the folder should be")
    with Store.open(data_dir, now_ms=clock.now_ms) as again:
        ((problem,),) = [again.problems]
        assert problem.moved_to is None
        assert "keeps the log as it is" in problem.message()
        _tap_some(again, clock, 1)  # saving still works, after the damaged line
        again.checkpoint()
        assert lines[n] in _log(data_dir)  # not cut
    assert lines[n] in _log(data_dir)
    with Store.open(data_dir) as third:
        assert taps[1].id not in set(third.movements().ids)
        assert taps[2].id in set(third.movements().ids)


def test_a_newer_tap_log_is_refused_before_anything_is_written(
    data_dir: Path, clock: FakeClock
) -> None:
    from store_strategies import folder_hashes

    with Store.open(data_dir, now_ms=clock.now_ms) as s:
        kid = s.save(Child("Ada", id="kid"))
        ep = s.save(Episode(kid.id, NOV, id="ep"))
        for day in range(4):  # older day files, which a load would snapshot
            s.save(Movement(kid.id, ep.id, NOV.plus_ms(day * 86_400_000)))
    (data_dir / LOG_NAME).write_bytes(b"rlbaby tap log 9\n")
    for snapshot in (data_dir / "cache").glob("*"):
        snapshot.unlink()
    before = folder_hashes(data_dir)
    with pytest.raises(NewerVersionError):
        Store.open(data_dir)
    with pytest.raises(NewerVersionError):
        Store.open(data_dir, readonly=True)
    assert _log(data_dir) == b"rlbaby tap log 9\n"
    assert folder_hashes(data_dir) == before
    assert not list((data_dir / "cache").glob("*"))


def test_a_foreign_tap_log_is_never_overwritten(data_dir: Path) -> None:
    Store.open(data_dir).close()
    (data_dir / LOG_NAME).write_bytes(b"my notes\n")
    with pytest.raises(StoreError, match="not rlbaby's tap log.*will not overwrite it"):
        Store.open(data_dir)
    assert _log(data_dir) == b"my notes\n"


def test_a_line_putting_a_record_in_the_wrong_file_is_damage(data_dir: Path, clock) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, now_ms=clock.now_ms) as store:
        kid = store.save(Child("Ada", id="kid"))
        ep = store.save(Episode(kid.id, NOV, id="ep"))
        store.save(Movement(kid.id, ep.id, NOV, id="m0"))
    doc = _movement_doc("m1", episode="ep")
    wrong = encode_line([("movements", "2020-01-01d", doc)])
    good = encode_line([("movements", "2026-11-24d", {**doc, "id": "m2"})])
    with open(data_dir / LOG_NAME, "ab") as fh:
        fh.write(wrong + good)
    with Store.open(data_dir, readonly=True) as reader:
        assert "in movements/2020-01-01d, not movements/2026-11-24d" in reader.problems[0].reason
        assert set(reader.movements().ids) == {"m0", "m2"}


def test_a_failed_append_whose_cut_back_fails_is_cut_before_the_next(
    file_store: Store, data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tap_some(file_store, clock, 2)
    before = contents(file_store)
    for name in ("fdatasync", "fsync", "ftruncate"):
        if hasattr(os, name):
            monkeypatch.setattr(os, name, _raiser(errno.EIO))
    with pytest.raises(WriteError):
        _tap_some(file_store, clock, 1)
    monkeypatch.undo()
    assert contents(file_store) == before
    assert parse(_log(data_dir)).steps  # the unsynced line may still be in the file...
    more = _tap_some(file_store, clock, 1)
    after = contents(file_store)
    file_store._taplog.close()  # type: ignore[union-attr]
    got = parse(_log(data_dir))  # ...but the next save cut it off first
    assert (got.damaged, got.torn) == ([], False)
    with Store.open(data_dir, readonly=True) as reader:
        assert contents(reader) == after
        assert reader.movement(more[0].id) is not None


def _raiser(code: int) -> Any:
    def fail(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(code, os.strerror(code))

    return fail


def test_a_checkpoint_cut_short_replays_to_the_same_data(
    file_store: Store, data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    taps = _tap_some(file_store, clock, 4)
    file_store.save(replace(taps[0], at=NOV.plus_ms(40 * 86_400_000)))
    before = contents(file_store)
    real_replace = os.replace

    def replace_but_the_log(src: Any, dst: Any) -> None:
        if os.fspath(dst).endswith(LOG_NAME):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_but_the_log)
    with pytest.raises(WriteError):
        file_store.checkpoint()  # every file rewritten, the log not cut
    monkeypatch.undo()
    assert parse(_log(data_dir)).steps
    assert contents(file_store) == before
    file_store._taplog.close()  # type: ignore[union-attr]
    with Store.open(data_dir, readonly=True) as reader:
        assert contents(reader) == before
        assert len(reader.movements().ids) == len(set(reader.movements().ids))


def test_the_log_is_folded_in_once_it_is_long(
    file_store: Store, data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("rlbaby.store.writes.MAX_LINES", 4)
    _tap_some(file_store, clock, 5)
    assert file_store._taplog.lines < 4  # type: ignore[union-attr]
    assert list((data_dir / "movements").glob("*.json"))


# --- the follower, backups, restore, versions ---------------------------------------


def test_a_reader_follows_appended_taps_without_a_whole_load(
    file_store: Store, data_dir: Path, clock: FakeClock
) -> None:
    _tap_some(file_store, clock, 2)
    with Store.open(data_dir, readonly=True) as reader:
        columns = reader.columns
        more = _tap_some(file_store, clock, 3)
        assert reader.refresh()
        assert reader.columns is columns  # applied in place, not loaded again
        assert {m.id for m in more} <= set(reader.movements().ids)
        assert not reader.refresh()
        file_store.checkpoint()  # the log is cut: the reader loads again, and agrees
        assert reader.refresh()
        assert contents(reader) == contents(file_store)


@pytest.fixture(params=["new inode", "inode reused"])
def cut_inode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """How the file system numbers the log a cut makes: a new inode, or the
    number the last cut freed (ext4 and overlayfs do reuse them; CI once
    failed so). "inode reused" writes the new log in place to model it."""
    if request.param == "inode reused":

        def in_place(path: Path, data: bytes) -> None:
            with open(path, "r+b") as f:
                f.truncate(0)
                f.write(data)
                f.flush()
                os.fsync(f.fileno())

        monkeypatch.setattr(taplog, "atomic_write_bytes", in_place)
    return str(request.param)


def test_a_reader_that_looked_between_the_files_and_the_cut_is_not_misled(
    file_store: Store, data_dir: Path, clock: FakeClock, cut_inode: str
) -> None:
    """The reader loads the rewritten files and the whole log; then the log is
    cut and grows past where the reader stopped. Reading on from that offset
    would start mid-line or skip the first new saves: the cut is another log
    (another header, whatever its inode), so the reader loads again."""
    _tap_some(file_store, clock, 6)
    with Store.open(data_dir, readonly=True) as reader:
        log = file_store._taplog
        assert log is not None
        ino = (data_dir / LOG_NAME).stat().st_ino
        with pytest.MonkeyPatch.context() as later:
            later.setattr(log, "cut", lambda: None)
            file_store.checkpoint()  # the files are rewritten; the cut waits
            assert reader.refresh()
        log.cut()
        assert ((data_dir / LOG_NAME).stat().st_ino == ino) is (cut_inode == "inode reused")
        read_to = reader._taplog._size  # type: ignore[union-attr]
        while (data_dir / LOG_NAME).stat().st_size <= read_to:
            _tap_some(file_store, clock, 1)  # until the log is just past where it read
        assert reader.refresh()
        assert contents(reader) == contents(file_store)


def test_a_reader_opening_across_two_checkpoints_shows_the_newest_edit(
    file_store: Store,
    data_dir: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    cut_inode: str,
) -> None:
    """The reader reads the log (a tap's first version), then the writer
    folds it in, edits the tap and folds that in too, then the reader loads
    the files (the edit): replaying the log it read first would undo the edit.
    The second cut's log may have the first's inode number; its header differs."""
    (tap,) = _tap_some(file_store, clock, 1)
    real_load = Store._load

    def writer_folds_in_between(self: Store) -> None:
        if self.readonly:
            file_store.checkpoint()
            file_store.save(replace(tap, kind=MovementKind.KICK))
            file_store.checkpoint()
        real_load(self)

    monkeypatch.setattr(Store, "_load", writer_folds_in_between)
    with Store.open(data_dir, readonly=True) as reader:
        assert reader.movement(tap.id).kind is MovementKind.KICK  # type: ignore[union-attr]
        assert contents(reader) == contents(file_store)


def test_a_backup_holds_the_log_and_restores_it(
    file_store: Store, data_dir: Path, clock: FakeClock
) -> None:
    taps = _tap_some(file_store, clock, 3)
    with Store.open(data_dir, readonly=True) as reader:  # a second copy cannot fold it in
        path = BackupManager(reader).backup_now(reason="manual")
    before = contents(file_store)
    with zipfile.ZipFile(path) as zf:
        assert LOG_NAME in zf.namelist()
    file_store.close()
    with Store.open(data_dir) as s:
        s.delete(s.movement(taps[0].id))  # type: ignore[arg-type]
    restore_backup(data_dir, path)
    with Store.open(data_dir) as again:
        assert contents(again) == before


def test_a_writer_backs_up_whole_files(file_store: Store, data_dir: Path, clock) -> None:  # type: ignore[no-untyped-def]
    _tap_some(file_store, clock, 3)
    path = BackupManager(file_store).backup_now(reason="manual")
    with zipfile.ZipFile(path) as zf:
        assert LOG_NAME not in zf.namelist()
    assert just_header(_log(data_dir))


def test_restoring_drops_the_folders_own_log(
    file_store: Store, data_dir: Path, clock: FakeClock
) -> None:
    _tap_some(file_store, clock, 2)
    file_store.checkpoint()
    path = create_backup(data_dir, reason="manual")
    restored = contents(file_store)
    late = _tap_some(file_store, clock, 3)  # only in the log
    _crash(file_store)
    assert parse(_log(data_dir)).steps
    safety = restore_backup(data_dir, path)
    with Store.open(data_dir) as again:
        assert contents(again) == restored
        assert not {m.id for m in late} & set(again.movements().ids)
    with zipfile.ZipFile(safety) as zf:  # the late taps are in the safety backup
        assert LOG_NAME in zf.namelist()


def _backup_with_log(data_dir: Path, clock: FakeClock, log: bytes) -> Path:
    with Store.open(data_dir, now_ms=clock.now_ms) as s:
        _tap_some(s, clock, 1)
    path = create_backup(data_dir, reason="manual")
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    manifest = orjson.loads(members["manifest.json"])
    import hashlib

    members[LOG_NAME] = log
    manifest["files"][LOG_NAME] = hashlib.sha256(log).hexdigest()
    members["manifest.json"] = orjson.dumps(manifest)
    hostile = data_dir.parent / "hostile.zip"
    with zipfile.ZipFile(hostile, "w") as zf:
        for name, raw in members.items():
            zf.writestr(name, raw)
    return hostile


@pytest.mark.parametrize(
    ("log", "why"),
    [
        (HEADER + b"00000000 [1]\n" + _line(2), "fails its checksum"),
        (HEADER + _line(1) + _line(2), "malformed record"),
        (b"rlbaby tap log 7\n", "newer"),
        (b"not a log", "header"),
    ],
    ids=["bad line", "bad record", "newer", "foreign"],
)
def test_a_hostile_log_in_a_backup_is_refused(
    data_dir: Path, clock: FakeClock, log: bytes, why: str
) -> None:
    hostile = _backup_with_log(data_dir, clock, log)
    with Store.open(data_dir) as s:
        before = contents(s)
    with pytest.raises((BadBackupError, NewerVersionError), match=why):
        restore_backup(data_dir, hostile)
    with Store.open(data_dir) as s:
        assert contents(s) == before


def test_a_logged_movement_without_its_episode_in_a_backup_is_refused(
    data_dir: Path, clock: FakeClock
) -> None:
    doc = _movement_doc("m9", episode="nowhere")
    hostile = _backup_with_log(
        data_dir, clock, HEADER + encode_line([("movements", "2026-11-24d", doc)])
    )
    with pytest.raises(BadBackupError, match="episode 'nowhere'"):
        restore_backup(data_dir, hostile)


def test_a_format_1_folder_becomes_format_2_when_its_log_is_made(
    data_dir: Path, clock: FakeClock
) -> None:
    from rlbaby.store.backend import FileBackend

    _format_1_folder(data_dir, clock)
    meta = (data_dir / "meta.json").read_bytes()
    with Store.open(data_dir, readonly=True):
        pass
    assert (data_dir / "meta.json").read_bytes() == meta  # reading rewrites nothing
    assert not (data_dir / LOG_NAME).exists()
    with Store.open(data_dir, now_ms=clock.now_ms) as s:
        # The writable open makes the log (once), so the first tap only appends.
        assert just_header(_log(data_dir))
        assert read_schema_version(FileBackend(data_dir)) == SCHEMA_VERSION == 2
        _tap_some(s, clock, 1)


@pytest.mark.parametrize("raw", [b"", HEADER[:5]], ids=["empty", "header cut short"])
def test_a_log_without_its_whole_header_gets_one_before_the_first_tap(
    data_dir: Path, clock: FakeClock, raw: bytes
) -> None:
    with Store.open(data_dir, now_ms=clock.now_ms) as s:
        s.save(Child("Ada", id="kid"))
    (data_dir / LOG_NAME).write_bytes(raw)  # as a crash mid-creation, or a restored backup
    store = Store.open(data_dir, now_ms=clock.now_ms)
    taps = _tap_some(store, clock, 2)
    before = contents(store)
    _crash(store)
    assert just_header(_log(data_dir)[:HEADER_LEN])
    with Store.open(data_dir) as again:  # was refused: "not rlbaby's tap log"
        assert again.problems == []
        assert contents(again) == before
        assert {m.id for m in taps} <= set(again.movements().ids)


def test_restoring_a_format_1_backup_states_format_2_before_the_first_logged_tap(
    data_dir: Path, clock: FakeClock
) -> None:
    from rlbaby.store.backend import FileBackend

    _format_1_folder(data_dir, clock)
    old = create_backup(data_dir, reason="manual", schema_version=1)  # an older rlbaby's
    restore_backup(data_dir, old)
    assert just_header(_log(data_dir))  # the restore's empty log, in a format-1 folder
    store = Store.open(data_dir, now_ms=clock.now_ms)
    _tap_some(store, clock, 1)
    _crash(store)
    assert parse(_log(data_dir)).steps  # the tap is only in the log...
    # ...so an older rlbaby, which ignores the log, must refuse the folder.
    assert read_schema_version(FileBackend(data_dir)) == SCHEMA_VERSION


def test_an_import_that_fails_keeps_the_taps_it_folded_in(data_dir: Path, clock: FakeClock) -> None:
    from rlbaby.store.journal import journalled

    store = Store.open(data_dir, now_ms=clock.now_ms)
    taps = _tap_some(store, clock, 3)  # only in the log
    seen: set[str] = set()

    def fail() -> None:
        # What an open finds if the import is killed here, before its commit.
        with Store.open(data_dir, readonly=True) as reader:
            seen.update(reader.movements().ids)
        raise WriteError(data_dir, OSError(errno.ENOSPC, "No space left on device"))

    other = Movement("kid", taps[0].episode_id, NOV.plus_ms(3 * 86_400_000))
    with journalled(data_dir), pytest.raises(WriteError):
        store.save_many([other], commit=fail)  # as an import: its checkpoint first
    assert {m.id for m in taps} <= seen
    store.close()
    with Store.open(data_dir) as again:
        assert {m.id for m in taps} <= set(again.movements().ids)


def test_a_batch_while_the_log_cannot_be_cut_is_not_undone_by_the_next_open(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store.open(data_dir, now_ms=clock.now_ms)
    _tap_some(store, clock, 3)
    _crash(store)
    lines = _log(data_dir).split(b"\n")
    lines[2] = lines[2][:-3] + b"]]]"  # damage a line before good ones
    (data_dir / LOG_NAME).write_bytes(b"\n".join(lines))
    (data_dir / "quarantine").write_bytes(b"a file where the folder should be")
    with Store.open(data_dir, now_ms=clock.now_ms) as again:
        tap = _tap_some(again, clock, 1)[0]  # in the log, which is never cut now
        clock.advance(60)
        newer = replace(tap, note="from the other phone", updated_ms=clock.now_ms())
        with contextlib.suppress(StoreError):
            again.save_many([newer])  # as an import of a newer copy
        after = contents(again)
    with Store.open(data_dir) as third:
        assert contents(third) == after  # was: the log's older copy replayed over it
