"""Export and import: CSV (children, labs, movements, episodes, sleep) and full JSON. Qt-free.

Import is planned first (validated, de-duplicated, nothing written), then
applied in one all-or-nothing `save_many` whose files are staged and renamed
under a journal (rlbaby.store.journal), so a crash leaves the folder as before
or as after. Records carry uuids, so importing the same file twice adds
nothing; rows without an id get a deterministic one.

What gets in is checked (`checks`, `csvfile`, `Planner.finish`): times from
2000 to now with offsets -12:00..+14:00, names and notes within
rlbaby.model.limits, strict CSV quoting, one kind per id, and no record
pointing to a child or episode that is nowhere. Every refusal names the file
and line. A zip is bounded as a backup is (rlbaby.store.zipsafe), and a
path that is not a regular file is refused without reading it. Export
escapes formula-like cells and never writes inside the data folder or
creates a folder.

A JSON record carries its `updated_ms`, and the newer copy wins. A CSV row
carries no time, so it may add to a record that is here (fill in an empty
field, add a lab result) but never changes a value that is set: the plan
counts such rows in `differing`, and the value here stays.
"""

from rlbaby.store.exchange.export import csv_tables, export_csv, export_json
from rlbaby.store.exchange.formats import CSV_TABLES, JSON_FORMAT, ExportError, ImportError_
from rlbaby.store.exchange.importer import apply_import, import_file, plan_import
from rlbaby.store.exchange.plan import ImportPlan

__all__ = [
    "CSV_TABLES",
    "JSON_FORMAT",
    "ExportError",
    "ImportError_",
    "ImportPlan",
    "apply_import",
    "csv_tables",
    "export_csv",
    "export_json",
    "import_file",
    "plan_import",
]
