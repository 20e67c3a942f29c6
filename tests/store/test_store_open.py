"""Opening a folder: things that are not regular files, bugs that are not damage, long texts."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from store_strategies import T0, child_env, folder_hashes

from rlbaby.model import Child, Episode, Instant, LabResult, Movement, SleepPeriod
from rlbaby.model.limits import MAX_NAME_CHARS, MAX_NOTE_CHARS
from rlbaby.store import Store, StoreError, bulk, codec
from rlbaby.store import store as store_module
from rlbaby.store.colcache import CACHE_REL
from rlbaby.store.errors import MalformedRecord, TextTooLongError

DAY = 86_400_000
DEC = T0 + 20 * DAY  # 2026-12-14: the file movements/2026-12-14d.json
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")


def _fill(data_dir: Path) -> None:
    """A child, and an episode with a movement in November and in December."""
    with Store.open(data_dir, now_ms=lambda: T0) as s:
        kid = s.save(Child("Ada", id="kid"))
        for t in (T0, DEC):
            ep = s.save(Episode(kid.id, Instant(t, 60)))
            s.save(Movement(kid.id, ep.id, Instant(t, 60)))


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a child process: a hang fails the test instead of the run."""
    return subprocess.run(
        [sys.executable, "-m", "rlbaby", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=child_env(),
    )


# --- a FIFO (or a device) where a data file should be --------------------------------


@needs_fifo
def test_a_fifo_in_place_of_a_data_file_never_hangs_summary_or_import(
    data_dir: Path, tmp_path: Path
) -> None:
    _fill(data_dir)
    fifo = data_dir / "movements" / "2026-12-14d.json"
    fifo.unlink()
    os.mkfifo(fifo)
    csv = tmp_path / "taps.csv"
    csv.write_text("child,time\nAda,2026-11-24T22:00:00+01:00\n")

    summary = _cli(data_dir, "summary", "--json")
    assert summary.returncode == 0, summary.stderr
    assert "movements/2026-12-14d.json" in summary.stderr
    assert "FIFO" in summary.stderr
    imported = _cli(data_dir, "import", str(csv))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout == "imported taps.csv: adds 1 episode, 1 movement\n"
    # Reported, never moved: a person decides what the thing is.
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert not (data_dir / "quarantine").exists()


@needs_fifo
@pytest.mark.timeout(60)
def test_a_fifo_is_reported_and_never_replaced_by_a_save(data_dir: Path) -> None:
    _fill(data_dir)
    fifo = data_dir / "movements" / "2026-12-14d.json"
    fifo.unlink()
    os.mkfifo(fifo)
    with Store.open(data_dir) as s:
        ((problem,),) = [s.problems]
        assert (problem.name, problem.moved_to) == ("movements/2026-12-14d.json", None)
        assert "a FIFO (named pipe), not a regular file" in problem.reason
        assert "left it where it is" in problem.message()
        assert len(s.movements()) == 1  # November's still open
        with pytest.raises(StoreError, match="FIFO"):
            s.save(Movement("kid", "ep", Instant(DEC + 1000, 60)))
        s.save(Movement("kid", "ep", Instant(T0 + 1000, 60)))  # other files still save
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@needs_fifo
@pytest.mark.timeout(60)
def test_a_fifo_in_place_of_meta_or_the_cache(data_dir: Path) -> None:
    _fill(data_dir)
    Store.open(data_dir).close()  # writes the column cache
    (data_dir / CACHE_REL).unlink()
    os.mkfifo(data_dir / CACHE_REL)
    with Store.open(data_dir) as s:  # the cache is only skipped
        assert (s.problems, len(s.movements())) == ([], 2)
    meta = data_dir / "meta.json"
    meta.unlink()
    os.mkfifo(meta)
    with pytest.raises(StoreError, match=r"meta.json: .*FIFO.*not overwritten"):
        Store.open(data_dir)
    with Store.open(data_dir, readonly=True) as s:
        assert [p.name for p in s.problems] == ["meta.json"]
        assert len(s.movements()) == 2
    assert stat.S_ISFIFO(os.lstat(meta).st_mode)


# --- a bug is not damage ---------------------------------------------------------------


def _bug(*_args: object, **_kwargs: object) -> None:
    raise KeyError("a bug in rlbaby, not in the file")


@pytest.mark.parametrize(
    ("module", "name"),
    [
        (bulk, "episodes_from_docs"),
        (bulk, "sleep_from_docs"),
        (codec, "child_from_doc"),
        (store_module, "check_movement_docs"),
    ],
)
def test_a_decoder_bug_fails_the_open_and_moves_nothing(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, module: object, name: str
) -> None:
    _fill(data_dir)
    with Store.open(data_dir) as s:
        s.save(SleepPeriod("kid", Instant(T0, 60)))
    (data_dir / CACHE_REL).unlink()  # so every movement file is decoded
    before = folder_hashes(data_dir)
    monkeypatch.setattr(module, name, _bug)
    with pytest.raises(KeyError, match="a bug in rlbaby"):
        Store.open(data_dir)
    monkeypatch.undo()
    assert not (data_dir / "quarantine").exists()
    after = folder_hashes(data_dir)
    assert {k: v for k, v in after.items() if k != "rlbaby.lock"} == {
        k: v for k, v in before.items() if k != "rlbaby.lock"
    }
    with Store.open(data_dir) as s:  # the lock was released, the data is whole
        assert (s.problems, len(s.movements())) == ([], 2)


GOOD = codec.movement_to_doc(Movement("kid", "ep", Instant(T0, 60), created_ms=1, updated_ms=1))


@pytest.mark.parametrize(
    ("decode", "doc", "message"),
    [
        (
            codec.movement_from_doc,
            {k: v for k, v in GOOD.items() if k != "kind"},
            "kind is missing",
        ),
        (codec.movement_from_doc, {**GOOD, "at_ms": "soon"}, "at_ms must be a whole number"),
        (codec.movement_from_doc, {**GOOD, "kind": ["kick"]}, "not a known MovementKind"),
        (codec.child_from_doc, {"id": "c", "name": " ", "created_ms": 1, "updated_ms": 1}, "name"),
        (
            codec.child_from_doc,
            {"id": "c", "name": "A", "birth_date": "2026-13-01", "created_ms": 1, "updated_ms": 1},
            "is not a date",
        ),
        (
            codec.sleep_from_doc,
            {
                **codec.sleep_to_doc(SleepPeriod("kid", Instant(T0), created_ms=1, updated_ms=1)),
                "awake_ms": T0 - 1,
                "awake_offset_min": 0,
            },
            "awake mark is before the asleep mark",
        ),
        (codec.settings_from_doc, {"idle_timeout_s": 5}, "idle timeout"),
    ],
)
def test_decoders_raise_only_malformed_record(decode, doc, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(MalformedRecord, match=message):
        decode(doc)


def test_a_movement_without_a_field_is_still_set_aside(data_dir: Path) -> None:
    _fill(data_dir)
    path = data_dir / "movements" / "2026-12-14d.json"
    data = orjson.loads(path.read_bytes())
    for doc in data["movements"].values():
        del doc["deleted_ms"]
    path.write_bytes(orjson.dumps(data))
    with Store.open(data_dir) as s:
        ((problem,),) = [s.problems]
        assert problem.name == "movements/2026-12-14d.json"
        assert "field 'deleted_ms' of movement" in problem.reason
        assert problem.moved_to is not None


# --- texts have limits ------------------------------------------------------------------


def test_a_note_over_the_limit_is_refused_and_nothing_is_written(data_dir: Path) -> None:
    _fill(data_dir)
    with Store.open(data_dir) as s:
        before = folder_hashes(data_dir)
        m = Movement("kid", "ep", Instant(T0 + 1000, 60), note="x" * (MAX_NOTE_CHARS + 1))
        with pytest.raises(TextTooLongError, match="note is 10,001 characters long; .* 10,000"):
            s.save(m)
        with pytest.raises(TextTooLongError):
            s.save(Episode("kid", Instant(T0, 60), note="x" * (MAX_NOTE_CHARS + 1)))
        with pytest.raises(TextTooLongError, match="name"):
            s.save(Child("A" * (MAX_NAME_CHARS + 1)))
        with pytest.raises(TextTooLongError, match="lab result"):
            s.save(Child("Bo", labs=(LabResult("ferritin", "9" * (MAX_NAME_CHARS + 1)),)))
        with pytest.raises(TextTooLongError):  # a batch: all or nothing
            s.save_many([Child("Cy"), Movement("kid", "ep", Instant(T0, 60), note="x" * 10**6)])
        assert folder_hashes(data_dir) == before
        assert len(s.movements()) == 2
        assert [c.name for c in s.children()] == ["Ada"]
        s.save(Movement("kid", "ep", Instant(T0 + 1000, 60), note="x" * MAX_NOTE_CHARS))
        assert len(s.movements()) == 3


def test_a_long_note_already_stored_still_loads(data_dir: Path) -> None:
    _fill(data_dir)
    path = data_dir / "movements" / "2026-12-14d.json"
    data = orjson.loads(path.read_bytes())
    for doc in data["movements"].values():
        doc["note"] = "x" * (MAX_NOTE_CHARS * 3)
    path.write_bytes(orjson.dumps(data))
    with Store.open(data_dir) as s:
        assert (s.problems, len(s.movements())) == ([], 2)
