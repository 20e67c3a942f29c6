"""The report keeps its urgent colour for red flags: a lean is a prompt to talk."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from report_fixtures import FIRST, LAST, fill

from rlbaby.analysis.guide_table import (
    Lean,
)
from rlbaby.report import nightly, sections
from rlbaby.report.content import gather
from rlbaby.report.table import Row
from rlbaby.store import Store

NOW = 1_800_000_000_000


class PaperStub:
    """Takes what a section writes, instead of a page."""

    def __init__(self) -> None:
        self.paragraphs: list[tuple[str, dict[str, Any]]] = []
        self.fonts = type("Fonts", (), {"bold": "bold", "small": "small"})()

    def heading(self, text: str, keep: float = 0) -> None:
        pass

    def pt(self, x: float) -> float:
        return x

    def paragraph(self, text: str, *args: Any, **kw: Any) -> None:
        self.paragraphs.append((text, kw))


def tables(monkeypatch: pytest.MonkeyPatch) -> list[list[Row]]:
    seen: list[list[Row]] = []
    monkeypatch.setattr(sections, "draw_table", lambda cv, cols, rows: seen.append(rows))
    return seen


def test_worth_discussing_is_not_in_the_urgent_colour(store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    c = gather(store, fill(store), FIRST, LAST, now_ms=NOW)
    rows = tuple(replace(r, lean=Lean.DISCUSS) for r in c.comparison.rows)
    c = replace(c, comparison=replace(c.comparison, rows=rows, enough=True))
    seen = tables(monkeypatch)
    cv = PaperStub()
    sections.comparison(cv, c)  # type: ignore[arg-type]
    (table,) = seen
    assert [r.tones for r in table] == [{4: "accent"}] * 5
    assert any("app's own choice" in text for text, _ in cv.paragraphs)
    # Red flags keep the urgent colour, in the overview and in their table.
    assert c.urgent_episodes
    sections.overview(cv, c)  # type: ignore[arg-type]
    flagged = [kw for text, kw in cv.paragraphs if "had a red flag" in text]
    assert flagged == [{"color": "urgent"}]
    (said,) = [text for text, _ in cv.paragraphs if "had a red flag" in text]
    assert f"the local emergency number ({c.emergency_number})" in said
    sections.sign_episodes(cv, c)  # type: ignore[arg-type]
    assert any(r.tones == {1: "urgent"} for r in seen[-1])


@pytest.mark.parametrize(("rule", "said"), [("aasm", True), ("wasm", False)])
def test_the_notes_explain_the_aasm_overlap_of_runs_and_clusters(
    store: Store, monkeypatch, rule: str, said: bool
) -> None:  # type: ignore[no-untyped-def]
    from rlbaby.model import RuleSet

    c = gather(store, fill(store), FIRST, LAST, now_ms=NOW)
    c = replace(c, rule=RuleSet(rule))
    notes = nightly.rapid_overlap_note(c)
    assert ("counted as a periodic run and as a rapid cluster" in notes) is said
    if said:
        assert "gaps of 5 to under 10 seconds" in notes
