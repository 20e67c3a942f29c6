"""Benchmarks of the paths a parent feels, against the targets in DESIGN.md.

Run with `make bench` (or `python -m rlbaby.bench --sizes 1000,200000 --out bench.json`).
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
- tests/test_bench.py runs everything with `--quick`; a new section must
  finish there in a second or two.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from rlbaby.demo import demo_children, generate_night
from rlbaby.model import Episode, Instant, Movement, SleepPeriod
from rlbaby.store import Store

# Bump when the generated data changes shape, so stale caches are not reused.
GENERATOR_VERSION = "g2"  # g2: movement files of ten days
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
    """

    metric: str
    unit: str
    value: float | None
    samples: list[float] = field(default_factory=list)
    target: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)


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


def _ms(ns: int) -> float:
    return ns / 1e6


def _s(ns: int) -> float:
    return ns / 1e9


# --- the data sets -------------------------------------------------------------


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
    manifest["generated_s"] = round(_s(time.perf_counter_ns() - t0), 1)
    (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2))
    if root.exists():
        shutil.rmtree(root)
    os.replace(tmp, root)
    log(f"  done in {manifest['generated_s']} s")
    return data, manifest


# --- sections ------------------------------------------------------------------


@section("reference", order=5)
def bench_reference(ctx: Context) -> list[Row]:
    """Machine speed now, to read the other rows against (this VM's speed drifts)."""
    import orjson

    from rlbaby.store.atomic import atomic_write_bytes

    payload = orjson.dumps(
        {
            str(i): {"id": f"{i:036d}", "at_ms": 1_795_500_000_000 + i, "kind": "kick"}
            for i in range(4000)
        }
    )
    parse: list[float] = []
    for _ in range(5 if ctx.quick else 21):
        t0 = time.perf_counter_ns()
        orjson.loads(payload)
        parse.append(_ms(time.perf_counter_ns() - t0))
    floor: list[float] = []
    target = ctx.work / "floor.json"
    for _ in range(5 if ctx.quick else 41):
        t0 = time.perf_counter_ns()
        atomic_write_bytes(target, b"{}")
        floor.append(_ms(time.perf_counter_ns() - t0))
    target.unlink()
    return [
        Row("ref: parse 4k small docs median", "ms", median(parse), parse),
        Row("ref: atomic save floor median", "ms", median(floor), floor),
    ]


