"""Command line: the GUI (no subcommand) and import/export/summary/report/backup/restore.

Only the GUI and `report` import Qt, and only inside their functions.
Bad input exits non-zero with one line on stderr.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import io
import os
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from rlbaby import paths, version

if TYPE_CHECKING:
    from rlbaby.analysis.night_table import NightTable
    from rlbaby.model import Child, RuleSet
    from rlbaby.store import Store

ENV_DATA_DIR = "RLBABY_DATA_DIR"


def default_data_dir() -> Path:
    """The system's per-user data folder for rlbaby (rlbaby.paths)."""
    return paths.data_dir()


def resolve_data_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    return Path(env).expanduser() if env else default_data_dir()


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


class UsageError(Exception):
    """Bad command-line syntax; main() prints it on one line."""


# Stands for the default data folder in a help text until help is shown:
# finding the folder imports platformdirs, which no command needs when the
# folder is given (see rlbaby.paths).
_DEFAULT_DIR = "<default-data-dir>"


class _HelpFormatter(argparse.HelpFormatter):
    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = super()._get_help_string(action)
        if text is None or _DEFAULT_DIR not in text:
            return text
        return text.replace(_DEFAULT_DIR, str(default_data_dir()).replace("%", "%%"))


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        # argparse would print the whole usage text first; we promise one line.
        raise UsageError(f"{message} (see '{self.prog} --help')")


