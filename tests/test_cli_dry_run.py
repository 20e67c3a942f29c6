"""`rlbaby import --dry-run`: it shows what would change and writes nothing at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rlbaby.cli import main
from rlbaby.model import Child, Episode, Instant, Movement
from rlbaby.store import Store

T0 = 1_795_500_000_000  # 2026-11-24


@pytest.fixture
def full_dir(tmp_path: Path) -> Path:
    """A child with taps over two months."""
    d = tmp_path / "full"
    with Store.open(d, now_ms=lambda: T0) as s:
        kid = s.save(Child("Ada"))
        for day in (0, 30):
            ep = s.save(Episode(kid.id, Instant(T0 + day * 86_400_000, 60)))
            for i in range(3):
                s.save(Movement(kid.id, ep.id, Instant(ep.opened.utc_ms + i * 20_000, 60)))
    return d


def _state(folder: Path) -> dict[str, tuple[bytes | str | None, int]]:
    """Every path under `folder` (itself included): its bytes (a link: its
    target; a folder: None) and its mtime, links not followed."""
    out: dict[str, tuple[bytes | str | None, int]] = {}
    for p in [folder, *sorted(folder.rglob("*"))]:
        st = p.lstat()
        if p.is_symlink():
            content: bytes | str | None = os.readlink(p)
        elif p.is_dir():
            content = None
        else:
            content = p.read_bytes()
        out[p.relative_to(folder).as_posix()] = (content, st.st_mtime_ns)
    return out


def test_a_dry_run_import_changes_no_byte_and_no_mtime(
    full_dir: Path, tmp_path: Path, user_cache_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Everything a writable open would touch: a leftover temp file to sweep, a
    # damaged file to set aside, no column cache yet, and a lock file that is a
    # symlink to meta.json (a truncating open would empty meta.json).
    (full_dir / "movements" / ".2026-11-21.json.9.9.rlbaby-tmp").write_bytes(b"half a save")
    (full_dir / "episodes" / "2027-03.json").write_bytes(b'{"episodes": {"1": ')
    (full_dir / "rlbaby.lock").unlink(missing_ok=True)
    (full_dir / "rlbaby.lock").symlink_to("meta.json")
    csv = tmp_path / "taps.csv"
    csv.write_text("child,time\nAda,2026-11-27T22:00:00+01:00\nNew,2026-11-27T23:00:00+01:00\n")
    before = _state(full_dir)
    rc = main(["import", str(csv), "--data-dir", str(full_dir), "--dry-run"])
    out, err = capsys.readouterr()
    assert rc == 0, err
    assert out.startswith("would import taps.csv: adds 1 child, 2 episodes, 2 movements")
    assert "episodes/2027-03.json" in err  # the damaged file is reported, not moved
    assert _state(full_dir) == before
    # Nor anywhere else: not even the read-only open's snapshot in the user's cache.
    assert list(user_cache_dir.rglob("*")) == []


def test_summary_fills_the_user_cache_once_then_reads_only_the_newest_files(
    full_dir: Path,
    user_cache_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`summary` is read-only: its derived snapshots go to the user's cache
    folder, never into the data folder, and the second run takes the older
    files from them (the newest of each folder is always parsed)."""
    from rlbaby.store import atomic

    args = ["summary", "--json", "--data-dir", str(full_dir)]
    before = _state(full_dir)
    assert main(args) == 0
    first = capsys.readouterr().out
    assert _state(full_dir) == before
    made = {p.parent.name for p in user_cache_dir.rglob("*") if p.is_file()}
    assert made >= {"columns", "episodes"}
    seen: list[str] = []
    real = atomic.parse_tinydb_json

    def spy(raw: bytes, where: Path | str) -> object:
        seen.append(Path(where).relative_to(full_dir).as_posix())
        return real(raw, where)

    monkeypatch.setattr(atomic, "parse_tinydb_json", spy)
    assert main(args) == 0
    assert capsys.readouterr().out == first
    newest = {f"{f}/{sorted(os.listdir(full_dir / f))[-1]}" for f in ("movements", "episodes")}
    assert set(seen) - {"meta.json"} == newest
    assert _state(full_dir) == before
