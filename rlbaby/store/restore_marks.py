"""What a restore under way leaves in the data folder (see restore.py).

Every open looks for these; only when one is there does it load restore.py
(and the backup and zip code with it) to finish or refuse the restore, so a
plain open, such as `rlbaby summary`, does not pay for those imports.
"""

from __future__ import annotations

import os
from pathlib import Path

STAGING = ".restore-staging"
JOURNAL = ".restore-journal"


def restore_marks_present(data_dir: Path) -> bool:
    """A restore is under way, or was cut short, in `data_dir`."""
    return os.path.lexists(data_dir / JOURNAL) or os.path.lexists(data_dir / STAGING)
