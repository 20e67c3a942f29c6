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
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
# "*(added; see [S11](#sources), [S12](#sources))*": a fact from beyond the
# content document, with the sources that back it.
_MARKER = re.compile(r"\s*\*\(added; see ((?:\[S\d+\]\(#sources\)(?:,\s*)?)+)\)\*")
_MARKER_REF = re.compile(r"\[(S\d+)\]\(#sources\)")
EMERGENCY_TOKEN = "{{emergency_number}}"
# Said when the parent has not set a number: examples, never one number for all.
EMERGENCY_EXAMPLES = "for example 112 in Europe, 911 in North America, 999 in the UK"
SNIPPET_BEFORE = 30
SNIPPET_AFTER = 110
_MARKERS = (
    re.compile(r"\s*\*\(added;.*?\)\*"),  # *(added; see [S11](#sources))*
    re.compile(r"\s*<sup>.*?</sup>"),  # a superscript source link
)


def search_words(term: str) -> list[str]:
    """The words of a search term, folded, as `Guide.search` matches them."""
    return [w for w in term.casefold().split() if w]


def word_pattern(word: str) -> re.Pattern[str]:
    """Case-insensitive: `word` at the start of a word (the search's matching rule)."""
    return re.compile(r"(?<!\w)" + re.escape(word), re.IGNORECASE)


def quiet_markers(markdown: str) -> str:
    """The Markdown with each "(added; see Sn)" marker as small superscript links.

    The files keep the spelled-out marker (it reads well as plain text and the
    content tests check it); on screen and in print a marker is only a quiet
    superscript "S11" that opens the Sources page.
    """

    def sup(m: re.Match[str]) -> str:
        refs = _MARKER_REF.findall(m.group(1))
        links = ",".join(f'<a href="#sources">{ref}</a>' for ref in refs)
        return f"<sup>{links}</sup>"

    return _MARKER.sub(sup, markdown)


def fill_emergency_number(markdown: str, number: str | None = None) -> str:
    """Put the emergency number (or, with none set, some examples) in for the token."""
    return markdown.replace(EMERGENCY_TOKEN, number.strip() if number else EMERGENCY_EXAMPLES)


def fill(markdown: str, emergency_number: str) -> str:
    """`markdown` with the emergency-number token replaced by `emergency_number`."""
    return fill_emergency_number(markdown, emergency_number)


def without_markers(markdown: str) -> str:
    """`markdown` without its source markers (for the short in-app notice)."""
    for pattern in _MARKERS:
        markdown = pattern.sub("", markdown)
    return markdown


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
        """The words without Markdown: no link targets, markers or table rules.

        Source markers are left out too: they are citations, not words to search.
        The emergency-number token reads as its examples (a search has no setting).
        """
        lines = []
        for line in _MARKER.sub("", fill_emergency_number(self.markdown)).splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if line.strip().startswith("|") and all(_RULE_CELL.match(c) for c in cells):
                continue  # a table's |---|---| line
            lines.append(_LIST_MARK.sub("", line))
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", "\n".join(lines))
        return re.sub(r"[*_`#|>]", " ", text)


@dataclass(frozen=True)
class Hit:
    slug: str
    title: str
    snippet: str


def _snippet(text: str, at: int) -> str:
    """Some words around position `at`, cut at spaces, with ellipses where cut."""
    lo = max(0, at - SNIPPET_BEFORE)
    if lo:
        space = text.find(" ", lo, at)
        lo = space + 1 if space >= 0 else at
    hi = min(len(text), at + SNIPPET_AFTER)
    if hi < len(text):
        space = text.rfind(" ", at, hi)
        hi = space if space > at else hi
    return ("…" if lo else "") + text[lo:hi].strip() + ("…" if hi < len(text) else "")


class Guide:
    """All sections, in order, with search.

    Args:
        folder: the resource folder holding the `NN-slug.md` files.
        emergency_number: put in for `{{emergency_number}}` when the pages are
            loaded. None keeps the token, for the app to put in the parent's own
            number (Settings) when it shows a page (`fill`); Qt-free readers that
            show no setting use `fill_emergency_number`, which names examples.
    """

    def __init__(self, folder: str = "guide", emergency_number: str | None = None) -> None:
        self.folder = folder
        self.emergency_number = emergency_number

    @cached_property
    def sections(self) -> list[Section]:
        out = []
        for rel in resources.listing(self.folder, "*.md"):
            m = _NAME.match(PurePosixPath(rel).name)
            if not m:
                continue
            text = resources.read_text(rel)
            if self.emergency_number is not None:
                text = fill_emergency_number(text, self.emergency_number)
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
        """Sections containing every word of `term`, with a snippet around the first.

        Case-insensitive; a word matches at the start of a word in the text, so
        "iron" finds "iron" and "iron's" but not "environment", and "ferr" finds
        "ferritin".
        """
        patterns = [word_pattern(w) for w in search_words(term)]
        if not patterns:
            return []
        hits = []
        for s in self.sections:
            text = " ".join(s.plain_text.split())
            found = [p.search(text) for p in patterns]
            if all(found):
                at = found[0].start()  # type: ignore[union-attr]
                hits.append(Hit(s.slug, s.title, _snippet(text, at)))
        return hits
