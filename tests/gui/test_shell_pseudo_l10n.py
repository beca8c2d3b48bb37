"""Layouts survive strings 40 % longer than English: with a pseudo-translation installed
(every string accented and padded by 40 %), the main screens at the window's default size
show every label and button whole — each one's size hint fits its geometry — and the
window does not have to grow beyond its default size."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QToolButton, QWidget

from tumar.app import cases, people, testimonies
from tumar.app.media.importer import Links, import_files
from tumar.widgets.editors.history_view import HistoryDialog
from tumar.widgets.media.import_dialog import ImportDialog
from tumar.widgets.media.link_dialog import LinkMediaDialog

DEFAULT_SIZE = (1180, 760)  # TumarWindow's own default
ACCENTED = str.maketrans("aeiouyAEIOUYcnsz", "áéîöûýÅÉÎÖÛÝçñšž")
KEEP = re.compile(r"(%\d|%n|\{\w+\}|<[^>]*>|&\w+;|Ctrl\+\S+)")


def pseudo(text: str) -> str:
    """Accents outside placeholders and tags, then 40 % more letters (at least 2)."""
    parts = KEEP.split(text)
    body = "".join(p if KEEP.fullmatch(p) else p.translate(ACCENTED) for p in parts)
    return body + "~" * max(2, math.ceil(len(text) * 0.4))


class PseudoTranslator(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001
        if context == "Language" or not source:  # the UI language code is not a label
            return None
        return pseudo(source)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt name)
        return False


@pytest.fixture
def pseudo_language(qapp) -> Iterator[PseudoTranslator]:
    translator = PseudoTranslator()
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def clipped(root: QWidget) -> list[str]:
    """Visible labels and buttons whose text needs more room than they were given."""
    bad = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and widget.text().strip():
            if widget.wordWrap():
                short = widget.heightForWidth(widget.width()) - widget.height()
                if short > 1:
                    bad.append(f"label {widget.text()[:50]!r} {short}px too short")
                continue
            hint = widget.sizeHint()
        elif isinstance(widget, QAbstractButton) and widget.text().strip():
            if (
                isinstance(widget, QToolButton)
                and widget.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
            ):
                continue  # its text is only its accessible name, never drawn
            hint = widget.sizeHint()
        else:
            continue
        if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
            bad.append(
                f"{type(widget).__name__} {widget.text()[:50]!r} needs {hint.width()}x"
                f"{hint.height()}, has {widget.width()}x{widget.height()}"
            )
    return bad


def _settle(kit) -> None:
    window = kit.window
    kit.qtbot.waitUntil(lambda: window.lock_action.text().endswith("~"), timeout=2000)
    window.resize(*DEFAULT_SIZE)
    QApplication.processEvents()
    kit.qtbot.waitUntil(lambda: window.size().toTuple() == DEFAULT_SIZE, timeout=2000)


def test_pseudo_translation_is_really_installed(pseudo_language) -> None:
    assert QCoreApplication.translate("TumarWindow", "Lock").startswith("Löçk~~")


def test_start_screens_fit_longer_strings(kit, pseudo_language, shot) -> None:
    problems = {}
    flow = kit.window.flow
    for name, show in (
        ("start", flow.show_start),
        ("create", flow.show_create),
        ("recovery", lambda: (flow.recovery.show_code("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ"),
                              flow.setCurrentWidget(flow.recovery))),
        ("unlock", lambda: flow.open_folder(kit.new_archive())),
    ):  # fmt: skip
        show()
        _settle(kit)
        problems[name] = clipped(kit.window)
        shot(kit.window, f"pseudo_{name}")
    assert not any(problems.values()), problems


def test_pages_and_editors_fit_longer_strings(kit, pseudo_language, shot, tmp_path) -> None:
    session = kit.unlock()
    archive = session.archive
    person = people.add_person(archive, "Aiman Umarova").person
    case = cases.add_case(archive, "Zaisan hearing")
    cases.add_event(archive, case.id, "hearing", "2031-05-02")
    testimonies.add_testimony(archive, person.id, "They took my brother at the border.")
    photo = tmp_path / "photo.jpg"
    Image.new("RGB", (64, 48), (90, 120, 60)).save(photo)
    media = import_files(archive, [photo], Links(case_ids=(case.id,))).results[0].media
    session.notify_changed("*")
    view = kit.window.view
    problems = {}
    for key in list(view.pages):
        assert view.show_page(key)
        _settle(kit)
        problems[key] = clipped(kit.window)
        shot(kit.window, f"pseudo_page_{key}")
    view.show_page("media")
    view.current_page().show_record("media", media.id)  # its actions and links shown
    _settle(kit)
    problems["media detail"] = clipped(kit.window)
    shot(kit.window, "pseudo_media_detail")
    for key, kind in (
        ("people", "person"), ("cases", "case"), ("cases", "event"),
        ("testimonies", "testimony"), ("cases", "note"),
    ):  # fmt: skip
        view.show_page(key)
        page = view.current_page()
        if kind in ("event", "note"):
            page.show_record("case", case.id)
        page.add_new(kind)
        _settle(kit)
        problems[f"{kind} editor"] = clipped(kit.window)
        shot(kit.window, f"pseudo_editor_{kind}")
        page.discard_changes()
    settings = kit.window.show_settings()
    kit.qtbot.waitExposed(settings)
    problems["settings"] = clipped(settings)
    shot(settings, "pseudo_settings")
    settings.reject()
    dialogs = {
        "verify": kit.window.show_verify(),
        "history": HistoryDialog(session, "person", person.id, kit.window),
        "import": ImportDialog(session, [], parent=kit.window),
        "link media": LinkMediaDialog(session, media.id, "case", kit.window),
    }
    for name, dialog in dialogs.items():
        dialog.show()
        kit.qtbot.waitExposed(dialog)
        problems[name] = clipped(dialog)
        shot(dialog, f"pseudo_{name}")
        dialog.reject()
    assert not any(problems.values()), {k: v for k, v in problems.items() if v}