@section("tap", order=10)
def bench_tap(ctx: Context) -> list[Row]:
    """LoggerService.record_movement into the fullest movement file, on a fresh copy.

    A tap rewrites its whole ten-day file, so its cost depends on how full that
    file is. Today's file may be nearly empty; the taps are therefore placed at
    the end of the data's fullest file (the worst case a parent's tap meets),
    for the child with most movements there. They come 10 s apart, in episodes
    as long as the data's average: the first tap of each episode also saves the
    new episode (two files, twice the fsyncs), as it does at the cot.
    """
    from rlbaby.services import LoggerService
    from rlbaby.store.shards import key_bounds_ms

    folder = ctx.fresh_copy("tap")
    files = sorted((folder / "movements").glob("*.json"), key=lambda p: (p.stat().st_size, p.name))
    shard = files[-1]
    t0_ms, t1_ms = key_bounds_ms(shard.stem)
    samples: list[float] = []
    cpu: list[float] = []  # this thread's CPU time: less sensitive to a busy machine
    with Store.open(folder) as store:
        # The app is idle for a while after opening; its first full collection
        # happens then, not on the first tap.
        gc.collect()
        child = max(store.children(), key=lambda c: len(store.movements(c.id, t0_ms, t1_ms)))
        in_file = store.movements(t0_ms=t0_ms, t1_ms=t1_ms)
        before = len(in_file)
        # The open keeps the newest file parsed for the first tap; this one is
        # older, so read it once the same way.
        store.movement(in_file.ids[0])
        shard_kb = shard.stat().st_size / 1024
        service = LoggerService(store)
        counts = ctx.manifest["counts"]
        per_episode = max(1, round(counts["movements"] / max(1, counts["episodes"])))
        pause_ms = (store.settings.idle_timeout_s + 60) * 1000  # the episode has closed
        gap_s = ctx.reps.tap_gap_ms / 1000
        span_ms = ctx.reps.taps * 10_000 + (ctx.reps.taps // per_episode + 1) * pause_ms
        at = Instant(t1_ms - span_ms - 600_000, 0)
        opening: list[float] = []
        for i in range(ctx.reps.taps):
            at = at.plus_ms(pause_ms if i % per_episode == 0 else 10_000)
            c0 = time.thread_time_ns()
            t0 = time.perf_counter_ns()
            service.record_movement(child.id, at)
            samples.append(_ms(time.perf_counter_ns() - t0))
            cpu.append(_ms(time.thread_time_ns() - c0))
            if i % per_episode == 0:
                opening.append(samples[-1])
            if gap_s:
                time.sleep(gap_s)
        assert len(store.movements(t0_ms=t0_ms, t1_ms=t1_ms)) == before + ctx.reps.taps
        assert len(store.episodes(child.id, t0_ms, t1_ms)) >= len(opening)
    shutil.rmtree(folder)
    extra = {"file": shard.name, "file_movements_before": before, "first_tap_ms": samples[0]}
    return [
        Row("tap save median", "ms", median(samples), samples, extra=extra),
        Row("tap save p95", "ms", percentile(samples, 95)),
        Row("tap save p99", "ms", percentile(samples, 99), target=5.0),
        Row("tap save max", "ms", max(samples)),
        Row("  tap CPU time median", "ms", median(cpu), cpu),
        Row("  first tap of the session", "ms", samples[0]),
        Row("  taps opening an episode", "", float(len(opening))),
        Row("  tap opening an episode, median", "ms", median(opening), opening),
        Row("  movements in the tap's file", "", float(before)),
        Row("  tap's file before the taps", "KB", shard_kb),
    ]


_OPEN_CHILD = """
import json, resource, sys, time
t0 = time.perf_counter_ns()
from rlbaby.store import Store
t1 = time.perf_counter_ns()
c1 = time.process_time_ns()
store = Store.open(sys.argv[1])
t2 = time.perf_counter_ns()
c2 = time.process_time_ns()
n = len(store.columns)
store.close()
# ru_maxrss survives exec on Linux, so it would report the (bigger) bench
# process that forked us; VmHWM is this process image's own peak.
try:
    with open("/proc/self/status") as f:
        hwm = next(int(l.split()[1]) for l in f if l.startswith("VmHWM:"))
except (OSError, StopIteration):
    hwm = None
print(json.dumps({
    "import_ns": t1 - t0,
    "open_ns": t2 - t1,
    "open_cpu_ns": c2 - c1,
    "rows": n,
    "problems": len(store.problems),
    "vmhwm_kb": hwm,
    "ru_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
}))
"""


@section("open", order=20)
def bench_open(ctx: Context) -> list[Row]:
    """Store.open in a fresh interpreter (files are in the page cache)."""
    folder = ctx.fresh_copy("open")
    opens: list[float] = []
    imports: list[float] = []
    open_cpu: list[float] = []
    rss: list[float] = []
    for _ in range(ctx.reps.open_runs):
        proc = subprocess.run(
            [sys.executable, "-c", _OPEN_CHILD, str(folder)], capture_output=True, text=True
        )
        if proc.returncode != 0:
            raise RuntimeError(f"cold open failed:\n{proc.stderr}")
        res = json.loads(proc.stdout.strip().splitlines()[-1])
        if res["rows"] != ctx.manifest["counts"]["movements"] or res["problems"]:
            raise RuntimeError(f"cold open read {res} from {folder}")
        opens.append(_s(res["open_ns"]))
        open_cpu.append(_s(res["open_cpu_ns"]))
        imports.append(_s(res["import_ns"]))
        rss.append((res["vmhwm_kb"] or res["ru_maxrss_kb"]) / 1024)
    shutil.rmtree(folder)
    return [
        Row("cold open median", "s", median(opens), opens, target=0.5),
        # The first open of a fresh copy parses every movement file's JSON and writes the
        # column snapshot (store/colcache.py); later opens load the older files from it.
        Row("  first open, no snapshot yet", "s", opens[0] if opens else None),
        Row("  open CPU time", "s", median(open_cpu), open_cpu),
        Row("  import rlbaby.store", "s", median(imports), imports),
        Row("  open peak RSS", "MB", median(rss), rss),
    ]


@section("summary", order=30)
def bench_summary(ctx: Context) -> list[Row]:
    """Store query + summarize_nights over the whole history."""
    from rlbaby.analysis import summarize_nights

    folder = ctx.fresh_copy("summary")
    one: list[float] = []
    both: list[float] = []
    analysis_only: list[float] = []
    with Store.open(folder, readonly=True) as store:
        gc.collect()
        kids = store.children()
        busiest = max(kids, key=lambda c: len(store.movements(c.id)))
        settings = store.settings
        n_nights = 0

        def summarize(child_id: str) -> int:
            now = time.time_ns() // 1_000_000
            rows = summarize_nights(
                child_id,
                store.movements(child_id),
                store.episodes(child_id),
                store.sleep_periods(child_id),
                start_hour=settings.night_start_hour,
                rule=settings.rule,
                now_ms=now,
            )
            return len(rows)

        for _ in range(ctx.reps.summary_runs):
            t0 = time.perf_counter_ns()
            n_nights = summarize(busiest.id)
            one.append(_s(time.perf_counter_ns() - t0))
            t0 = time.perf_counter_ns()
            for c in kids:
                summarize(c.id)
            both.append(_s(time.perf_counter_ns() - t0))
            mv = store.movements(busiest.id)
            eps = store.episodes(busiest.id)
            sl = store.sleep_periods(busiest.id)
            t0 = time.perf_counter_ns()
            summarize_nights(
                busiest.id,
                mv,
                eps,
                sl,
                start_hour=settings.night_start_hour,
                rule=settings.rule,
                now_ms=time.time_ns() // 1_000_000,
            )
            analysis_only.append(_s(time.perf_counter_ns() - t0))
    shutil.rmtree(folder)
    return [
        Row(
            "summary 1 child median", "s", median(one), one, target=0.3, extra={"nights": n_nights}
        ),
        Row("  of which summarize_nights", "s", median(analysis_only), analysis_only),
        Row(f"summary all {len(kids)} children median", "s", median(both), both),
    ]


# --- running and printing ------------------------------------------------------------


def _fs_of(path: Path) -> str:
    """Filesystem type and device of `path`, from /proc/mounts."""
    best = ("", "?", "?")
    try:
        with open("/proc/mounts") as f:
            for line in f:
                dev, mnt, fstype = line.split()[:3]
                if str(path).startswith(mnt.rstrip("/") + "/") or str(path) == mnt or mnt == "/":
                    if len(mnt) >= len(best[0]):
                        best = (mnt, fstype, dev)
    except OSError:
        pass
    return f"{best[1]} ({best[2]} on {best[0]})"


def pick_work_root() -> Path:
    """Somewhere under /tmp on a real disk; tmpfs would hide the fsync cost."""
    for cand in (Path("/tmp"), Path("/var/tmp"), Path.home() / ".cache"):
        if cand.is_dir() and not _fs_of(cand).startswith("tmpfs"):
            return cand
    return Path("/tmp")


def _loadavg() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def machine_info(work: Path) -> dict[str, Any]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass

    def ver(pkg: str) -> str:
        try:
            return metadata.version(pkg)
        except metadata.PackageNotFoundError:
            return "-"

    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "nproc": affinity or os.cpu_count(),
        "cpu": cpu,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "orjson": ver("orjson"),
        "tinydb": ver("tinydb"),
        "work_dir": str(work),
        "work_fs": _fs_of(work),
        "date": date.today().isoformat(),
        "loadavg_start": _loadavg(),
    }


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "ms":
        return f"{value:.2f}"
    if unit == "s":
        return f"{value:.3f}"
    if unit == "KB":
        return f"{value:,.0f}"
    if unit == "MB":
        return f"{value:.0f}"
    return f"{value:,.0f}"


