"""Whole-process bench sections: what a parent (or a script) waits for, from spawn.

These spawn `python -m rlbaby` as a parent's launcher would, so the figures
include the interpreter, every import and the open:

- "first tap": spawn -> the Log tab painted -> one Space -> the tap saved
  (the app's RLBABY_BENCH_FIRST_TAP hook, rlbaby/ui/first_tap.py, presses it
  and reports the moments and the peak memory);
- "cli summary": `rlbaby summary --json` of one child's whole history.

Each row quotes the median wall time, the CPU time (user + sys) beside it and
the load average at the time. The first run of each starts without the derived
caches (the column snapshot, the read-only cache, the first tap's compiled
bytecode); it is shown apart, and the median is over the runs after it, as a
parent's every later start is.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import Context, Row, loadavg1, median, section


@dataclass(frozen=True)
class Run:
    """One child process: its wall time, CPU time (user + sys) and exit code."""

    wall_s: float
    cpu_s: float
    code: int


def spawn(args: list[str], env: dict[str, str], stdout: Path) -> Run:
    """Run `python -m rlbaby ARGS` to its end; CPU time from os.wait4."""
    with open(stdout, "wb") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "rlbaby", *args],
            env=env,
            stdout=out,
            stderr=subprocess.PIPE,
        )
        assert proc.stderr is not None
        err = proc.stderr.read()
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        proc.stderr.close()
    if proc.returncode != 0:
        raise RuntimeError(f"rlbaby {' '.join(args)} exited {proc.returncode}:\n{err.decode()}")
    return Run(wall, usage.ru_utime + usage.ru_stime, proc.returncode)


def child_env(ctx: Context, **extra: str) -> dict[str, str]:
    """The environment for a child: offscreen Qt, and caches in the bench's folder
    (a run never reads or fills this user's real cache)."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["RLBABY_CACHE_DIR"] = str(ctx.work / "user-cache")
    env.pop("RLBABY_DATA_DIR", None)
    env.update(extra)
    return env


def with_bytecode(ctx: Context, env: dict[str, str]) -> dict[str, str]:
    """`env` with Python's compiled bytecode kept, in the bench's folder.

    An installed rlbaby starts from bytecode (pip compiles it at install, the
    bundle ships it). A checkout run with PYTHONDONTWRITEBYTECODE set (as in
    some development shells) would compile every module at every start, a
    cost no parent pays; here the first, discarded run compiles them into
    PYTHONPYCACHEPREFIX and the measured runs read them, as installed.
    """
    env = dict(env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(ctx.work / "pycache")
    return env


@section("first tap", order=15)
def bench_first_tap(ctx: Context) -> list[Row]:
    """Spawn -> Log tab shown -> first Space durably saved, in a new process."""
    folder = ctx.fresh_copy("first-tap")
    report_path = ctx.work / "first-tap.json"
    to_shown: list[float] = []
    to_saved: list[float] = []
    cpu: list[float] = []
    peak: list[float] = []
    loads: list[float] = []
    first: float | None = None
    before = _movement_count(folder)
    runs = (1 if ctx.quick else ctx.reps.open_runs) + 1  # a GUI start is ~1 s
    for i in range(runs):
        report_path.unlink(missing_ok=True)
        env = with_bytecode(ctx, child_env(ctx, RLBABY_BENCH_FIRST_TAP=str(report_path)))
        t0 = time.perf_counter()
        spawn(["--data-dir", str(folder)], env, ctx.work / "first-tap.out")
        report = json.loads(report_path.read_text())
        if not report["saved"]:
            raise RuntimeError(f"the first tap was not confirmed: {report}")
        if i == 0:
            first = report["saved_s"] - t0
            continue
        to_shown.append(report["shown_s"] - t0)
        to_saved.append(report["saved_s"] - t0)
        cpu.append(report["cpu_s"])
        peak.append(report["peak_kb"] / 1024)
        load = loadavg1()
        if load is not None:
            loads.append(load)
    added = _movement_count(folder) - before
    if added != runs:
        raise RuntimeError(f"{added} of {runs} first taps are in the store")
    shutil.rmtree(folder)
    load = median(loads)
    return [
        Row(
            "first tap: spawn to Log shown + Space saved, median",
            "s",
            median(to_saved),
            to_saved,
            target=0.8,
            load=load,
        ),
        Row("  CPU time to the save (user+sys)", "s", median(cpu), cpu, load=load),
        Row("  spawn to Log tab painted, median", "s", median(to_shown), to_shown, load=load),
        Row("  first start, no derived caches yet", "s", first, load=load),
        Row("first tap: app peak memory", "MB", median(peak), peak, target=200, load=load),
    ]


def _movement_count(folder: Path) -> int:
    from rlbaby.store import Store

    with Store.open(folder, readonly=True) as store:
        return store.counts()["movements"]


@section("cli summary", order=35)
def bench_cli_summary(ctx: Context) -> list[Row]:
    """`rlbaby summary --json` in a new process: one child's whole history, then all."""
    folder = ctx.fresh_copy("cli-summary")
    from rlbaby.store import Store

    with Store.open(folder, readonly=True) as store:
        kids = store.children()
        busiest = max(kids, key=lambda c: len(store.movements(c.id)))
    out = ctx.work / "summary.json"
    env = with_bytecode(ctx, child_env(ctx))
    one = ["--data-dir", str(folder), "summary", "--json", "--child", busiest.name]
    rows: list[Row] = []
    first: Run | None = None
    before = _listing(folder)
    for who, args, target in (("1 child", one, 0.6), (f"all {len(kids)} children", one[:-2], None)):
        runs: list[Run] = []
        loads: list[float] = []
        for i in range((1 if ctx.quick else ctx.reps.summary_runs) + 1):
            run = spawn(args, env, out)
            if i == 0:
                first = first or run  # the very first run fills the read-only cache
                continue
            runs.append(run)
            load = loadavg1()
            if load is not None:
                loads.append(load)
        nights = len(json.loads(out.read_bytes()))
        wall = [r.wall_s for r in runs]
        cpu = [r.cpu_s for r in runs]
        load = median(loads)
        label = f"cli: summary --json, {who}, median"
        extra = {"rows": nights}
        rows.append(Row(label, "s", median(wall), wall, target=target, extra=extra, load=load))
        rows.append(Row(f"  {who}: CPU time (user+sys)", "s", median(cpu), cpu, load=load))
        if target is not None and first is not None:
            rows.append(Row("  first run, no read-only cache yet", "s", first.wall_s))
    if _listing(folder) != before:
        raise RuntimeError("summary --json wrote into the data folder")
    shutil.rmtree(folder)
    return rows


def _listing(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under `folder`: (size, mtime_ns)."""
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }
