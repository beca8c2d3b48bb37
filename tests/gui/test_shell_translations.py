"""Translations: every .qm is present and compiled from its current .ts (compared by
content, so a fresh clone passes), the shell's catalogues cover all its strings, and the
Russian and Kazakh windows really show translated labels."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tumar.widgets.app import install_translators, translations_dir

REPO = Path(__file__).resolve().parents[2]
TOOLS = Path(sys.executable).parent


def _shell_sources() -> list[str]:
    files = sorted((REPO / "widgets").glob("*.py")) + sorted((REPO / "widgets/start").glob("*.py"))
    return [str(f) for f in files if f.name != "__init__.py"]


def _tool(name: str) -> str:
    found = TOOLS / name
    return str(found) if found.exists() else (shutil.which(name) or pytest.fail(f"{name} missing"))


def _catalogues() -> list[Path]:
    return sorted(translations_dir().glob("*.ts"))


def test_each_qm_is_present_and_matches_its_ts(tmp_path: Path) -> None:
    catalogues = _catalogues()
    assert {p.name for p in catalogues} >= {"tumar_ru.ts", "tumar_kk.ts"}
    for ts in catalogues:
        qm = ts.with_suffix(".qm")
        assert qm.is_file(), f"{qm.name} is missing: run pyside6-lrelease {ts.name}"
        fresh = tmp_path / qm.name
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(fresh)],
            check=True, timeout=120,
        )  # fmt: skip
        assert fresh.read_bytes() == qm.read_bytes(), f"{qm.name} is older than {ts.name}"


def test_shell_catalogues_hold_every_shell_string_translated(tmp_path: Path) -> None:
    for lang in ("ru", "kk"):
        copy = tmp_path / f"tumar_{lang}.ts"
        shutil.copy(translations_dir() / copy.name, copy)
        subprocess.run(
            [_tool("pyside6-lupdate"), "-silent", "-locations", "none", "-no-obsolete",
             *_shell_sources(), "-ts", str(copy)],
            check=True, timeout=120, capture_output=True,
        )  # fmt: skip
        root = ET.parse(copy).getroot()
        untranslated = []
        for message in root.iter("message"):
            translation = message.find("translation")
            forms = translation.findall("numerusform") or [translation]
            if translation.get("type") in ("unfinished", "obsolete", "vanished") or not all(
                (form.text or "").strip() for form in forms
            ):
                untranslated.append(message.findtext("source"))
        assert not untranslated, f"tumar_{lang}.ts lacks: {untranslated[:5]}"


@pytest.fixture
def language(qapp: QApplication):
    """install_translators(lang) for one test; English again afterwards."""
    yield lambda lang: install_translators(qapp, lang)
    install_translators(qapp, "en")


@pytest.mark.parametrize(
    ("lang", "open_text", "unlock_text"),
    [("ru", "Открыть архив…", "Разблокировать"), ("kk", "Мұрағатты ашу…", "Құлпын ашу")],
)
def test_translated_window(kit, language, shot, lang, open_text, unlock_text) -> None:
    loaded = language(lang)
    assert f"tumar_{lang}.qm" in loaded
    kit.window.retranslate()
    start = kit.window.flow.start
    start.set_language(lang)
    assert start.open_button.text() == open_text
    shot(kit.window, f"start_{lang}")
    folder = kit.new_archive()
    kit.window.flow.open_folder(folder)
    assert kit.window.flow.unlock.unlock_button.text() == unlock_text
    shot(kit.window, f"unlock_{lang}")
    kit.unlock(folder)
    assert kit.window.lock_action.text() not in ("", "Lock")
    assert kit.window.view.nav.count() >= 6
    assert "Unlocked" not in kit.window.state.text()  # plural forms are translated too
    shot(kit.window, f"main_{lang}")


def test_language_switch_on_the_start_screen_retranslates(kit, language) -> None:
    start = kit.window.flow.start
    start.language_chosen.emit("ru")
    assert start.open_button.text() == "Открыть архив…"
    assert kit.settings.language == "ru"
    start.language_chosen.emit("en")
    assert start.open_button.text() == "Open an archive…"
