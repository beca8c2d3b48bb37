"""What every editor shares: a heading with a dot for unsaved changes, a form, errors
next to the field they concern, and Save / Cancel.

Why errors by field: the services raise one-line InvalidInput messages; an editor checks
what it can before calling them (dates, required text) so the message lands under the
field the user must fix, and anything the service still refuses is shown above Save.
Every save goes through the same app/ services as the CLI, so history and audit entries
are the same whichever way a record was edited.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from tumar.storage.errors import TumarError
from tumar.widgets import theme
from tumar.widgets.failure_text import failure_line

from .retranslate import Retranslating


class FieldError(Exception):
    """Raised by collect(): `field` names the input the message belongs under."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class Editor(Retranslating, QWidget):
    KIND = ""  # record kind it saves (for Session.notify_changed)
    saved = Signal(str)  # record id
    deleted = Signal(str)  # record id, after the tombstone was written
    cancelled = Signal()
    dirty_changed = Signal(bool)

    def __init__(self, session, record_id: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.record_id = record_id
        self._dirty = False
        self._loading = False
        self._errors: dict[str, QLabel] = {}
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setWeight(font.Weight.DemiBold)
        self.title.setFont(font)
        self.dot = QLabel("●")
        theme.set_role(self.dot, "warning")  # the theme's colours read on light and dark
        self.bind(self.dot.setToolTip, lambda: self.tr("Unsaved changes"))
        self.bind(self.dot.setAccessibleName, lambda: self.tr("Unsaved changes"))
        self.dot.hide()
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.dot)
        head.addStretch(1)
        self.form_host = QWidget()
        outer = QVBoxLayout(self.form_host)  # the stretch keeps rows at their natural height
        self.form = QFormLayout()
        outer.addLayout(self.form)
        outer.addStretch(1)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setVerticalSpacing(10)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form_host)
        self.general_error = QLabel()
        theme.set_role(self.general_error, "error")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.save_button = QPushButton()
        self.bind(self.save_button.setText, lambda: self.tr("Save"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.bind(self.cancel_button.setText, lambda: self.tr("Cancel"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        self.delete_button = QPushButton()
        self.bind(self.delete_button.setText, lambda: self.tr("Delete…"))
        self.delete_button.setVisible(bool(record_id))
        self.delete_button.clicked.connect(self.delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.general_error, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    # ---- building the form ----------------------------------------------------------
    def add_field(
        self, name: str, label: str | Callable[[], str], widget: QWidget, hint: QLabel | None = None
    ) -> None:
        """A labelled input with an error line (hidden until needed) under it. `label` as a
        function (`lambda: self.tr("Case")`) follows language switches."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if hint is not None:
            column.addWidget(hint)
        error = QLabel()
        theme.set_role(error, "error")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self._errors[name] = error
        make = label if callable(label) else (lambda: label)
        caption = QLabel()
        caption.setBuddy(widget)
        self.bind(caption.setText, make)
        self.bind(widget.setAccessibleName, make)
        self.form.addRow(caption, box)
        self.watch(widget)

    def watch(self, widget: QWidget) -> None:
        """Mark the editor dirty when `widget` changes."""
        signal: Callable | None = None
        if isinstance(widget, QLineEdit):
            signal = widget.textChanged
        elif isinstance(widget, QPlainTextEdit):
            signal = widget.textChanged
        elif isinstance(widget, QComboBox):
            signal = widget.currentIndexChanged
        elif isinstance(widget, QCheckBox):
            signal = widget.toggled
        elif isinstance(widget, QTableWidget):
            signal = widget.itemChanged
        else:  # composite fields (DateField …) expose textChanged themselves
            signal = getattr(widget, "textChanged", None)
        if signal is not None:
            signal.connect(lambda *_a: self.mark_dirty())

    def mark_dirty(self) -> None:
        if self._loading or self._dirty:
            return
        self._dirty = True
        self.dot.show()
        self.dirty_changed.emit(True)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def loading(self) -> _Loading:
        return _Loading(self)

    # ---- errors ---------------------------------------------------------------------
    def show_error(self, field: str, message: str) -> None:
        label = self._errors.get(field)
        if label is None:
            self.general_error.setText(message)
            self.general_error.show()
            return
        label.setText(message)
        label.show()

    def clear_errors(self) -> None:
        for label in (*self._errors.values(), self.general_error):
            label.clear()
            label.hide()

    # ---- save / cancel --------------------------------------------------------------
    def set_heading(self, make: Callable[[], str]) -> None:
        """The editor's heading (e.g. "New event"), kept in the UI language."""
        self.bind(self.title.setText, make)

    def focus_first(self) -> None:
        self.focusNextChild()

    def write(self) -> str:
        """Validate, write through the app/ services, return the record id; raise
        FieldError or TumarError to refuse."""
        raise NotImplementedError

    def save(self) -> bool:
        self.clear_errors()
        try:
            record_id = self.write()
        except FieldError as exc:
            self.show_error(exc.field, str(exc))
            return False
        except TumarError as exc:
            self.show_error("", str(exc))
            return False
        except Exception as exc:  # a full disk, a damaged page: said here, not raised
            line = failure_line(exc)
            if line is None:
                raise
            self.show_error("", line)
            return False
        self._dirty = False
        self.dot.hide()
        self.saved.emit(record_id)
        return True

    def delete(self) -> bool:
        """Tombstone the edited record after a confirmation (same service as the CLI)."""
        from tumar.widgets.pages.deleting import confirm_and_delete

        if not self.record_id or not confirm_and_delete(
            self, self.session, self.KIND, self.record_id
        ):
            return False
        self._dirty = False
        self.deleted.emit(self.record_id)
        return True

    def cancel(self) -> None:
        self._dirty = False
        self.cancelled.emit()

    def clear(self) -> None:
        """Drop every typed value (on lock or when the editor closes)."""
        self._dirty = False
        for picker in self.findChildren(QComboBox):
            if hasattr(picker, "stop"):
                picker.stop()  # a pending search-as-you-type must not reach a closed archive
        for child in self.findChildren(QLineEdit):
            child.clear()
        for child in self.findChildren(QPlainTextEdit):
            child.clear()
        for child in self.findChildren(QTableWidget):
            child.setRowCount(0)


class _Loading:
    """`with editor.loading():` fills fields without marking the editor dirty."""

    def __init__(self, editor: Editor) -> None:
        self.editor = editor

    def __enter__(self) -> None:
        self.editor._loading = True

    def __exit__(self, *exc: object) -> None:
        self.editor._loading = False


def hint_label() -> QLabel:
    label = QLabel()
    label.setEnabled(False)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label
