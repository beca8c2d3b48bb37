"""The QApplication: names, theme, translations, and the first-run demo.

Translations come from resources/translations: the shell's `tumar_<lang>.qm`, the pages'
`pages_<lang>.qm` when present, and Qt's own `qtbase_<lang>.qm` (standard buttons and
dialogs). English needs none.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from tumar.app.hardening import harden_process

from . import demo, theme
from .failure_text import report_uncaught
from .settings import LANGUAGES, Settings

OWN_CATALOGUES = ("tumar", "pages", "dialogs")
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return Path(str(resources.files("tumar.resources").joinpath("translations")))


def system_language() -> str:
    code = QLocale.system().name().split("_")[0]
    return code if code in LANGUAGES else "en"


def install_translators(app: QApplication, language: str) -> list[str]:
    """Replace the installed catalogues by those of `language`; returns the files loaded.
    Widgets pick the new language up in their retranslate()."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language not in LANGUAGES or language == "en":
        return []
    candidates = [translations_dir() / f"{name}_{language}.qm" for name in OWN_CATALOGUES]
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    candidates.append(qt_dir / f"qtbase_{language}.qm")
    loaded = []
    for path in candidates:
        translator = QTranslator(app)
        if path.is_file() and translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(path.name)
    return loaded


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("Tumar")
    app.setOrganizationName("Tumar")
    app.setApplicationDisplayName("Tumar")
    theme.apply(app)
    app.setWindowIcon(theme.icon("archive", "accent"))
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: theme.apply(app))
    install_translators(app, Settings().language or system_language())
    return app


def run_window() -> int:
    """`tumar` with no arguments. The first start prepares the demo archive and opens its
    unlock screen, printing where it is and its public passphrase in the terminal."""
    harden_process()
    app = create_application()
    sys.excepthook = report_uncaught  # an error no slot caught: one line, not a traceback
    from .main_window import TumarWindow

    settings = Settings()
    window = TumarWindow(settings)
    window.show()
    if not settings.demo_offered:
        settings.mark_demo_offered()
        demo.announce()
        window.flow.try_demo()
    elif demo.demo_exists():
        demo.announce()
    return app.exec()
