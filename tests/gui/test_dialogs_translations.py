"""The dossier, backup and sync dialogs in Russian and Kazakh: catalogues that cover every
string of widgets/dialogs/*.py, compiled .qm files that match them, the app loading them,
and open dialogs relabelling themselves when the language changes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from tumar.app import cases, people, testimonies
from tumar.widgets.app import install_translators
from tumar.widgets.dialogs.backup_dialog import BackupDialog
from tumar.widgets.dialogs.dossier_dialog import DossierDialog
from tumar.widgets.dialogs.sync_dialog import SyncDialog

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = sorted(p for p in (ROOT / "widgets" / "dialogs").glob("*.py") if p.name != "__init__.py")


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


def _tool(name: str) -> str:
    return shutil.which(name) or str(Path(sys.executable).with_name(name))


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_catalogue_covers_every_string_and_is_compiled(lang: str, tmp_path: Path) -> None:
    ts = TRANSLATIONS / f"dialogs_{lang}.ts"
    qm = ts.with_suffix(".qm")
    compiled = tmp_path / "fresh.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(compiled)], check=True,
                   capture_output=True)  # fmt: skip
    # compared by content, not file times: a checkout gives both files arbitrary times
    assert qm.is_file() and qm.read_bytes() == compiled.read_bytes(), f"run lrelease on {ts}"
    fresh = tmp_path / "fresh.ts"
    subprocess.run([_tool("pyside6-lupdate"), *map(str, SOURCES), "-ts", str(fresh)],
                   check=True, capture_output=True)  # fmt: skip
    wanted = set(_messages(fresh))
    assert len(wanted) > 40  # lupdate really read the dialogs
    have = _messages(ts)
    missing = sorted(k for k in wanted if not have.get(k))
    assert not missing, f"untranslated in {ts.name}: {missing[:5]}"


def test_the_app_loads_the_dialogs_catalogue(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    try:
        assert "dialogs_kk.qm" in install_translators(app, "kk")
    finally:
        install_translators(app, "en")


def _install(lang: str, catalogue: str = "dialogs") -> QTranslator:
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / f"{catalogue}_{lang}.qm"))
    QCoreApplication.installTranslator(translator)
    return translator


@pytest.mark.parametrize(
    ("lang", "export", "sync_now", "back_up"),
    [("ru", "Экспортировать", "Синхронизировать", "Создать копию"),
     ("kk", "Экспорттау", "Қазір синхрондау", "Көшірме жасау")],
)  # fmt: skip
def test_open_dialogs_relabel_when_the_language_changes(
    qtbot, session_factory, shot, lang: str, export: str, sync_now: str, back_up: str
) -> None:  # type: ignore[no-untyped-def]
    session = session_factory()
    cases.add_case(session.archive, "Zaisan hearing")
    dossier, sync, backup = DossierDialog(session), SyncDialog(session), BackupDialog(session)
    for dialog in (dossier, sync, backup):
        qtbot.addWidget(dialog)
    ok = backup.back_up_button
    assert dossier.export_button.text() == "Export" and sync.sync_button.text() == "Sync now"
    translator = _install(lang)  # what the shell's language switch does
    try:
        qtbot.waitUntil(lambda: dossier.export_button.text() == export)  # LanguageChange is posted
        assert dossier.person_box.itemText(0) != "Whole case"
        assert "Included" not in dossier.preview_view.toPlainText()  # the preview is redrawn
        assert dossier.windowTitle() != "Export signed dossier"
        assert sync.sync_button.text() == sync_now and "server" not in sync.status.text()
        assert ok.text() == back_up and backup.windowTitle() != "Back up the archive"
        for button in (dossier.cancel_button, sync.close_button, backup.close_button):
            assert button.text() not in ("Cancel", "Close"), button.text()
        dossier.resize(720, 560)
        shot(dossier, f"dialogs_dossier_{lang}")
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: dossier.export_button.text() == "Export")
    assert sync.sync_button.text() == "Sync now" and ok.text() == "Back up"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_preview_reads_in_the_window_language(qtbot, session_factory, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Every kind of decision (included, left out, anonymised for a risk flag and for
    consent, notes kept and left out): no English phrase is left, names stay as written."""
    session = session_factory()
    archive = session.archive
    case = cases.add_case(archive, "Іс")
    risky = people.add_person(archive, "Қайша Ақан", risk_flags=["relatives_detained"]).person
    shy = people.add_person(archive, "Гүлнар Жақыпова").person
    shown = people.add_person(archive, "Ерлан Сейітов").person
    cases.link_person(archive, case.id, risky.id, "victim")
    for person, scope in ((shy, "anonymised"), (shown, "public"), (shown, "lawyer_only"),
                          (shown, "none")):  # fmt: skip
        t = testimonies.add_testimony(archive, person.id, "Мәтін", case_ids=[case.id],
                                      consent=testimonies.Consent(scope))  # fmt: skip
        testimonies.add_note(archive, "Жазба", testimony_id=t.id)
    testimonies.add_note(archive, "Жазба", person_id=shy.id)
    testimonies.add_note(archive, "Жазба", person_id=shown.id)
    testimonies.add_note(archive, "Жазба", case_id=case.id)
    translators = [_install(lang), _install(lang, "pages")]
    try:
        dialog = DossierDialog(session)
        qtbot.addWidget(dialog)
        dialog.lang_box.setCurrentIndex(dialog.lang_box.findData(lang))
        text = dialog.preview_view.toPlainText()
        assert text.count("\n") >= 12
        assert not re.findall("[A-Za-z]{2,}", text), re.findall("[A-Za-z]{2,}", text)
        dialog.person_box.setCurrentIndex(dialog.person_box.findData(risky.id))
        text = dialog.preview_view.toPlainText()
        assert not re.findall("[A-Za-z]{2,}", text), re.findall("[A-Za-z]{2,}", text)
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)


