"""The offline guide: Markdown sections under resources/guide/. Qt-free.

Files are named `NN-slug.md`; NN orders them and the slug is the link target
(`[text](#slug)`). Each file starts with one `# Title`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePosixPath

from rlbaby import resources

_NAME = re.compile(r"^(\d+)-([a-z0-9-]+)\.md$")
_LINK = re.compile(r"\]\(#([a-z0-9-]+)\)")
_RULE_CELL = re.compile(r"^:?-+:?$")


def search_words(term: str) -> list[str]:
    """The words of a search term, folded, as `Guide.search` matches them."""
    return [w for w in term.casefold().split() if w]


@dataclass(frozen=True)
class Section:
    slug: str
    order: int
    title: str
    markdown: str

    def subsection(self, heading: str) -> str:
        """The Markdown under `## heading` (up to the next heading of level <= 2)."""
        lines = self.markdown.splitlines()
        out: list[str] = []
        inside = False
        for line in lines:
            if re.match(r"^#{1,2}\s", line):
                if inside:
                    break
                inside = line.lstrip("#").strip().casefold() == heading.casefold()
                continue
            if inside:
                out.append(line)
        if not inside and not out:
            raise KeyError(f"section {self.slug!r} has no heading {heading!r}")
        return "\n".join(out).strip()

    @property
    def links(self) -> list[str]:
        """Slugs this section links to, in order (may repeat)."""
        return _LINK.findall(self.markdown)

    def table(self) -> list[list[str]]:
        """The first Markdown table's rows (header first) as plain cell texts.

        Raises:
            KeyError: the section has no table.
        """
        rows: list[list[str]] = []
        for line in self.markdown.splitlines():
            stripped = line.strip()
            if stripped.startswith("|"):
                cells = [c.strip() for c in stripped.strip("|").split("|")]
                if not all(_RULE_CELL.match(c) for c in cells):
                    rows.append(cells)
            elif rows:
                break
        if not rows:
            raise KeyError(f"section {self.slug!r} has no table")
        return rows

    @property
    def plain_text(self) -> str:
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", self.markdown)
        return re.sub(r"[*_`#|>]", " ", text)


@dataclass(frozen=True)
class Hit:
    slug: str
    title: str
    snippet: str


class Guide:
    """All sections, in order, with search."""

    def __init__(self, folder: str = "guide") -> None:
        self.folder = folder

    @cached_property
    def sections(self) -> list[Section]:
        out = []
        for rel in resources.listing(self.folder, "*.md"):
            m = _NAME.match(PurePosixPath(rel).name)
            if not m:
                continue
            text = resources.read_text(rel)
            first = text.splitlines()[0] if text else ""
            if not first.startswith("# "):
                raise ValueError(f"{rel} must start with a '# Title' line")
            out.append(Section(m.group(2), int(m.group(1)), first[2:].strip(), text))
        return sorted(out, key=lambda s: s.order)

    def section(self, slug: str) -> Section:
        for s in self.sections:
            if s.slug == slug:
                return s
        raise KeyError(f"no guide section {slug!r}")

    def has(self, slug: str) -> bool:
        return any(s.slug == slug for s in self.sections)

    @property
    def slugs(self) -> list[str]:
        return [s.slug for s in self.sections]

    def search(self, term: str) -> list[Hit]:
        """Sections containing every word of `term` (case-insensitive), with a snippet."""
        words = search_words(term)
        if not words:
            return []
        hits = []
        for s in self.sections:
            text = " ".join(s.plain_text.split())
            folded = text.casefold()
            if all(w in folded for w in words):
                at = folded.find(words[0])
                lo = max(0, at - 60)
                snippet = ("…" if lo else "") + text[lo : at + 100].strip() + "…"
                hits.append(Hit(s.slug, s.title, snippet))
        return hits
