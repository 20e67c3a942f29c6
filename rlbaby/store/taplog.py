"""The tap log: a save is one line appended to `taps.log`, durable after one sync.

Why: replacing a day file atomically waits for the disk twice (the new file's
fsync, then the folder's after the rename). On the bench machine that alone
has a p99 above the 5 ms a tap may take; one appended line and one sync is
about half of it (see the README's bench notes).

The record files stay the store's format; the log holds what was saved since
they were last rewritten. Every open replays it on top of them (in memory;
a read-only open too), and a writable store folds it back into them
(`Store.checkpoint`: each changed file is replaced atomically, then the log is
cut back to its header) when it closes, before a batch write or a backup, and
when the log grows past MAX_LINES. Replaying is idempotent: a line names each
record's whole new version and its file, so a crash during a checkpoint
(some files rewritten, the log not yet cut) replays to the same state.

Format: the first line is the header, `rlbaby tap log 1 <16 hex digits>`: the
digits are new at every creation and cut, so a reader can tell one log from
the next by its first line (an inode number cannot: the file system may give
the next log the number the cut freed). Every other line is
`<CRC-32 of the JSON, 8 hex digits> <JSON>` and a newline; the JSON is a list
of [folder, file key, record document] saved in one step (a tap that opens an
episode writes both in one line, so both or neither survive a crash).

Reading: a last line cut short (no newline, or a bad checksum) is a save a
crash interrupted before it was confirmed, and is dropped. A bad line with
good lines after it is damage: the good lines still count, and the caller
reports it (see `Store._replay_taps`).
"""

from __future__ import annotations

import errno
import logging
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from rlbaby.store import osfs
from rlbaby.store.atomic import atomic_write_bytes
from rlbaby.store.errors import NewerVersionError, ReadOnlyError, WriteError
from rlbaby.store.files import Guard, read_head, read_regular_file

log = logging.getLogger(__name__)

LOG_NAME = "taps.log"
FORMAT = 1
_HEADER_START = b"rlbaby tap log "
_THIS_FORMAT = _HEADER_START + str(FORMAT).encode() + b" "
HEADER_LEN = len(_THIS_FORMAT) + 16 + 1  # "<16 hex digits>\n" after it
_HEX = frozenset(b"0123456789abcdef")
# Folded into the record files past this many lines, so an open never
# replays more than a few milliseconds' worth.
MAX_LINES = 2000
FOLDERS = ("movements", "episodes", "sleep")

Put = tuple[str, str, dict[str, Any]]  # (folder, file key, record document)


@dataclass
class LogRead:
    """What a read of the log found."""

    steps: list[list[Put]] = field(default_factory=list)  # one per good line, in order
    end: int = 0  # the offset just past the last whole line
    damaged: list[str] = field(default_factory=list)  # why each bad line was bad
    torn: bool = False  # the last line was cut short and dropped
    raw: bytes = b""  # what was read (`TapLog.read` only: a damaged log's copy is made of it)


def encode_line(puts: list[Put]) -> bytes:
    body = orjson.dumps([list(p) for p in puts])
    return b"%08x " % zlib.crc32(body) + body + b"\n"


def _decode_line(line: bytes) -> list[Put]:
    """One line's puts. Raises ValueError naming what is wrong with it."""
    if len(line) < 10 or line[8:9] != b" ":
        raise ValueError("it is not a checksum and a record")
    body = line[9:]
    try:
        crc = int(line[:8], 16)
    except ValueError:
        raise ValueError("its checksum is not a number") from None
    if zlib.crc32(body) != crc:
        raise ValueError("it fails its checksum")
    try:
        value = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise ValueError(f"it is not JSON ({exc})") from None
    if type(value) is not list or not value:
        raise ValueError("it holds no records")
    puts: list[Put] = []
    for item in value:
        if (
            type(item) is not list
            or len(item) != 3
            or item[0] not in FOLDERS
            or type(item[1]) is not str
            or type(item[2]) is not dict
        ):
            raise ValueError("a record in it is not [folder, file, document]")
        puts.append((item[0], item[1], item[2]))
    return puts


