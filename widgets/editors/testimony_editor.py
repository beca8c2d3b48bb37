"""Testimony editor: the witness, when/where/by whom it was recorded, language, text,
translations, and consent — four choices, each with one sentence a witness would
understand. Withdrawing consent is not here: it is one action on the testimony itself."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tumar.app import edits, testimonies
from tumar.storage.errors import InvalidInput
from tumar.storage.records import CONSENT_SCOPES
from tumar.widgets import theme
from tumar.widgets.pages import labels

from .base import Editor, FieldError, hint_label
from .case_links import LinkedCases
from .date_field import DateField
from .pickers import person_picker

ID_ROLE = Qt.ItemDataRole.UserRole


class TestimonyEditor(Editor):
    __test__ = False  # not a pytest class despite the name

    KIND = "testimony"

    def __init__(self, session, record_id: str | None = None, parent=None, *, case_id=None):
        super().__init__(session, record_id, parent)
        self.set_heading(
            lambda: self.tr("Edit testimony") if record_id else self.tr("New testimony")
        )
        archive = session.archive
        self.witness = person_picker(archive)
        self.add_field("witness_id", lambda: self.tr("Witness"), self.witness)
        self.cases = LinkedCases(archive)
        self.cases.add_case(case_id, quiet=True)
        self.cases.changed.connect(self.mark_dirty)
        self.add_field("cases", lambda: self.tr("Cases"), self.cases)
        self.recorded_at = DateField()
        self.add_field("recorded_at", lambda: self.tr("Recorded on"), self.recorded_at)
        self.recorded_where = QLineEdit()
        self.add_field("recorded_where", lambda: self.tr("Recorded where"), self.recorded_where)
        self.recorded_by = QLineEdit()
        self.add_field("recorded_by", lambda: self.tr("Recorded by"), self.recorded_by)
        self.language = QLineEdit()
        self.bind(self.language.setPlaceholderText, lambda: self.tr("e.g. kk, ru, en"))
        self.language.setMaximumWidth(120)
        self.add_field("language", lambda: self.tr("Language"), self.language)
        self.text = QPlainTextEdit()
        self.text.setMinimumHeight(160)
        self.add_field("text", lambda: self.tr("Testimony"), self.text)
        self.translations = QTableWidget(0, 3)
        self.bind(
            self.translations.setHorizontalHeaderLabels,
            lambda: [self.tr("Language"), self.tr("Translator"), self.tr("Translation")],
        )
        self.translations.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.translations.verticalHeader().hide()
        self.translations.setMinimumHeight(110)
        add = QPushButton()
        self.bind(add.setText, lambda: self.tr("Add translation"))
        add.clicked.connect(lambda: self._add_translation("", "", "", ""))
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.translations)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch(1)
        column.addLayout(row)
        self.add_field("translations", lambda: self.tr("Translations"), box)
        self.watch(self.translations)
        self.consent_group = QButtonGroup(self)
        consent_box = QWidget()
        consent_column = QVBoxLayout(consent_box)
        consent_column.setContentsMargins(0, 0, 0, 0)
        consent_column.setSpacing(2)
        self.consent_buttons: dict[str, QRadioButton] = {}
        for scope in CONSENT_SCOPES:
            button = QRadioButton()
            explanation = hint_label()
            self.bind(button.setText, lambda s=scope: labels.consent(s))
            self.bind(explanation.setText, lambda s=scope: labels.consent_explanation(s))
            self.bind(
                button.setAccessibleDescription, lambda s=scope: labels.consent_explanation(s)
            )
            explanation.setContentsMargins(24, 0, 0, 6)
            self.consent_group.addButton(button)
            self.consent_buttons[scope] = button
            consent_column.addWidget(button)
            consent_column.addWidget(explanation)
            button.toggled.connect(lambda *_a: self.mark_dirty())
        with self.loading():  # the default choice is not a change the user made
            self.consent_buttons["none"].setChecked(True)
        self.withdrawn_note = QLabel()
        self.bind(
            self.withdrawn_note.setText,
            lambda: self.tr("Consent was withdrawn; exports leave this testimony out."),
        )
        theme.set_role(self.withdrawn_note, "error")
        self.withdrawn_note.hide()
        consent_column.addWidget(self.withdrawn_note)
        self.add_field("consent_scope", lambda: self.tr("Consent"), consent_box)
        self.consent_date = DateField()
        self.add_field("consent_date", lambda: self.tr("Consent given on"), self.consent_date)
        self.consent_how = QComboBox()
        self.consent_how.setEditable(True)
        self.consent_how.addItems(["", "", ""])
        self.bind(self._consent_how_items, lambda: None)
        self.consent_how.setCurrentIndex(-1)
        self.add_field("consent_how", lambda: self.tr("How consent was given"), self.consent_how)
        self.consent_how.editTextChanged.connect(lambda *_a: self.mark_dirty())
        if record_id:
            self._load(record_id)

    def _consent_how_items(self, _unused: object = None) -> None:
        """The suggested answers in the UI language; what was typed or chosen stays."""
        typed = self.consent_how.currentText()
        blocked = self.consent_how.blockSignals(True)
        for index, text in enumerate((self.tr("spoken"), self.tr("written"), self.tr("recorded"))):
            self.consent_how.setItemText(index, text)
        self.consent_how.setEditText(typed)
        self.consent_how.blockSignals(blocked)

    def _add_translation(self, language: str, translator: str, text: str, tr_id: str) -> None:
        row = self.translations.rowCount()
        self.translations.insertRow(row)
        for column, value in enumerate((language, translator, text)):
            item = QTableWidgetItem(value)
            item.setData(ID_ROLE, tr_id)
            self.translations.setItem(row, column, item)
        if not language:
            self.translations.setCurrentCell(row, 0)
            self.translations.editItem(self.translations.item(row, 0))

    def _load(self, record_id: str) -> None:
        detail = testimonies.get_testimony(self.session.archive, record_id)
        t = detail.testimony
        with self.loading():
            self.witness.select(t.witness_id)
            self.cases.set_ids(detail.case_ids)
            self.recorded_at.setText(t.recorded_at)
            self.recorded_where.setText(t.recorded_where)
            self.recorded_by.setText(t.recorded_by)
            self.language.setText(t.language)
            self.text.setPlainText(t.text)
            for tr in detail.translations:
                self._add_translation(tr.language, tr.translator, tr.text, tr.id)
            self.consent_buttons[t.consent_scope].setChecked(True)
            self.withdrawn_note.setVisible(t.consent_withdrawn)
            self.consent_date.setText(t.consent_date)
            self.consent_how.setEditText(t.consent_how)

    def _date(self, field: DateField, name: str) -> str | None:
        try:
            return field.value()
        except InvalidInput:
            raise FieldError(name, self.tr("Not a date Tumar understands yet")) from None

    def checked_cases(self) -> list[str]:
        return self.cases.ids()

    def write(self) -> str:
        archive = self.session.archive
        witness = self.witness.record_id()
        if not witness:
            raise FieldError("witness_id", self.tr("Choose the witness from the list."))
        if not self.text.toPlainText().strip():
            raise FieldError("text", self.tr("A testimony needs its text."))
        scope = next(s for s, b in self.consent_buttons.items() if b.isChecked())
        fields = {
            "language": self.language.text().strip(),
            "recorded_at": self._date(self.recorded_at, "recorded_at"),
            "recorded_where": self.recorded_where.text().strip(),
            "recorded_by": self.recorded_by.text().strip(),
        }
        consent = testimonies.Consent(
            scope,
            self._date(self.consent_date, "consent_date"),
            self.consent_how.currentText().strip(),
        )
        if self.record_id is None:
            testimony_id = testimonies.add_testimony(
                archive, witness, self.text.toPlainText(), case_ids=self.checked_cases(),
                consent=consent, **fields,
            ).id  # fmt: skip
        else:
            testimony_id = self.record_id
            edits.edit_testimony(
                archive, testimony_id, case_ids=self.checked_cases(), witness_id=witness,
                text=self.text.toPlainText(), consent_scope=consent.scope,
                consent_date=consent.date, consent_how=consent.how, **fields,
            )  # fmt: skip
        self._write_translations(testimony_id)
        return testimony_id

    def _write_translations(self, testimony_id: str) -> None:
        archive = self.session.archive
        current = {t.id: t for t in testimonies.get_testimony(archive, testimony_id).translations}
        for row in range(self.translations.rowCount()):
            cells = [self.translations.item(row, c) for c in range(3)]
            language, translator, text = (c.text().strip() if c else "" for c in cells)
            tr_id = cells[0].data(ID_ROLE) if cells[0] else ""
            if not text:
                continue
            if not language:
                raise FieldError("translations", self.tr("Each translation needs its language."))
            old = current.get(tr_id)
            if old is None:
                testimonies.add_translation(archive, testimony_id, language, text, translator)
            elif (old.language, old.translator, old.text) != (language, translator, text):
                edits.edit_translation(
                    archive, tr_id, language=language, translator=translator, text=text
                )
