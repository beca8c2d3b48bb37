"""Actions several pages offer: copy sensitive text, open a record's history."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def copy_text(text: str) -> None:
    """Copy through the shell's clipboard guard (cleared after 30 s)."""
    from tumar.widgets.clipboard import copy_sensitive

    copy_sensitive(text)


def open_history(parent: QWidget, session, table: str, record_id: str) -> None:
    from tumar.widgets.editors.history_view import HistoryDialog

    dialog = HistoryDialog(session, table, record_id, parent)
    dialog.setModal(True)
    dialog.open()
