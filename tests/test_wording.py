"""rlbaby/wording.py: one way to say counts and spans, for the app, the report and the CLI."""

from __future__ import annotations

import pytest

from rlbaby.wording import ago, duration, plural

S = 1000
MIN = 60 * S
H = 60 * MIN


def test_plural() -> None:
    assert plural(1, "episode") == "1 episode"
    assert [plural(n, "night") for n in (0, 2)] == ["0 nights", "2 nights"]
    assert plural(3, "child", "children") == "3 children"


@pytest.mark.parametrize(
    ("ms", "summary", "clock"),
    [
        (-5 * S, "0 s", "0 s"),
        (40 * S, "40 s", "40 s"),
        (59_600, "1 min", "59 s"),  # a clock never shows a minute before it has passed
        (12 * MIN + 20 * S, "12 min", "12 min 20 s"),
        (12 * MIN + 40 * S, "13 min", "12 min 40 s"),
        (59 * MIN + 50 * S, "1 h 00 min", "59 min 50 s"),
        (3 * H + 5 * MIN, "3 h 05 min", "3 h 05 min"),
        (2 * H + 7 * MIN + 59 * S, "2 h 08 min", "2 h 07 min"),
    ],
)
def test_duration_summary_and_clock(ms: int, summary: str, clock: str) -> None:
    assert duration(ms) == summary
    assert duration(ms, clock=True) == clock


def test_ago_counts_days_after_a_day() -> None:
    assert ago(65 * S) == "1 min 05 s"
    assert ago(25 * H) == "1 day"
    assert ago(53 * H) == "2 days"
