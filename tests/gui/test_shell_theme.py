"""One accent colour over the system palette, and icons drawn from the bundled Lucide SVGs."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QPalette

from tumar.widgets import theme


def test_accent_highlight_and_icons(qapp) -> None:
    theme.apply(qapp)
    accent = theme.colour("accent")
    assert qapp.palette().color(QPalette.ColorRole.Highlight).name() == accent
    assert accent in qapp.styleSheet()
    assert not theme.icon("lock").isNull()
    assert theme.icon("no-such-icon").isNull()


def test_every_bundled_icon_renders_and_the_licence_is_beside_them() -> None:
    folder = resources.files("tumar.resources").joinpath("icons")
    names = [p.name for p in folder.iterdir() if p.name.endswith(".svg")]
    assert len(names) > 20
    assert "ISC" in folder.joinpath("LICENSE").read_text("utf-8")
    for name in names:
        assert not theme.icon(name).pixmap(24, 24).isNull(), name
