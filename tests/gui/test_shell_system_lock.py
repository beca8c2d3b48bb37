"""Locking when the machine sleeps or the screen locks: the desktop's D-Bus signals (on a
private bus here, sent exactly as logind and the screen savers send them) and Qt's
Suspended application state lock the real window; the matching "back" signals do not."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from PySide6.QtGui import QGuiApplication

from tumar.widgets.system_lock import login1_session_path


def _locked(kit, session) -> bool:
    return kit.window.session is None and not session.is_open


@pytest.fixture
def private_bus(tmp_path: Path) -> Iterator[str]:
    """A dbus-daemon of this test's own, standing in for both the system and session bus."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed (Debian package dbus-daemon)")
    process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1", f"--address=unix:dir={tmp_path}"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        yield process.stdout.readline().strip()
    finally:
        for name in ("tumar-test-listen", "tumar-test-send"):
            QDBusConnection.disconnectFromBus(name)
        process.terminate()
        process.wait(10)


def _emit(address: str, service: str, path: str, interface: str, name: str, *args) -> None:
    sender = QDBusConnection.connectToBus(address, "tumar-test-send")
    assert sender.registerService(service)  # the signal comes from the real service's name
    message = QDBusMessage.createSignal(path, interface, name)
    message.setArguments(list(args))
    assert sender.send(message)
    sender.unregisterService(service)


@pytest.mark.parametrize(
    ("service", "path", "interface", "name", "reason"),
    [
        ("org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
         "PrepareForSleep", "sleep"),
        ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
         "org.freedesktop.ScreenSaver", "ActiveChanged", "screen"),
        ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver",
         "ActiveChanged", "screen"),
    ],
)  # fmt: skip
def test_a_desktop_signal_on_the_bus_locks_the_window(
    kit, private_bus, service, path, interface, name, reason
) -> None:
    session = kit.unlock()
    watcher = kit.window.system_lock
    bus = QDBusConnection.connectToBus(private_bus, "tumar-test-listen")
    assert bus.isConnected()
    assert len(watcher.listen(bus, bus)) >= 3
    _emit(private_bus, service, path, interface, name, False)  # woke up / locker gone
    _emit(private_bus, service, path, interface, name, True)
    with kit.qtbot.waitSignal(watcher.lock_requested, timeout=5000) as seen:
        pass
    assert seen.args == [reason]
    assert _locked(kit, session)
    assert kit.window.flow.currentWidget() is kit.window.flow.unlock


def test_loginctl_lock_session_locks(kit, private_bus, monkeypatch) -> None:
    monkeypatch.setenv("XDG_SESSION_ID", "c2")
    session = kit.unlock()
    bus = QDBusConnection.connectToBus(private_bus, "tumar-test-listen")
    assert "Session.Lock" in kit.window.system_lock.listen(bus, bus)
    path = login1_session_path("c2")
    assert path == "/org/freedesktop/login1/session/c2"
    _emit(private_bus, "org.freedesktop.login1", path, "org.freedesktop.login1.Session", "Lock")
    kit.qtbot.waitUntil(lambda: _locked(kit, session), timeout=5000)


def test_waking_up_or_unlocking_the_screen_keeps_it_open(kit) -> None:
    session = kit.unlock()
    watcher = kit.window.system_lock
    watcher.prepare_for_sleep(False)
    watcher.screensaver_active(False)
    QGuiApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert session.is_open and kit.window.session is session
    watcher.screensaver_active(True)  # the handler's slot, as the bus calls it
    assert _locked(kit, session)


def test_suspended_application_state_locks(kit) -> None:
    session = kit.unlock()
    with kit.qtbot.waitSignal(kit.window.system_lock.lock_requested, timeout=5000):
        QGuiApplication.instance().applicationStateChanged.emit(
            Qt.ApplicationState.ApplicationSuspended
        )
    assert _locked(kit, session)


def test_session_paths_are_escaped_like_systemd() -> None:
    assert login1_session_path("2") == "/org/freedesktop/login1/session/_32"
    assert login1_session_path("c-1") == "/org/freedesktop/login1/session/c_2d1"
