"""rlbaby/cli.py: every subcommand but the GUI and the report, run in-process."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

from rlbaby.cli import build_parser, main
from rlbaby.model import (
    Child,
    Episode,
    Instant,
    LabResult,
    Movement,
    MovementKind,
    OnsetState,
    Response,
    Sign,
    SleepPeriod,
    Soothing,
    StoppedWhenWoken,
    Trigger,
)
from rlbaby.store import Store

T0 = 1_795_500_000_000


def at(local: str) -> Instant:
    return Instant.parse(local + "+01:00")


def hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def records_of(store: Store) -> dict[str, Any]:
    return {
        "children": {c.id: c for c in store.children(include_deleted=True)},
        "movements": {i: store.movement(i) for i in store.columns.ids},
        "episodes": {e.id: e for e in store.episodes(include_deleted=True)},
        "sleep": {s.id: s for s in store.sleep_periods(include_deleted=True)},
    }


@pytest.fixture(autouse=True)
def no_default_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Point every default at a decoy, so a missed --data-dir shows (and harms nothing)."""
    decoy = tmp_path / "decoy"
    monkeypatch.setenv("RLBABY_DATA_DIR", str(decoy))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return decoy


@pytest.fixture
def full_dir(tmp_path: Path) -> Path:
    """Two children; every annotation; a tombstone; sleep on the first night only."""
    d = tmp_path / "full"
    with Store.open(d, now_ms=lambda: T0) as s:
        ada = s.save(
            Child(
                "Ada",
                labs=(LabResult("ferritin", "18", "ug/L"),),
                notes="twin A",
                born_early=True,
            )
        )
        bo = s.save(Child("Bo"))
        ep = s.save(
            Episode(
                ada.id,
                at("2026-11-24T22:00:00"),
                settled=at("2026-11-24T22:10:00"),
                onset_state=OnsetState.ASLEEP,
                soothing=frozenset({Soothing.ROCKING, Soothing.MASSAGE}),
                response=Response.SETTLED_SLOW,
                stopped_when_woken=StoppedWhenWoken.YES,
                signs=frozenset({Sign.STIFFNESS}),
                triggers=frozenset({Trigger.TOO_WARM}),
                video=True,
                note="kicked, then calm",
            )
        )
        # Five movements 6 s apart: a periodic run under AASM (5-90 s), not under WASM.
        for i in range(5):
            s.save(
                Movement(ada.id, ep.id, at("2026-11-24T22:00:00").plus_ms(i * 6000), note=f"m{i}")
            )
        gone = s.save(Movement(ada.id, ep.id, at("2026-11-24T22:01:00")))
        s.delete(gone)
        s.save(SleepPeriod(ada.id, at("2026-11-24T21:00:00"), awake=at("2026-11-25T01:00:00")))
        ep2 = s.save(Episode(ada.id, at("2026-11-25T23:00:00")))
        s.save(Movement(ada.id, ep2.id, at("2026-11-25T23:00:00"), kind=MovementKind.KICK))
        ep3 = s.save(Episode(bo.id, at("2026-11-24T23:00:00")))
        s.save(Movement(bo.id, ep3.id, at("2026-11-24T23:00:00")))
    (d / "rlbaby.lock").unlink()
    return d


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def one_error_line(err: str) -> str:
    assert err.endswith("\n")
    assert err.count("\n") == 1, err
    assert err.startswith("rlbaby: error: ")
    return err


# --- summary -------------------------------------------------------------------------


