"""Look of the window: the system's light or dark palette, one accent colour, Lucide icons.

Everything visual is decided here so the screens only name roles ("title", "muted",
"error", primary buttons) and stay consistent. The platform font is kept; only its size is
raised to a readable minimum.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QWidget

ACCENT_LIGHT = "#2d6a8a"  # a calm deep teal-blue: trustworthy, not alarming
ACCENT_DARK = "#6fb3d2"
ERROR_LIGHT, ERROR_DARK = "#b3261e", "#f2b8b5"
WARN_LIGHT, WARN_DARK = "#8a5a00", "#f5c26b"
OK_LIGHT, OK_DARK = "#2e7d32", "#9ccc9f"
MIN_POINT_SIZE = 10


def is_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def accent() -> QColor:
    return QColor(ACCENT_DARK if is_dark() else ACCENT_LIGHT)


def colour(role: str) -> str:
    """Hex colour for a semantic role: accent, error, warning, ok, muted, line, card."""
    dark = is_dark()
    pal = QGuiApplication.palette()
    text = pal.color(QPalette.ColorRole.WindowText)
    window = pal.color(QPalette.ColorRole.Window)
    fixed = {
        "accent": ACCENT_DARK if dark else ACCENT_LIGHT,
        "error": ERROR_DARK if dark else ERROR_LIGHT,
        "warning": WARN_DARK if dark else WARN_LIGHT,
        "ok": OK_DARK if dark else OK_LIGHT,
    }
    if role in fixed:
        return fixed[role]
    if role == "muted":
        return _mix(text, window, 0.62).name()
    if role == "line":
        return _mix(text, window, 0.16).name()
    if role == "card":
        return pal.color(QPalette.ColorRole.Base).name()
    if role == "hover":
        return _mix(accent(), window, 0.10).name()
    if role == "selected":
        return _mix(accent(), window, 0.20 if dark else 0.14).name()
    return text.name()


def _mix(a: QColor, b: QColor, share_of_a: float) -> QColor:
    s = share_of_a
    return QColor(
        round(a.red() * s + b.red() * (1 - s)),
        round(a.green() * s + b.green() * (1 - s)),
        round(a.blue() * s + b.blue() * (1 - s)),
    )


def _dark_palette() -> QPalette:
    pal = QPalette()
    roles = QPalette.ColorRole
    for role, value in (
        (roles.Window, "#1f2124"), (roles.WindowText, "#e6e6e6"), (roles.Base, "#26292d"),
        (roles.AlternateBase, "#2c2f34"), (roles.Text, "#e6e6e6"), (roles.Button, "#2c2f34"),
        (roles.ButtonText, "#e6e6e6"), (roles.ToolTipBase, "#2c2f34"),
        (roles.ToolTipText, "#e6e6e6"), (roles.PlaceholderText, "#8b9096"),
        (roles.Mid, "#44484e"), (roles.Dark, "#141517"), (roles.Light, "#3a3d42"),
    ):  # fmt: skip
        pal.setColor(role, QColor(value))
    pal.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor("#767a80"))
    pal.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, QColor("#767a80"))
    return pal


def on_accent(dark: bool) -> str:
    """Text drawn on the accent colour: white on the deep light-mode accent, near-black on
    the pale dark-mode one (white on it would fall below 3:1)."""
    return "#0d1f29" if dark else "#ffffff"


def system_wants_dark(app: QApplication) -> bool:
    """The desktop's choice: its colour scheme when it states one, else the palette it
    gave the application (KDE, Xfce and older desktops only hand over a dark palette)."""
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def apply(app: QApplication) -> None:
    """Palette, accent and style sheet; called at start and when the system scheme flips."""
    dark_wanted = system_wants_dark(app)
    app.setStyle("Fusion")
    pal = _dark_palette() if dark_wanted else app.style().standardPalette()
    pal.setColor(QPalette.ColorRole.Highlight, accent())
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor(on_accent(dark_wanted)))
    pal.setColor(QPalette.ColorRole.Link, accent())
    app.setPalette(pal)
    font = app.font()
    if font.pointSize() < MIN_POINT_SIZE:
        font.setPointSize(MIN_POINT_SIZE)
        app.setFont(font)
    app.setStyleSheet(style_sheet())
    icon.cache_clear()


def style_sheet() -> str:
    c = {k: colour(k) for k in ("accent", "error", "warning", "ok", "muted", "line", "card")}
    c["hover"], c["selected"] = colour("hover"), colour("selected")
    c["on_accent"] = on_accent(is_dark())
    # QComboBox: a left padding alone is not counted in the box's size hint, which then
    # clips its longest item ("Recently changec"); a right padding wide enough for the
    # arrow makes the style sheet size the box from both paddings.
    return """
