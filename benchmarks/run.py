"""`python -m benchmarks`: run the bench sections and print one table.

For every size it builds (or reuses) the data set, runs every section of
SECTION_MODULES in order, and prints one row per metric and one column per
size, with the target and PASS/MISS at 200k and the load average at the time.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import shlex
import shutil
import sys
import tempfile
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.common import (
    CACHE_ROOT,
    DEFAULT_SIZES,
    QUICK_REPS,
    QUICK_SIZES,
    SECTIONS,
    TARGET_SIZE,
    Context,
    Reps,
    Row,
    ensure_dataset,
    loadavg1,
)

# The modules whose sections `make bench` runs (each registers its own).
SECTION_MODULES = ("benchmarks.store_sections", "benchmarks.process", "benchmarks.gui")


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
    """The table, and the names of rows that missed their target at 200k.

    The "load" column is the 1-minute load average when the row was measured
    at the last size.
    """
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
    head += f"{'load':>7}{'target@200k':>14}  verdict"
    lines = [head, "-" * len(head)]
    missed: list[str] = []
    for m in order:
        unit = meta[m].unit
        label = f"{m} ({unit})" if unit else m
        line = f"{label:<{width}}"
        for s in sizes:
            cell = rows.get((m, s))
            line += f"{_fmt(cell.value if cell else None, unit):>10}"
        last = rows.get((m, sizes[-1]))
        load = last.load if last is not None else None
        line += f"{'-' if load is None else f'{load:.2f}':>7}"
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
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
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


def load_sections() -> None:
    """Import every section module, which registers its sections in SECTIONS."""
    for name in SECTION_MODULES:
        importlib.import_module(name)


def main(argv: list[str] | None = None) -> int:
    load_sections()
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
    command = shlex.join([Path(sys.executable).name, "-m", "benchmarks", *argv])
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
                got = sec.run(ctx)
                now = loadavg1()
                for row in got:
                    if row.load is None:
                        row.load = now
                rows.extend(got)
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
