"""Pure functions from movement arrays and records to summaries. numpy, no Qt, no I/O."""

from rlbaby.analysis.nights import NightSummary, summarize_nights
from rlbaby.analysis.runs import (
    Runs,
    maximal_runs,
    periodic_runs,
    rapid_clusters,
    within_episode_intervals_s,
)

__all__ = [
    "NightSummary",
    "Runs",
    "maximal_runs",
    "periodic_runs",
    "rapid_clusters",
    "summarize_nights",
    "within_episode_intervals_s",
]
