"""Reading a zip from outside as hostile: plain files only, every size bounded.

Shared by restore (backups) and import (a zip of CSV tables). Each member's
declared size and compression ratio are checked before anything is inflated,
and a read never returns more than the bound even when a header lies about
the size, so a small crafted zip cannot use gigabytes of memory.
"""

from __future__ import annotations

import re
import stat
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

MAX_RATIO = 100  # uncompressed / compressed, checked for members over RATIO_FROM
RATIO_FROM = 1024 * 1024

# A name that could point outside the folder it is unpacked into: absolute,
# a drive, a backslash (a separator on Windows), or a `..` part.
_ESCAPE = re.compile(r"^/|^[A-Za-z]:|\\|(?:^|/)\.\.(?:/|$)")

Refuse = Callable[[str], Exception]


@dataclass(frozen=True)
class Bounds:
    """The limits a zip of one kind must keep to.

    Attributes:
        kind: what the zip is, for messages ("backup", "export").
        members: the most entries it may hold.
        member_bytes: the most bytes one member may unpack to.
        total_bytes: the most bytes all members together may unpack to.
        special: a smaller or larger limit for members of these names.
        folders: plain folder entries are skipped instead of refused (a zip
            made by compressing a folder has them; a backup never does).
    """

    kind: str
    members: int
    member_bytes: int
    total_bytes: int
    special: Mapping[str, int] = field(default_factory=dict)
    folders: bool = False

    def limit(self, name: str) -> int:
        return self.special.get(name, self.member_bytes)


def check_members(
    zf: zipfile.ZipFile,
    bounds: Bounds,
    refuse: Refuse,
    name_problem: Callable[[str], str | None] = lambda name: None,
    key: Callable[[str], str] = lambda name: name,
) -> dict[str, zipfile.ZipInfo]:
    """The zip's members by `key(name)`, after refusing anything unsafe.

    Args:
        zf: the open zip.
        bounds: its limits.
        refuse: makes the exception to raise from a problem ("x.csv is too large").
        name_problem: the problem with a name the caller does not accept, if any.
        key: what two members must not share (the name, or the table it is).

    Raises:
        Exception: `refuse(problem)` for too many entries, a name refused by
            `name_problem`, a duplicate, a link or folder entry, a name that
            points outside the zip, or a size or ratio past the bounds.
    """
    infos = zf.infolist()
    if len(infos) > bounds.members:
        raise refuse(f"holds {len(infos)} files, more than any {bounds.kind}")
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        problem = name_problem(name)
        if problem:
            raise refuse(problem)
        kind = stat.S_IFMT(info.external_attr >> 16)  # 0: written without a type, a file
        if bounds.folders and info.is_dir() and kind in (0, stat.S_IFDIR):
            if _ESCAPE.search(name):
                raise refuse(f"holds {name!r}, a name that points outside the zip")
            continue  # holds nothing: the files inside it are members of their own
        if info.is_dir() or kind not in (0, stat.S_IFREG):
            raise refuse(f"holds {name!r} as a link or folder, not a file")
        if not name or _ESCAPE.search(name):
            raise refuse(f"holds {name!r}, a name that points outside the zip")
        if key(name) in members:
            raise refuse(f"holds {name!r} twice")
        limit = bounds.limit(name)
        if info.file_size > limit:
            raise refuse(f"{name} is too large ({info.file_size:,} bytes; at most {limit:,})")
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * info.compress_size:
            raise refuse(f"{name} is compressed suspiciously well")
        total += info.file_size
        members[key(name)] = info
    if total > bounds.total_bytes:
        raise refuse(f"would unpack to {total:,} bytes, more than any {bounds.kind}")
    return members


def read_member(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, bounds: Bounds, refuse: Refuse
) -> bytes:
    """A member's bytes, never more than its bound (the header may lie; the
    read stops at the bound instead of trusting it).

    Raises:
        Exception: `refuse(problem)` when the member is not the size it declares;
            zipfile's own errors for a damaged stream.
    """
    limit = bounds.limit(info.filename)
    # Always a size: read() without one asks zlib for up to 2 GiB in one step,
    # however small the header says the member is (a 1 MB zip took 2.1 GB).
    with zf.open(info) as fh:
        raw = fh.read(min(limit, info.file_size) + 1)
    if len(raw) != info.file_size:
        raise refuse(f"{info.filename} is not the size it declares")
    return raw
