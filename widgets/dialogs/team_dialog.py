"""Who can read the team's bundles: this laptop's key, the other laptops, adding and
removing them, and exporting this laptop's secret key — without a terminal.

The roster reads and single writes run on the GUI thread's archive (quick, like the
dossier preview); writing the identity file goes through session.runner (an fsync on a
slow stick). A member's label is record content: it lives in the field and the archive,
never in QSettings, argv, the environment or a log line.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tumar.app.sync import team
from tumar.app.team_roster import Laptop, roster, short_recipient
from tumar.storage.errors import InvalidInput, TumarError
from tumar.widgets import clipboard, theme
from tumar.widgets.media.file_dialogs import choose_save_path
from tumar.widgets.session import Session

from .team_prompts import confirm_export, confirm_removal

# the key is public, but it still stays out of clipboard history; long enough to paste it
# into a message to a teammate
KEY_ON_CLIPBOARD_MS = 120_000


def _mono() -> QFont:
    """The desktop's fixed-width font; the one the recovery code uses where the platform
    names none that really is fixed-width (keys are compared character by character)."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if not QFontInfo(font).fixedPitch():
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
    return font


def _heading(widget: QLabel) -> QLabel:
    theme.set_role(widget, "heading")
    widget.setWordWrap(True)
    return widget


def _muted(widget: QLabel) -> QLabel:
    theme.set_role(widget, "muted")
    widget.setWordWrap(True)
    return widget


class TeamDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.own_heading, self.own_hint = _heading(QLabel()), _muted(QLabel())
        self.own_key = QLineEdit()
        self.own_key.setReadOnly(True)
        self.own_key.setFont(_mono())
        theme.set_flag(self.own_key, "mono")
        self.copy_button = QPushButton()
        self.copy_button.setIcon(theme.icon("copy"))
        self.copy_button.clicked.connect(self.copy_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.own_key, 1)
        key_row.addWidget(self.copy_button)
        self.recovery_note = _muted(QLabel())
        self.members_heading, self.members_hint = _heading(QLabel()), _muted(QLabel())
        self.members_view = QTreeWidget()
        self.members_view.setRootIsDecorated(False)
        self.members_view.setColumnCount(2)
        self.members_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.members_view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.members_view.itemSelectionChanged.connect(self._selection_changed)
        self.remove_button = QPushButton()
        self.remove_button.setIcon(theme.icon("trash-2"))
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_selected)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        self.add_heading = _heading(QLabel())
        self.recipient_edit = QLineEdit()
        self.label_edit = QLineEdit()
        self.add_error = QLabel()
        theme.set_role(self.add_error, "error")
        self.add_error.setWordWrap(True)
        self.add_error.hide()
        for edit in (self.recipient_edit, self.label_edit):
            edit.textEdited.connect(lambda _text: self._say_add_error(""))
            edit.returnPressed.connect(self.add_member)
        self.add_button = QPushButton()
        self.add_button.setIcon(theme.icon("user-plus"))
        self.add_button.clicked.connect(self.add_member)
        self.form_labels = [QLabel(), QLabel()]
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.form_labels[0], self.recipient_edit)
        form.addRow(self.form_labels[1], self.label_edit)
        self.form_labels[0].setBuddy(self.recipient_edit)
        self.form_labels[1].setBuddy(self.label_edit)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        # our own buttons: Qt has no Kazakh words for its standard ones
        buttons = QDialogButtonBox()
        self.export_button = QPushButton()
        self.export_button.setIcon(theme.icon("key-round"))
        self.export_button.clicked.connect(self.export_identity)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.own_heading, self.own_hint):
            layout.addWidget(widget)
        layout.addLayout(key_row)
        layout.addWidget(self.recovery_note)
        layout.addSpacing(8)
        for widget in (self.members_heading, self.members_hint, self.members_view):
            layout.addWidget(widget)
        layout.addLayout(remove_row)
        layout.addWidget(self.add_heading)
        layout.addLayout(form)
        layout.addWidget(self.add_error)
        layout.addLayout(add_row)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.laptops: list[Laptop] = []
        session.changed.connect(self._archive_changed)
        self.retranslate()  # reads the keys and the roster, in the current language

    def retranslate(self) -> None:
        """Every fixed text, again in the current language (also on LanguageChange)."""
        self.setWindowTitle(self.tr("Team members"))
        self.own_heading.setText(self.tr("This laptop's key"))
        self.own_hint.setText(
            self.tr(
                "Teammates add this key on their laptops, under Team members, so that "
                "their bundles can be opened here."
            )
        )
        self.copy_button.setText(self.tr("Copy"))
        self.recovery_note.setText(
            self.tr(
                "Open this archive once with its recovery code, so that the code can also "
                "open this laptop's bundles."
            )
        )
        self.members_heading.setText(self.tr("The team's other laptops"))
        self.members_hint.setText(
            self.tr(
                "Every backup and sync bundle written on this laptop is encrypted to these "
                "laptops, to this laptop itself and to its paper recovery code."
            )
        )
        self.members_view.setHeaderLabels([self.tr("Whose laptop"), self.tr("Key")])
        self.remove_button.setText(self.tr("Remove…"))
        self.add_heading.setText(self.tr("Add a laptop"))
        self.form_labels[0].setText(self.tr("Its key"))
        self.form_labels[1].setText(self.tr("Whose laptop"))
        self.recipient_edit.setPlaceholderText(
            self.tr("age1… (shown in Team members on the other laptop)")
        )
        self.label_edit.setPlaceholderText(self.tr("For example: Aigerim's laptop"))
        self.add_button.setText(self.tr("Add member"))
        self.export_button.setText(self.tr("Export identity…"))
        self.close_button.setText(self.tr("Close"))
        self._say_add_error("")  # a line in the old language would only confuse
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- reading ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Read this laptop's key and the roster again (after a change or a sync)."""
        if not self.session.is_open:
            return
        try:
            archive = self.session.archive
            keys = team.keys(archive)
            self.laptops = roster(archive)
        except TumarError as exc:
            self._say(str(exc))
            return
        self.own_key.setText(keys.recipient)
        self.recovery_note.setVisible(keys.recovery_recipient is None)
        self.members_view.clear()
        for laptop in self.laptops:
            label = laptop.label.strip() or (
                self.tr("(no name yet)") if laptop.member else self.tr("(known from a sync)")
            )
            item = QTreeWidgetItem([label, short_recipient(laptop.recipient)])
            item.setData(0, Qt.ItemDataRole.UserRole, laptop.recipient)
            item.setToolTip(1, laptop.recipient)
            item.setFont(1, self.own_key.font())
            self.members_view.addTopLevelItem(item)
        if not self.laptops:
            empty = QTreeWidgetItem([self.tr("No other laptops yet."), ""])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.members_view.addTopLevelItem(empty)
        self._selection_changed()

    def _archive_changed(self, kind: str) -> None:
        if kind in ("*", "team_member"):
            self.refresh()

    def selected(self) -> Laptop | None:
        items = self.members_view.selectedItems()
        recipient = items[0].data(0, Qt.ItemDataRole.UserRole) if items else None
        return next((lap for lap in self.laptops if lap.recipient == recipient), None)

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(self.selected() is not None)

    # ---- actions ----------------------------------------------------------------------
    def copy_key(self) -> None:
        clipboard.copy_sensitive(self.own_key.text(), KEY_ON_CLIPBOARD_MS)
        self._say(self.tr("Key copied. Tumar takes it off the clipboard again in two minutes."))

    def _add_problem(self, recipient: str, label: str) -> str | None:
        """The one line to show under the fields, or None when the laptop can be added."""
        try:
            recipient = team.check_recipient(recipient)
        except InvalidInput:
            return self.tr(
                "That is not a laptop key. A key starts with age1; copy it from Team "
                "members on the other laptop."
            )
        if recipient == self.own_key.text():
            return self.tr("That is this laptop's own key; it can always open its bundles.")
        if any(lap.member and lap.recipient == recipient for lap in self.laptops):
            return self.tr("That laptop is already in the team.")
        if not label.strip():
            return self.tr("Say whose laptop this is, so that you recognise it later.")
        return None

    def add_member(self) -> None:
        recipient, label = self.recipient_edit.text(), self.label_edit.text()
        problem = self._add_problem(recipient, label)
        if problem is None:
            try:
                team.add_member(self.session.archive, recipient, label)
            except TumarError as exc:
                problem = str(exc)
        if problem is not None:
            self._say_add_error(problem)
            return
        self.recipient_edit.clear()
        self.label_edit.clear()
        self._say(self.tr("Added. Bundles written from now on are also encrypted to that laptop."))
        self.session.notify_changed("team_member")
        self.refresh()

    def remove_selected(self) -> None:
        laptop = self.selected()
        if laptop is None or not confirm_removal(self, laptop):
            return
        try:
            team.remove_member(self.session.archive, laptop.recipient)
        except TumarError as exc:
            self._say(str(exc))
            return
        self._say(
            self.tr(
                "Removed. Bundles written from now on are not encrypted to that laptop, and "
                "its bundles are no longer merged here; bundles it already has stay readable "
                "to it."
            )
        )
        self.session.notify_changed("team_member")
        self.refresh()

    def export_identity(self) -> None:
        if not confirm_export(self):
            return
        replica = self.session.archive.replica_id
        chosen = choose_save_path(
            self, self.tr("Save this laptop's identity"), f"tumar-identity-{replica[:8]}.txt"
        )
        if not chosen:
            return
        dest = Path(chosen)
        if dest.exists():
            self._say(self.tr("That file already exists; choose a new name."))
            return
        cannot_write = self.tr("The file could not be written there: %1")
        session = self.session

        def job(progress, cancel):
            with session.worker_archive() as archive:
                try:
                    team.export_identity(archive, dest)
                except OSError as exc:  # a full or read-only stick: one line, no traceback
                    raise InvalidInput(cannot_write.replace("%1", exc.strerror or "")) from None
            return dest

        self.export_button.setEnabled(False)
        session.runner.run(
            job, title=self.tr("Export identity"), on_done=self._exported, on_error=self._failed
        )

    def _exported(self, dest: Path) -> None:
        self.export_button.setEnabled(True)
        self._say(
            self.tr("Identity written to %1. Keep it apart from this laptop.").replace(
                "%1", dest.name
            )
        )

    def _failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self._say(message)

    # ---- messages ---------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.status.setText(" ".join(text.split()))  # always one line

    def _say_add_error(self, text: str) -> None:
        self.add_error.setText(" ".join(text.split()))
        self.add_error.setVisible(bool(text))
