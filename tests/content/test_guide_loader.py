"""rlbaby/content/guide.py: the guide as the app loads it (sections, links, table, search)."""

from __future__ import annotations

import re

import pytest
from test_guide_text import REQUIRED_SLUGS

from rlbaby.content import (
    EMERGENCY_EXAMPLES,
    EMERGENCY_TOKEN,
    Guide,
    fill_emergency_number,
    quiet_markers,
    search_words,
)
from rlbaby.content.guide import Section

# One list of the sections the issue names, kept with the raw-file checks.
REQUIRED = REQUIRED_SLUGS
# The episode sheet's "?" buttons and the urgent notice open these.
LOGGER_SLUGS = [
    "what-parents-can-do",
    "normal-or-concerning",
    "sleep-myoclonus",
    "urgent-signs",
    "common-causes",
]


@pytest.fixture(scope="module")
def guide() -> Guide:
    return Guide()


def test_every_required_section_loads_in_order(guide: Guide) -> None:
    assert guide.slugs == REQUIRED
    assert [s.order for s in guide.sections] == list(range(1, 17))
    for s in guide.sections:
        assert s.title
        assert not s.title.startswith("#")
        assert len(s.markdown) > 200, s.slug


@pytest.mark.parametrize("slug", LOGGER_SLUGS)
def test_logger_links_resolve(guide: Guide, slug: str) -> None:
    assert guide.has(slug)
    assert guide.section(slug).slug == slug


def test_unknown_slug(guide: Guide) -> None:
    assert not guide.has("no-such-page")
    with pytest.raises(KeyError, match="no-such-page"):
        guide.section("no-such-page")


def test_every_in_guide_link_resolves(guide: Guide) -> None:
    links = [(s.slug, target) for s in guide.sections for target in s.links]
    assert len(links) > 20
    assert [pair for pair in links if not guide.has(pair[1])] == []
    assert ("normal-or-concerning", "urgent-signs") in links


def test_sources_section_lists_the_added_sources(guide: Guide) -> None:
    sources = guide.section("sources")
    assert sources.title == "Sources"
    body = sources.subsection("Added sources")
    assert "[S1]" in body
    assert "[S13]" in body


def test_subsection(guide: Guide) -> None:
    urgent = guide.section("urgent-signs")
    now = urgent.subsection("seek medical help NOW")  # case-insensitive
    assert now.startswith("Stay as calm as you can")
    assert "What to tell the doctor" not in now
    with pytest.raises(KeyError):
        urgent.subsection("Nope")


def test_table_reads_the_comparison_table(guide: Guide) -> None:
    rows = guide.section("normal-or-concerning").table()
    assert rows[0] == ["Aspect", "Typical", "Worth discussing with a doctor"]
    assert [r[0] for r in rows[1:]] == [
        "Frequency",
        "Response to soothing",
        "Associated symptoms",
        "Time of occurrence",
        "Physical appearance",
    ]
    assert all(len(r) == 3 for r in rows)
    with pytest.raises(KeyError, match="no table"):
        guide.section("wellbeing").table()


def test_table_stops_at_the_first_table_end() -> None:
    md = "# T\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\ntext\n\n| x | y |\n|---|---|\n| 3 | 4 |\n"
    assert Section("t", 1, "T", md).table() == [["a", "b"], ["1", "2"]]


def test_search_needs_every_word(guide: Guide) -> None:
    hits = guide.search("iron")
    assert hits
    assert all("iron" in guide.section(h.slug).plain_text.casefold() for h in hits)
    assert {h.slug for h in hits} >= {"nutrition"}
    assert all("iron" in h.snippet.casefold() for h in hits)
    both = guide.search("iron ferritin")
    assert {h.slug for h in both} <= {h.slug for h in hits}
    assert guide.search("IRON") == hits
    assert guide.search("   ") == []
    assert guide.search("zebra-unicorn") == []


def test_search_words() -> None:
    assert search_words("  Iron  FERRITIN ") == ["iron", "ferritin"]
    assert search_words("") == []


def test_plain_text_drops_markup(guide: Guide) -> None:
    text = guide.section("normal-or-concerning").plain_text
    assert "](#" not in text
    assert "|" not in text
    assert "**" not in text
    assert "Urgent signs" in text


# --- issue 12: one table, quiet markers, the emergency number ------------------


def test_page_07_table_is_the_comparisons_table(guide: Guide) -> None:
    from rlbaby.analysis.guide_table import (
        GUIDE_TABLE,
    )

    rows = guide.section("normal-or-concerning").table()
    assert {r[0]: (r[1], r[2]) for r in rows[1:]} == GUIDE_TABLE


def test_every_marked_source_is_listed_in_full(guide: Guide) -> None:
    listed = guide.section("sources").subsection("Added sources")
    entries = dict(re.findall(r"\*\*\[(S\d+)\]\*\* (.+)", listed))
    cited = {
        ref
        for s in guide.sections
        if s.slug != "sources"
        for ref in re.findall(r"\[(S\d+)\]\(#sources\)", s.markdown)
    }
    assert cited
    assert cited <= set(entries), sorted(cited - set(entries))
    for ref in cited:
        # In full: who, what, and what the guide uses it for.
        assert "Used for:" in entries[ref], ref
        assert len(entries[ref]) > 80, ref


def test_quiet_markers_become_superscript_links() -> None:
    md = (
        "A fact *(added; see [S11](#sources), [S12](#sources))*."
        " More *(added; see [S3](#sources))*."
    )
    out = quiet_markers(md)
    assert out == (
        'A fact<sup><a href="#sources">S11</a>,<a href="#sources">S12</a></sup>.'
        ' More<sup><a href="#sources">S3</a></sup>.'
    )
    assert quiet_markers("no marker (added later)") == "no marker (added later)"


def test_every_guide_marker_is_quieted(guide: Guide) -> None:
    for s in guide.sections:
        assert "added; see" not in quiet_markers(s.markdown), s.slug


def test_emergency_number_defaults_to_examples(guide: Guide) -> None:
    # Guide() keeps the token: the app puts the parent's own number in when it
    # shows a page; a reader with no setting names examples from several regions.
    raw = guide.section("urgent-signs").subsection("Seek medical help now")
    assert EMERGENCY_TOKEN in raw
    now = fill_emergency_number(raw)
    assert f"Call your local emergency number ({EMERGENCY_EXAMPLES})" in now
    for number in ("112", "911", "999"):
        assert number in now
    for s in guide.sections:
        assert "{{" not in fill_emergency_number(s.markdown), s.slug


def test_emergency_number_from_the_parent() -> None:
    guide = Guide(emergency_number=" 000 ")
    now = guide.section("urgent-signs").subsection("Seek medical help now")
    assert "call your local emergency number (000)" in now.lower()
    assert EMERGENCY_EXAMPLES not in now
    assert "(000)" in guide.section("when-to-see-a-doctor").markdown
    assert fill_emergency_number("x {{emergency_number}}", None) == f"x {EMERGENCY_EXAMPLES}"


def test_search_skips_source_markers(guide: Guide) -> None:
    """Citations are not words to find: 'added' or 'S11' must not hit every section."""
    assert guide.search("added; see") == []
    assert all("added; see" not in s.plain_text for s in guide.sections)
    assert {h.slug for h in guide.search("S11")} <= {"sources"}


def test_search_never_shows_the_raw_emergency_token(guide: Guide) -> None:
    hits = guide.search("emergency number")
    assert hits
    assert all("{{" not in h.snippet and "emergency number (for" in h.snippet for h in hits[:1])
    assert all("{{" not in h.snippet for h in hits)
