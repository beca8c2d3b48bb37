"""Small rich-text builders for detail panes: every piece of record content is escaped
and given its own direction, so a name in Arabic script reads right-to-left inside an
English sentence and no text from the archive can inject markup or links.
"""

from __future__ import annotations

import html
import re

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from tumar.widgets import theme
from tumar.widgets.models.text import html_dir

_TAGS = re.compile(r"<[^>]*>")


def esc(text: object) -> str:
    value = "" if text is None else str(text)
    return f'<span dir="{html_dir(value)}">{html.escape(value)}</span>'


def para(text: object) -> str:
    value = "" if text is None else str(text)
    body = html.escape(value).replace("\n", "<br>")
    align = "right" if html_dir(value) == "rtl" else "left"
    return f'<p dir="{html_dir(value)}" align="{align}">{body}</p>'


def link(kind: str, record_id: str, label: str) -> str:
    return f'<a href="tumar:{kind}/{html.escape(record_id)}">{esc(label)}</a>'


def style() -> str:
    """A style sheet following the palette (light or dark) with one accent colour."""
    palette = QApplication.palette()
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    muted = QColor(
        (text.red() * 55 + base.red() * 45) // 100,
        (text.green() * 55 + base.green() * 45) // 100,
        (text.blue() * 55 + base.blue() * 45) // 100,
    ).name()
    accent = palette.color(QPalette.ColorRole.Highlight)
    changed = QColor(  # a pale wash of the accent: marked words stay readable, light or dark
        (accent.red() * 35 + base.red() * 65) // 100,
        (accent.green() * 35 + base.green() * 65) // 100,
        (accent.blue() * 35 + base.blue() * 65) // 100,
    ).name()
    accent = accent.name()
    return (
        "<style>"
        "h1 { font-size: 20pt; font-weight: 600; margin: 0 0 2px 0; }"
        f".meta {{ color: {muted}; margin: 0 0 12px 0; }}"
        "p.section { font-size: 8pt; font-weight: 700; margin-top: 22px;"
        f" margin-bottom: 4px; color: {muted}; text-transform: uppercase; }}"
        f"a {{ color: {accent}; text-decoration: none; }}"
        "td { padding: 3px 12px 3px 0; vertical-align: top; }"
        f".muted {{ color: {muted}; }}"
        f".warn {{ color: {theme.colour('error')}; font-weight: 600; }}"
        ".chip { font-weight: 600; }"
        f".changed {{ background-color: {changed}; }}"
        "</style>"
    )


def rows(pairs: list[tuple[str, str]]) -> str:
    """A two-column table: translated label (plain) and already-built HTML value."""
    body = "".join(
        f'<tr><td class="muted">{html.escape(label)}</td><td>{value}</td></tr>'
        for label, value in pairs
        if _TAGS.sub("", value).strip()
    )
    return f"<table>{body}</table>" if body else ""


def section(title: str) -> str:
    """A small upper-case heading between parts of a detail pane."""
    return f"<p class='section'>{html.escape(title)}</p>"


def muted(text: str) -> str:
    return f'<p class="muted">{html.escape(text)}</p>'


def warn(text: str) -> str:
    return f'<p class="warn">{html.escape(text)}</p>'