def _size_label(n: int) -> str:
    if n >= 1000 and n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


def render_table(sizes: list[int], results: dict[int, list[Row]]) -> tuple[str, list[str]]:
    """The table, and the names of rows that missed their target at 200k."""
    order: list[str] = []
    rows: dict[tuple[str, int], Row] = {}
    meta: dict[str, Row] = {}
    for size in sizes:
        for r in results[size]:
            if r.metric not in meta:
                order.append(r.metric)
                meta[r.metric] = r
            rows[(r.metric, size)] = r
    width = max(len(m) + len(meta[m].unit) + 3 for m in order)
    head = f"{'metric':<{width}}" + "".join(f"{_size_label(s):>10}" for s in sizes)
    head += f"{'target@200k':>14}  verdict"
    lines = [head, "-" * len(head)]
    missed: list[str] = []
    for m in order:
        unit = meta[m].unit
        label = f"{m} ({unit})" if unit else m
        line = f"{label:<{width}}"
        for s in sizes:
            cell = rows.get((m, s))
            line += f"{_fmt(cell.value if cell else None, unit):>10}"
        target = meta[m].target
        if target is not None:
            line += f"{'<= ' + _fmt(target, unit) + ' ' + unit:>14}  "
            at = rows.get((m, TARGET_SIZE))
            if at is None or at.value is None:
                line += "(200k not run)"
            elif at.value <= target:
                line += "PASS"
            else:
                line += "MISS"
                missed.append(m)
        lines.append(line.rstrip())
    return "\n".join(lines), missed


