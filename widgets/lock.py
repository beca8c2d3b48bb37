"""Idle auto-lock: lock the archive after N minutes without keyboard or mouse input.

The watcher filters every input event of the application (any window, any dialog) and
restarts a single-shot timer; when it fires, `idle` is emitted and the window locks. The
timeout is minutes from the settings; tests inject milliseconds.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, parent: QObject | None = None, *, timeout_ms: int = 5 * 60_000) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    def set_timeout_ms(self, ms: int) -> None:
        self._timer.setInterval(max(int(ms), 1))
        if self._timer.isActive():
            self._timer.start()

    def set_timeout_minutes(self, minutes: int) -> None:
        self.set_timeout_ms(int(minutes) * 60_000)

    def start(self) -> None:
        """Begin watching (after unlock)."""
        self._timer.start()

    def stop(self) -> None:
        """Nothing to protect while locked."""
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if self._timer.isActive() and event.type() in _INPUT_EVENTS:
            self._timer.start()
        return False
