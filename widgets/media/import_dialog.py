"""Import files into the archive with a progress bar and Cancel.

The import runs through the shell's JobRunner on a worker thread with its own database
connections (Session.worker_archive), so the window stays responsive. Cancel stops after
the current chunk: the file being read is rolled back entirely (no record, no stored
content); files finished before it stay and are listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout

from tumar.app.media import importer
from tumar.app.media.importer import ImportReport, Links
from tumar.widgets.editors.retranslate import Retranslating


class ImportDialog(Retranslating, QDialog):
    done = Signal(bool)  # True when something new was stored

    def __init__(
        self, session, paths: Sequence[str | Path], links: Links | None = None, parent=None
    ):
        super().__init__(parent)
        self.session = session
        self.paths = [str(p) for p in paths]
        self.links = links or Links()
        self.report: ImportReport | None = None
        self.message = ""
        self.bind(self.setWindowTitle, lambda: self.tr("Importing"))
        self.setMinimumWidth(460)
        self.heading = QLabel()
        self.bind(self.heading.setText, lambda: self.tr("Importing into the encrypted archive…"))
        font = self.heading.font()
        font.setWeight(font.Weight.DemiBold)
        self.heading.setFont(font)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bind(self.bar.setAccessibleName, lambda: self.tr("Import progress"))
        self.detail = QLabel()
        self.bind(
            self.detail.setText, lambda: self.tr("Each file is hashed (SHA-256) as it is stored.")
        )
        self.detail.setWordWrap(True)
        self.detail.setEnabled(False)
        self.cancel_button = QPushButton()
        self.bind(self.cancel_button.setText, lambda: self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton()
        self.bind(self.close_button.setText, lambda: self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        self.close_button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self.handle = None
        self.session.runner.progress.connect(self._progress)
        self.session.locked.connect(self._locked)

    def start(self) -> None:
        paths, links, session = self.paths, self.links, self.session

        def job(progress, cancel) -> ImportReport:
            with session.worker_archive() as archive:
                return importer.import_files(archive, paths, links, progress, cancel)

        self.handle = self.session.runner.run(
            job, title=self.tr("Importing media"), on_done=self._finished, on_error=self._failed
        )

    def _locked(self) -> None:
        """The archive locked mid-import: the runner already cancelled the job and will
        deliver nothing; close without showing anything more."""
        self.bind(self.detail.setText, lambda: "")  # nothing comes back on a language switch
        self.reject()

    def cancel(self) -> None:
        if self.handle is not None and not self.handle.done:
            self.handle.cancel()
            self.cancel_button.setEnabled(False)
            self.bind(
                self.detail.setText,
                lambda: self.tr("Stopping after the current piece of the file…"),
            )
        else:
            self.reject()

    def _progress(self, done: int, total: int, _text: str) -> None:
        # the file name is record content: it is not shown outside the archive's pages
        if total > 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * done / total))

    def _end(self) -> None:
        self.session.runner.progress.disconnect(self._progress)
        self.session.locked.disconnect(self._locked)
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.bar.setRange(0, 1000)

    def _finished(self, report: ImportReport) -> None:
        self.report = report
        self._end()
        self.bar.setValue(1000)
        self.bind(self.heading.setText, lambda: self.tr("Import finished"))
        self.bind(self.detail.setText, self._report_text)
        self.detail.setEnabled(True)
        self.done.emit(bool(report.imported or report.duplicates))

    def _report_text(self) -> str:
        report = self.report
        lines = [self.tr("New files stored: %1.").replace("%1", str(len(report.imported)))]
        if report.duplicates:
            lines.append(
                self.tr("Already in the archive: %1.").replace("%1", str(len(report.duplicates)))
            )
        lines += [r.error for r in report.failed]
        self.message = "\n".join(lines)
        return self.message

    def _failed(self, message: str) -> None:
        self._end()
        self.bind(self.heading.setText, lambda: self.tr("Import stopped"))
        cancelled = self.handle is not None and self.handle.cancelled

        def text() -> str:
            if cancelled:
                return self.tr(
                    "Cancelled. The file being read was not kept; files finished before it "
                    "stay in the archive."
                )
            return message

        self.message = text()
        self.bind(self.detail.setText, text)
        self.detail.setEnabled(True)
        self.done.emit(True)
