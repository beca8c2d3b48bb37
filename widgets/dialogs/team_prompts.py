"""The two questions the team window asks before it does something that cannot be undone
in full: removing a laptop (it keeps what it already has) and exporting the secret key.

Both are QMessageBoxes with our own buttons (Qt ships no Kazakh words for its standard
ones) and the safe choice as the default, so Enter never removes or exports by accident.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from tumar.app.team_roster import Laptop, short_recipient
from tumar.widgets.models.text import isolate


def _ask(box: QMessageBox, go_text: str, stay_text: str) -> bool:
    go = box.addButton(go_text, QMessageBox.ButtonRole.AcceptRole)
    stay = box.addButton(stay_text, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stay)
    box.setEscapeButton(stay)
    box.exec()  # a lock rejects it: clickedButton() is then not `go`
    return box.clickedButton() is go


def confirm_removal(parent: QWidget, laptop: Laptop) -> bool:
    """True when the person chose Remove, after reading what removing does not do."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("TeamPrompts", "Remove from the team"))
    if laptop.label.strip():
        box.setText(
            QCoreApplication.translate("TeamPrompts", "Remove %1 from the team?").replace(
                "%1", isolate(laptop.label)
            )
        )
    else:
        box.setText(
            QCoreApplication.translate(
                "TeamPrompts", "Remove the laptop with the key %1 from the team?"
            ).replace("%1", short_recipient(laptop.recipient))
        )
    box.setInformativeText(
        QCoreApplication.translate(
            "TeamPrompts",
            "Backups and sync bundles written on this laptop from now on will not be "
            "encrypted to it, and its own bundles will no longer be merged here. Bundles it "
            "already has stay readable to it: removing cannot take them back.",
        )
    )
    return _ask(
        box,
        QCoreApplication.translate("TeamPrompts", "Remove"),
        QCoreApplication.translate("TeamPrompts", "Keep"),
    )


def confirm_export(parent: QWidget) -> bool:
    """True when the person chose to go on after the warning about the secret key file."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("TeamPrompts", "Export this laptop's identity"))
    box.setText(
        QCoreApplication.translate(
            "TeamPrompts",
            "The file holds this laptop's secret key: whoever has it can open every "
            "bundle this laptop writes.",
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "TeamPrompts",
            "Keep it apart from this laptop, like the recovery code: printed on paper or on "
            "a stick kept offline in a safe place. Never send it by e-mail or messenger, "
            "and delete the file once it is stored safely.",
        )
    )
    return _ask(
        box,
        QCoreApplication.translate("TeamPrompts", "Choose where to save…"),
        QCoreApplication.translate("TeamPrompts", "Cancel"),
    )
