"""The start flow's restore: a real backup bundle of a tiny real archive becomes a NEW
archive through the real widgets, shows its recovery code, and opens in the main window
with the source's records; wrong secrets, sync bundles, damaged bundles and taken folders
are one line each and leave no folder behind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.app.sync.support import records
from tests.mounts import small_tmpfs
from tumar.app import lifecycle, restore_inputs
from tumar.app.sync import export, team
from tumar.storage.archive import Archive
from tumar.storage.records import Note, Person, Testimony
from tumar.widgets.jobs import JobRunner
from tumar.widgets.start.restore_screen import RestoreScreen

from .pages_support import answer_next_modal, pick_file

BUNDLE_PASS = "lantern orchard seventeen kettles"
WRONG_KEY_LINE = "This passphrase or recovery code does not open this backup."


@pytest.fixture
def source(tmp_path: Path, passphrase: str):
    """A tiny real archive: a person, a testimony edited once (a kept version), a note."""
    archive, code = lifecycle.create_archive(tmp_path / "source.tumar", passphrase)
    repo = archive.repo
    person = repo.insert(Person(display_name="Қайша Ақан", notes="relatives held"))
    testimony = repo.insert(Testimony(witness_id=person.id, text="first telling"))
    testimony.text = "second telling"
    repo.update(testimony)
    repo.insert(Note(text="met in Almaty", person_id=person.id))
    archive.recovery_code = code  # type: ignore[attr-defined]
    yield archive
    archive.close()


def _bundle(source: Archive, tmp_path: Path, *, passphrase: str | None = None) -> Path:
    path = tmp_path / "tumar-backup-test.tumar-bundle"
    export.write_bundle(source, path, passphrase=passphrase)
    return path


def _fill(qtbot, screen: RestoreScreen, bundle: Path, target: Path, secret: str, new: str) -> None:
    """As a person would: pick the backup in the file dialog, type the secret, name the new
    archive, type the new passphrase twice."""
    answer_next_modal(pick_file(bundle))
    qtbot.mouseClick(screen.source.bundle_choose, Qt.MouseButton.LeftButton)
    assert screen.source.bundle == bundle
    if secret:
        qtbot.keyClicks(screen.source.secret, secret)
    screen.where.set_location(target.parent)
    screen.where.name.clear()
    qtbot.keyClicks(screen.where.name, target.name.removesuffix(".tumar"))
    assert screen.where.folder() == target
    qtbot.keyClicks(screen.pair.first, new)
    qtbot.keyClicks(screen.pair.second, new)


def _restore_in_window(
    kit, bundle: Path, secret: str = "", identity: Path | None = None
) -> tuple[Path, str]:
    """Start screen → restore → recovery code → main window; returns the new folder and
    the recovery code the window showed."""
    flow = kit.window.flow
    kit.qtbot.mouseClick(flow.start.restore_button, Qt.MouseButton.LeftButton)
    assert flow.currentWidget() is flow.restore
    if identity is not None:
        source = flow.restore.source
        kit.qtbot.mouseClick(source.mode_button, Qt.MouseButton.LeftButton)
        assert source.identity_mode and source.secret.isHidden()
        answer_next_modal(pick_file(identity))
        kit.qtbot.mouseClick(source.identity_choose, Qt.MouseButton.LeftButton)
        assert source.identity == identity
    target = kit.tmp_path / "joined.tumar"
    _fill(kit.qtbot, flow.restore, bundle, target, secret, kit.passphrase)
    assert flow.restore.can_restore
    kit.qtbot.mouseClick(flow.restore.restore_button, Qt.MouseButton.LeftButton)
    kit.qtbot.waitUntil(lambda: flow.currentWidget() is flow.recovery, timeout=20_000)
    code = flow.recovery.code.text()
    assert code and not flow.recovery.continue_button.isEnabled()
    assert kit.window.session is None  # not open before the code is confirmed
    kit.qtbot.mouseClick(flow.recovery.check, Qt.MouseButton.LeftButton)
    kit.qtbot.mouseClick(flow.recovery.continue_button, Qt.MouseButton.LeftButton)
    kit.qtbot.waitUntil(lambda: kit.window.session is not None, timeout=10_000)
    return target, code


def _assert_joined(kit, source: Archive, target: Path, code: str) -> None:
    session = kit.window.session
    assert session.folder == target
    restored = session.archive
    assert restored.archive_id == source.archive_id
    assert restored.replica_id != source.replica_id  # a new laptop's copy
    assert records(restored) == records(source)
    assert not kit.window.flow.restore.source.secret.text()  # no secret left in a field
    flat = "".join(code.split())
    for path in (kit.tmp_path / "qsettings").rglob("*"):
        if path.is_file():
            text = path.read_text(errors="replace")
            assert flat not in "".join(text.split()) and kit.passphrase not in text
    # the new archive opens again with the new passphrase and with the code shown
    kit.window.lock()
    # closed everywhere: the worker's copy too (an archive left open keeps its -wal file)
    assert sorted(p.name for p in target.iterdir()) == ["archive.db", "media.db", "tumar.json"]
    for secret in (kit.passphrase, flat):
        lifecycle.open_archive(target, secret).close()


def test_restore_with_the_backups_passphrase(kit, source, tmp_path: Path) -> None:
    bundle = _bundle(source, tmp_path, passphrase=BUNDLE_PASS)
    target, code = _restore_in_window(kit, bundle, BUNDLE_PASS)
    _assert_joined(kit, source, target, code)


def test_restore_with_the_old_laptops_recovery_code(kit, source, tmp_path: Path) -> None:
    bundle = _bundle(source, tmp_path)  # to team keys, and to the recovery code's key
    target, code = _restore_in_window(kit, bundle, source.recovery_code)
    _assert_joined(kit, source, target, code)


def test_restore_with_an_exported_identity_file(kit, source, tmp_path: Path) -> None:
    bundle = _bundle(source, tmp_path)
    identity = tmp_path / "old-laptop.key"
    team.export_identity(source, identity)
    target, code = _restore_in_window(kit, bundle, identity=identity)
    _assert_joined(kit, source, target, code)


# ---- refusals: one line each, nothing made -------------------------------------------------
@pytest.fixture
def screen(qtbot) -> RestoreScreen:
    widget = RestoreScreen(JobRunner(synchronous=True))
    qtbot.addWidget(widget)
    widget.resize(640, 900)
    widget.show()
    return widget


def _try(qtbot, screen: RestoreScreen, bundle: Path, target: Path, secret: str, new: str):
    _fill(qtbot, screen, bundle, target, secret, new)
    assert screen.can_restore
    qtbot.mouseClick(screen.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen._busy, timeout=20_000)


def test_a_wrong_passphrase_is_one_line_under_the_field_and_makes_nothing(
    qtbot, screen, source, tmp_path: Path, passphrase: str
) -> None:
    bundle = _bundle(source, tmp_path, passphrase=BUNDLE_PASS)
    target = tmp_path / "new.tumar"
    with qtbot.assertNotEmitted(screen.restored):
        _try(qtbot, screen, bundle, target, "not the right words", passphrase)
    assert screen.source.key_error.isVisible()
    assert screen.source.key_error.text() == WRONG_KEY_LINE
    assert screen.focusWidget() is screen.source.secret
    assert not screen.error.isVisible() and not screen.source.bundle_error.isVisible()
    assert not target.exists()
    qtbot.keyClicks(screen.source.secret, "x")  # typing again clears the line
    assert not screen.source.key_error.isVisible()


def test_a_recovery_code_of_another_archive_is_the_same_line(
    qtbot, screen, source, tmp_path: Path, passphrase: str
) -> None:
    other, other_code = lifecycle.create_archive(tmp_path / "other.tumar", passphrase)
    other.close()
    target = tmp_path / "new.tumar"
    _try(qtbot, screen, _bundle(source, tmp_path), target, other_code, passphrase)
    assert screen.source.key_error.text() == WRONG_KEY_LINE
    assert not target.exists()


def test_an_identity_file_that_does_not_fit_is_one_line(
    qtbot, screen, source, tmp_path: Path, passphrase: str
) -> None:
    other, _code = lifecycle.create_archive(tmp_path / "other.tumar", passphrase)
    team.export_identity(other, tmp_path / "other.key")
    other.close()
    (tmp_path / "notes.txt").write_text("not a key\n")
    target = tmp_path / "new.tumar"
    qtbot.mouseClick(screen.source.mode_button, Qt.MouseButton.LeftButton)
    screen.source.set_identity(tmp_path / "notes.txt")  # no identity in it: said at once
    _fill(qtbot, screen, _bundle(source, tmp_path), target, "", passphrase)
    with qtbot.assertNotEmitted(screen.runner.started):
        qtbot.mouseClick(screen.restore_button, Qt.MouseButton.LeftButton)
    assert "holds no identity" in screen.source.key_error.text()
    screen.source.set_identity(tmp_path / "other.key")  # another laptop's key
    assert not screen.source.key_error.isVisible()
    qtbot.mouseClick(screen.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen._busy, timeout=20_000)
    assert screen.source.key_error.text() == "This identity file does not open this backup."
    assert not target.exists()


def test_a_folder_that_is_not_empty_is_refused(
    qtbot, screen, source, tmp_path: Path, passphrase: str
) -> None:
    target = tmp_path / "busy.tumar"
    target.mkdir()
    (target / "notes.txt").write_text("someone's file")
    bundle = _bundle(source, tmp_path)
    _fill(qtbot, screen, bundle, target, source.recovery_code, passphrase)
    assert screen.folder_error.isVisible() and screen.folder_error.text()
    assert not screen.can_restore
    screen.start_restore()  # Return in a field cannot get past it either
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]
    empty = tmp_path / "empty.tumar"
    empty.mkdir()
    screen.where.name.setText("empty")  # a new or empty folder is fine
    assert not screen.folder_error.isVisible() and screen.can_restore
    # the rule itself, shared with `tumar restore`
    result = restore_inputs.restore_to_key(
        bundle, target, passphrase,
        restore_inputs.secret_from_text(source.recovery_code),
    )  # fmt: skip
    assert result.refused == restore_inputs.FOLDER_TAKEN
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]


def test_a_sync_bundle_is_refused_with_its_line(
    qtbot, screen, source, tmp_path: Path, passphrase: str
) -> None:
    bundle = tmp_path / "replica.tumar-bundle"
    export.write_bundle(source, bundle, floors=export.Floors({}, {}))  # a sync bundle
    target = tmp_path / "new.tumar"
    _try(qtbot, screen, bundle, target, source.recovery_code, passphrase)
    assert screen.source.bundle_error.isVisible()
    assert "not a backup" in screen.source.bundle_error.text()
    assert not screen.source.key_error.isVisible()
    assert not target.exists()


def test_a_damaged_backup_is_refused_with_its_line(
    qtbot, screen, source, tmp_path: Path, passphrase: str
) -> None:
    bundle = _bundle(source, tmp_path, passphrase=BUNDLE_PASS)
    data = bundle.read_bytes()
    bundle.write_bytes(data[: len(data) * 2 // 3])  # cut on the way
    target = tmp_path / "new.tumar"
    _try(qtbot, screen, bundle, target, BUNDLE_PASS, passphrase)
    assert "damaged or incomplete" in screen.source.bundle_error.text()
    assert not screen.error.isVisible()
    assert not target.exists()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 512 KiB filesystem (tmpfs: needs root, as on the project's CI)."""
    with small_tmpfs(tmp_path / "small", "512k") as mount_point:
        yield mount_point