def out(*parts: str) -> None:
    sys.stdout.write(" ".join(parts) + "\n")


def _parse_sizes(text: str) -> list[int]:
    out = []
    for part in text.split(","):
        part = part.strip().lower().replace("_", "")
        mult = 1000 if part.endswith("k") else 1
        out.append(int(float(part.rstrip("k")) * mult))
    return out


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m rlbaby.bench", description=__doc__.split("\n")[0])
    p.add_argument("--sizes", type=_parse_sizes, help="movement counts, e.g. 1000,10k,200k")
    p.add_argument("--quick", action="store_true", help="tiny sizes, few repetitions (tests)")
    p.add_argument("--sections", help=f"comma-separated subset of: {', '.join(SECTIONS)}")
    p.add_argument("--taps", type=int, help="taps per size (default 200)")
    p.add_argument("--tap-gap-ms", type=float, help="pause between taps (default 10)")
    p.add_argument("--runs", type=int, help="cold opens and summaries per size (default 5)")
    p.add_argument("--out", type=Path, metavar="FILE.json", help="save raw figures")
    p.add_argument("--cache-dir", type=Path, default=CACHE_ROOT)
    p.add_argument(
        "--work-dir", type=Path, help="where fresh copies go (default: a real-disk /tmp)"
    )
    return p


def _load_gui_sections() -> None:
    """Register the GUI sections (rlbaby/bench_gui.py) into this table.

    Under `python -m rlbaby.bench` this module runs as __main__, and
    bench_gui registers into the importable copy `rlbaby.bench`; merge them.
    """
    import importlib

    importlib.import_module("rlbaby.bench_gui")
    SECTIONS.update(importlib.import_module("rlbaby.bench").SECTIONS)