QLabel[role="title"] {{ font-size: 20pt; font-weight: 600; }}
QLabel[role="heading"] {{ font-size: 13pt; font-weight: 600; }}
QLabel[role="muted"] {{ color: {muted}; }}
QLabel[role="error"] {{ color: {error}; }}
QLabel[role="warning"] {{ color: {warning}; }}
QLabel[role="ok"] {{ color: {ok}; }}
QLabel[role="code"] {{ font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace;
    font-size: 17pt; letter-spacing: 1px; padding: 14px; border: 1px dashed {line};
    border-radius: 8px; background: {card}; }}
QFrame#card {{ background: {card}; border: 1px solid {line}; border-radius: 12px; }}
QPushButton {{ padding: 6px 16px; border: 1px solid {line}; border-radius: 6px;
    background: {card}; min-height: 20px; }}
QPushButton:hover {{ background: {hover}; }}
QPushButton:focus {{ border: 1px solid {accent}; }}
QPushButton:disabled {{ color: {muted}; }}
QPushButton[primary="true"] {{ background: {accent}; color: {on_accent}; border: 1px solid {accent};
    font-weight: 600; }}
QPushButton[primary="true"]:disabled {{ background: {line}; border-color: {line};
    color: {muted}; }}
QPushButton[flat="true"] {{ border: none; background: transparent; color: {accent};
    padding: 2px 4px; text-align: left; }}
QPushButton[flat="true"]:hover {{ text-decoration: underline; }}
QPushButton[big="true"] {{ padding: 10px 18px; text-align: left; font-size: 11pt; }}
QLineEdit {{ padding: 5px 8px; border: 1px solid {line};
    border-radius: 6px; background: {card}; min-height: 20px; }}
QLineEdit:focus {{ border: 1px solid {accent}; }}
QLineEdit[mono="true"] {{ font-family: "DejaVu Sans Mono", monospace; }}
QSpinBox {{ min-height: 26px; padding-left: 6px; }}
QComboBox {{ min-height: 26px; padding-left: 6px; padding-right: 22px; }}
QProgressBar {{ border: none; border-radius: 3px; background: {line}; max-height: 6px;
    text-align: center; }}
QProgressBar::chunk {{ border-radius: 3px; background: {accent}; }}
QProgressBar[strength="0"]::chunk, QProgressBar[strength="1"]::chunk {{ background: {error}; }}
QProgressBar[strength="2"]::chunk {{ background: {warning}; }}
QProgressBar[strength="3"]::chunk, QProgressBar[strength="4"]::chunk {{ background: {ok}; }}
QListWidget#nav {{ border: none; background: transparent; outline: 0; }}
QListWidget#nav::item {{ padding: 7px 10px; border-radius: 6px; margin: 1px 6px; }}
QListWidget#nav::item:hover {{ background: {hover}; }}
QListWidget#nav::item:selected {{ background: {selected}; color: palette(window-text); }}
QToolBar {{ border: none; border-bottom: 1px solid {line}; padding: 4px 8px; spacing: 6px; }}
QToolButton {{ padding: 5px 8px; border-radius: 6px; }}
QToolButton:hover {{ background: {hover}; }}
QToolButton::menu-indicator {{ image: none; width: 0; }}
QStatusBar {{ border-top: 1px solid {line}; }}
QStatusBar QLabel {{ color: {muted}; padding: 2px 8px; }}
QFrame#navpane {{ border-right: 1px solid {line}; }}
""".format(**c)


def _icon_svg(name: str) -> bytes:
    return resources.files("tumar.resources").joinpath(f"icons/{name}").read_bytes()


@cache
def icon(name: str, role: str = "text") -> QIcon:
    """A Lucide icon ("lock.svg" or "lock") drawn in a palette role's colour."""
    file = name if name.endswith(".svg") else f"{name}.svg"
    try:
        svg = _icon_svg(file)
    except (FileNotFoundError, OSError):
        return QIcon()
    fill = colour(role).encode("ascii") if role != "white" else b"#ffffff"
    renderer = QSvgRenderer(QByteArray(svg.replace(b"currentColor", fill)))
    result = QIcon()
    for size in (16, 20, 24, 32, 48, 64):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result


def set_role(widget: QWidget, role: str) -> QWidget:
    """Give a label a style role ("title", "muted", "error"…) and re-polish it."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return widget


def set_flag(widget: QWidget, name: str, on: bool = True) -> QWidget:
    widget.setProperty(name, "true" if on else "false")
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return widget
