"""Issue 8, item 3: `rekey` revokes old secrets, and a kill -9 at any step leaves an archive
that opens (with the old secret or the new one) and holds everything it held.

The crash tests run the rekey in a child process (tests/storage/rekey_child.py) that stops
at a named step and is killed with SIGKILL by this process; no sleeps, no mocks.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.templates import Templates
from tumar.app.verify import verify_archive
from tumar.storage import rekey_journal
from tumar.storage.archive import Archive
from tumar.storage.errors import DatabaseCorrupt, WrongPassphrase
from tumar.storage.header import HEADER_NAME
from tumar.storage.kdf import fast_params
from tumar.storage.media_store import MediaStore
from tumar.storage.records import Case, Media, Person
from tumar.storage.rekey import new_recovery_code, rekey

OLD = "correct horse battery staple"
NEW = "a completely different passphrase"
CHILD = Path(__file__).with_name("rekey_child.py")
STEPS = (
    "journal-written",
    "archive.db-rekeying",
    "archive.db-rekeyed",
    "media.db-rekeying",
    "media.db-rekeyed",
    "slots-recorded",
    "header-written",
    "journal-removed",
)


def contents(archive: Archive) -> tuple[list[str], list[str]]:
    people = sorted(p.display_name for p in archive.repo.find(Person))
    blobs = sorted(b.sha256 for b in MediaStore(archive.media_db).blobs())
    return people, blobs


def _fill(archive: Archive) -> tuple[list[str], list[str]]:
    for name in ("Qaisha Aqan", "Тілек Табарықұлы"):
        archive.repo.insert(Person(display_name=name))
    case = archive.repo.insert(Case(title="Zhaisan"))
    case.summary = "hearing postponed twice"
    archive.repo.update(case)
    content = b"%PDF-1.4 court order " * 5000
    blob = MediaStore(archive.media_db).write(io.BytesIO(content))
    archive.repo.insert(
        Media(sha256=blob.sha256, size=len(content), mime="application/pdf", kind="file",
              original_name="order.pdf", imported_at="2026-11-27T00:00:00+00:00",
              imported_by="test")
    )  # fmt: skip
    return contents(archive)


@pytest.fixture
def folder(tmp_path: Path, templates: Templates) -> tuple[Path, str, tuple[list[str], list[str]]]:
    """A closed archive with records, history and media content; its recovery code and
    what it holds. This test's own copy of one made once (tests/templates.py): every
    rekey below runs its KDFs on it as on any archive."""
    template = templates.get("rekey", _fill, OLD)
    return template.copy_to(tmp_path / "rekey.tumar"), template.recovery_code, template.extra


def opens(path: Path, secret: str) -> bool:
    try:
        Archive.open(path, secret).close()
    except WrongPassphrase:
        return False
    return True


def test_rekey_revokes_old_passphrase_code_and_header(folder, tmp_path: Path) -> None:  # noqa: ANN001
    path, old_code, held = folder
    old_header = (path / HEADER_NAME).read_bytes()
    shown: list[str] = []
    new_code = rekey(path, OLD, NEW, fast_params(), on_code=shown.append)
    assert shown == [new_code] and new_code != old_code
    assert sorted(p.name for p in path.iterdir()) == ["archive.db", "media.db", "tumar.json"]
    assert not opens(path, OLD) and not opens(path, old_code)
    for secret in (NEW, new_code):
        with Archive.open(path, secret) as archive:
            assert contents(archive) == held
            assert verify_archive(archive).ok, verify_archive(archive).problems
            assert archive.warnings == []
    # an old copy of the header plus the old passphrase no longer opens the databases
    stale = tmp_path / "stale.tumar"
    shutil.copytree(path, stale)
    (stale / HEADER_NAME).write_bytes(old_header)
    with pytest.raises(DatabaseCorrupt):
        Archive.open(stale, OLD)


@pytest.mark.parametrize(
    ("step", "first_secret"),
    [(step, OLD) for step in STEPS] + [("archive.db-rekeyed", NEW), ("media.db-rekeyed", NEW)],
)
def test_kill_9_at_any_step_leaves_an_archive_that_opens(folder, step: str, first_secret) -> None:  # noqa: ANN001
    path, old_code, held = folder
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(path), step],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(f"{OLD}\n{NEW}\n")
        child.stdin.flush()
        line = child.stdout.readline().split()
        assert line[:2] == ["AT", step], line
        new_code = line[2]
        child.kill()  # SIGKILL while paused at the step
    finally:
        child.wait()
    assert child.returncode == -9

    header_switched = STEPS.index(step) >= STEPS.index("header-written")
    secret = NEW if header_switched else first_secret
    if header_switched:
        assert not opens(path, OLD)
    with Archive.open(path, secret) as archive:  # completes the interrupted rekey
        assert contents(archive) == held
        assert verify_archive(archive).ok, verify_archive(archive).problems
        assert archive.warnings == []
    assert not rekey_journal.pending(path)
    assert not opens(path, OLD) and not opens(path, old_code)
    assert opens(path, NEW) and opens(path, new_code)
    assert sorted(p.name for p in path.iterdir()) == ["archive.db", "media.db", "tumar.json"]


def test_a_rekey_that_never_wrote_its_journal_changes_nothing(folder) -> None:  # noqa: ANN001
    path, old_code, held = folder
    before = {p.name: p.read_bytes() for p in path.iterdir()}
    with pytest.raises(WrongPassphrase):
        rekey(path, "not the passphrase", NEW, fast_params())
    assert {p.name: p.read_bytes() for p in path.iterdir()} == before
    assert opens(path, OLD) and opens(path, old_code)


def test_new_recovery_code_replaces_the_old_one(folder) -> None:  # noqa: ANN001
    path, old_code, held = folder
    code = new_recovery_code(path, OLD, fast_params())
    assert code != old_code
    assert not opens(path, old_code)
    assert opens(path, code) and opens(path, OLD)
    with Archive.open(path, OLD) as archive:
        assert archive.warnings == []


def test_removed_and_planted_key_slots_are_reported(folder, tmp_path: Path) -> None:  # noqa: ANN001
    path, old_code, held = folder
    header = json.loads((path / HEADER_NAME).read_text())
    other, _ = Archive.create(tmp_path / "other.tumar", "another passphrase", fast_params())
    other.close()
    planted = json.loads((tmp_path / "other.tumar" / HEADER_NAME).read_text())["slots"][0]
    recovery = [s for s in header["slots"] if s["kind"] == "recovery"]
    header["slots"] = [s for s in header["slots"] if s["kind"] != "recovery"] + [planted]
    (path / HEADER_NAME).write_text(json.dumps(header))
    with Archive.open(path, OLD) as archive:
        text = "\n".join(archive.warnings)
        assert recovery[0]["id"][:8] in text and "removed" in text
        assert planted["id"][:8] in text and "did not add" in text
        problems = verify_archive(archive).problems
        assert any("removed" in p for p in problems)
