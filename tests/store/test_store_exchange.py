"""rlbaby/store/exchange/: CSV and JSON import/export."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_strategies import (
    T0,
    children,
    contents,
    episodes,
    expected_contents,
    folder_hashes,
    logs,
    sleep_periods,
)
from store_strategies import movements as movement_records

from rlbaby.model import (
    Child,
    Episode,
    FamilyHistory,
    Instant,
    LabResult,
    Movement,
    MovementKind,
    OnsetState,
    Response,
    SleepPeriod,
)
from rlbaby.store import Store
from rlbaby.store.exchange import (
    ImportError_,
    export_csv,
    export_json,
    import_file,
    plan_import,
)

ONLY_CHILD_AND_TIME = """child,time
Ada,2026-11-24T22:00:00+01:00
Ada,2026-11-24T22:00:30+01:00
Bo,2026-11-24T22:00:00+01:00
Ada,2026-11-24T22:05:31+01:00
Ada,2026-11-24T22:05:31+01:00
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_with_only_child_and_time(file_store: Store, tmp_path: Path) -> None:
    plan = import_file(file_store, write(tmp_path, "log.csv", ONLY_CHILD_AND_TIME))
    assert plan.added == {"movements": 5, "episodes": 3, "children": 2}
    assert sorted(c.name for c in plan.new_children) == ["Ada", "Bo"]
    assert "new children: " in plan.summary()
    ada = file_store.child_by_name("ada")
    assert ada is not None
    mv = file_store.movements(ada.id)
    assert mv.at_ms.tolist() == [
        Instant.parse(t).utc_ms
        for t in (
            "2026-11-24T22:00:00+01:00",
            "2026-11-24T22:00:30+01:00",
            "2026-11-24T22:05:31+01:00",
            "2026-11-24T22:05:31+01:00",
        )
    ]
    assert set(mv.kind.tolist()) == {0}  # unspecified
    assert set(mv.offset_min.tolist()) == {60}
    # 301 s after the last tap is past the 300 s idle timeout: a new episode.
    assert mv.episode.tolist() == [0, 0, 1, 1]
    assert len(file_store.episodes(ada.id)) == 2
    assert [e.opened for e in file_store.episodes(ada.id)] == [
        Instant.parse("2026-11-24T22:00:00+01:00"),
        Instant.parse("2026-11-24T22:05:31+01:00"),
    ]


def test_importing_the_same_file_twice_adds_nothing(
    file_store: Store, tmp_path: Path, data_dir: Path
) -> None:
    path = write(tmp_path, "log.csv", ONLY_CHILD_AND_TIME)
    import_file(file_store, path)
    counts = file_store.counts()
    before = folder_hashes(data_dir)
    again = import_file(file_store, path)
    assert again.empty
    assert again.unchanged == 5
    assert again.summary() == "adds nothing; 5 already present"
    assert file_store.counts() == counts
    assert folder_hashes(data_dir) == before


def test_known_child_is_matched_by_name(file_store: Store, tmp_path: Path) -> None:
    ada = file_store.save(Child("Ada"))
    plan = import_file(
        file_store, write(tmp_path, "log.csv", "child,time\n ADA ,2026-11-24T22:00:00Z\n")
    )
    assert plan.new_children == []
    assert file_store.movements(ada.id).at_ms.size == 1
    assert len(file_store.children()) == 1


def test_kind_words(file_store: Store, tmp_path: Path) -> None:
    text = "child,time,kind\n" + "".join(
        f"Ada,2026-11-24T22:00:{i:02d}+01:00,{word}\n"
        for i, word in enumerate(["kick", "Jerk / twitch", "twitch", "stretch", "STIFFENING", ""])
    )
    import_file(file_store, write(tmp_path, "k.csv", text))
    ada = file_store.child_by_name("Ada")
    assert ada is not None
    kinds = [file_store.movement(i).kind for i in file_store.movements(ada.id).ids]  # type: ignore[union-attr]
    assert kinds == [
        MovementKind.KICK,
        MovementKind.JERK,
        MovementKind.JERK,
        MovementKind.STRETCH,
        MovementKind.STIFFENING,
        MovementKind.UNSPECIFIED,
    ]


