"""Issue 8, item 2: `tumar verify` catches deletions, missing history and rollbacks.

Every scenario is reproduced on a real archive: with the key, through a raw SQLCipher
connection (tests.storage.test_audit_tamper.raw_db); without the key, by copying files.
The archive is created and filled through app.lifecycle, as the CLI does, so this
computer's last-seen head (in the per-test XDG_DATA_HOME of conftest) is kept.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from tests.storage.test_audit_tamper import failures, raw_db, verify
from tests.templates import Templates
from tumar.app import lifecycle
from tumar.app.media.importer import Links, import_files
from tumar.storage import records
from tumar.storage.archive import Archive
from tumar.storage.connection import transaction
from tumar.storage.records import Case, Note, Person, Testimony


@dataclass
class Filled:
    folder: Path
    witness: str
    testimony: str
    case: str


def _jpeg(colour: tuple[int, int, int], path: Path) -> Path:
    image = Image.new("RGB", (320, 200), colour)
    image.paste((255, 255, 255), (0, 0, 160, 100))
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=90)
    path.write_bytes(buf.getvalue())
    return path


def _fill(archive: Archive) -> tuple[str, str, str]:
    repo = archive.repo
    witness = repo.insert(Person(display_name="Qaisha Aqan"))
    case = repo.insert(Case(title="Zhaisan detention"))
    with transaction(repo.conn):
        testimony = repo.insert(
            Testimony(witness_id=witness.id, text="They took him at night.",
                      consent_scope="lawyer_only")
        )  # fmt: skip
        repo.insert(records.TestimonyCase(testimony_id=testimony.id, case_id=case.id))
    testimony.text = "They took him at night, in front of the children."
    repo.update(testimony)
    repo.insert(Note(text="Ask for the court file", case_id=case.id))
    return witness.id, testimony.id, case.id


@pytest.fixture
def filled(tmp_path: Path, passphrase: str, fast_kdf, templates: Templates) -> Filled:  # noqa: ANN001
    """Made and filled through app.lifecycle once per session; this test gets its own copy
    of the folder and of the last-seen head that making it left in the user data folder."""
    template = templates.get_app("verify-history", passphrase, _fill)
    folder = template.copy_to(tmp_path / "history.tumar", Path(os.environ["XDG_DATA_HOME"]))
    return Filled(folder, *template.extra)


def test_untouched_archive_verifies_and_prints_its_head(filled: Filled, run_tumar) -> None:  # noqa: ANN001
    code, lines = verify(run_tumar, filled.folder)
    assert code == 0, lines
    head = [line for line in lines if line.startswith("Audit head: #")]
    assert head and head[0].split()[2] == "#6", lines
    result = run_tumar("head", filled.folder)
    assert result.returncode == 0, result.stderr
    assert head[0].split()[3] in result.stdout


def test_testimony_deleted_with_links_and_history_is_named(
    filled: Filled,
    run_tumar,  # noqa: ANN001
    passphrase: str,
) -> None:
    with raw_db(filled.folder, passphrase) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("DELETE FROM testimony_case WHERE testimony_id = ?", (filled.testimony,))
        conn.execute("DELETE FROM record_history WHERE record_id = ?", (filled.testimony,))
        conn.execute("DELETE FROM search_doc WHERE record_id = ?", (filled.testimony,))
        assert conn.execute("DELETE FROM testimony WHERE id = ?", (filled.testimony,)).rowcount
    code, lines = verify(run_tumar, filled.folder)
    assert code == 3, lines
    missing = [f for f in failures(lines) if filled.testimony in f and "missing" in f]
    assert missing, lines


def test_one_deleted_history_row_is_named(filled: Filled, run_tumar, passphrase: str) -> None:  # noqa: ANN001
    with raw_db(filled.folder, passphrase) as conn:
        deleted = conn.execute(
            "DELETE FROM record_history WHERE record_id = ?", (filled.testimony,)
        ).rowcount
        assert deleted == 1
    code, lines = verify(run_tumar, filled.folder)
    assert code == 3, lines
    fails = failures(lines)
    assert len(fails) == 1 and filled.testimony in fails[0] and "history" in fails[0], lines


def test_dropped_last_entry_with_its_record_reverted_is_a_rollback(
    filled: Filled,
    run_tumar,  # noqa: ANN001
    passphrase: str,
) -> None:
    """The chain and every record stay consistent; only the last-seen head can tell."""
    archive = lifecycle.open_archive(filled.folder, passphrase)
    with archive:
        testimony = archive.repo.get(Testimony, filled.testimony)
        testimony.consent_withdrawn = True
        archive.repo.update(testimony)
    with raw_db(filled.folder, passphrase) as conn:
        conn.execute("DROP TRIGGER audit_log_no_delete")
        last = conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
        conn.execute("DELETE FROM audit_log WHERE seq = ?", (last,))
        row = conn.execute(
            "SELECT seq, data FROM record_history WHERE record_id = ? ORDER BY seq DESC LIMIT 1",
            (filled.testimony,),
        ).fetchone()
        old = json.loads(row["data"])
        columns = ", ".join(f"{k} = ?" for k in old)
        conn.execute(f"UPDATE testimony SET {columns} WHERE id = ?", (*old.values(), old["id"]))
        conn.execute("DELETE FROM record_history WHERE seq = ?", (row["seq"],))
    code, lines = verify(run_tumar, filled.folder)
    assert code == 3, lines
    assert any("possible rollback" in f and f"#{last}" in f for f in failures(lines)), lines


def test_older_archive_db_copied_over_is_a_rollback_and_newer_media_are_kept(
    filled: Filled,
    run_tumar,  # noqa: ANN001
    passphrase: str,
    tmp_path: Path,
) -> None:
    """Without the key: an older archive.db loses a testimony; media.db keeps the photo
    imported since, which must be reported as possible rollback, not cleanup material."""
    older = tmp_path / "older-archive.db"
    shutil.copy2(filled.folder / "archive.db", older)
    with lifecycle.open_archive(filled.folder, passphrase) as archive:
        with transaction(archive.repo.conn):
            lost = archive.repo.insert(Testimony(witness_id=filled.witness, text="Second."))
        photo = _jpeg((200, 30, 30), tmp_path / "order.jpg")
        report = import_files(archive, [photo], Links(testimony_ids=(lost.id,)))
        assert report.imported
    shutil.copy2(older, filled.folder / "archive.db")

    code, lines = verify(run_tumar, filled.folder)
    assert code == 3, lines
    fails = failures(lines)
    assert any(f.startswith("FAIL: possible rollback") for f in fails), lines
    orphan = [f for f in fails if "belongs to no media record" in f]
    assert orphan and "possible rollback" in orphan[0] and "backup" in orphan[0], lines
    assert not any("`tumar media cleanup` removes it" in f for f in fails), lines

    cleanup = run_tumar("media", "cleanup", "-a", filled.folder)
    assert cleanup.returncode != 0 and "refusing" in cleanup.stderr
    with lifecycle.open_archive(filled.folder, passphrase) as archive:
        assert len(archive.media_db.execute("SELECT id FROM blob").fetchall()) == 1


CHILD = """
import sys
from tumar.app import lifecycle
from tumar.storage.records import Person
archive = lifecycle.open_archive(sys.argv[1], sys.argv[2])
archive.repo.insert(Person(display_name="Committed before the crash"))
print("committed", flush=True)
sys.stdin.read()
"""


def test_folder_copied_without_its_wal_after_a_crash_is_a_rollback(
    filled: Filled,
    run_tumar,  # noqa: ANN001
    passphrase: str,
) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(filled.folder), passphrase],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "committed"
        child.kill()  # SIGKILL: the commit is in archive.db-wal only
    finally:
        child.wait()
    wal = filled.folder / "archive.db-wal"
    assert wal.stat().st_size > 0
    wal.unlink()
    (filled.folder / "archive.db-shm").unlink(missing_ok=True)
    code, lines = verify(run_tumar, filled.folder)
    assert code == 3, lines
    assert any("possible rollback" in f for f in failures(lines)), lines


def test_rewritten_search_document_is_named(filled: Filled, run_tumar, passphrase: str) -> None:  # noqa: ANN001
    with raw_db(filled.folder, passphrase) as conn:
        changed = conn.execute(
            "UPDATE search_doc SET body = 'The witness retracted everything.' WHERE record_id = ?",
            (filled.testimony,),
        ).rowcount
        assert changed == 1
    code, lines = verify(run_tumar, filled.folder)
    assert code == 3, lines
    assert any("search document" in f and filled.testimony in f for f in failures(lines))


def test_replaced_thumbnail_is_named(
    filled: Filled,
    run_tumar,  # noqa: ANN001
    passphrase: str,
    tmp_path: Path,
) -> None:
    with lifecycle.open_archive(filled.folder, passphrase) as archive:
        photo = _jpeg((20, 40, 200), tmp_path / "evidence.jpg")
        assert import_files(archive, [photo]).imported
    code, lines = verify(run_tumar, filled.folder)
    assert code == 0, lines
    other = io.BytesIO()
    Image.new("RGB", (256, 160), (0, 200, 0)).save(other, "JPEG")
    with raw_db(filled.folder, passphrase) as conn:
        row = conn.execute("SELECT sha256, width, height FROM media_thumbnail").fetchone()
        fake = io.BytesIO()
        Image.new("RGB", (row["width"], row["height"]), (0, 200, 0)).save(fake, "JPEG")
        conn.execute("UPDATE media_thumbnail SET data = ?", (fake.getvalue(),))
    code, lines = verify(run_tumar, filled.folder)
    assert code == 3, lines
    assert any("thumbnail" in f and row["sha256"][:12] in f for f in failures(lines)), lines
