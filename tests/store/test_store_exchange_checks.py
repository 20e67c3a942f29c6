"""What import refuses: strange times, runaway quotes, huge cells, shared ids,
dangling references; and what it accepts always re-opens cleanly."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from store_strategies import T0, folder_hashes

from rlbaby.model import Child, Episode, Instant, Movement
from rlbaby.model.limits import MAX_NAME_CHARS, MAX_NOTE_CHARS
from rlbaby.store import Store
from rlbaby.store.exchange import ImportError_, export_json, import_file

T = "2026-11-24T22:00:00+01:00"
NOTHING = {"children": 0, "movements": 0, "episodes": 0, "sleep_periods": 0}


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def refused(store: Store, path: Path, data_dir: Path) -> str:
    """Import `path`, expect a refusal that changed nothing; return its message."""
    before = folder_hashes(data_dir)
    with pytest.raises(ImportError_) as info:
        import_file(store, path)
    assert folder_hashes(data_dir) == before
    assert store.counts() == NOTHING
    message = str(info.value)
    assert "\n" not in message
    return message


# --- times ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("time", "problem"),
    [
        ("2026-11-24T22:00:00+23:00", "UTC offset +23:00 is outside -12:00 to +14:00"),
        ("2026-11-24T22:00:00-23:59", "UTC offset -23:59 is outside -12:00 to +14:00"),
        ("2026-11-24T22:00:00-12:01", "UTC offset -12:01 is outside -12:00 to +14:00"),
        ("2026-11-24T22:00:00+14:01", "UTC offset +14:01 is outside -12:00 to +14:00"),
        ("0001-01-01T22:00:00+01:00", "the time is before the year 2000"),
        ("0001-01-01T00:00:00+01:00", "the time is before the year 2000"),
        ("1969-12-31T22:00:00+00:00", "the time is before the year 2000"),
        ("1999-12-31T23:59:59Z", "the time is before the year 2000"),
        ("9999-12-31T23:00:00-05:00", "the time is in the future"),
        ("2026-11-26T07:00:00Z", "the time is in the future"),
        ("0000-01-01T00:00:00+00:00", "not an ISO 8601 time"),
        ("10000-01-01T00:00:00+00:00", "not an ISO 8601 time"),
    ],
)
def test_a_strange_time_is_refused_with_file_and_line(
    file_store: Store, tmp_path: Path, data_dir: Path, time: str, problem: str
) -> None:
    # The clock of file_store is T0 (2026-11-24 06:00 UTC): a day of slack.
    path = write(tmp_path, "night.csv", f"child,time\nAda,{T}\nAda,{time}\n")
    message = refused(file_store, path, data_dir)
    assert message.startswith("night.csv:3: column 'time': ")
    assert problem in message


@pytest.mark.parametrize(
    "time", ["2026-11-24T12:00:00-12:00", "2026-11-24T22:00:00+14:00", "2000-01-01T00:00:00Z"]
)
def test_the_edges_of_the_window_are_accepted(
    file_store: Store, tmp_path: Path, data_dir: Path, time: str
) -> None:
    import_file(file_store, write(tmp_path, "night.csv", f"child,time\nAda,{time}\n"))
    file_store.close()
    with Store.open(data_dir) as again:
        assert again.problems == []
        assert again.counts()["movements"] == 1


@pytest.mark.parametrize(
    ("table", "row", "column"),
    [
        ("id,child,opened,settled", f"e,Ada,{T},1969-01-01T00:00:00Z", "settled"),
        ("id,child,opened", "e,Ada,2026-11-24T22:00:00+18:00", "opened"),
        ("id,child,asleep,awake", f"s,Ada,{T},2126-01-01T00:00:00Z", "awake"),
        ("id,child,asleep", "s,Ada,1990-01-01T00:00:00Z", "asleep"),
    ],
)
def test_strange_times_in_episode_and_sleep_tables(
    file_store: Store, tmp_path: Path, data_dir: Path, table: str, row: str, column: str
) -> None:
    message = refused(file_store, write(tmp_path, "t.csv", f"{table}\n{row}\n"), data_dir)
    assert message.startswith(f"t.csv:2: column {column!r}: ")


def _export(records: list[Any], tmp_path: Path) -> dict[str, Any]:
    src = Store.in_memory(now_ms=lambda: T0)
    src.save_many(records)
    export_json(src, tmp_path / "src.json")
    return orjson.loads((tmp_path / "src.json").read_bytes())  # type: ignore[no-any-return]


def _one_of_each(tmp_path: Path) -> dict[str, Any]:
    kid = Child("Ada", id="kid")
    ep = Episode(kid.id, Instant(T0, 60), id="ep")
    return _export([kid, ep, Movement(kid.id, ep.id, Instant(T0 + 1000, 60), id="m")], tmp_path)


@pytest.mark.parametrize(
    ("section", "field", "value", "problem"),
    [
        ("movements", "at_offset_min", 1000, "time: UTC offset +16:40 is outside"),
        ("movements", "at_offset_min", 1380, "at_offset_min is not a UTC offset: 1380"),
        ("movements", "at_ms", 0, "time: the time is before the year 2000"),
        ("episodes", "opened_ms", 4_102_444_800_000, "opened: the time is in the future"),
        ("movements", "updated_ms", 4_102_444_800_000, "updated_ms is in the future"),
        ("movements", "note", "x" * (MAX_NOTE_CHARS + 1), "note is 10,001 characters long"),
        ("children", "name", "x" * (MAX_NAME_CHARS + 1), "name is 201 characters long"),
        ("movements", "at_ms", "soon", "at_ms"),
        ("movements", "kind", 3, "3 is not a known MovementKind"),
        ("children", "labs", "none", ""),
    ],
)
def test_json_records_name_their_line_and_problem(
    file_store: Store,
    tmp_path: Path,
    data_dir: Path,
    section: str,
    field: str,
    value: Any,
    problem: str,
) -> None:
    doc = _one_of_each(tmp_path)
    doc[section][0][field] = value
    path = tmp_path / "all.json"
    path.write_bytes(orjson.dumps(doc, option=orjson.OPT_INDENT_2))
    message = refused(file_store, path, data_dir)
    text = path.read_text()
    line = text[: text.index(f'"{section}": [')].count("\n") + 2  # the record's "{" line
    assert message.startswith(f"all.json:{line}: {section} record 1: ")
    assert problem in message


# --- CSV parsing --------------------------------------------------------------------------


def _rows(n: int) -> list[str]:
    return [
        f"Ada,2026-11-2{i % 3}T22:{i // 60 % 60:02d}:{i % 60:02d}+01:00,kick,n{i}" for i in range(n)
    ]


def test_a_stray_quote_that_never_closes_is_refused(
    file_store: Store, tmp_path: Path, data_dir: Path
) -> None:
    rows = _rows(1000)
    rows[2] = rows[2].replace(",n2", ',"oops')
    path = write(tmp_path, "log.csv", "child,time,kind,note\n" + "\n".join(rows) + "\n")
    message = refused(file_store, path, data_dir)
    assert message == 'log.csv:4: a quoted cell starts here and never ends (a stray " ?)'


def test_a_stray_quote_closed_far_below_is_refused(
    file_store: Store, tmp_path: Path, data_dir: Path
) -> None:
    rows = _rows(1000)
    rows[2] = rows[2].replace(",n2", ',"oops')
    rows[500] += '"'
    path = write(tmp_path, "log.csv", "child,time,kind,note\n" + "\n".join(rows) + "\n")
    message = refused(file_store, path, data_dir)
    assert message.startswith("log.csv:4: a quoted cell starts here and runs on to line 502")


def test_a_quote_inside_a_quoted_cell_must_be_doubled(
    file_store: Store, tmp_path: Path, data_dir: Path
) -> None:
    path = write(tmp_path, "log.csv", f'child,time,note\nAda,{T},"say "hi""\n')
    message = refused(file_store, path, data_dir)
    assert message.startswith("log.csv:2: a quote inside a quoted cell must be doubled")


def test_a_note_over_lines_is_still_fine(file_store: Store, tmp_path: Path) -> None:
    note = "first line\nsecond, with a comma\n\nlast"
    path = write(tmp_path, "log.csv", f'child,time,note\nAda,{T},"{note}"\nAda,{T},x\n')
    plan = import_file(file_store, path)
    assert plan.added["movements"] == 2
    notes = {file_store.movement(i).note for i in file_store.movements().ids}  # type: ignore[union-attr]
    assert notes == {note, "x"}


def test_a_cell_over_the_csv_limit_is_a_clear_error(
    file_store: Store, tmp_path: Path, data_dir: Path
) -> None:
    path = write(tmp_path, "log.csv", f"child,time,note\nAda,{T},ok\nAda,{T},{'x' * 140_000}\n")
    message = refused(file_store, path, data_dir)
    assert message == (
        "log.csv:3: a cell is longer than 131,072 characters (a note may have at most 10,000)"
    )


@pytest.mark.parametrize(
    ("header", "row", "problem"),
    [
        ("child,time,note", f"Ada,{T},{'n' * 10_001}", "column 'note' is 10,001 characters"),
        ("child,time", f"{'A' * 201},{T}", "column 'child' is 201 characters"),
        ("name,notes", f"Ada,{'n' * 10_001}", "column 'notes' is 10,001 characters"),
        ("name", "A" * 201, "column 'name' is 201 characters"),
        ("child,test,value", f"Ada,{'t' * 201},1", "column 'test' is 201 characters"),
        ("child,time,episode", f"Ada,{T},{'e' * 201}", "column 'episode' is 201 characters"),
    ],
)
def test_names_and_notes_are_bounded(
    file_store: Store, tmp_path: Path, data_dir: Path, header: str, row: str, problem: str
) -> None:
    message = refused(file_store, write(tmp_path, "t.csv", f"{header}\n{row}\n"), data_dir)
    assert message.startswith(f"t.csv:2: {problem} long; at most")


def test_the_longest_name_and_note_are_accepted(file_store: Store, tmp_path: Path) -> None:
    name, note = "A" * MAX_NAME_CHARS, "n" * MAX_NOTE_CHARS
    import_file(file_store, write(tmp_path, "t.csv", f"child,time,note\n{name},{T},{note}\n"))
    assert file_store.child_by_name(name) is not None


def test_bad_utf8_names_its_line(file_store: Store, tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(f"child,time\nAda,{T}\n".encode() + b"B\xff,x\n")
    assert refused(file_store, path, data_dir) == "t.csv:3: not UTF-8 text"


# --- ids and references -------------------------------------------------------------------


def test_a_json_id_shared_by_two_kinds_is_refused(
    file_store: Store, tmp_path: Path, data_dir: Path
) -> None:
    doc = _one_of_each(tmp_path)
    doc["movements"][0]["id"] = "ep"
    path = tmp_path / "all.json"
    path.write_bytes(orjson.dumps(doc))
    message = refused(file_store, path, data_dir)
    assert message == (
        "all.json:1: movements record 1: the id 'ep' of this movement is also the id of "
        "an episode in this file"
    )


def test_a_json_id_of_another_kind_in_the_folder_is_refused(
    file_store: Store, tmp_path: Path, data_dir: Path
) -> None:
    file_store.save(Child("Bo", id="m"))
    doc = _one_of_each(tmp_path)
    path = tmp_path / "all.json"
    path.write_bytes(orjson.dumps(doc))
    before = folder_hashes(data_dir)
    with pytest.raises(
        ImportError_, match="the id 'm' of this movement is already the id of a child"
    ):
        import_file(file_store, path)
    assert folder_hashes(data_dir) == before


def test_a_csv_zip_with_an_episode_id_that_is_a_child_id(
    file_store: Store, tmp_path: Path, data_dir: Path
) -> None:
    import zipfile

    kid_id = "6f9619ff-8b86-d011-b42d-00c04fc964ff"
    with zipfile.ZipFile(tmp_path / "all.zip", "w") as zf:
        zf.writestr("children.csv", f"id,name\n{kid_id},Ada\n")
        zf.writestr("episodes.csv", f"id,child,opened\n{kid_id},Ada,{T}\n")
    message = refused(file_store, tmp_path / "all.zip", data_dir)
    assert message.startswith(f"all.zip/episodes.csv:2: the id '{kid_id}' of this episode")


@pytest.mark.parametrize(
    ("section", "field", "value", "problem"),
    [
        ("movements", "episode", "gone", "belongs to episode 'gone', which is neither"),
        ("movements", "child", "nobody", "belongs to child 'nobody', who is neither"),
        ("episodes", "child", "nobody", "belongs to child 'nobody', who is neither"),
    ],
)
def test_dangling_references_are_refused(
    file_store: Store,
    tmp_path: Path,
    data_dir: Path,
    section: str,
    field: str,
    value: str,
    problem: str,
) -> None:
    doc = _one_of_each(tmp_path)
    doc[section][0][field] = value
    path = tmp_path / "all.json"
    path.write_bytes(orjson.dumps(doc))
    assert problem in refused(file_store, path, data_dir)


def test_a_movement_in_another_childs_episode_is_refused(
    file_store: Store, tmp_path: Path, data_dir: Path
) -> None:
    bo = Child("Bo", id="bo")
    doc = _export([bo, Child("Ada", id="kid"), Episode("bo", Instant(T0, 60), id="ep")], tmp_path)
    doc["movements"] = _one_of_each(tmp_path)["movements"]
    path = tmp_path / "all.json"
    path.write_bytes(orjson.dumps(doc))
    assert "is of child 'kid' but its episode 'ep' is of child 'bo'" in refused(
        file_store, path, data_dir
    )


def test_references_to_records_already_here_are_fine(file_store: Store, tmp_path: Path) -> None:
    doc = _one_of_each(tmp_path)
    file_store.save_many([Child("Ada", id="kid"), Episode("kid", Instant(T0, 60), id="ep")])
    doc["children"], doc["episodes"] = [], []
    path = tmp_path / "all.json"
    path.write_bytes(orjson.dumps(doc))
    assert import_file(file_store, path).added == {"movements": 1}


# --- overlapping CSVs -----------------------------------------------------------------------


def _taps(*times: str) -> str:
    return "child,time\n" + "".join(f"Ada,2026-11-24T{t}:00+01:00\n" for t in times)


def test_a_csv_inside_one_already_imported_adds_no_empty_episode(
    file_store: Store, tmp_path: Path
) -> None:
    import_file(file_store, write(tmp_path, "a.csv", _taps("22:00", "22:02", "22:04")))
    plan = import_file(file_store, write(tmp_path, "b.csv", _taps("22:02", "22:04")))
    assert plan.empty
    assert plan.summary() == "adds nothing; 2 already present"
    assert len(file_store.episodes()) == 1


def test_an_overlapping_csv_extends_the_episode_here(file_store: Store, tmp_path: Path) -> None:
    import_file(file_store, write(tmp_path, "a.csv", _taps("22:00", "22:02", "22:04")))
    plan = import_file(
        file_store, write(tmp_path, "b.csv", _taps("21:58", "22:00", "22:02", "22:04", "22:06"))
    )
    assert plan.summary() == "adds 2 movements; 3 already present"
    (ep,) = file_store.episodes()
    assert len(file_store.movements(episode_id=ep.id)) == 5
    assert all(len(file_store.movements(episode_id=e.id)) for e in file_store.episodes())


def test_a_later_night_in_an_overlapping_csv_gets_its_own_episode(
    file_store: Store, tmp_path: Path
) -> None:
    import_file(file_store, write(tmp_path, "a.csv", _taps("22:00", "22:02")))
    plan = import_file(file_store, write(tmp_path, "b.csv", _taps("22:02", "23:30", "23:31")))
    assert plan.added == {"episodes": 1, "movements": 2}
    assert [len(file_store.movements(episode_id=e.id)) for e in file_store.episodes()] == [2, 2]


# --- hypothesis: refused cleanly, or accepted and readable ------------------------------------

SLOW = settings(
    derandomize=True,
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Half of them fine, half at or past an edge.
years = (
    st.just(2026) | st.sampled_from([1, 1969, 1970, 1999, 2000, 2027, 9999]) | st.integers(1, 9999)
)
offsets = st.integers(-12 * 60, 14 * 60) | st.integers(-24 * 60 + 1, 24 * 60 - 1)


@st.composite
def iso_times(draw: st.DrawFn) -> str:
    off = draw(offsets)
    sign = "-" if off < 0 else "+"
    h, m = divmod(abs(off), 60)
    day = draw(st.integers(1, 24))
    return (
        f"{draw(years):04d}-11-{day:02d}T{draw(st.integers(0, 23)):02d}:00:00{sign}{h:02d}:{m:02d}"
    )


cells = st.one_of(
    st.just(""),
    st.text(max_size=12),
    st.sampled_from(['"', '""', '"x', "\n", "=1+1", "-", "'", "kick", "yes", "maybe", ";", ","]),
    iso_times(),
)


@st.composite
def csv_texts(draw: st.DrawFn) -> tuple[str, str]:
    table = draw(
        st.sampled_from(
            [
                ("m.csv", ["child", "time", "kind", "episode", "note", "id"]),
                ("e.csv", ["id", "child", "opened", "settled", "signs", "video", "note"]),
                ("s.csv", ["id", "child", "asleep", "awake"]),
                ("c.csv", ["name", "birth_date", "born_early", "notes", "id"]),
                ("l.csv", ["child", "test", "value", "taken"]),
            ]
        )
    )
    name, columns = table
    rows = draw(
        st.lists(
            st.fixed_dictionaries(
                {c: (iso_times() if c in ("time", "opened", "asleep") else cells) for c in columns}
            ),
            min_size=1,
            max_size=4,
        )
    )
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    w.writerows([r[c] for c in columns] for r in rows)
    text = buf.getvalue()
    if draw(st.booleans()):  # sometimes break the quoting on purpose
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + '"' + text[cut:]
    return name, text


def _check_accepted_or_refused(import_path: Path, tmp: Path, name: str) -> None:
    data = tmp / "data"
    with Store.open(data, now_ms=lambda: T0) as store:
        before = folder_hashes(data)
        try:
            import_file(store, import_path)
        except ImportError_ as exc:
            message = str(exc)
            assert message.startswith(f"{name}:") or message.startswith(name), message
            assert "\n" not in message
            assert "Traceback" not in message
            assert folder_hashes(data) == before
            event("refused")
            return
        event("accepted")
    with Store.open(data, now_ms=lambda: T0) as again:
        assert again.problems == []
        assert not (data / "quarantine").exists()


@SLOW
@given(table=csv_texts())
def test_any_csv_is_refused_clearly_or_reopens_cleanly(table: tuple[str, str]) -> None:
    name, text = table
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8", newline="")
        _check_accepted_or_refused(path, Path(tmp), name)


json_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.sampled_from([0, -1, 1380, -1439, 946_684_799_999, 4_102_444_800_000, 253_402_300_800_000]),
    st.text(max_size=8),
    st.sampled_from(["kid", "ep", "m", "kick", "asleep"]),
    st.lists(st.text(max_size=3), max_size=2),
)


@SLOW
@given(
    section=st.sampled_from(["children", "episodes", "movements"]),
    changes=st.dictionaries(
        st.sampled_from(
            [
                "id",
                "child",
                "episode",
                "name",
                "at_ms",
                "at_offset_min",
                "opened_ms",
                "opened_offset_min",
                "settled_ms",
                "kind",
                "note",
                "labs",
                "signs",
                "created_ms",
                "updated_ms",
                "deleted_ms",
                "birth_date",
            ]
        ),
        json_values,
        min_size=1,
        max_size=3,
    ),
)
def test_any_json_record_is_refused_clearly_or_reopens_cleanly(
    section: str, changes: dict[str, Any]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        doc = _one_of_each(Path(tmp))
        doc[section][0].update(changes)
        path = Path(tmp) / "all.json"
        path.write_bytes(orjson.dumps(doc, option=orjson.OPT_INDENT_2))
        _check_accepted_or_refused(path, Path(tmp), "all.json")


@SLOW
@given(
    rows=st.lists(
        st.tuples(
            st.text(min_size=1, max_size=8),
            iso_times(),
            st.sampled_from(["", "kick", "jerk", "twitch", "=1", "-"]),
            st.text(max_size=20),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_any_movement_rows_are_refused_clearly_or_reopen_cleanly(
    rows: list[tuple[str, str, str, str]],
) -> None:
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows([("child", "time", "kind", "note"), *rows])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.csv"
        path.write_text(buf.getvalue(), encoding="utf-8", newline="")
        _check_accepted_or_refused(path, Path(tmp), "m.csv")
