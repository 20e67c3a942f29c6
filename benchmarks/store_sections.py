"""Qt-free bench sections: the machine's speed, the tap, the open, the summary.

See benchmarks/common.py for how a section is written and registered.
"""

from __future__ import annotations

import gc
import json
import shutil
import subprocess
import sys
import time

from benchmarks.common import Context, Row, median, ns_to_ms, ns_to_s, percentile, section
from rlbaby.model import Instant
from rlbaby.store import Store


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
        parse.append(ns_to_ms(time.perf_counter_ns() - t0))
    floor: list[float] = []
    target = ctx.work / "floor.json"
    for _ in range(5 if ctx.quick else 41):
        t0 = time.perf_counter_ns()
        atomic_write_bytes(target, b"{}")
        floor.append(ns_to_ms(time.perf_counter_ns() - t0))
    target.unlink()
    return [
        Row("ref: parse 4k small docs median", "ms", median(parse), parse),
        Row("ref: atomic save floor median", "ms", median(floor), floor),
    ]


@section("tap", order=10)
def bench_tap(ctx: Context) -> list[Row]:
    """LoggerService.record_movement into the fullest movement file, on a fresh copy.

    A tap rewrites its whole day file, so its cost depends on how full that
    file is. Today's file may be nearly empty; the taps are therefore placed at
    the end of the data's fullest file (the worst case a parent's tap meets),
    for the child with most movements there. They come 10 s apart, in episodes
    as long as the data's average: the first tap of each episode also saves the
    new episode (two files in one step, see store/together.py), as it does at
    the cot.
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
            samples.append(ns_to_ms(time.perf_counter_ns() - t0))
            cpu.append(ns_to_ms(time.thread_time_ns() - c0))
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
        opens.append(ns_to_s(res["open_ns"]))
        open_cpu.append(ns_to_s(res["open_cpu_ns"]))
        imports.append(ns_to_s(res["import_ns"]))
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
            one.append(ns_to_s(time.perf_counter_ns() - t0))
            t0 = time.perf_counter_ns()
            for c in kids:
                summarize(c.id)
            both.append(ns_to_s(time.perf_counter_ns() - t0))
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
            analysis_only.append(ns_to_s(time.perf_counter_ns() - t0))
    shutil.rmtree(folder)
    return [
        Row(
            "summary 1 child median", "s", median(one), one, target=0.3, extra={"nights": n_nights}
        ),
        Row("  of which summarize_nights", "s", median(analysis_only), analysis_only),
        Row(f"summary all {len(kids)} children median", "s", median(both), both),
    ]