@pytest.mark.parametrize(
    ("header", "bad_row", "problem"),
    [
        ("child,time", "Ada,yesterday", "column 'time': not an ISO 8601 time: 'yesterday'"),
        (
            "child,time",
            "Ada,2026-11-24T22:01:00",
            "column 'time': time '2026-11-24T22:01:00' has no UTC offset",
        ),
        ("child,time,kind", "Ada,2026-11-24T22:01:00+01:00,punch", "unknown kind 'punch'"),
        ("child,time", "Ada,2026-11-24T22:01:00+01:00,surplus", "more fields than the header has"),
        ("child,time", ",2026-11-24T22:01:00+01:00", "the child column is empty"),
    ],
)
def test_a_bad_row_names_file_and_line_and_writes_nothing(
    file_store: Store, tmp_path: Path, data_dir: Path, header: str, bad_row: str, problem: str
) -> None:
    good = "Bo,2026-11-24T22:00:00+01:00" + (",kick" if header.endswith("kind") else "")
    path = write(tmp_path, "night.csv", f"{header}\n{good}\n{bad_row}\n{good}\n")
    before = folder_hashes(data_dir)
    with pytest.raises(ImportError_) as info:
        import_file(file_store, path)
    assert str(info.value).startswith(f"night.csv:3: {problem}")
    assert folder_hashes(data_dir) == before
    assert file_store.counts() == {"children": 0, "movements": 0, "episodes": 0, "sleep_periods": 0}


T = "2026-11-24T22:00:00Z"
EXPORT = '{"format": "rlbaby-export/1", '
BAD_FILES = [
    ("m.csv", f"kid,when\nAda,{T}\n", "m.csv:1: missing column(s) child, time; found kid, when"),
    ("m.csv", "", "m.csv:1: missing column(s) child, time; found none"),
    (
        "e.csv",
        f"id,child,opened,video\nx,Ada,{T},maybe\n",
        "e.csv:2: column 'video': use yes or no",
    ),
    ("e.csv", f"id,child,opened,signs\nx,Ada,{T},sneezing\n", "e.csv:2: column 'signs':"),
    (
        "s.csv",
        f"id,child,asleep,awake\nx,Ada,{T},2026-11-24T21:00:00Z\n",
        "s.csv:2: awake mark is before the asleep mark",
    ),
    ("x.json", "{", "x.json:1: not valid JSON"),
    ("x.json", '{"format": "other"}', "x.json: not an rlbaby JSON export"),
    ("x.json", EXPORT + '"schema_version": 99}', "x.json: written by a newer version"),
    ("x.json", EXPORT + '"schema_version": "one"}', "x.json: schema_version is 'one'"),
    ("x.json", EXPORT + '"children": {}}', "x.json: children is not a list"),
    ("x.json", EXPORT + '"children": [5]}', "x.json:1: children record 1: not an object"),
    ("x.json", EXPORT + '"movements": [{"id": "m"}]}', "x.json:1: movements record 1:"),
    ("x.zip", "not a zip", "x.zip: not a valid zip file"),
]


@pytest.mark.parametrize(("name", "text", "problem"), BAD_FILES)
def test_bad_files_are_refused_with_a_message(
    file_store: Store, tmp_path: Path, data_dir: Path, name: str, text: str, problem: str
) -> None:
    path = write(tmp_path, name, text)
    before = folder_hashes(data_dir)
    with pytest.raises(ImportError_) as info:
        import_file(file_store, path)
    assert str(info.value).startswith(problem)
    assert "\n" not in str(info.value)
    assert folder_hashes(data_dir) == before


def test_missing_file(file_store: Store, tmp_path: Path) -> None:
    with pytest.raises(ImportError_, match=r"^nope.csv: cannot read: No such file or directory$"):
        plan_import(file_store, tmp_path / "nope.csv")


# --- round trips -------------------------------------------------------------------------


def _csv_view(store: Store) -> dict[str, Any]:
    """What a CSV export carries: live records, and by (trimmed) name the children
    that are live or have live records."""
    kids = store.children(include_deleted=True)
    name = {c.id: c.name.strip() for c in kids}
    c = contents(store)
    live = [r for k in ("movements", "episodes", "sleep") for r in c[k].values()]
    used = {r.child_id for r in live if r.deleted_ms is None}
    return {
        "children": {
            k.name.strip(): (k.birth_date, k.born_early, k.family_history, k.labs, k.notes)
            for k in kids
            if k.deleted_ms is None or k.id in used
        },
        "movements": {
            m.id: (name[m.child_id], m.at, m.kind, m.episode_id, m.note)
            for m in c["movements"].values()
            if m.deleted_ms is None
        },
        "episodes": {
            e.id: (
                name[e.child_id],
                e.opened,
                e.settled,
                e.onset_state,
                e.soothing,
                e.response,
                e.stopped_when_woken,
                e.signs,
                e.triggers,
                e.video,
                e.note,
            )
            for e in c["episodes"].values()
            if e.deleted_ms is None
        },
        "sleep": {
            s.id: (name[s.child_id], s.asleep, s.awake)
            for s in c["sleep"].values()
            if s.deleted_ms is None
        },
    }