def main(argv: list[str] | None = None) -> int:
    _load_gui_sections()
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser().parse_args(argv)
    sizes = args.sizes or list(QUICK_SIZES if args.quick else DEFAULT_SIZES)
    reps = QUICK_REPS if args.quick else Reps()
    reps = Reps(
        taps=args.taps or reps.taps,
        tap_gap_ms=reps.tap_gap_ms if args.tap_gap_ms is None else args.tap_gap_ms,
        open_runs=args.runs or reps.open_runs,
        summary_runs=args.runs or reps.summary_runs,
    )
    chosen = sorted(SECTIONS.values(), key=lambda s: s.order)
    if args.sections:
        names = [n.strip() for n in args.sections.split(",")]
        unknown = [n for n in names if n not in SECTIONS]
        if unknown:
            build_parser().error(f"unknown section(s) {unknown}; known: {list(SECTIONS)}")
        chosen = [s for s in chosen if s.name in names]

    def log(msg: str) -> None:
        sys.stderr.write(msg + "\n")
        sys.stderr.flush()

    work_root = args.work_dir or pick_work_root()
    work_root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="rlbaby-bench-", dir=work_root))
    info = machine_info(work)
    command = shlex.join([Path(sys.executable).name, "-m", "rlbaby.bench", *argv])
    results: dict[int, list[Row]] = {}
    manifests: dict[int, dict[str, Any]] = {}
    try:
        for size in sizes:
            dataset, manifest = ensure_dataset(size, args.cache_dir, log)
            manifests[size] = manifest
            ctx = Context(size, dataset, manifest, work / str(size), reps, args.quick)
            ctx.work.mkdir()
            rows: list[Row] = []
            for sec in chosen:
                log(f"{_size_label(size)}: {sec.name} ...")
                rows.extend(sec.run(ctx))
            results[size] = rows
    finally:
        shutil.rmtree(work, ignore_errors=True)

    table, missed = render_table(sizes, results)
    out("rlbaby bench")
    out(f"command: {command}")
    out(
        f"machine: nproc={info['nproc']}, {info['cpu']}, {info['platform']}, "
        f"python {info['python']}, numpy {info['numpy']}, orjson {info['orjson']}, "
        f"tinydb {info['tinydb']}"
    )
    info["loadavg_end"] = _loadavg()
    out(f"data dirs: fresh copies under {work_root} on {info['work_fs']} (page cache warm)")
    out(
        f"load average (1/5/15 min): {info['loadavg_start']} at start, {info['loadavg_end']} "
        "at end; other work on the machine shows up in p95/p99"
    )
    out(
        f"repetitions: {reps.taps} taps per size ({reps.tap_gap_ms:g} ms apart), "
        f"{reps.open_runs} cold opens, {reps.summary_runs} summaries; figures are medians "
        "and percentiles"
    )
    out(
        "tap = LoggerService.record_movement(child) at the end of the fullest movement file, "
        "on a fresh copy, after one gc.collect(); the first tap (history query) is among "
        "the samples. "
        "cold open = Store.open in a new interpreter. summary = store queries + "
        "summarize_nights over the whole history"
    )
    for size in sizes:
        c = manifests[size]["counts"]
        out(
            f"data {_size_label(size)}: {c['movements']:,} movements, {c['episodes']:,} episodes,"
            f" {c['sleep_periods']:,} sleep periods, {c['children']} children, "
            f"{c['nights']:,} nights ({manifests[size]['first_night']} to "
            f"{manifests[size]['last_night']})"
        )
    out()
    out(table)
    out()
    if TARGET_SIZE not in sizes:
        out(f"targets apply at {_size_label(TARGET_SIZE)}, which was not run")
    else:
        out("all targets met" if not missed else f"MISSED: {', '.join(missed)}")
    if args.out:
        payload = {
            "command": command,
            "machine": info,
            "reps": reps.__dict__,
            "sizes": sizes,
            "datasets": {str(s): manifests[s] for s in sizes},
            "results": {str(s): [r.__dict__ for r in results[s]] for s in sizes},
            "missed": missed,
        }
        args.out.write_text(json.dumps(payload, indent=2))
        out(f"raw figures: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