def _sync_report():  # type: ignore[no-untyped-def]
    from tumar.app.sync.apply import Applied
    from tumar.app.sync.folder import Skipped, SyncReport
    from tumar.app.sync.merge import MergeReport
    from tumar.storage.bulk import ApplyResult

    records = ApplyResult(added=2, changed=1, deleted=1, kept=3, unchanged=4,
                          conflicts=[("person", "0192aa", "0000019a2b3c4d5e6f-aa",
                                      "0000019a2b3c4d5e6f-bb")])  # fmt: skip
    applied = Applied(records=records, audit_entries=7, media_added=["ab" * 32])
    return SyncReport(merged=[MergeReport("0a1b2c3d4e5f", True, False, applied),
                              MergeReport("9f8e7d6c5b4a", False, True, None),
                              MergeReport("5e6f7a8b9c0d", True, True, None, dry_run=True)],
                      skipped=[Skipped(f"{i:08x}.tumar-bundle", kind, "English sentence")
                               for i, kind in enumerate(_skip_kinds())])  # fmt: skip


def _skip_kinds() -> list[str]:
    """Every reason app.sync.errors names for refusing a bundle."""
    from tumar.app.sync import errors

    return [v for k, v in vars(errors).items() if k.isupper() and isinstance(v, str)]


def test_the_sync_report_reads_in_the_window_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    from tumar.widgets.dialogs.sync_report import report_lines

    report = _sync_report()
    kinds = _skip_kinds()
    assert len(kinds) == 10
    english = report_lines(report)
    merged = [line for m in report.merged for line in m.lines()]
    assert english[: len(merged)] == merged  # the CLI's words, from tr()
    skipped = english[len(merged) :]
    assert len(skipped) == len(kinds) and len(set(skipped)) == len(kinds)  # a reason each
    assert all(line.startswith("Skipped ") and "English sentence" not in line for line in skipped)
    for lang in ("ru", "kk"):
        translators = [_install(lang), _install(lang, "pages")]
        try:
            lines = report_lines(report)
        finally:
            for translator in translators:
                QCoreApplication.removeTranslator(translator)
        assert len(lines) == 8 + len(kinds) and "7" in lines[2]
        text = re.sub(r"[0-9a-f]{8}\.tumar-bundle", "", "\n".join(lines)).replace("Tumar", "")
        words = re.findall("[A-Za-z]{2,}", text)
        assert all(re.fullmatch("[0-9a-f]+", w) for w in words), words