def test_a_full_disk_is_one_line_and_leaves_no_folder(
    qtbot, screen, source, tmp_path: Path, passphrase: str, small_disk: Path
) -> None:
    witness = source.repo.insert(Person(display_name="Witness"))
    # random-looking text does not compress: the restored archive cannot fit in 512 KiB
    text = " ".join(str(i * 7919) for i in range(60_000))
    source.repo.insert(Testimony(witness_id=witness.id, text=text))
    bundle = _bundle(source, tmp_path, passphrase=BUNDLE_PASS)
    target = small_disk / "new.tumar"
    with qtbot.assertNotEmitted(screen.restored):
        _try(qtbot, screen, bundle, target, BUNDLE_PASS, passphrase)
    assert screen.error.isVisible()
    assert screen.error.text().startswith("The disk is full, so nothing was restored.")
    assert list(small_disk.iterdir()) == []


def test_cancel_stops_the_restore_and_leaves_no_folder(
    qtbot, screen, source, tmp_path: Path, passphrase: str
) -> None:
    bundle = _bundle(source, tmp_path, passphrase=BUNDLE_PASS)
    target = tmp_path / "new.tumar"
    seen = []

    def press_cancel(done: int, total: int, _text: str) -> None:
        seen.append((done, total))
        if screen.cancel_button.isVisible() and screen.cancel_button.isEnabled():
            qtbot.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)

    screen.runner.progress.connect(press_cancel)
    with qtbot.assertNotEmitted(screen.restored):
        _try(qtbot, screen, bundle, target, BUNDLE_PASS, passphrase)
    assert seen and screen.error.isVisible() and "Cancelled" in screen.error.text()
    assert not target.exists()
    assert screen.restore_button.isEnabled() and not screen.cancel_button.isVisible()


