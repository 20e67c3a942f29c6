"""File > Export…: CSV tables (one zip, or five files) or one full JSON file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.store import Store, StoreError
from rlbaby.store.exchange import export_csv, export_json
from rlbaby.ui.dialogs.common import inform, save_path

# (file-dialog filter, suffix, what it writes)
FORMATS = (
    (QT_TRANSLATE_NOOP("export", "CSV tables in one zip (*.zip)"), ".zip", "csv"),
    (
        QT_TRANSLATE_NOOP(
            "export", "CSV files: children, lab results, episodes, sleep and movements (*.csv)"
        ),
        ".csv",
        "csv",
    ),
    (QT_TRANSLATE_NOOP("export", "Full JSON, every detail (*.json)"), ".json", "json"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("export", text)


def export_to(store: Store, path: Path, chosen_filter: str) -> list[Path]:
    """Write the export the chosen filter names; adds its suffix when missing.

    Returns:
        The files written (five for plain CSV files, in the order to import them).
    """
    by_filter = {name: (suffix, kind) for name, suffix, kind in FORMATS}
    by_filter |= {_tr(name): (suffix, kind) for name, suffix, kind in FORMATS}
    if chosen_filter in by_filter:
        suffix, kind = by_filter[chosen_filter]
    else:  # a typed name with no filter: go by the suffix
        suffix = path.suffix.lower() if path.suffix.lower() in (".zip", ".csv", ".json") else ".zip"
        kind = "json" if suffix == ".json" else "csv"
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    if kind == "json":
        export_json(store, path)
        return [path]
    return export_csv(store, path)


def export_interactively(store: Store, parent: QWidget | None) -> list[Path] | None:
    """Ask where and in which format, then export. None when cancelled or failed."""
    picked = save_path(
        parent,
        QCoreApplication.translate("export", "Export"),
        ";;".join(_tr(f) for f, _s, _k in FORMATS),
        Path.home() / "rlbaby-export.zip",
    )
    if picked is None:
        return None
    path, chosen = picked
    try:
        written = export_to(store, path, chosen)
    except StoreError as exc:
        inform(
            parent,
            QCoreApplication.translate("export", "Export"),
            QCoreApplication.translate(
                "export", "The export could not be written. {reason}"
            ).format(reason=exc),
        )
        return None
    files = "\n".join(str(p) for p in written)
    if len(written) > 1:
        files += "\n\n" + QCoreApplication.translate(
            "export", "To import them elsewhere, import them in this order."
        )
    inform(
        parent,
        QCoreApplication.translate("export", "Export"),
        QCoreApplication.translate("export", "Exported to:") + "\n" + files,
    )
    return written
