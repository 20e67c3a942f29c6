"""Hypothesis strategies for every record type, and helpers shared by store tests."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

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
    Sign,
    SleepPeriod,
    Soothing,
    StoppedWhenWoken,
    Trigger,
)
from rlbaby.store import Store

T0 = 1_795_500_000_000  # 2026-11-24, the same instant as conftest.T0


def child_env() -> dict[str, str]:
    """The environment for a Python a test starts: this checkout first on its
    path, then what the run put there (the simulated-Windows folder)."""
    paths = [str(Path(__file__).resolve().parents[2]), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}


# 2020-01-01 .. 2035-12-31, so records spread over many files.
utc_ms = st.integers(1_577_836_800_000, 2_082_758_400_000)
offsets = st.integers(-12 * 60, 14 * 60)
instants = st.builds(Instant, utc_ms, offsets)
stamps = st.integers(1, 2_082_758_400_000)
opt_stamps = st.none() | stamps
texts = st.text(max_size=40)
names = st.text(min_size=1, max_size=30).filter(lambda s: s.strip() != "")
uuids = st.uuids().map(str)


@st.composite
def children(draw: st.DrawFn) -> Child:
    return Child(
        draw(names),
        id=draw(uuids),
        birth_date=draw(st.none() | st.dates()),
        born_early=draw(st.none() | st.booleans()),
        family_history=draw(st.sampled_from(FamilyHistory)),
        labs=tuple(
            draw(
                st.lists(
                    st.builds(LabResult, texts, texts, texts, st.none() | st.dates()),
                    max_size=3,
                )
            )
        ),
        notes=draw(texts),
        created_ms=draw(stamps),
        updated_ms=draw(stamps),
        deleted_ms=draw(opt_stamps),
    )


def movements(child_id: str, episode_id: str) -> st.SearchStrategy[Movement]:
    return st.builds(
        Movement,
        st.just(child_id),
        st.just(episode_id),
        instants,
        kind=st.sampled_from(MovementKind),
        id=uuids,
        note=texts,
        created_ms=stamps,
        updated_ms=stamps,
        deleted_ms=opt_stamps,
    )


def episodes(child_id: str) -> st.SearchStrategy[Episode]:
    return st.builds(
        Episode,
        st.just(child_id),
        instants,
        id=uuids,
        settled=st.none() | instants,
        onset_state=st.none() | st.sampled_from(OnsetState),
        soothing=st.frozensets(st.sampled_from(Soothing)),
        response=st.none() | st.sampled_from(Response),
        stopped_when_woken=st.none() | st.sampled_from(StoppedWhenWoken),
        signs=st.frozensets(st.sampled_from(Sign)),
        triggers=st.frozensets(st.sampled_from(Trigger)),
        video=st.none() | st.booleans(),
        note=texts,
        created_ms=stamps,
        updated_ms=stamps,
        deleted_ms=opt_stamps,
    )


@st.composite
def sleep_periods(draw: st.DrawFn, child_id: str) -> SleepPeriod:
    asleep = draw(instants)
    awake = draw(
        st.none() | st.builds(Instant, st.integers(asleep.utc_ms, asleep.utc_ms + 10**8), offsets)
    )
    return SleepPeriod(
        child_id,
        asleep,
        id=draw(uuids),
        awake=awake,
        created_ms=draw(stamps),
        updated_ms=draw(stamps),
        deleted_ms=draw(opt_stamps),
    )


@st.composite
def logs(draw: st.DrawFn, max_records: int = 12) -> list[Any]:
    """Children, each with episodes holding movements, and sleep periods."""
    out: list[Any] = []
    for child in draw(st.lists(children(), min_size=1, max_size=2, unique_by=lambda c: c.id)):
        out.append(child)
        for e in draw(st.lists(episodes(child.id), max_size=3, unique_by=lambda e: e.id)):
            out.append(e)
            out += draw(st.lists(movements(child.id, e.id), max_size=max_records // 3))
        out += draw(st.lists(sleep_periods(child.id), max_size=3))
    return _unique_ids(out)


def _unique_ids(records: list[Any]) -> list[Any]:
    seen: set[str] = set()
    out = []
    for r in records:
        if r.id not in seen:
            seen.add(r.id)
            out.append(r)
    return out


def contents(store: Store) -> dict[str, Any]:
    """Every record of a store, deleted ones included, keyed by kind and id."""
    return {
        "children": {c.id: c for c in store.children(include_deleted=True)},
        "movements": {
            m.id: m for m in (store.movement(i) for i in store.columns.ids) if m is not None
        },
        "episodes": {e.id: e for e in store.episodes(include_deleted=True)},
        "sleep": {s.id: s for s in store.sleep_periods(include_deleted=True)},
    }


def expected_contents(records: list[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"children": {}, "movements": {}, "episodes": {}, "sleep": {}}
    kind = {Child: "children", Movement: "movements", Episode: "episodes", SleepPeriod: "sleep"}
    for r in records:
        out[kind[type(r)]][r.id] = r
    return out


def folder_hashes(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under `folder` (relative path -> digest)."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
