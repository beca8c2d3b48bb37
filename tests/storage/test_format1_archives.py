"""Archives made before format 2 (HMAC-SHA512 pages) keep opening, growing and re-keying.

Format 2 changed only how new database pages are authenticated (storage.connection
PAGE_HMAC): a person's existing archive must not become "damaged" on an update. The archive
under test was written by the format-1 code itself (tests/data/format1/README.md); each test
works on its own copy.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.page_hmac import page_hmac_of
from tumar.app.media.importer import import_files
from tumar.app.sync import bundle_io, export, restore, team
from tumar.app.verify import verify_archive
from tumar.storage.archive import Archive
from tumar.storage.connection import PAGE_HMAC
from tumar.storage.db_files import ARCHIVE_DB, MEDIA_DB
from tumar.storage.errors import DatabaseCorrupt
from tumar.storage.header import FORMAT_VERSION, read_header
from tumar.storage.kdf import fast_params
from tumar.storage.records import Person
from tumar.storage.rekey import rekey

DATA = Path(__file__).parents[1] / "data"
FORMAT_1 = DATA / "format1" / "archive"  # not *.tumar: .gitignore keeps archives out
PASS = "format one passphrase"
CODE = "72K7-2YDM-B4CV-4ABM-I2MP-N476-ZR66-65AW"
PHOTO = sorted((DATA / "photos" / "orientation").glob("*.jpg"))[0]


@pytest.fixture
def old(tmp_path: Path) -> Path:
    folder = tmp_path / "old.tumar"
    shutil.copytree(FORMAT_1, folder)
    return folder


def media_intact(archive: Archive) -> int:
    """Every stored file's chunks hash to the SHA-256 it is stored under; returns how many."""
    blobs = archive.media_db.execute("SELECT id, sha256 FROM blob").fetchall()
    for blob_id, sha in blobs:
        digest = hashlib.sha256()
        for (chunk,) in archive.media_db.execute(
            "SELECT data FROM chunk WHERE blob_id = ? ORDER BY idx", (blob_id,)
        ):
            digest.update(chunk)
        assert digest.hexdigest() == sha
    return len(blobs)


def test_the_fixture_really_is_format_1() -> None:
    assert read_header(FORMAT_1).format_version == 1 < FORMAT_VERSION


def test_a_format_1_archive_opens_reads_and_verifies(old: Path) -> None:
    with Archive.open(old, PASS) as archive:
        master = archive._master_key
        counts = archive.repo.count()
        assert counts["person"] == 11 and counts["testimony"] == 5 and counts["media"] == 4
        assert media_intact(archive) == 4
        report = verify_archive(archive)
        assert report.ok, report.problems
    assert page_hmac_of(old, ARCHIVE_DB, master) == "HMAC_SHA512"
    assert page_hmac_of(old, MEDIA_DB, master) == "HMAC_SHA512"
    assert read_header(old).format_version == 1
    with Archive.open(old, CODE) as archive:  # the paper code too
        assert archive.repo.count() == counts


def test_writing_to_a_format_1_archive_keeps_its_pages_readable(old: Path) -> None:
    with Archive.open(old, PASS) as archive:
        master = archive._master_key
        person = archive.repo.insert(Person(display_name="Added after the update"))
        import_files(archive, [PHOTO])
    with Archive.open(old, PASS) as archive:
        assert archive.repo.get(Person, person.id).display_name == "Added after the update"
        assert media_intact(archive) == 5
        report = verify_archive(archive)
        assert report.ok, report.problems
    # one file, one page format: new pages were written the way the old ones were
    assert page_hmac_of(old, ARCHIVE_DB, master) == "HMAC_SHA512"
    assert page_hmac_of(old, MEDIA_DB, master) == "HMAC_SHA512"


def test_a_key_change_keeps_a_format_1_archive_format_1(old: Path) -> None:
    rekey(old, PASS, "a new passphrase for it", fast_params())
    header = read_header(old)
    assert header.format_version == 1  # its files were rekeyed in place, still HMAC-SHA512
    with Archive.open(old, "a new passphrase for it") as archive:
        assert page_hmac_of(old, MEDIA_DB, archive._master_key) == "HMAC_SHA512"
        assert media_intact(archive) == 4
        report = verify_archive(archive)
        assert report.ok, report.problems


def test_a_format_1_archive_restores_into_format_2(old: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "old.tumar-bundle"
    with Archive.open(old, PASS) as archive:
        export.write_bundle(archive, bundle)
        secret = bundle_io.Secret(identities=(team.keys(archive).age_identity,))
        counts = archive.repo.count()
    restored, _, _ = restore.restore(bundle, tmp_path / "new.tumar", "restored passphrase", secret)
    with restored:
        assert restored.repo.count() == counts
        assert media_intact(restored) == 4
        master = restored._master_key
    new = tmp_path / "new.tumar"
    assert read_header(new).format_version == FORMAT_VERSION == 2
    assert page_hmac_of(new, ARCHIVE_DB, master) == PAGE_HMAC == "HMAC_SHA256"
    assert page_hmac_of(new, MEDIA_DB, master) == PAGE_HMAC


def test_new_archives_are_format_2(tmp_path: Path) -> None:
    archive, _ = Archive.create(tmp_path / "new.tumar", PASS, fast_params())
    with archive:
        master = archive._master_key
    assert read_header(tmp_path / "new.tumar").format_version == 2
    for name in (ARCHIVE_DB, MEDIA_DB):
        assert page_hmac_of(tmp_path / "new.tumar", name, master) == "HMAC_SHA256"


def test_a_damaged_first_page_is_damage_under_either_page_format(old: Path) -> None:
    """Trying the second page HMAC must not turn damage into anything but damage."""
    with open(old / ARCHIVE_DB, "r+b") as fh:
        fh.seek(100)
        byte = fh.read(1)
        fh.seek(100)
        fh.write(bytes([byte[0] ^ 0x01]))
    with pytest.raises(DatabaseCorrupt, match="damaged"):
        Archive.open(old, PASS)