class _VersionAction(argparse.Action):
    """`--version`, asking importlib.metadata only when it is given: that import
    alone costs every other command a tenth of its start-up."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> NoReturn:
        sys.stdout.write(f"rlbaby {version()}\n")
        parser.exit()


def _data_dir_option(default: str | None) -> _Parser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help=f"data folder (default: ${ENV_DATA_DIR} or {_DEFAULT_DIR})",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    # --data-dir works before or after the subcommand. A subcommand's own
    # default must be SUPPRESS, or it would overwrite a value given before it.
    common = _data_dir_option(argparse.SUPPRESS)
    parser = _Parser(
        prog="rlbaby",
        description="Log a baby's restless legs at night, see the patterns, talk to the doctor.",
        parents=[_data_dir_option(None)],
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--demo", action="store_true", help="open generated demo data in a throw-away folder"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", parents=[common], help="import a CSV, zip or JSON export")
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="only show what would be added")

    p = sub.add_parser("export", parents=[common], help="export everything as CSV or JSON")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument(
        "--csv",
        type=Path,
        metavar="OUT",
        help="OUT.zip, or OUT.csv (movements) with OUT.children/.labs/.episodes/.sleep.csv",
    )
    g.add_argument("--json", type=Path, metavar="OUT", help="one full JSON file")

    p = sub.add_parser("summary", parents=[common], help="per-night figures as JSON")
    p.add_argument("--json", action="store_true", required=True, help="print JSON (required)")
    p.add_argument("--child", metavar="NAME")
    p.add_argument("--from", dest="date_from", type=_date, metavar="DATE")
    p.add_argument("--to", dest="date_to", type=_date, metavar="DATE")
    p.add_argument("--rule", choices=["aasm", "wasm"])

    p = sub.add_parser("report", parents=[common], help="PDF report for the pediatrician")
    p.add_argument("--child", metavar="NAME", required=True)
    p.add_argument("--from", dest="date_from", type=_date, metavar="DATE")
    p.add_argument("--to", dest="date_to", type=_date, metavar="DATE")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    p.add_argument("--paper", choices=["a4", "letter"], default="a4")

    sub.add_parser("backup", parents=[common], help="write a backup now")
    p = sub.add_parser("restore", parents=[common], help="restore a backup file")
    p.add_argument("file", type=Path)
    return parser


class CliError(Exception):
    pass


def _open_store(data_dir: Path, readonly: bool = False, write_cache: bool = True):  # type: ignore[no-untyped-def]
    from rlbaby.store import Store

    store = Store.open(data_dir, readonly=readonly, write_cache=write_cache)
    for problem in store.problems:
        _line(sys.stderr, f"rlbaby: warning: {problem.message()}")
    return store


def _line(stream: TextIO, text: str) -> None:
    """Write `text` as exactly one line (messages can quote user text)."""
    stream.write(" ".join(text.splitlines()) + "\n")


def _find_child(store, name: str | None):  # type: ignore[no-untyped-def]
    if name is None:
        return store.children()
    child = store.child_by_name(name)
    if child is None:
        known = ", ".join(c.name for c in store.children()) or "none"
        raise CliError(f"no child named {name!r} (known: {known})")
    return [child]


def _open_for_dry_run(data_dir: Path):  # type: ignore[no-untyped-def]
    """A store that writes nothing at all: read-only (no lock file, no sweep of
    temp files, no quarantine, no column cache, not even in the user's cache
    folder), or empty in memory when there is no folder yet (it is not created)."""
    from rlbaby.store import Store

    if not data_dir.exists():
        return Store.in_memory()
    return _open_store(data_dir, readonly=True, write_cache=False)


def cmd_import(args: argparse.Namespace) -> int:
    from rlbaby.store.exchange import apply_import, plan_import

    data_dir = resolve_data_dir(args.data_dir)
    opened = _open_for_dry_run(data_dir) if args.dry_run else _open_store(data_dir)
    with opened as store:
        plan = plan_import(store, args.file)
        if not args.dry_run and not plan.empty:
            apply_import(store, plan)
        verb = "would import" if args.dry_run else "imported"
        _line(sys.stdout, f"{verb} {args.file.name}: {plan.summary()}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from rlbaby.store.exchange import export_csv, export_json

    with _open_store(resolve_data_dir(args.data_dir), readonly=True) as store:
        if args.json:
            counts = export_json(store, args.json)
            summary = ", ".join(f"{n} {k}" for k, n in counts.items())
            _line(sys.stdout, f"wrote {args.json}: {summary}")
        else:
            for path in export_csv(store, args.csv):
                _line(sys.stdout, f"wrote {path}")
    return 0


def night_table(
    store: Store, child: Child, date_from: date | None, date_to: date | None, rule: RuleSet | None
) -> NightTable:
    from rlbaby.services.nights import night_window

    window = night_window(store, child.id, date_from, date_to, rule=rule)
    return window.table(time.time_ns() // 1_000_000)


def cmd_summary(args: argparse.Namespace) -> int:
    import orjson

    from rlbaby.model import RuleSet

    rule = RuleSet(args.rule) if args.rule else None
    with _open_store(resolve_data_dir(args.data_dir), readonly=True) as store:
        # What the open built lives until the process ends, so the cyclic GC
        # need never walk it again: not while the summary is made, and not in
        # the collection at exit (80 ms over 200k movements' records).
        gc.freeze()
        out = []
        for child in _find_child(store, args.child):
            table = night_table(store, child, args.date_from, args.date_to, rule)
            # The rows NightSummary.to_json() gives, named by the child, with the rule.
            rule_name = (rule or store.settings.rule).value
            out.extend(table.json_rows(child=child.name, rule=rule_name))
    sys.stdout.write(orjson.dumps(out, option=orjson.OPT_INDENT_2).decode() + "\n")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from rlbaby.store.backup import BackupManager

    with _open_store(resolve_data_dir(args.data_dir)) as store:
        path = BackupManager(store).backup_now(reason="manual")
        _line(sys.stdout, f"wrote {path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from rlbaby.store.backup import BadBackupError
    from rlbaby.store.restore import restore_backup

    data_dir = resolve_data_dir(args.data_dir)
    try:
        safety = restore_backup(data_dir, args.file)
    except BadBackupError as exc:
        raise CliError(f"{exc}; nothing was changed") from exc
    _line(sys.stdout, f"restored {args.file.name}; the previous data was saved as {safety.name}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from rlbaby.report.pdf import make_report

    with _open_store(resolve_data_dir(args.data_dir), readonly=True) as store:
        child = _find_child(store, args.child)[0]
        hi = args.date_to or date.today()
        lo = args.date_from or hi - timedelta(days=29)
        if lo > hi:
            raise CliError(f"--from {lo} is after --to {hi}")
        make_report(store, child, lo, hi, args.out, args.paper)
        _line(sys.stdout, f"wrote {args.out}")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from rlbaby.ui.qt_start import load_qt

    # First: the UI's imports then go through Python's own import, and
    # shiboken's signature modules are compiled once per upgrade (see there).
    load_qt(paths.user_cache_dir() / "start-code" / "qt")
    from rlbaby.ui.app import run_gui

    return run_gui(resolve_data_dir(args.data_dir), demo=args.demo)


COMMANDS = {
    "import": cmd_import,
    "export": cmd_export,
    "summary": cmd_summary,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "report": cmd_report,
}


def gui_main(argv: list[str] | None = None) -> int:
    """The `rlbaby-gui` command: the same as `rlbaby`, started without a console.

    On Windows a gui-script runs under pythonw, where `sys.stdout` and
    `sys.stderr` are None: argparse's --help or a one-line error would raise
    there, so they go to the null device instead (the log file keeps details).
    """
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            # Binary underneath, like every file rlbaby opens (no CRLF rewriting).
            setattr(sys, name, io.TextIOWrapper(open(os.devnull, "wb"), encoding="utf-8"))
    return main(argv)


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        _line(sys.stderr, f"rlbaby: error: {exc}")
        return 2
    if "numpy" not in sys.modules:
        # rlbaby does no linear algebra: OpenBLAS's pool of threads, which spin
        # for a while once started, would only take a core from the start-up.
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    gui = args.command is None
    gc_was_enabled = gc.isenabled()
    # The start-up (numpy's and rlbaby's imports, the store's open) allocates a
    # few hundred thousand objects and frees almost none: the cyclic GC would
    # only walk them, again and again (about 40 passes before a summary's
    # open). The window turns it back on once it is on screen (ui/startup.py).
    # A command runs its short course without it; its few cycles (exceptions
    # caught on bad rows) are freed when it ends, below.
    gc.disable()
    # The interpreter's exit ends with a full collection that walks every
    # object numpy, the open and the command made (~40 ms of a summary, most
    # of its exit); frozen, they are left to the end of the process, as they
    # would be without it. Nothing rlbaby writes waits for a collection: every
    # file is written, fsynced and closed before its call returns.
    atexit.unregister(gc.freeze)  # once, however often main runs (the tests)
    atexit.register(gc.freeze)
    start_code = None
    if gui:
        # Before the first dataclass is made: their methods' code is kept (see there).
        from rlbaby.ui.code_cache import DataclassCode

        start_code = DataclassCode(paths.user_cache_dir() / "start-code" / "dataclasses.code")
        start_code.install()
    from rlbaby.store import StoreError

    try:
        if gui:
            return cmd_gui(args)
        return COMMANDS[args.command](args)
    except (CliError, StoreError) as exc:
        _line(sys.stderr, f"rlbaby: error: {exc}")
        return 1
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        _line(sys.stderr, f"rlbaby: error: {exc.strerror or exc}{where}")
        return 1
    finally:
        if start_code is not None:
            start_code.uninstall()
        if gc_was_enabled:
            gc.enable()  # a command's end, or a start that never reached the window
