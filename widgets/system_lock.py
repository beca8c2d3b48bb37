"""Lock when the machine is about to sleep or the screen locks, not only after idle time.

Why: a laptop closed in a hurry, or a screen locked when someone walks up, must not leave
the archive open behind the desktop's lock screen — whoever wakes it (or images its
memory after a suspend) should find the archive closed. On Linux the desktop announces
both on D-Bus (QtDBus ships in PySide6-Essentials):
- org.freedesktop.login1.Manager.PrepareForSleep(true) on the system bus, before suspend
  or hibernation;
- org.freedesktop.login1.Session.Lock for this login session (loginctl lock-session);
- ActiveChanged(true) of org.freedesktop.ScreenSaver (KDE, Xfce, others) and of
  org.gnome.ScreenSaver on the session bus, when the screen locker comes up.
Elsewhere Qt's portable signal is QGuiApplication.applicationStateChanged: Suspended
(mobile, and some desktop platforms on sleep) locks too. "Inactive" does not: it only
means another window has the focus. Where no bus is reachable nothing is connected and
the idle timer still locks.
"""

from __future__ import annotations

import os

from PySide6.QtCore import SLOT, QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication

try:
    from PySide6.QtDBus import QDBusConnection
except ImportError:  # a PySide6 build without QtDBus: the idle timer and Suspended remain
    QDBusConnection = None  # type: ignore[assignment,misc]

LOGIN1 = "org.freedesktop.login1"
SCREEN_SAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)


def login1_session_path(session_id: str) -> str:
    """systemd's object path for a session id: every byte but [A-Za-z0-9], and a leading
    digit, as _xx (sd_bus_path_encode)."""
    escaped = "".join(
        c
        if c.isascii() and c.isalnum() and not (i == 0 and c.isdigit())
        else "".join(f"_{b:02x}" for b in c.encode())
        for i, c in enumerate(session_id)
    )
    return f"/org/freedesktop/login1/session/{escaped or '_'}"


class SystemLockWatcher(QObject):
    """Emits lock_requested(reason) — "sleep", "screen", "session" or "suspended"."""

    lock_requested = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listening: list[str] = []  # what this watcher is connected to (for the status)
        app = QGuiApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self.application_state)
        if QDBusConnection is not None:
            self.listen(QDBusConnection.sessionBus(), QDBusConnection.systemBus())

    def listen(self, session_bus, system_bus) -> list[str]:
        """Subscribe to the signals on these buses (the desktop's, or a test's own);
        returns the names of the signals now connected."""
        done = []
        if system_bus is not None and system_bus.isConnected():
            if system_bus.connect(
                LOGIN1, "/org/freedesktop/login1", f"{LOGIN1}.Manager", "PrepareForSleep",
                self, SLOT("prepare_for_sleep(bool)"),
            ):  # fmt: skip
                done.append("PrepareForSleep")
            session_id = os.environ.get("XDG_SESSION_ID", "")
            if session_id and system_bus.connect(
                LOGIN1, login1_session_path(session_id), f"{LOGIN1}.Session", "Lock",
                self, SLOT("session_lock()"),
            ):  # fmt: skip
                done.append("Session.Lock")
        if session_bus is not None and session_bus.isConnected():
            for service, path, interface in SCREEN_SAVERS:
                if session_bus.connect(
                    service, path, interface, "ActiveChanged", self,
                    SLOT("screensaver_active(bool)"),
                ):  # fmt: skip
                    done.append(f"{service}.ActiveChanged")
        self.listening += done
        return done

    @Slot(bool)
    def prepare_for_sleep(self, starting: bool) -> None:
        if starting:  # False comes after waking up: nothing to do, it is locked already
            self.lock_requested.emit("sleep")

    @Slot(bool)
    def screensaver_active(self, active: bool) -> None:
        if active:
            self.lock_requested.emit("screen")

    @Slot()
    def session_lock(self) -> None:
        self.lock_requested.emit("session")

    def application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock_requested.emit("suspended")
