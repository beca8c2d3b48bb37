"""The pages in Russian and Kazakh: translated labels, and catalogues that cover every
string the pages' own files pass through tr()."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from tumar.app import cases, people
from tumar.storage.records import BY_TABLE, ENVELOPE
from tumar.widgets.pages import labels
from tumar.widgets.pages.cases import CasesPage
from tumar.widgets.pages.people import PeoplePage

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = sorted(
    p for folder in ("pages", "editors", "models", "media")
    for p in (ROOT / "widgets" / folder).glob("*.py")
)  # fmt: skip


def _messages(ts: Path) -> dict[tuple[str, str], str | None]:
    result = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in (
                "unfinished", "obsolete", "vanished",
            )  # fmt: skip
            result[(name, message.findtext("source"))] = translation.text if done else None
    return result


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_catalogue_covers_every_string_and_is_compiled(lang: str, tmp_path: Path) -> None:
    ts = TRANSLATIONS / f"pages_{lang}.ts"
    qm = ts.with_suffix(".qm")
    lrelease, lupdate = (
        shutil.which(tool) or str(Path(sys.executable).with_name(tool))
        for tool in ("pyside6-lrelease", "pyside6-lupdate")
    )
    compiled = tmp_path / "fresh.qm"
    subprocess.run([lrelease, str(ts), "-qm", str(compiled)], check=True, capture_output=True)
    # compared by content, not file times: a checkout gives both files arbitrary times
    assert qm.is_file() and qm.read_bytes() == compiled.read_bytes(), f"run lrelease on {ts}"
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [lupdate, *map(str, SOURCES), "-ts", str(fresh)], check=True, capture_output=True
    )
    wanted = set(_messages(fresh))
    have = _messages(ts)
    missing = sorted(k for k in wanted if not have.get(k))
    assert not missing, f"untranslated in {ts.name}: {missing[:5]}"


def _install(lang: str) -> QTranslator:
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / f"pages_{lang}.qm"))
    QCoreApplication.installTranslator(translator)
    return translator


@pytest.mark.parametrize(
    ("lang", "heading", "role"), [("ru", "Дела", "адвокат"), ("kk", "Істер", "адвокат")]
)
def test_pages_show_translated_labels(qtbot, session_factory, shot, lang, heading, role) -> None:
    session = session_factory()
    person = people.add_person(session.archive, "Aiman Umarova").person
    case = cases.add_case(session.archive, "Zaisan hearing")
    cases.link_person(session.archive, case.id, person.id, "lawyer")
    cases.add_event(session.archive, case.id, "hearing", "2019-10?")
    translator = _install(lang)
    try:
        page = CasesPage(session)
        qtbot.addWidget(page)
        page.resize(1100, 700)
        page.show()
        page.refresh()
        page.show_record("case", case.id)
        assert page.heading.text() == heading
        text = page.detail.text()
        assert role in text and "2019" in text
        assert "October" not in text and "People" not in text  # dates and headings too
        shot(page, f"pages_cases_{lang}")
        people_page = PeoplePage(session)
        qtbot.addWidget(people_page)
        assert people_page.heading.text() != "People"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_switching_language_relabels_open_pages(qtbot, session_factory) -> None:
    session = session_factory()
    case = cases.add_case(session.archive, "Zaisan hearing")
    page = CasesPage(session)
    qtbot.addWidget(page)
    page.refresh()
    page.show_record("case", case.id)
    assert page.heading.text() == "Cases"
    translator = _install("kk")  # what the shell's language setting does
    try:
        qtbot.waitUntil(lambda: page.heading.text() == "Істер")  # LanguageChange is posted
        assert page.new_button.text() == "Жаңа іс"
        assert "Ашық" in page.detail.text()  # the shown case is redrawn in Kazakh
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: page.heading.text() == "Cases")


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_every_field_a_person_can_see_has_a_name(qapp, lang: str) -> None:
    """The history view and the conflicts window name each field that differs; a field
    without a word fell back to its column name ("gps lat", "sha256") in every language."""
    translator = _install(lang) if lang != "en" else None
    try:
        for table, record in BY_TABLE.items():
            for column in record.columns():
                if column in ENVELOPE or column in record.DERIVED:
                    continue  # never shown: storage.records, app.history
                shown = labels.field(table, column)
                assert shown != column.replace("_", " "), (lang, table, column)
        if lang == "ru":
            assert labels.field("media", "gps_lat") == "Широта"
        if lang == "kk":
            assert labels.field("media", "gps_lat") == "Ендік"
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
