"""rlbaby: a night logger, charts and offline guide for restless baby legs."""

__version__ = "0.2.0"  # the one place to change it: pyproject.toml reads it from here


def version() -> str:
    """The installed distribution's version; `__version__` when run from a checkout."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("rlbaby")
    except PackageNotFoundError:
        return __version__
