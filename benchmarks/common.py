"""What every bench section shares: the registry, the rows, the data sets.

Run with `make bench` (or `python -m benchmarks --sizes 1000,200000 --out bench.json`
from the checkout). The benchmarks are not part of the package: the wheel ships
`rlbaby/` only.
For every size (stored movements) it builds, or reuses from
`/tmp/rlbaby-bench-cache/<size>-<GENERATOR_VERSION>/`, a realistic data folder
(two children, about 1,800 nights at 200k, episodes and sleep periods), then runs
every registered section and prints one table: one row per metric, one column
per size, and the target with PASS/MISS at 200k. The "ref:" rows time a fixed
parse and the atomic-save floor, to read the others against: this machine's
speed drifts by up to 2x over an hour, so compare runs through them.

Sections
--------
A section is a function that takes a `Context` and returns a list of `Row`:

    @section("charts all", order=50)
    def bench_charts_all(ctx: Context) -> list[Row]:
        data = ctx.fresh_copy("charts")          # a private copy of the data folder
        samples = [...]                          # one figure per repetition, in ms or s
        return [
            Row("charts: range to all p99", "ms", percentile(samples, 99), samples,
                target=16.7),                    # target at 200k; PASS when value <= target
        ]

- `ctx.size` is the number of stored movements, `ctx.manifest` describes the
  data set (children, nights, counts), `ctx.reps` gives repetition counts
  (smaller under `--quick`), `ctx.quick` says whether this is the smoke run.
- Never write into `ctx.dataset` (the pristine cache); measure on
  `ctx.fresh_copy(name)`, a new folder on the real disk, or open the cache
  with `Store.open(ctx.dataset, readonly=True)`.
- Time with `time.perf_counter_ns()` and report medians and percentiles
  (`percentile()`), never means.
- A section that needs Qt imports it inside the function (`QT_QPA_PLATFORM` is
  `offscreen` under `make bench`), so the other sections stay Qt-free.
- Sections run in `order`; `--sections tap,open` runs a subset by name.
- A section module is listed in `benchmarks/run.py` (SECTION_MODULES).
- tests/test_bench.py runs everything with `--quick`; a new section must
  finish there in a second or two.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from rlbaby.demo import demo_children, generate_night
from rlbaby.model import Episode, Movement, SleepPeriod
from rlbaby.store import Store

GENERATOR_VERSION = "g3"  # g3: movement files of one day
CACHE_ROOT = Path("/tmp/rlbaby-bench-cache")
TARGET_SIZE = 200_000
# generate_night's scale giving about 54 movements per child-night, so that
# 200k movements of two children span about 1,800 nights.
NIGHT_SCALE = 1.35
RESTLESS_SHARE = (0.35, 0.1)
DEFAULT_SIZES = (1_000, 10_000, 50_000, 200_000)
QUICK_SIZES = (300,)
MANIFEST = "manifest.json"


# --- the registry ------------------------------------------------------------


@dataclass
class Row:
    """One metric at one size.

    Attributes:
        metric: the row label in the table, unique across sections.
        unit: "ms", "s", "MB" or "" (a count).
        value: the figure shown (a median or percentile, never a mean).
        samples: the raw figures it came from, saved by --out.
        target: the target at 200k; the row passes when value <= target.
        extra: anything else worth keeping in --out (not shown).
        load: the 1-minute load average at the time.
    """

    metric: str
    unit: str
    value: float | None
    samples: list[float] = field(default_factory=list)
    target: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # The 1-minute load average when the row was measured (the runner fills it
    # in at the end of the section when the section did not).
    load: float | None = None


@dataclass(frozen=True)
class Reps:
    taps: int = 200
    tap_gap_ms: float = 10.0
    open_runs: int = 5
    summary_runs: int = 5


@dataclass
class Context:
    size: int
    dataset: Path  # the pristine cached data folder: read only
    manifest: dict[str, Any]
    work: Path  # this size's scratch folder, on the real disk
    reps: Reps
    quick: bool

    def fresh_copy(self, name: str) -> Path:
        """A private copy of the data set to measure on (deleted after the run)."""
        dest = self.work / name
        if dest.exists():
            shutil.rmtree(dest)
        shutil.copytree(self.dataset, dest, ignore=shutil.ignore_patterns("rlbaby.lock"))
        return dest


QUICK_REPS = Reps(taps=20, tap_gap_ms=0, open_runs=2, summary_runs=2)


SectionFn = Callable[[Context], list[Row]]


@dataclass(frozen=True)
class Section:
    name: str
    order: int
    run: SectionFn


SECTIONS: dict[str, Section] = {}


def section(name: str, order: int) -> Callable[[SectionFn], SectionFn]:
    """Register a bench section (see the module docstring)."""

    def register(fn: SectionFn) -> SectionFn:
        SECTIONS[name] = Section(name, order, fn)
        return fn

    return register


def percentile(samples: list[float], q: float) -> float | None:
    return float(np.percentile(samples, q)) if samples else None


def median(samples: list[float]) -> float | None:
    return float(statistics.median(samples)) if samples else None


def ns_to_ms(ns: int) -> float:
    return ns / 1e6


def ns_to_s(ns: int) -> float:
    return ns / 1e9


# --- the data sets -------------------------------------------------------------


def loadavg1() -> float | None:
    """The 1-minute load average now (None where the system has none)."""
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def _stamp(rec: Any) -> Any:
    """created/updated as if logged live (a few seconds after the moment)."""
    if isinstance(rec, Movement):
        at = rec.at.utc_ms
    elif isinstance(rec, Episode):
        at = rec.settled.utc_ms if rec.settled else rec.opened.utc_ms
    elif isinstance(rec, SleepPeriod):
        at = rec.awake.utc_ms if rec.awake else rec.asleep.utc_ms
    else:
        return rec
    return replace(rec, created_ms=at + 1_500, updated_ms=at + 1_500)


def generate_records(size: int, end: date, seed: int = 7) -> tuple[list[Any], dict[str, Any]]:
    """Exactly `size` movements of two children, nights going back from `end`.

    Density is that of 200k over about 1,800 nights, whatever the size. The
    oldest night is trimmed so that the count is exact (episodes left without
    movements are dropped).
    """
    rng = random.Random(seed * 1_000_003 + size)
    kids = demo_children()
    nights: list[list[Any]] = []
    n_mov = 0
    k = 0
    while n_mov < size:
        night = end - timedelta(days=k)
        recs: list[Any] = []
        for i, child in enumerate(kids):
            restless = rng.random() < RESTLESS_SHARE[i % len(RESTLESS_SHARE)]
            recs.extend(generate_night(rng, child.id, night, restless, NIGHT_SCALE))
        n_mov += sum(isinstance(r, Movement) for r in recs)
        nights.append(recs)
        k += 1
    surplus = n_mov - size
    oldest = nights[-1]
    while surplus > 0:
        for j in range(len(oldest) - 1, -1, -1):
            if isinstance(oldest[j], Movement):
                del oldest[j]
                surplus -= 1
                break
    used = {r.episode_id for r in oldest if isinstance(r, Movement)}
    nights[-1] = [r for r in oldest if not isinstance(r, Episode) or r.id in used]
    records: list[Any] = list(kids)
    for recs in reversed(nights):
        records.extend(_stamp(r) for r in recs)
    counts = {
        "movements": sum(isinstance(r, Movement) for r in records),
        "episodes": sum(isinstance(r, Episode) for r in records),
        "sleep_periods": sum(isinstance(r, SleepPeriod) for r in records),
        "children": len(kids),
        "nights": len(nights),
    }
    info = {
        "size": size,
        "generator": GENERATOR_VERSION,
        "seed": seed,
        "first_night": (end - timedelta(days=len(nights) - 1)).isoformat(),
        "last_night": end.isoformat(),
        "counts": counts,
    }
    return records, info


def ensure_dataset(
    size: int, cache_root: Path, log: Callable[[str], None]
) -> tuple[Path, dict[str, Any]]:
    """The cached data folder for `size`, generated if missing or stale.

    It is stale once its last night is not yesterday: the GUI sections tap now,
    into a history that runs up to last night, as a parent's would.
    """
    end = date.today() - timedelta(days=1)
    root = cache_root / f"{size}-{GENERATOR_VERSION}"
    data = root / "data"
    try:
        cached: dict[str, Any] = json.loads((root / MANIFEST).read_text())
        if cached.get("last_night") == end.isoformat() and data.is_dir():
            return data, cached
    except (OSError, ValueError):
        pass
    log(f"generating {size:,} movements into {root} ...")
    t0 = time.perf_counter_ns()
    records, manifest = generate_records(size, end)
    tmp = cache_root / f".{size}-{GENERATOR_VERSION}.{os.getpid()}.tmp"
    if tmp.exists():
        shutil.rmtree(tmp)
    with Store.open(tmp / "data") as store:
        store.save_many(records)
    (tmp / "data" / "rlbaby.lock").unlink(missing_ok=True)
    manifest["generated_s"] = round(ns_to_s(time.perf_counter_ns() - t0), 1)
    (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2))
    if root.exists():
        shutil.rmtree(root)
    os.replace(tmp, root)
    log(f"  done in {manifest['generated_s']} s")
    return data, manifest
