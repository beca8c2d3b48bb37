"""The recovery code, shown once after creating an archive, in large monospace groups.

Continue stays disabled until the user confirms the code is written down: it is the only
way back in after a forgotten passphrase, and Tumar keeps no copy of it anywhere.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QWidget

from .. import theme
from .common import card_page, label

GROUPS_PER_LINE = 4


def grouped(code: str) -> str:
    groups = [g for g in code.replace(" ", "-").split("-") if g]
    lines = [groups[i : i + GROUPS_PER_LINE] for i in range(0, len(groups), GROUPS_PER_LINE)]
    return "\n".join("  ".join(line) for line in lines)


class RecoveryScreen(QWidget):
    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code = ""
        box, _card = card_page(self, 560)
        head = QHBoxLayout()
        badge = label("")
        badge.setPixmap(theme.icon("key-round", "accent").pixmap(40, 40))
        head.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        self.title = label("", "title")
        head.addWidget(self.title, 1)
        box.addLayout(head)
        self.intro = label("", "muted")
        box.addWidget(self.intro)
        box.addSpacing(8)
        self.code = label("", "code", wrap=False)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextFormat(Qt.TextFormat.PlainText)
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.code.setFont(mono)
        box.addWidget(self.code)
        self.warning = label("", "warning")
        box.addWidget(self.warning)
        box.addSpacing(4)
        self.check = QCheckBox(self)
        self.check.toggled.connect(self._update)
        box.addWidget(self.check)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self)
        self.print_button.setIcon(theme.icon("printer"))
        self.print_button.clicked.connect(self.print_code)
        self.continue_button = QPushButton(self)
        theme.set_flag(self.continue_button, "primary")
        self.continue_button.clicked.connect(self._continue)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)
        box.addLayout(buttons)
        self.setTabOrder(self.check, self.print_button)
        self.setTabOrder(self.print_button, self.continue_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Write down your recovery code"))
        self.intro.setText(
            self.tr(
                "If you forget the passphrase, this code is the only other way into the "
                "archive. Tumar keeps no copy of it and will not show it again."
            )
        )
        self.warning.setText(
            self.tr("Anyone with this code can open the archive. Keep the paper hidden.")
        )
        self.check.setText(self.tr("I have written it down and keep it apart from this laptop"))
        self.print_button.setText(self.tr("Print…"))
        self.continue_button.setText(self.tr("Continue"))
        self.code.setAccessibleName(self.tr("Recovery code"))
        self._update()

    def show_code(self, code: str) -> None:
        self._code = code
        self.code.setText(grouped(code))
        self.check.setChecked(False)
        self.check.setFocus()
        self._update()

    def forget(self) -> None:
        self._code = ""
        self.code.clear()
        self.check.setChecked(False)

    def _update(self) -> None:
        self.continue_button.setEnabled(self.check.isChecked() and bool(self._code))

    def _continue(self) -> None:
        if self.continue_button.isEnabled():
            self.forget()
            self.confirmed.emit()

    def print_code(self) -> None:
        """Print on paper through the system's print dialog (the code goes to the printer
        queue like any printed page; nothing is written by Tumar itself)."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        doc = QTextDocument()
        doc.setPlainText(
            self.tr("Tumar recovery code\n\n{code}\n\n{warning}").format(
                code=grouped(self._code), warning=self.warning.text()
            )
        )
        doc.setDefaultFont(QFont("DejaVu Sans Mono", 14))
        doc.print_(printer)
