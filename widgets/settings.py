"""Preferences kept in QSettings, and only these: window geometry, language, auto-lock
minutes, and (only if the user opts in) the folders of recently opened archives.

QSettings is a plaintext file outside the archive, so nothing else may go in it: no names,
case titles, search text, record ids or passphrases. Every key written is listed in KEYS;
a test scans the settings file after use.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

LANGUAGES = ("en", "ru", "kk")
DEFAULT_LOCK_MINUTES = 5
MAX_LOCK_MINUTES = 240
MAX_RECENT = 5

KEYS = (
    "window/geometry",
    "ui/language",
    "lock/minutes",
    "recent/enabled",
    "recent/folders",
    "start/demo_offered",
)


class Settings:
    """Typed access to the few stored preferences; invalid stored values fall back."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._s = store if store is not None else QSettings()

    # ---- language ---------------------------------------------------------------------
    @property
    def language(self) -> str:
        value = str(self._s.value("ui/language", "") or "")
        return value if value in LANGUAGES else ""

    @language.setter
    def language(self, value: str) -> None:
        if value in LANGUAGES:
            self._s.setValue("ui/language", value)

    # ---- auto-lock ----------------------------------------------------------------------
    @property
    def lock_minutes(self) -> int:
        try:
            value = int(self._s.value("lock/minutes", DEFAULT_LOCK_MINUTES))
        except (TypeError, ValueError):
            return DEFAULT_LOCK_MINUTES
        return min(max(value, 1), MAX_LOCK_MINUTES)

    @lock_minutes.setter
    def lock_minutes(self, value: int) -> None:
        self._s.setValue("lock/minutes", min(max(int(value), 1), MAX_LOCK_MINUTES))

    # ---- recent archives (opt-in) -------------------------------------------------------
    @property
    def remember_recent(self) -> bool:
        return str(self._s.value("recent/enabled", "false")).lower() == "true"

    @remember_recent.setter
    def remember_recent(self, on: bool) -> None:
        self._s.setValue("recent/enabled", "true" if on else "false")
        if not on:
            self._s.remove("recent/folders")

    def recent_folders(self) -> list[Path]:
        if not self.remember_recent:
            return []
        raw = self._s.value("recent/folders", [])
        items = [raw] if isinstance(raw, str) else list(raw or [])
        return [Path(p) for p in items if p][:MAX_RECENT]

    def add_recent(self, folder: Path) -> None:
        """Remembered only when the user turned it on; the demo archive is never listed."""
        if not self.remember_recent:
            return
        text = str(Path(folder).resolve())
        items = [text] + [str(p) for p in self.recent_folders() if str(p) != text]
        self._s.setValue("recent/folders", items[:MAX_RECENT])

    # ---- window & start -------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    @property
    def demo_offered(self) -> bool:
        return str(self._s.value("start/demo_offered", "false")).lower() == "true"

    def mark_demo_offered(self) -> None:
        self._s.setValue("start/demo_offered", "true")

    def sync(self) -> None:
        self._s.sync()

    def file_name(self) -> str:
        return self._s.fileName()