def test_summary_json(full_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, err = run(capsys, "summary", "--json", "--data-dir", str(full_dir))
    assert (rc, err) == (0, "")
    rows = orjson.loads(out)
    assert [(r["child"], r["night"]) for r in rows] == [
        ("Ada", "2026-11-24"),
        ("Ada", "2026-11-25"),
        ("Bo", "2026-11-24"),
    ]
    first, second, bo = rows
    for row in rows:
        assert {
            "night",
            "child",
            "movements",
            "episodes",
            "longest_episode_min",
            "periodic_runs",
            "rapid_clusters",
            "movements_per_sleep_hour",
        } <= row.keys()
    assert (first["movements"], first["episodes"], first["longest_episode_min"]) == (5, 1, 10.0)
    assert first["movements_per_sleep_hour"] == 1.25  # 5 movements in 4 h of logged sleep
    assert (first["periodic_runs"], first["rapid_clusters"], first["rule"]) == (0, 1, "wasm")
    assert second["movements"] == 1
    assert second["movements_per_sleep_hour"] is None  # no sleep logged that night
    assert bo["movements_per_sleep_hour"] is None


def test_summary_rule_aasm_counts_5_to_9_s_intervals(
    full_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _rc, wasm, _ = run(capsys, "summary", "--json", "--rule", "wasm", "--data-dir", str(full_dir))
    _rc, aasm, _ = run(capsys, "summary", "--json", "--rule", "aasm", "--data-dir", str(full_dir))
    w, a = orjson.loads(wasm)[0], orjson.loads(aasm)[0]
    assert (w["periodic_runs"], a["periodic_runs"]) == (0, 1)
    assert (w["rule"], a["rule"]) == ("wasm", "aasm")


def test_summary_filters(full_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = run(
        capsys,
        "summary",
        "--json",
        "--child",
        "ada",
        "--from",
        "2026-11-25",
        "--data-dir",
        str(full_dir),
    )
    assert rc == 0
    assert [r["night"] for r in orjson.loads(out)] == ["2026-11-25"]
    rc, out, _ = run(capsys, "summary", "--json", "--to", "2026-11-23", "--data-dir", str(full_dir))
    assert (rc, orjson.loads(out)) == (0, [])


@pytest.mark.usefixtures("collector_on")
def test_a_command_runs_without_the_cyclic_gc_and_gives_it_back(
    full_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The imports and the open run with the collector off (about 40 passes
    over objects that all live on); it is on again when the command ends, even
    when the command fails."""
    import gc

    import rlbaby.cli as cli

    seen: list[bool] = []
    real = cli.COMMANDS["summary"]

    def watched(args: Any) -> int:
        seen.append(gc.isenabled())
        return real(args)

    monkeypatch.setitem(cli.COMMANDS, "summary", watched)
    assert gc.isenabled()
    assert main(["--data-dir", str(full_dir), "summary", "--json"]) == 0
    assert seen == [False]
    assert gc.isenabled()
    assert main(["--data-dir", str(full_dir / "nowhere"), "summary", "--json"]) == 1
    assert gc.isenabled()
    capsys.readouterr()


def test_the_exit_leaves_every_object_to_the_end_of_the_process(tmp_path: Path) -> None:
    """A new process: after a command, the interpreter's last collection would
    walk every object numpy and the open made (most of a summary's exit); they
    are frozen first."""
    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print(gc.get_freeze_count() > 0, flush=True))\n"
        "from rlbaby.cli import main\n"
        "for _ in range(2):\n"
        "    main(['summary', '--json', '--data-dir', sys.argv[1]])\n"
    )
    missing = str(tmp_path / "none")  # an error: no open, no freeze of its own
    out = subprocess.run(
        [sys.executable, "-c", code, missing], capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["True"]


def test_summary_does_not_need_the_lock(full_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(full_dir):
        rc, out, _ = run(capsys, "summary", "--json", "--data-dir", str(full_dir))
    assert rc == 0
    assert len(orjson.loads(out)) == 3


# --- --data-dir ------------------------------------------------------------------------


COMMAND_ARGS = {
    "import": ["x.csv"],
    "export": ["--json", "out.json"],
    "summary": ["--json"],
    "report": ["--child", "Ada", "--out", "r.pdf"],
    "backup": [],
    "restore": ["b.zip"],
}


@pytest.mark.parametrize("command", sorted(COMMAND_ARGS))
@pytest.mark.parametrize("before", [True, False])
def test_every_subcommand_accepts_data_dir(command: str, before: bool) -> None:
    argv = [command, *COMMAND_ARGS[command]]
    argv = ["--data-dir", "/x/y", *argv] if before else [*argv, "--data-dir", "/x/y"]
    args = build_parser().parse_args(argv)
    assert (args.command, args.data_dir) == (command, "/x/y")


def test_data_dir_before_the_subcommand_is_used(
    full_dir: Path, no_default_folder: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rc, out, _ = run(capsys, "--data-dir", str(full_dir), "summary", "--json")
    assert rc == 0
    assert len(orjson.loads(out)) == 3
    rc, _, _ = run(
        capsys, "--data-dir", str(full_dir), "export", "--json", str(tmp_path / "a.json")
    )
    assert rc == 0
    rc, _, _ = run(capsys, "--data-dir", str(full_dir), "backup")
    assert rc == 0
    assert not no_default_folder.exists()


def test_data_dir_from_the_environment(
    full_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RLBABY_DATA_DIR", str(full_dir))
    rc, out, _ = run(capsys, "summary", "--json")
    assert (rc, len(orjson.loads(out))) == (0, 3)


# --- export, import, backup, restore ----------------------------------------------------


def test_export_json_then_import_round_trips(
    full_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.json"
    rc, stdout, err = run(capsys, "export", "--json", str(out), "--data-dir", str(full_dir))
    assert (rc, err) == (0, "")
    assert stdout == f"wrote {out}: 2 children, 3 episodes, 8 movements, 1 sleep\n"
    fresh = tmp_path / "fresh"
    rc, stdout, _ = run(capsys, "import", str(out), "--data-dir", str(fresh))
    assert rc == 0
    assert stdout.startswith(
        "imported all.json: adds 2 children, 3 episodes, 8 movements, 1 sleep period"
    )
    with Store.open(full_dir, readonly=True) as a, Store.open(fresh, readonly=True) as b:
        assert records_of(a) == records_of(b)
    rc, stdout, _ = run(capsys, "import", str(out), "--data-dir", str(fresh))
    assert (rc, stdout) == (0, "imported all.json: adds nothing; 14 already present\n")


@pytest.mark.parametrize("target", ["all.zip", "log.csv"])
def test_export_csv_then_import_round_trips(
    full_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    out = tmp_path / target
    rc, stdout, _ = run(capsys, "export", "--csv", str(out), "--data-dir", str(full_dir))
    assert rc == 0
    written = [Path(line.removeprefix("wrote ")) for line in stdout.splitlines()]
    assert all(p.exists() for p in written)
    fresh = tmp_path / "fresh"
    # Episodes before movements, so that movements join the exported episodes.
    for path in sorted(written, key=lambda p: (".episodes" not in p.name, ".sleep" not in p.name)):
        rc, _, err = run(capsys, "import", str(path), "--data-dir", str(fresh))
        assert (rc, err) == (0, "")
    with Store.open(full_dir, readonly=True) as a, Store.open(fresh, readonly=True) as b:
        ra, rb = records_of(a), records_of(b)
        names_a = {c.id: c.name for c in ra["children"].values()}
        names_b = {c.id: c.name for c in rb["children"].values()}
        assert sorted(names_b.values()) == ["Ada", "Bo"]
        live = {i: m for i, m in ra["movements"].items() if m.deleted_ms is None}
        assert rb["movements"].keys() == live.keys()
        for mid, m in live.items():
            n = rb["movements"][mid]
            assert (names_b[n.child_id], n.episode_id, n.at, n.kind, n.note) == (
                names_a[m.child_id],
                m.episode_id,
                m.at,
                m.kind,
                m.note,
            )
        assert rb["episodes"].keys() == ra["episodes"].keys()
        for eid, e in ra["episodes"].items():
            f = rb["episodes"][eid]
            fields = ("opened", "settled", "onset_state", "soothing", "response")
            fields += ("stopped_when_woken", "signs", "triggers", "video", "note")
            assert {k: getattr(f, k) for k in fields} == {k: getattr(e, k) for k in fields}
            assert names_b[f.child_id] == names_a[e.child_id]
        ((sa,), (sb,)) = ra["sleep"].values(), rb["sleep"].values()
        assert (sb.id, sb.asleep, sb.awake) == (sa.id, sa.asleep, sa.awake)


def test_import_only_child_and_time_then_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "taps.csv"
    csv.write_text("child,time\nMia,2026-11-24T22:00:00+01:00\nMia,2026-11-24T22:00:20+01:00\n")
    d = tmp_path / "d"
    rc, out, _ = run(capsys, "import", str(csv), "--data-dir", str(d), "--dry-run")
    assert (rc, out) == (
        0,
        "would import taps.csv: adds 1 child, 1 episode, 2 movements; new children: Mia\n",
    )
    assert not d.exists()  # a dry run creates nothing, not even the folder
    rc, out, _ = run(capsys, "import", str(csv), "--data-dir", str(d))
    assert (rc, out) == (
        0,
        "imported taps.csv: adds 1 child, 1 episode, 2 movements; new children: Mia\n",
    )
    before = hashes(d)
    rc, out, _ = run(capsys, "import", str(csv), "--data-dir", str(d))
    assert (rc, out) == (0, "imported taps.csv: adds nothing; 2 already present\n")
    assert hashes(d) == before


def test_import_bad_row_writes_nothing(
    full_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store.open(full_dir).close()  # the lock file exists, written by this process
    csv = tmp_path / "night.csv"
    csv.write_text(
        "child,time,kind\nAda,2026-11-26T22:00:00+01:00,kick\nAda,2026-11-26T22:01:00,kick\n"
    )
    before = hashes(full_dir)
    rc, out, err = run(capsys, "import", str(csv), "--data-dir", str(full_dir))
    assert (rc, out) == (1, "")
    assert one_error_line(err).startswith("rlbaby: error: night.csv:3: column 'time': ")
    assert "has no UTC offset" in err
    assert hashes(full_dir) == before


def test_backup_and_restore(full_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = run(capsys, "backup", "--data-dir", str(full_dir))
    assert rc == 0
    backup = Path(out.strip().removeprefix("wrote "))
    assert backup.parent == full_dir / "backups"
    with Store.open(full_dir, readonly=True) as s:
        before = records_of(s)
    with Store.open(full_dir) as s:
        s.save(Child("Extra"))
    rc, out, _ = run(capsys, "restore", str(backup), "--data-dir", str(full_dir))
    assert rc == 0
    assert out.startswith(f"restored {backup.name}; the previous data was saved as rlbaby-")
    with Store.open(full_dir, readonly=True) as s:
        assert records_of(s) == before


# --- errors: non-zero, exactly one line on stderr ---------------------------------------------


def test_errors_are_one_line(
    full_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    d = str(full_dir)
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(b"PK\x03\x04 not really")
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('{"format": "rlbaby-export/1", "schema_version": "one"}')
    newer = tmp_path / "newer"
    newer.mkdir()
    (newer / "meta.json").write_bytes(orjson.dumps({"meta": {"1": {"schema_version": 99}}}))
    cases: list[tuple[list[str], str, int]] = [
        (
            ["summary", "--json", "--child", "Zed", "--data-dir", d],
            "no child named 'Zed' (known: Ada, Bo)",
            1,
        ),
        (
            ["summary", "--json", "--data-dir", str(tmp_path / "missing")],
            "There is no data folder at",
            1,
        ),
        (
            ["summary", "--json", "--data-dir", str(newer)],
            "written by a newer version of rlbaby",
            1,
        ),
        (["import", str(tmp_path / "nope.csv"), "--data-dir", d], "nope.csv: cannot read", 1),
        (["import", str(bad_json), "--data-dir", d], "bad.json: schema_version is 'one'", 1),
        (
            ["restore", str(damaged), "--data-dir", d],
            "damaged.zip is damaged or not an rlbaby backup",
            1,
        ),
        (["summary", "--data-dir", d], "the following arguments are required: --json", 2),
        (
            ["summary", "--json", "--from", "yesterday", "--data-dir", d],
            "not a date (YYYY-MM-DD)",
            2,
        ),
        (["summary", "--json", "--rule", "plm", "--data-dir", d], "invalid choice: 'plm'", 2),
        (["export", "--data-dir", d], "one of the arguments --csv --json is required", 2),
        (["frobnicate"], "invalid choice: 'frobnicate'", 2),
        (["import"], "the following arguments are required: file", 2),
    ]
    for argv, message, code in cases:
        rc, out, err = run(capsys, *argv)
        assert rc == code, (argv, err)
        assert out == "", argv
        assert message in one_error_line(err), (argv, err)
    with Store.open(full_dir):
        rc, _, err = run(capsys, "import", str(bad_json), "--data-dir", d)
    assert rc == 1
    assert "already running" in one_error_line(err)


def test_write_error_is_one_line(
    full_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import errno
    import os

    def full(*_a: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    rc, out, err = run(
        capsys, "export", "--json", str(tmp_path / "x.json"), "--data-dir", str(full_dir)
    )
    monkeypatch.undo()
    assert (rc, out) == (1, "")
    assert "the disk is full" in one_error_line(err)
    assert not (tmp_path / "x.json").exists()


def test_problems_are_warned_on_stderr(full_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (full_dir / "movements" / "2026-11-24d.json").write_bytes(b"garbage")
    rc, out, err = run(capsys, "summary", "--json", "--data-dir", str(full_dir))
    assert rc == 0
    assert err == (
        "rlbaby: warning: Could not read movements/2026-11-24d.json: not valid JSON "
        + err.split("not valid JSON ", 1)[1]
    )
    assert err.count("\n") == 1
    # The day is set aside; the sleep of that night still shows as a quiet night,
    # and the next day's file still holds its movement.
    rows = orjson.loads(out)
    assert [(r["child"], r["night"], r["movements"]) for r in rows] == [
        ("Ada", "2026-11-24", 0),
        ("Ada", "2026-11-25", 1),
    ]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith("rlbaby ")


# --- import and export refuse what would harm the data (issue 11) ----------------------


def test_export_over_a_data_file_is_refused(
    full_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = hashes(full_dir)
    for option in ("--json", "--csv"):
        rc, out, err = run(
            capsys, "export", option, str(full_dir / "meta.json"), "--data-dir", str(full_dir)
        )
        assert (rc, out) == (1, "")
        where = full_dir / "meta.json"
        assert one_error_line(err).startswith(
            f"rlbaby: error: Not exporting to {where}: it is inside the data folder"
        )
    assert hashes(full_dir) == before
    with Store.open(full_dir, readonly=True) as s:
        assert len(s.children()) == 2


def test_export_into_a_missing_folder_is_refused(
    full_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "no" / "such" / "all.json"
    rc, out, err = run(capsys, "export", "--json", str(out_file), "--data-dir", str(full_dir))
    assert (rc, out) == (1, "")
    assert "the folder" in one_error_line(err)
    assert "does not exist" in err
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("Ada,2026-11-24T22:00:00+23:00", "UTC offset +23:00 is outside -12:00 to +14:00"),
        ("Ada,1969-12-31T22:00:00+00:00", "the time is before the year 2000"),
        ('Ada,2026-11-24T22:00:00+01:00,"stray', "a quoted cell starts here and never ends"),
    ],
)
def test_import_refuses_what_would_hide_data(
    full_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], row: str, problem: str
) -> None:
    csv = tmp_path / "night.csv"
    csv.write_text(f"child,time,note\nAda,2026-11-24T21:00:00+01:00,ok\n{row}\n")
    Store.open(full_dir).close()  # the lock file exists, written by this process
    before = hashes(full_dir)
    rc, out, err = run(capsys, "import", str(csv), "--data-dir", str(full_dir))
    assert (rc, out) == (1, "")
    assert one_error_line(err).startswith("rlbaby: error: night.csv:3: ")
    assert problem in err
    assert hashes(full_dir) == before
    rc, _, err = run(capsys, "summary", "--json", "--data-dir", str(full_dir))
    assert (rc, err) == (0, "")  # no file was set aside