def test_the_restore_runs_off_the_gui_thread(qtbot, source, tmp_path: Path, passphrase) -> None:
    runner = JobRunner()  # a real worker thread, as in the app
    widget = RestoreScreen(runner)
    qtbot.addWidget(widget)
    bundle = _bundle(source, tmp_path)
    target = tmp_path / "new.tumar"
    _fill(qtbot, widget, bundle, target, source.recovery_code, passphrase)
    with qtbot.waitSignal(widget.restored, timeout=30_000) as done:
        qtbot.mouseClick(widget.restore_button, Qt.MouseButton.LeftButton)
        assert widget._busy and not widget.restore_button.isEnabled()  # returned at once
        assert not widget.cancel_button.isHidden() and not widget.progress.isHidden()
    key, code = done.args
    archive = lifecycle.open_with_key(key)  # opened on this thread, once
    try:
        assert records(archive) == records(source)
    finally:
        archive.close()
    assert code and not widget._busy
    runner.wait(10_000)


def test_screenshots(kit, source, tmp_path: Path, shot, qapp) -> None:
    from tumar.widgets.app import install_translators

    flow = kit.window.flow
    for lang in ("en", "kk"):
        install_translators(qapp, lang)
        kit.window.retranslate()
        flow.show_restore()
        flow.restore.source.set_bundle(tmp_path / "tumar-backup-20261127-0a1b2c3d.tumar-bundle")
        flow.restore.source.show_key_error(flow.restore.tr(WRONG_KEY_LINE))
        assert flow.restore.restore_button.text()
        shot(kit.window, f"restore_{lang}")
        flow.show_start()
        shot(kit.window, f"start_with_restore_{lang}")
    install_translators(qapp, "en")
    kit.window.retranslate()
