"""The one top-level window: the start flow while locked, the archive view while unlocked,
with the toolbar (search Ctrl+F, Add Ctrl+N, Lock Ctrl+L, Panic), menus and status bar.

Locking — by the button, Ctrl+L, idle time or Panic — is one path (`lock`): unsaved edits
are discarded, every page clears, open dialogs close, a sensitive clipboard copy is wiped,
the archive closes and forgets its key, and the unlock screen returns. The window title is
always just "Tumar": titles reach task bars, screenshots and window lists.
"""

from __future__ import annotations

import importlib
import pkgutil

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from . import clipboard, demo, theme
from .archive_view import ArchiveView
from .jobs import JobRunner
from .lock import IdleWatcher
from .session import Session
from .settings import Settings
from .settings_dialog import SettingsDialog
from .start.flow import StartFlow
from .status import JobStatus
from .system_lock import SystemLockWatcher
from .verify_dialog import VerifyDialog

PANIC_SHORTCUT = "Ctrl+Shift+L"
ADD_KINDS = ("person", "case", "event", "testimony", "note", "media")


class TumarWindow(QMainWindow):
    def __init__(
        self, settings: Settings | None = None, *, runner: JobRunner | None = None
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.runner = runner if runner is not None else JobRunner(self)
        self.session: Session | None = None
        self.view: ArchiveView | None = None
        self.setWindowTitle("Tumar")
        self.resize(1180, 760)
        self.setMinimumSize(QSize(820, 560))
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.flow = StartFlow(self.runner, self.stack)
        self.flow.opened.connect(self.open_session)
        self.flow.language_chosen.connect(self.set_language)
        self.flow.start.set_language(self.settings.language or "en")
        self.flow.start.set_recent(self.settings.recent_folders())
        self.stack.addWidget(self.flow)
        self.idle = IdleWatcher(self, timeout_ms=self.settings.lock_minutes * 60_000)
        self.idle.idle.connect(self.lock)
        self.system_lock = SystemLockWatcher(self)  # sleep, screen lock: lock too
        self.system_lock.lock_requested.connect(lambda _reason: self.lock())
        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self.state = QLabel(self)
        self.statusBar().addWidget(self.state, 1)
        self.job_status = JobStatus(self.runner, self)
        self.statusBar().addPermanentWidget(self.job_status)
        self.retranslate()
        self._set_unlocked_ui(False)

    # ---- construction -----------------------------------------------------------------
    def _build_actions(self) -> None:
        self.lock_action = QAction(theme.icon("lock"), "", self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.panic_action = QAction(theme.icon("shield-alert", "error"), "", self)
        self.panic_action.setShortcut(QKeySequence(PANIC_SHORTCUT))
        self.panic_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.panic_action.triggered.connect(self.panic)
        self.search_action = QAction(self)
        self.search_action.setShortcut(QKeySequence.StandardKey.Find)
        self.search_action.triggered.connect(lambda: self.focus_search())
        self.add_action = QAction(theme.icon("plus"), "", self)
        self.add_action.setShortcut(QKeySequence.StandardKey.New)
        self.add_action.triggered.connect(self.show_add_menu)
        self.verify_action = QAction(theme.icon("shield-check"), "", self)
        self.verify_action.triggered.connect(self.show_verify)
        self.settings_action = QAction(theme.icon("settings"), "", self)
        self.settings_action.triggered.connect(self.show_settings)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        for action in (self.search_action, self.lock_action, self.panic_action, self.add_action):
            self.addAction(action)
        self.add_menu = QMenu(self)
        self.add_entries: dict[str, QAction] = {}
        for kind in ADD_KINDS:
            entry = self.add_menu.addAction("")
            entry.triggered.connect(lambda _c=False, k=kind: self.add_new(k))
            self.add_entries[kind] = entry

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setMovable(False)
        self.toolbar.setIconSize(QSize(18, 18))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        self.search_box = QLineEdit(self)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.addAction(
            theme.icon("search", "muted"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search_box.setMinimumWidth(300)
        self.search_box.setMaximumWidth(420)
        self.search_box.returnPressed.connect(lambda: self.focus_search(self.search_box.text()))
        self.search_box.textEdited.connect(self._search_typed)
        self.toolbar.addWidget(self.search_box)
        self.add_button = QToolButton(self)
        self.add_button.setDefaultAction(self.add_action)
        self.add_button.setMenu(self.add_menu)
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addWidget(self.add_button)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addAction(self.verify_action)
        self.toolbar.addAction(self.lock_action)
        self.toolbar.addAction(self.panic_action)

    def _build_menus(self) -> None:
        self.archive_menu = self.menuBar().addMenu("")
        self.archive_menu.aboutToShow.connect(self._fill_archive_menu)
        self.help_menu = self.menuBar().addMenu("")
        self.about_action = self.help_menu.addAction("")
        self.about_action.triggered.connect(self.show_about)
        self._fill_archive_menu()

    def _fill_archive_menu(self) -> None:
        """Verify, other helpers' dialogs (widgets/dialogs/*_dialog.py), settings, lock."""
        menu = self.archive_menu
        menu.clear()
        menu.addAction(self.verify_action)
        known = {"dossier": self.tr("Signed dossier…"), "backup": self.tr("Backup…"),
                 "restore": self.tr("Restore from a backup…"), "sync": self.tr("Sync…"),
                 "team": self.tr("Team members…"), "conflicts": self.tr("Conflicts…")}  # fmt: skip
        for title, factory in extra_dialogs(known):
            action = menu.addAction(title)
            action.setEnabled(self.session is not None)
            action.triggered.connect(lambda _c=False, f=factory: self._open_dialog(f))
        menu.addSeparator()
        menu.addAction(self.settings_action)
        menu.addSeparator()
        menu.addAction(self.lock_action)
        menu.addAction(self.panic_action)
        menu.addAction(self.quit_action)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        """Any language switch (settings, start screen, another catalogue) relabels this."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.lock_action.setText(self.tr("Lock"))
        self.lock_action.setToolTip(self.tr("Lock the archive (Ctrl+L)"))
        self.panic_action.setText(self.tr("Panic"))
        self.panic_action.setToolTip(
            self.tr("Lock at once and hide the window ({keys})").format(keys=PANIC_SHORTCUT)
        )
        self.add_action.setText(self.tr("Add"))
        self.add_action.setToolTip(self.tr("Add a record (Ctrl+N)"))
        self.verify_action.setText(self.tr("Verify"))
        self.verify_action.setToolTip(self.tr("Check that nothing in the archive was altered"))
        self.settings_action.setText(self.tr("Settings…"))
        self.quit_action.setText(self.tr("Quit"))
        names = {"person": self.tr("Person"), "case": self.tr("Case"), "event": self.tr("Event"),
                 "testimony": self.tr("Testimony"), "note": self.tr("Note"),
                 "media": self.tr("Photos and files…")}  # fmt: skip
        for kind, entry in self.add_entries.items():
            entry.setText(names[kind])
        self.search_box.setPlaceholderText(self.tr("Search names, testimonies, notes…  Ctrl+F"))
        self.search_box.setAccessibleName(self.tr("Search the archive"))
        self.archive_menu.setTitle(self.tr("&Archive"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("About Tumar"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.job_status.retranslate()
        self.flow.retranslate()
        if self.view is not None:
            self.view.retranslate()
        self._update_state()

    def _update_state(self) -> None:
        if self.session is None:
            self.state.setText("")
        else:
            self.state.setText(
                self.tr("Unlocked · locks after %n min idle", "", self.settings.lock_minutes)
            )

    def _set_unlocked_ui(self, unlocked: bool) -> None:
        self.toolbar.setVisible(unlocked)
        for action in (self.lock_action, self.panic_action, self.search_action,
                       self.add_action, self.verify_action):  # fmt: skip
            action.setEnabled(unlocked)
        self._update_state()

    # ---- open / lock ----------------------------------------------------------------------
    def open_session(self, session: Session) -> None:
        self.session = session
        if not demo.is_demo(session.folder):
            self.settings.add_recent(session.folder)
        session.locked.connect(self._session_locked)
        self.view = ArchiveView(session, self.stack)
        self.stack.addWidget(self.view)
        self.stack.setCurrentWidget(self.view)
        self.view.refresh_all()
        self.idle.set_timeout_minutes(self.settings.lock_minutes)
        self.idle.start()
        self._set_unlocked_ui(True)
        self.view.nav.setFocus()

    def lock(self) -> None:
        """Lock now (button, Ctrl+L, idle): every trace of content leaves the window."""
        if self.session is None:
            return
        self.idle.stop()
        stray = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog)]
        for dialog in {*self.findChildren(QDialog), *stray}:  # parented or not
            dialog.reject()
            dialog.deleteLater()
        if self.view is not None:
            self.view.clear_all()
            self.stack.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None
        clipboard.clear_sensitive()
        self.search_box.clear()
        session, self.session = self.session, None
        folder = session.folder
        session.locked.disconnect(self._session_locked)
        session.lock()
        session.deleteLater()
        self._set_unlocked_ui(False)
        self.flow.forget()
        self.flow.open_folder(folder)
        self.stack.setCurrentWidget(self.flow)

    def _session_locked(self) -> None:
        self.lock()

    def panic(self) -> None:
        """Lock at once and get the window out of sight. With no archive open, a create,
        restore or unlock may be under way: it is cancelled and its result dropped (a
        restore that had already finished stays on disk; its passphrase opens it and
        `tumar recovery-code new` replaces the code nobody saw), and the start flow is
        emptied, so no passphrase or recovery code is on screen when the window is back."""
        if self.session is None:
            self.runner.cancel_all(detach=True)
            self.flow.drop_work()
        self.lock()
        self.showMinimized()

    # ---- toolbar routes -----------------------------------------------------------------
    def focus_search(self, text: str | None = None) -> None:
        if self.view is None:
            return
        if text is None:
            self.search_box.setFocus()
            self.search_box.selectAll()
            return
        self.view.focus_search(text)

    def _search_typed(self, text: str) -> None:
        if self.view is not None and text.strip():
            self.view.focus_search(text)
            self.search_box.setFocus()

    def show_add_menu(self) -> None:
        if self.view is not None:
            self.add_menu.popup(self.add_button.mapToGlobal(self.add_button.rect().bottomLeft()))

    def add_new(self, kind: str) -> None:
        if self.view is not None:
            self.view.add_new(kind)

    # ---- dialogs --------------------------------------------------------------------------
    def _open_dialog(self, factory) -> None:
        if self.session is not None:
            factory(self.session, self).open()

    def show_verify(self) -> VerifyDialog | None:
        if self.session is None:
            return None
        dialog = VerifyDialog(self.session, self)
        dialog.open()
        return dialog

    def show_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.settings, self)
        dialog.language_changed.connect(self.set_language)
        dialog.lock_minutes_changed.connect(self._lock_minutes_changed)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Tumar"),
            self.tr(
                "Tumar keeps testimonies, photos and case notes in an encrypted archive on "
                "this computer. It works offline and sends nothing anywhere."
            ),
        )

    def _lock_minutes_changed(self, minutes: int) -> None:
        self.idle.set_timeout_minutes(minutes)
        self._update_state()

    def set_language(self, language: str) -> None:
        from .app import install_translators

        self.settings.language = language
        install_translators(QApplication.instance(), language)
        self.flow.start.set_language(language)
        self.retranslate()

    # ---- window ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        if self.view is not None and self.view.has_unsaved_changes():
            if not self.view.resolve_unsaved(self.view.current_page()):
                event.ignore()
                return
        self.settings.set_geometry(self.saveGeometry())
        self.lock()
        self.runner.cancel_all(detach=True)
        super().closeEvent(event)


def extra_dialogs(known: dict[str, str] | None = None) -> list[tuple[str, object]]:
    """(menu title, factory) for each widgets/dialogs/<name>_dialog.py that offers a
    QDialog taking (session, parent). A module may set MENU_TITLE (a callable returning the
    translated title); otherwise the file name is used."""
    from . import dialogs

    found = []
    for info in sorted(pkgutil.iter_modules(dialogs.__path__), key=lambda i: i.name):
        if not info.name.endswith("_dialog"):
            continue
        try:
            module = importlib.import_module(f"{dialogs.__name__}.{info.name}")
        except Exception:  # a broken optional dialog must not break the menu
            continue
        classes = [
            obj for obj in vars(module).values()
            if isinstance(obj, type) and issubclass(obj, QDialog)
            and obj.__module__ == module.__name__
        ]  # fmt: skip
        if not classes:
            continue
        title_fn = getattr(module, "MENU_TITLE", None)
        stem = info.name[: -len("_dialog")]
        if callable(title_fn):
            title = title_fn()
        else:
            title = (known or {}).get(stem) or stem.replace("_", " ").capitalize() + "…"
        found.append((title, classes[0]))
    return found