def new_header() -> bytes:
    """A header for a log being created or cut: its digits name this one log."""
    return _THIS_FORMAT + os.urandom(8).hex().encode() + b"\n"


def _header_so_far(raw: bytes) -> bool:
    """Whether `raw` (at most HEADER_LEN bytes) is a header or its start."""
    mark = len(_THIS_FORMAT)
    if raw[:mark] != _THIS_FORMAT[: len(raw)]:
        return False
    digits = raw[mark : HEADER_LEN - 1]
    return _HEX.issuperset(digits) and raw[HEADER_LEN - 1 : HEADER_LEN] in (b"", b"\n")


def check_header(raw: bytes, where: Path | str) -> None:
    """Raises NewerVersionError for a newer log, ValueError for no log header."""
    if len(raw) >= HEADER_LEN and _header_so_far(raw[:HEADER_LEN]):
        return
    if raw.startswith(_HEADER_START):
        first = raw[len(_HEADER_START) :].split(b"\n", 1)[0].split(b" ", 1)[0]
        if first.isdigit() and int(first) > FORMAT:
            raise NewerVersionError(where, int(first), FORMAT)
    raise ValueError("it does not start with the tap log's header")


def parse(raw: bytes, start: int = 0) -> LogRead:
    """The steps in `raw[start:]` (`start` 0: the whole log, header first).

    Raises:
        NewerVersionError: a newer rlbaby wrote it.
        ValueError: it is not a tap log at all.
    """
    read = LogRead(end=start)
    if start == 0:
        if not raw:
            return read  # created, then cut off by a crash before its header
        if len(raw) < HEADER_LEN and _header_so_far(raw):
            read.torn = True
            return read
        check_header(raw, LOG_NAME)
        read.end = start = HEADER_LEN
    lines = raw[start:].split(b"\n")
    tail = lines.pop()  # after the last newline: b"" or a line cut short
    bad: list[tuple[int, str]] = []
    before_last = read.end
    for n, line in enumerate(lines):
        try:
            read.steps.append(_decode_line(line))
        except ValueError as exc:
            bad.append((n, str(exc)))
        before_last = read.end
        read.end += len(line) + 1
    if tail:
        read.torn = True
    elif bad and bad[-1][0] == len(lines) - 1:
        # The last whole line is bad: a crash mid-write may leave the newline
        # on disk before the bytes ahead of it. It was never confirmed, and
        # the next save cuts it off (it ends where the good lines end).
        bad.pop()
        read.torn = True
        read.end = before_last
    read.damaged = [f"line {n + 2} {why}" for n, why in bad]
    return read


