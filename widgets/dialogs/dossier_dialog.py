"""Export a signed dossier from the window: choose case and options, read the preview (what
is included, left out and anonymised, and why), then write it with progress and Cancel.

The preview is computed before anything is written and refreshed whenever an option
changes, because what a lawyer may see depends on them (--confidential, one person only).
The export runs as a job on the session's runner with its own database connections.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tumar.app.cases import get_case, list_cases
from tumar.app.dossier.content import DossierOptions
from tumar.app.dossier.export import ExportResult, check_destination, export_job, preview
from tumar.app.jobs import CancelToken, Progress
from tumar.storage.errors import TumarError
from tumar.widgets.media.file_dialogs import choose_save_path

from ..session import Session
from .dossier_preview import preview_text


class DossierDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.handle = None
        self.running = False
        self.result_path: Path | None = None
        self.setMinimumWidth(620)

        self.case_box = QComboBox()
        for case in list_cases(session.archive):
            self.case_box.addItem(case.title, case.id)
        self.person_box = QComboBox()
        self.lang_box = QComboBox()
        for code, name in (("en", "English"), ("ru", "Русский"), ("kk", "Қазақша")):
            self.lang_box.addItem(name, code)
        self.confidential = QCheckBox()
        self.location = QCheckBox()
        self.path_edit = QLineEdit()
        self.choose_button = QPushButton()
        self.choose_button.clicked.connect(self._choose_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.choose_button)

        self.case_label, self.person_label = QLabel(), QLabel()
        self.lang_label, self.path_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.case_label, self.case_box)
        form.addRow(self.person_label, self.person_box)
        form.addRow(self.lang_label, self.lang_box)
        form.addRow("", self.confidential)
        form.addRow("", self.location)
        form.addRow(self.path_label, path_row)

        self.preview_view = QPlainTextEdit()
        self.preview_view.setReadOnly(True)
        self.preview_view.setMinimumHeight(220)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        # our own Cancel: Qt has no Kazakh word for its standard one
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self._cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.preview_label = QLabel()
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview_view, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.case_box.currentIndexChanged.connect(self._case_changed)
        for signal in (self.person_box.currentIndexChanged, self.lang_box.currentIndexChanged,
                       self.confidential.toggled):  # fmt: skip
            signal.connect(self.refresh_preview)
        self.session.runner.progress.connect(self._on_progress)
        self.closed = False  # the Close text replaces Cancel once a dossier is written
        self.retranslate()
        self._case_changed()

    def retranslate(self) -> None:
        """Every fixed text, again in the current language (also on LanguageChange)."""
        self.setWindowTitle(self.tr("Export signed dossier"))
        self.confidential.setText(self.tr("Confidential — include lawyer-only testimonies"))
        self.location.setText(self.tr("Keep photo locations (GPS) in embedded photos"))
        self.choose_button.setText(self.tr("Choose…"))
        self.case_label.setText(self.tr("Case"))
        self.person_label.setText(self.tr("Person"))
        self.lang_label.setText(self.tr("Labels in"))
        self.path_label.setText(self.tr("Save as"))
        self.export_button.setText(self.tr("Export"))
        self.preview_label.setText(self.tr("What the dossier will contain"))
        if self.person_box.count():
            self.person_box.setItemText(0, self.tr("Whole case"))
        self.cancel_button.setText(self.tr("Close") if self.closed else self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if not self.running:
                self.refresh_preview()
        super().changeEvent(event)

    # ---- options and preview ------------------------------------------------------------
    def options(self) -> DossierOptions | None:
        case_id = self.case_box.currentData()
        if not case_id:
            return None
        return DossierOptions(
            case_id=case_id,
            person_id=self.person_box.currentData() or None,
            confidential=self.confidential.isChecked(),
            include_location=self.location.isChecked(),
            lang=self.lang_box.currentData(),
        )

    def _case_changed(self) -> None:
        self.person_box.blockSignals(True)
        self.person_box.clear()
        self.person_box.addItem(self.tr("Whole case"), "")
        case_id = self.case_box.currentData()
        if case_id:
            for _link, person in get_case(self.session.archive, case_id).people:
                self.person_box.addItem(person.display_name, person.id)
        self.person_box.blockSignals(False)
        self.refresh_preview()

    def refresh_preview(self) -> None:
        options = self.options()
        self.export_button.setEnabled(options is not None)
        if options is None:
            self.preview_view.setPlainText(self.tr("There is no case to export."))
            return
        try:
            shown = preview(self.session.archive, options)
        except TumarError as exc:
            self.preview_view.setPlainText(str(exc))
            return
        self.preview_view.setPlainText(preview_text(shown))

    def _choose_path(self) -> None:
        path = choose_save_path(
            self, self.tr("Save dossier as"), self.path_edit.text(), self.tr("PDF (*.pdf)")
        )
        if path:
            self.path_edit.setText(path if path.lower().endswith(".pdf") else f"{path}.pdf")

    # ---- export ---------------------------------------------------------------------
    def start_export(self) -> None:
        options = self.options()
        if options is None:
            return
        text = self.path_edit.text().strip()
        if not text:
            self.status.setText(self.tr("Choose where to save the dossier."))
            return
        try:
            out = check_destination(Path(text))
        except TumarError as exc:
            self.status.setText(str(exc))
            return
        session = self.session

        def job(progress: Progress, cancel: CancelToken) -> ExportResult:
            with session.worker_archive() as archive:
                return export_job(archive, options, out)(progress, cancel)

        self._set_running(True)
        self.status.setText(self.tr("Exporting…"))
        self.running = True
        self.handle = session.runner.run(
            job, title=self.tr("Export dossier"), on_done=self._done, on_error=self._failed
        )

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.export_button.setEnabled(not running)
        for widget in (self.case_box, self.person_box, self.lang_box, self.confidential,
                       self.location, self.path_edit):  # fmt: skip
            widget.setEnabled(not running)

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if not self.running:
            return
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _done(self, result: ExportResult) -> None:
        self.handle, self.running = None, False
        self._set_running(False)
        self.result_path = result.path
        self.status.setText(
            self.tr("Signed dossier written: {path} ({photos} photos).").format(
                path=result.path, photos=result.photos
            )
        )
        self.closed = True
        self.cancel_button.setText(self.tr("Close"))

    def _failed(self, message: str) -> None:
        self.handle, self.running = None, False
        self._set_running(False)
        self.status.setText(message)

    def _cancel(self) -> None:
        handle = self.handle or (self.session.runner.current() if self.running else None)
        if handle is not None:
            handle.cancel()
            self.status.setText(self.tr("Cancelling…"))
            return
        self.reject()
