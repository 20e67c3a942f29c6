"""Every Python the simulated-Windows test run starts simulates Windows too
(this folder is on its PYTHONPATH; see simulate_windows.py)."""

import os

if os.environ.get("RLBABY_SIMULATE_WINDOWS") == "1":
    import simulate_windows

    simulate_windows.install()