@st.composite
def csv_logs(draw: st.DrawFn) -> list[Any]:
    """Children with distinct names; live episodes (a CSV carries no tombstoned episode)."""
    out: list[Any] = []
    kids = draw(
        st.lists(children(), min_size=1, max_size=2, unique_by=lambda c: c.name.strip().casefold())
    )
    for kid in kids:
        out.append(kid)
        for e in draw(
            st.lists(episodes(kid.id).map(lambda e: _live(e)), max_size=3, unique_by=lambda e: e.id)
        ):
            out.append(e)
            out += draw(
                st.lists(movement_records(kid.id, e.id), max_size=4, unique_by=lambda m: m.id)
            )
        out += draw(st.lists(sleep_periods(kid.id), max_size=2, unique_by=lambda s: s.id))
    return out


def _live(rec: Any) -> Any:
    return replace(rec, deleted_ms=None)


# The shared strategies spread times over 2020-2035 and stamps up to 2035; an
# import refuses times before 2000 or after now (T0), so squeeze them in, in order.
_LO, _HI = 1_577_836_800_000, 2_082_758_400_000
_EARLIEST = 946_684_800_000  # 2000-01-01


def _squeeze(i: Instant | None) -> Instant | None:
    if i is None:
        return None
    return Instant(_EARLIEST + (i.utc_ms - _LO) * (T0 - _EARLIEST) // (_HI - _LO), i.offset_min)


def _stamp(ms: int | None) -> int | None:
    return None if ms is None else max(1, ms * T0 // _HI)


def importable(records: list[Any]) -> list[Any]:
    """`records` with every time where an import accepts it (order kept)."""
    out = []
    for r in records:
        stamps = {k: _stamp(getattr(r, k)) for k in ("created_ms", "updated_ms", "deleted_ms")}
        if isinstance(r, Movement):
            r = replace(r, at=_squeeze(r.at), **stamps)
        elif isinstance(r, Episode):
            r = replace(r, opened=_squeeze(r.opened), settled=_squeeze(r.settled), **stamps)
        elif isinstance(r, SleepPeriod):
            r = replace(r, asleep=_squeeze(r.asleep), awake=_squeeze(r.awake), **stamps)
        else:
            r = replace(r, **stamps)
        out.append(r)
    return out


SLOW = settings(
    derandomize=True, max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@SLOW
@given(records=logs().map(importable))
def test_json_export_import_round_trips_every_field(records: list[Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Store.in_memory(now_ms=lambda: T0)
        src.save_many(records)
        out = Path(tmp) / "all.json"
        counts = export_json(src, out)
        assert counts == {k: len(v) for k, v in expected_contents(records).items()} | {
            "sleep": len(expected_contents(records)["sleep"])
        }
        with Store.open(Path(tmp) / "fresh", now_ms=lambda: T0 + 1) as dest:
            plan = import_file(dest, out)
            assert contents(dest) == expected_contents(records)
            assert sum(plan.added.values()) == len(records)
            assert import_file(dest, out).empty
        with Store.open(Path(tmp) / "fresh") as again:
            assert contents(again) == expected_contents(records)


@SLOW
@given(records=csv_logs().map(importable), as_zip=st.booleans(), order=st.permutations(range(5)))
def test_csv_export_import_round_trips_every_field(
    records: list[Any], as_zip: bool, order: list[int]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Store.in_memory(now_ms=lambda: T0)
        src.save_many(records)
        if as_zip:
            files = export_csv(src, Path(tmp) / "all.zip")
        else:
            files = export_csv(src, Path(tmp) / "log.csv")
            assert [f.name for f in files] == [
                "log.children.csv",
                "log.labs.csv",
                "log.episodes.csv",
                "log.sleep.csv",
                "log.csv",
            ]
            # Any order, but episodes before movements: see the test below.
            files = [files[i] for i in order if i != 4] + [files[4]]
        with Store.open(Path(tmp) / "fresh", now_ms=lambda: T0 + 1) as dest:
            for f in files:
                import_file(dest, f)
            assert _csv_view(dest) == _csv_view(src)
            for f in files:
                assert import_file(dest, f).empty


def test_episodes_csv_after_movements_csv_fills_in_and_reports_what_differs(
    tmp_path: Path,
) -> None:
    src = Store.in_memory(now_ms=lambda: T0)
    kid = src.save(Child("Ada", notes="born in winter"))
    ep = src.save(Episode(kid.id, Instant(T0, 60), onset_state=OnsetState.ASLEEP, note="hot"))
    src.save(Movement(kid.id, ep.id, Instant(T0, 60)))
    # An episode edited by hand to start before its first movement.
    odd = src.save(Episode(kid.id, Instant(T0 + 60_000, 60), response=Response.SETTLED_FAST))
    src.save(Movement(kid.id, odd.id, Instant(T0 + 90_000, 60)))
    children, _labs, episodes, _sleep, movements = export_csv(src, tmp_path / "log.csv")
    with Store.open(tmp_path / "fresh", now_ms=lambda: T0 + 1) as dest:
        first = import_file(dest, movements)
        assert first.added == {"children": 1, "movements": 2, "episodes": 2}
        later = import_file(dest, episodes)
        assert later.updated == {"episodes": 2}
        assert later.differing == 1
        assert "1 differ from what is here, which is kept" in later.summary()
        got = dest.episode(ep.id)
        assert (got.onset_state, got.note, got.opened) == (OnsetState.ASLEEP, "hot", ep.opened)
        kept = dest.episode(odd.id)
        assert kept.response is Response.SETTLED_FAST
        assert kept.opened == Instant(T0 + 90_000, 60)  # from its first movement
        assert import_file(dest, children).updated == {"children": 1}
        assert dest.child_by_name("Ada").notes == "born in winter"
        for f in (movements, episodes, children):
            assert import_file(dest, f).empty


def test_a_csv_row_never_changes_a_value_that_is_set(file_store: Store, tmp_path: Path) -> None:
    kid = file_store.save(Child("Ada"))
    ep = file_store.save(Episode(kid.id, Instant(T0, 60), note="mine", video=True))
    rows = (
        "id,child,opened,note,video,response\n"
        f"{ep.id},Ada,{ep.opened.isoformat()},theirs,no,did_not_settle\n"
    )
    plan = import_file(file_store, write(tmp_path, "e.csv", rows))
    assert (plan.updated, plan.differing) == ({"episodes": 1}, 1)
    got = file_store.episode(ep.id)
    assert (got.note, got.video, got.response) == ("mine", True, Response.NOT_SETTLED)


def test_children_and_labs_csv(file_store: Store, tmp_path: Path) -> None:
    file_store.save(Child("Ada"))
    kids = write(
        tmp_path,
        "kids.csv",
        "name,birth_date,born_early,family_history,notes\n"
        "ada,2026-03-01,yes,no,  twin A  \n"
        "Bo,,,unknown,\n",
    )
    plan = import_file(file_store, kids)
    assert (plan.added, plan.updated) == ({"children": 1}, {"children": 1})
    ada = file_store.child_by_name("Ada")
    assert (ada.birth_date, ada.born_early, ada.family_history, ada.notes) == (
        date(2026, 3, 1),
        True,
        FamilyHistory.NO,
        "  twin A  ",
    )
    labs = write(
        tmp_path,
        "labs.csv",
        "child,test,value,unit,taken\nAda,ferritin,18,ug/L,2026-10-01\nCy,iron,,,\n",
    )
    plan = import_file(file_store, labs)
    assert plan.new_children[0].name == "Cy"
    assert file_store.child_by_name("Ada").labs == (
        LabResult("ferritin", "18", "ug/L", date(2026, 10, 1)),
    )
    assert file_store.child_by_name("Cy").labs == (LabResult("iron", "", "", None),)
    assert import_file(file_store, labs).empty
    assert len(file_store.children()) == 3


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        (
            "kids.csv",
            "name,birth_date\nAda,1.3.2026\n",
            "kids.csv:2: column 'birth_date': not a date",
        ),
        (
            "kids.csv",
            "name,born_early\nAda,maybe\n",
            "kids.csv:2: column 'born_early': use yes or no",
        ),
        ("kids.csv", "name,family_history\nAda,some\n", "kids.csv:2: column 'family_history'"),
        ("kids.csv", "name,birth_date\n,2026-01-01\n", "kids.csv:2: the name column is empty"),
        ("labs.csv", "child,test,value,taken\nAda,iron,5,soon\n", "labs.csv:2: column 'taken'"),
    ],
)
def test_bad_children_and_labs_rows_name_the_line(
    file_store: Store, tmp_path: Path, name: str, text: str, problem: str
) -> None:
    with pytest.raises(ImportError_) as err:
        import_file(file_store, write(tmp_path, name, text))
    assert str(err.value).startswith(problem)
    assert file_store.children() == []


def test_csv_round_trip_of_awkward_text(tmp_path: Path) -> None:
    src = Store.in_memory(now_ms=lambda: T0)
    kid = Child('Ada "the kicker", jr')
    ep = Episode(kid.id, Instant(T0, 330), note="line one\r\nline two\rthree\n")
    records = [
        kid,
        ep,
        Movement(kid.id, ep.id, Instant(T0 + 1, 330), note="  padded  "),
        Movement(kid.id, ep.id, Instant(T0 + 2, 330), note='a,b;"c"\x00'),
        Movement(kid.id, ep.id, Instant(T0 + 3, -570), note="\r"),
        SleepPeriod(kid.id, Instant(T0, 330)),
    ]
    src.save_many(records)
    (out,) = export_csv(src, tmp_path / "all.zip")
    with Store.open(tmp_path / "fresh") as dest:
        import_file(dest, out)
        assert _csv_view(dest) == _csv_view(src)
