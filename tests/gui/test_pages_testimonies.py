"""Testimonies: add one with consent through the editor, then withdraw consent."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tumar.app import cases, people, testimonies
from tumar.storage.records import Testimony
from tumar.widgets.editors.testimony_editor import TestimonyEditor
from tumar.widgets.pages.testimonies import TestimoniesPage

from .pages_support import answer_next_modal, click_button, click_standard


def test_add_testimony_with_consent_then_withdraw(qtbot, session_factory, shot) -> None:
    session = session_factory()
    witness = people.add_person(session.archive, "Murager Alimuly").person
    case = cases.add_case(session.archive, "Zaisan")
    page = TestimoniesPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.refresh()
    page.add_new("testimony")
    editor = page._editor
    assert isinstance(editor, TestimonyEditor)
    editor.witness.select(witness.id)
    editor.cases.picker.select(case.id)
    editor.cases.add_button.click()
    assert editor.cases.ids() == [case.id]
    editor.recorded_at.setText("2019-10?")
    editor.language.setText("kk")
    editor.text.setPlainText("They took my brother at the border.")
    editor._add_translation("en", "Volunteer", "They took my brother at the border (en).", "")
    editor.consent_buttons["lawyer_only"].setChecked(True)
    editor.consent_date.setText("2019-10-14")
    editor.consent_how.setEditText("spoken, recorded")
    explanations = editor.form_host.findChildren(type(editor.title))
    assert any("confidential dossier" in label.text() for label in explanations)
    editor.form_host.parentWidget().parentWidget().ensureWidgetVisible(editor.consent_how)
    shot(page, "pages_testimony_editor")
    assert editor.save()
    (stored,) = session.archive.repo.find(Testimony)
    detail = testimonies.get_testimony(session.archive, stored.id)
    assert detail.case_ids == [case.id]
    assert (stored.consent_scope, stored.consent_date, stored.consent_how) == (
        "lawyer_only", "2019-10-14", "spoken, recorded",
    )  # fmt: skip
    assert [t.language for t in detail.translations] == ["en"]
    assert "confidential dossier" in page.detail.text()

    answer_next_modal(click_standard(QMessageBox.StandardButton.Cancel))
    page.withdraw()
    assert not session.archive.repo.get(Testimony, stored.id).consent_withdrawn

    def confirm(dialog) -> None:
        assert "exports leave this testimony out" in dialog.informativeText()
        click_button("Withdraw consent")(dialog)

    answer_next_modal(confirm)
    page.withdraw()
    assert session.archive.repo.get(Testimony, stored.id).consent_withdrawn
    assert "Consent withdrawn" in page.detail.text()
    assert not page.withdraw_button.isEnabled()
    assert page.model.row_at(0).flag
    shot(page, "pages_testimonies")
