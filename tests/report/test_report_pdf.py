"""The PDF itself: sections, figures, footers, page sizes and page breaks."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from report_fixtures import FIRST, LAST, NOTE, fill

from rlbaby.demo import populate
from rlbaby.report.pdf import make_report
from rlbaby.store import Store
from rlbaby.ui.locale_format import format_night

NOW = 1_800_000_000_000
PT_PER_MM = 72 / 25.4


def page_texts(path: Path) -> list[str]:
    """Each page's text with ligatures undone and whitespace collapsed."""
    out = []
    for page in PdfReader(path).pages:
        text = unicodedata.normalize("NFKC", page.extract_text())
        out.append(" ".join(text.split()))
    return out


@pytest.fixture
def report(qapp, store: Store, tmp_path: Path) -> list[str]:  # type: ignore[no-untyped-def]
    child = fill(store)
    out = tmp_path / "report.pdf"
    pages = make_report(store, child, FIRST, LAST, out, "a4", now_ms=NOW)
    texts = page_texts(out)
    assert len(texts) == pages
    return texts


def test_sections_in_order(report: list[str]) -> None:
    text = " ".join(report)
    headings = [
        "Night log of leg movements: Mia",
        "About Mia",
        "What was logged",
        "The log beside the guide's five aspects",
        "Episodes with signs",
        "What was tried to soothe",
        "Night by night",
        "Charts",
        "Questions to ask the doctor",
        "Doctor's notes",
    ]
    at = 0
    for h in headings:  # each after the one before
        found = text.find(h, at)
        assert found >= 0, f"{h!r} missing after position {at}"
        at = found + len(h)


def test_child_details_and_health_notes(report: list[str]) -> None:
    text = " ".join(report)
    assert "Born 29 Mar 2026" in text
    assert "Born early yes" in text
    assert "Family history of restless legs yes" in text
    assert unicodedata.normalize("NFKC", "ferritin 18 µg/L 25 Oct 2026") in text
    assert "Twin A. Grandmother has restless legs." in text


def test_overview_counts_and_few_nights_note(report: list[str]) -> None:
    text = " ".join(report)
    assert "3 nights logged out of the 3 nights in this range" in text
    assert "14 movements in 4 episodes" in text
    assert "Fewer than 7 nights were logged" in text
    assert "1 of 4 episodes have a video" in text
    assert "1 episode had a red flag" in text


def test_night_table_rows_and_averages(report: list[str]) -> None:
    text = " ".join(report)
    # night, movements, episodes, longest (min), per sleep hour, periodic, rapid
    assert "Tue, 10 Nov 5 1 1.3 0.5 1 0" in text
    assert "Wed, 11 Nov 6 2 0.7 – 0 1" in text
    assert "Thu, 12 Nov 3 1 2.0 0.4 0 0" in text
    assert "Average of 3 nights 4.7 1.3 1.3 0.4 0.3 0.3" in text


def test_explains_periodic_runs_and_never_says_plms_index(report: list[str]) -> None:
    text = " ".join(report)
    assert "every gap 10 to 90 seconds" in text
    assert "pattern in a parent's taps, not a sleep-lab measurement" in text
    assert "PLMS" not in text.upper()


def test_episode_with_urgent_sign_has_time_soothing_response_note(report: list[str]) -> None:
    text = " ".join(report)
    start = text.index("Episodes with signs")
    section = text[start : text.index("What was tried to soothe")]
    assert "night of Tue, 10 Nov, 22:00" in section
    assert "URGENT: did not stop when woken, breathing pauses" in section
    assert "inconsolable crying" in section
    assert "rocking" in section
    assert "did not settle" in section
    assert NOTE in section
    assert "night of Wed, 11 Nov, 23:30 feeding difficulty" in section


def test_what_was_tried_and_how_often_it_helped(report: list[str]) -> None:
    text = " ".join(report)
    section = text[text.index("What was tried to soothe") : text.index("Night by night")]
    assert "Something tried was noted for 2 of 4 episodes" in section
    assert "not which soothing works" in section
    # Most tried first: tried in, noted it helped, did not settle, no response noted.
    assert "Rocking 2 0 1 1" in section
    assert "Feeding 1 0 0 1" in section
    assert section.index("Rocking") < section.index("Feeding")
    assert "White noise" not in section  # never tried: no row


def test_comparison_rows(report: list[str]) -> None:
    text = " ".join(report)
    for aspect in (
        "Frequency",
        "Response to soothing",
        "Associated symptoms",
        "Time of occurrence",
        "Physical appearance",
    ):
        assert aspect in text
    assert text.count("Cannot tell yet") == 5
    # With too few nights every row has the same reason: it is said once.
    assert text.count("The comparison starts once 7 nights and 5 episodes are logged") == 1
    assert "This is not a diagnosis" in text


def test_every_page_has_the_footer_and_page_numbers(report: list[str]) -> None:
    n = len(report)
    assert n >= 2
    for i, page in enumerate(report, 1):
        assert "A parent's log, not a diagnosis" in page
        assert f"Page {i} of {n}" in page


def test_questions_for_the_doctor(report: list[str]) -> None:
    text = " ".join(report)
    assert "Would a blood test for iron (for example ferritin) be useful?" in text
    assert "Our own questions:" in text


@pytest.mark.parametrize(("paper", "size_mm"), [("a4", (210.0, 297.0)), ("letter", (215.9, 279.4))])
def test_paper_sizes(qapp, store: Store, tmp_path: Path, paper: str, size_mm) -> None:  # type: ignore[no-untyped-def]
    child = fill(store)
    out = tmp_path / f"{paper}.pdf"
    make_report(store, child, FIRST, LAST, out, paper, now_ms=NOW)
    for page in PdfReader(out).pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert w == pytest.approx(size_mm[0] * PT_PER_MM, abs=1.0)
        assert h == pytest.approx(size_mm[1] * PT_PER_MM, abs=1.0)


def test_unknown_paper_is_refused(qapp, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    child = fill(store)
    with pytest.raises(ValueError, match="paper"):
        make_report(store, child, FIRST, LAST, tmp_path / "x.pdf", "a3", now_ms=NOW)
    assert not (tmp_path / "x.pdf").exists()


def test_long_table_repeats_its_header_on_the_next_page(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = Store.in_memory()
    end = date(2026, 11, 20)
    populate(store, nights=60, end=end)
    child = store.child_by_name("Mia")
    assert child is not None
    out = tmp_path / "long.pdf"
    make_report(store, child, end - timedelta(days=59), end, out, "letter", now_ms=NOW)
    pages = page_texts(out)
    with_table = [i for i, p in enumerate(pages) if "Night (evening of)" in p]
    assert len(with_table) >= 2, "60 nights should not fit on one page"
    assert with_table == list(range(with_table[0], with_table[-1] + 1))
    text = " ".join(pages)
    assert "Average of 60 nights" in text
    # Every night row is there once, whatever the page breaks.
    for k in range(60):
        d = end - timedelta(days=k)
        assert text.count(f"{format_night(d)} ") >= 1, d


def test_empty_range_still_makes_a_report(qapp, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    child = fill(store)
    out = tmp_path / "empty.pdf"
    make_report(store, child, date(2025, 1, 1), date(2025, 1, 31), out, "a4", now_ms=NOW)
    text = " ".join(page_texts(out))
    assert "No nights were logged in this range of 31 nights" in text
    assert "No signs were noted" in text
    assert "Nothing tried to soothe was noted with any episode in this range." in text
