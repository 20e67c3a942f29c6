"""rlbaby: a night logger, charts and offline guide for restless baby legs."""

__version__ = "0.2.0"
