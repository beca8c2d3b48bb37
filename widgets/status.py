"""The status bar's right side: the running job's title, its progress and a Cancel button.
Hidden while nothing runs, so the bar stays quiet."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from . import theme
from .jobs import JobRunner


class JobStatus(QWidget):
    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 4, 0)
        self.title = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setFixedWidth(160)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setIcon(theme.icon("x"))
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.title)
        row.addWidget(self.bar)
        row.addWidget(self.cancel_button)
        runner.started.connect(self._started)
        runner.progress.connect(self._progress)
        runner.finished.connect(self._finished)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the running task"))
        self.bar.setAccessibleName(self.tr("Progress of the running task"))

    def _started(self, title: str) -> None:
        self.title.setText(title)
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.cancel_button.setEnabled(True)
        self.show()

    def _progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        current = self.runner.current()
        if current is not None:
            self.title.setText(
                self.tr("{title}: {done} of {total}").format(
                    title=current.title, done=done, total=total
                )
                if total > 1
                else current.title
            )

    def _finished(self) -> None:
        current = self.runner.current()
        if current is None:
            self.hide()
        else:
            self._started(current.title)

    def cancel(self) -> None:
        current = self.runner.current()
        if current is not None:
            current.cancel()
            self.cancel_button.setEnabled(False)
            self.title.setText(self.tr("Cancelling…"))
