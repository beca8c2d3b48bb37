"""The window follows a dark system palette: dark background, light text with enough
contrast (WCAG 4.5:1 for every label, 7:1 for body text), error and warning colours that
read on dark, and a screenshot that really is dark."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from tumar.app import people
from tumar.widgets import theme


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.fixture
def dark_system(qapp) -> Iterator[None]:
    """What a desktop in dark mode hands the application: a dark palette, no scheme hint
    (the offscreen platform cannot report a scheme; KDE and Xfce behave the same)."""
    system = QPalette()
    roles = QPalette.ColorRole
    for role, value in (
        (roles.Window, "#2a2a2a"), (roles.WindowText, "#f0f0f0"), (roles.Base, "#1e1e1e"),
        (roles.Text, "#f0f0f0"), (roles.Button, "#333333"), (roles.ButtonText, "#f0f0f0"),
    ):  # fmt: skip
        system.setColor(role, QColor(value))
    qapp.setPalette(system)
    yield
    qapp.setPalette(qapp.style().standardPalette())
    theme.apply(qapp)


def test_dark_palette_gives_a_dark_readable_window(kit, dark_system, shot) -> None:
    app = QApplication.instance()
    theme.apply(app)  # as at start, and on the desktop's colorSchemeChanged
    pal = app.palette()
    assert pal.color(QPalette.ColorRole.Window).lightness() < 60
    window_bg = pal.color(QPalette.ColorRole.Window)
    assert contrast(pal.color(QPalette.ColorRole.WindowText), window_bg) >= 7
    assert contrast(pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Base)) >= 7
    selected = pal.color(QPalette.ColorRole.HighlightedText)
    assert contrast(selected, pal.color(QPalette.ColorRole.Highlight)) >= 4.5  # a selected row
    session = kit.unlock()
    person = people.add_person(session.archive, "Aiman Umarova", risk_flags=["threatened"]).person
    session.notify_changed("person")
    kit.window.view.navigate("person", person.id)
    page = kit.window.view.current_page()
    page.edit("person", person.id)
    page._editor.show_error("display_name", "A person needs a name.")
    page._editor.mark_dirty()
    kit.qtbot.waitUntil(lambda: page._editor.dot.isVisible())
    checked = 0
    for label in kit.window.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip():
            continue
        fg = label.palette().color(label.foregroundRole())
        if label.isEnabled():
            assert contrast(fg, window_bg) >= 4.5, (label.text(), fg.name())
        checked += 1
    assert checked >= 8
    error = page._editor._errors["display_name"]
    assert contrast(error.palette().color(error.foregroundRole()), window_bg) >= 4.5
    image = kit.window.grab().toImage()
    shot(kit.window, "shell_dark")
    step = 7
    samples = [
        QColor(image.pixel(x, y)).lightness()
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    ]
    assert sum(samples) / len(samples) < 90  # mostly dark
    assert sum(s > 200 for s in samples) > 20  # light text on it


def test_light_system_stays_light(kit, qapp) -> None:
    qapp.setPalette(qapp.style().standardPalette())
    theme.apply(qapp)
    assert not theme.system_wants_dark(qapp)
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 180
