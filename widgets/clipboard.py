"""Copying sensitive text (a name, a testimony passage): cleared from the clipboard again.

The clipboard is readable by every program of the user, and clipboard managers keep a
history on disk. So sensitive copies carry the hint KDE/Klipper and others honour to stay
out of history, and are wiped after CLEAR_AFTER_MS if the clipboard still holds them (a
newer copy by the user is left alone). Locking the archive wipes them at once.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QGuiApplication

CLEAR_AFTER_MS = 30_000
_PASSWORD_HINT = "x-kde-passwordManagerHint"


class _Clearer(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.clear_now)
        self.fingerprint: bytes | None = None  # a hash, not a second copy of the text

    def clear_now(self) -> None:
        self.timer.stop()
        clipboard = QGuiApplication.clipboard()
        if self.fingerprint is not None and _hash(clipboard.text()) == self.fingerprint:
            clipboard.clear()
        self.fingerprint = None


_clearer: _Clearer | None = None


def _hash(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def _instance() -> _Clearer:
    global _clearer
    if _clearer is None:
        _clearer = _Clearer()
    return _clearer


def copy_sensitive(text: str, clear_after_ms: int | None = None) -> None:
    """Put `text` on the clipboard and take it off again after 30 s (or `clear_after_ms`)."""
    mime = QMimeData()
    mime.setText(text)
    mime.setData(_PASSWORD_HINT, b"secret")
    QGuiApplication.clipboard().setMimeData(mime)
    clearer = _instance()
    clearer.fingerprint = _hash(text)
    clearer.timer.start(CLEAR_AFTER_MS if clear_after_ms is None else max(clear_after_ms, 0))


def clear_sensitive() -> None:
    """Wipe a sensitive copy now (on lock and panic)."""
    if _clearer is not None:
        _clearer.clear_now()