class TapLog:
    """The data folder's tap log: appends for a writable store, reads for any."""

    def __init__(self, path: Path, readonly: bool = False, guard: Guard | None = None) -> None:
        self.path = path
        self.readonly = readonly
        self.guard = guard
        self.lines = 0  # steps in the log since its last cut
        self._fd: int | None = None
        self._size = 0  # the log's length as this process wrote or read it
        # Which log that was: its header, which a cut renews (None: no file).
        self._header: bytes | None = None

    def read(self) -> LogRead:
        """The whole log (an empty read when there is none).

        Raises:
            OSError: it exists but cannot be read.
            NewerVersionError, ValueError: as `parse`.
        """
        try:
            raw = read_regular_file(self.path)
        except FileNotFoundError:
            self._header = None
            return LogRead()
        self._header = raw[:HEADER_LEN]
        got = parse(raw)
        got.raw = raw
        self.lines = len(got.steps) + len(got.damaged)
        self._size = got.end
        return got

    def replaced_since_read(self) -> bool:
        """Whether the log is another file than the one `read` read (a
        writer's checkpoint cut it meanwhile)."""
        try:
            head: bytes | None = read_head(self.path, HEADER_LEN)
        except FileNotFoundError:
            head = None
        return head != self._header

    def read_more(self) -> LogRead | None:
        """The steps appended since the last read (a read-only follower).
        None: the log was cut (a new file) or is gone, so reading on from the
        last offset would be wrong; the caller loads the folder again."""
        try:
            raw = read_regular_file(self.path)
        except FileNotFoundError:
            return None if self._size else LogRead()
        if self._size and (raw[:HEADER_LEN] != self._header or len(raw) < self._size):
            return None
        self._header = raw[:HEADER_LEN]
        got = parse(raw, self._size)
        self.lines += len(got.steps) + len(got.damaged)
        self._size = got.end
        return got

    def prepare(self) -> None:
        """Create the log (once per folder) and open it now, so the first
        tap waits only for its own line.

        Raises:
            WriteError: it cannot be created or opened (the first save tries again).
        """
        if self.readonly:
            raise ReadOnlyError()
        if self.guard is not None:
            self.guard()
        self._open()

    def append(self, puts: list[Put]) -> None:
        """Add one step to the log, durably.

        Raises:
            ReadOnlyError: this store only reads.
            WriteError: the disk refused; the log is as it was.
        """
        if self.readonly:
            raise ReadOnlyError()
        if self.guard is not None:
            self.guard()
        line = encode_line(puts)
        fd = self._open()
        try:
            written = os.write(fd, line)
            if written != len(line):
                raise OSError(28, "No space left on device (a short write)")
            osfs.fdatasync(fd)
        except OSError as exc:
            self._cut_back(fd)
            raise WriteError(self.path, exc) from exc
        self._size += len(line)
        self.lines += 1

    def cut(self) -> None:
        """Empty the log back to its header, durably (after a checkpoint).

        The log is replaced by a new file rather than truncated, so a reader
        following it by offset sees another inode and loads again, instead of
        reading on from the middle of lines written after the cut.

        Raises:
            WriteError: the disk refused; the log keeps its lines, which a
                later replay applies again (harmlessly).
        """
        if self.readonly:
            raise ReadOnlyError()
        if self.guard is not None:
            self.guard()
        self.close()
        self._create()
        self.lines = 0

    def close(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            try:
                os.close(fd)
            except OSError as exc:
                log.warning("could not close %s: %s", self.path, exc)

    def _open(self) -> int:
        """The log open for appending, created with its header the first time.

        Raises:
            WriteError: it cannot be created or opened.
        """
        if self._fd is not None:
            return self._fd
        try:
            if not self.path.exists():
                self._create()
            fd = osfs.open_fd(self.path, os.O_WRONLY | os.O_APPEND)
        except OSError as exc:
            raise WriteError(self.path, exc) from exc
        try:
            size = os.fstat(fd).st_size
            if size and size < self._size:
                raise OSError(errno.ESTALE, "another program shortened the tap log")
            if size != self._size or size < HEADER_LEN:
                # Not what the open read (a crash's cut-short line, or a log
                # created since): cut back to the whole lines read. A log read
                # without its whole header (empty, or the header cut short)
                # starts again from the header, or no later open could read it.
                if not size or self._size < HEADER_LEN:
                    header = new_header()
                    os.ftruncate(fd, 0)
                    os.write(fd, header)
                    self._size, self._header = HEADER_LEN, header
                else:
                    os.ftruncate(fd, self._size)
                osfs.fdatasync(fd)
        except OSError as exc:
            os.close(fd)
            raise WriteError(self.path, exc) from exc
        self._fd = fd
        return fd

    def _create(self) -> None:
        """Create the log holding only a new header, atomically and durably."""
        header = new_header()
        atomic_write_bytes(self.path, header)
        self._size, self._header = HEADER_LEN, header

    def _cut_back(self, fd: int) -> None:
        """After a failed append: remove what part of the line reached the
        file, so the next line does not follow half a line."""
        try:
            if os.fstat(fd).st_size > self._size:  # never lengthen it
                os.ftruncate(fd, self._size)
        except OSError as exc:
            # The next open drops a cut-short last line, but a line appended
            # after it would make it damage: close, so the next append first
            # cuts back again (`_open`).
            log.warning("could not cut back %s after a failed save: %s", self.path, exc)
            self.close()
