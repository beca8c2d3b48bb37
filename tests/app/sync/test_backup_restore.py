"""Backup -> restore round trip; stock `age` opens a bundle; the recovery code is enough."""

from __future__ import annotations

import io
import json
import os
import pty
import select
import shutil
import signal
import subprocess
import tarfile
from pathlib import Path

import pytest

from tumar.app.media.importer import import_files
from tumar.app.sync import bundle_io, export, restore, team
from tumar.app.sync.errors import BundleError, BundleKeyError
from tumar.app.verify import verify_archive
from tumar.storage import fts
from tumar.storage.archive import Archive
from tumar.storage.errors import ArchiveExists
from tumar.storage.records import Note, Person, Testimony
from tumar.storage.replica_keys import recovery_identity

from .support import PASS, chains, new_archive, records, versions

PHOTO = Path(__file__).parents[2] / "data" / "photos" / "orientation"
GPS_PHOTO = Path(__file__).parents[2] / "data" / "photos" / "gps" / "DSCN0010.jpg"


def populate(archive: Archive) -> None:
    repo = archive.repo
    p = repo.insert(Person(display_name="Қайша Ақан", notes="relatives held"))
    t = repo.insert(Testimony(witness_id=p.id, text="first telling", consent_scope="lawyer_only"))
    t.text = "second telling"
    repo.update(t)
    n = repo.insert(Note(text="to be deleted", person_id=p.id))
    repo.delete(Note, n.id)
    photos = sorted(PHOTO.glob("*.jpg"))[:2]
    assert photos, "test photos missing"
    import_files(archive, [*photos, GPS_PHOTO])  # GPS: REAL columns must come back exact


@pytest.fixture
def source(tmp_path: Path):
    archive, code = new_archive(tmp_path / "src.tumar")
    populate(archive)
    archive.recovery_code = code  # type: ignore[attr-defined]
    yield archive
    archive.close()


def _media(archive: Archive) -> set[tuple[str, int]]:
    return {(r[0], r[1]) for r in archive.media_db.execute("SELECT sha256, size FROM blob")}


def test_round_trip_equals_the_original(source: Archive, tmp_path: Path) -> None:
    bundle = tmp_path / "b.tumar-bundle"
    export.write_bundle(source, bundle)
    secret = bundle_io.Secret(identities=(team.keys(source).age_identity,))
    restored, code, _ = restore.restore(bundle, tmp_path / "new.tumar", PASS, secret)
    with restored:
        assert records(restored) == records(source)
        assert versions(restored) == versions(source)
        assert _media(restored) == _media(source) and _media(source)
        gps = "SELECT gps_lat, gps_lon, typeof(gps_lat) FROM media WHERE gps_lat IS NOT NULL"
        assert restored.records_db.execute(gps).fetchall() == (
            source.records_db.execute(gps).fetchall()
        )
        assert [tuple(r) for r in restored.records_db.execute(gps)][0][2] == "real"
        source_chains = chains(source)
        assert chains(restored)[source.replica_id] == source_chains[source.replica_id]
        assert restored.archive_id == source.archive_id
        assert restored.replica_id != source.replica_id
        assert team.keys(restored).recipient != team.keys(source).recipient
        assert code != source.recovery_code  # type: ignore[attr-defined]
        report = verify_archive(restored)
        assert report.ok, report.problems
        assert restored.repo.count()["testimony"] == 1
        docs = "SELECT kind, record_id, title, body FROM search_doc ORDER BY record_id"
        assert restored.records_db.execute(docs).fetchall() == (
            source.records_db.execute(docs).fetchall()
        )
        fts.check(restored.records_db)


def test_recovery_code_alone_opens_the_bundle(source: Archive, tmp_path: Path) -> None:
    bundle = tmp_path / "b.tumar-bundle"
    export.write_bundle(source, bundle)
    identity = recovery_identity(source.recovery_code)  # type: ignore[attr-defined]
    secret = bundle_io.Secret(identities=(identity,))
    restored, _, _ = restore.restore(bundle, tmp_path / "new.tumar", PASS, secret)
    with restored:
        assert records(restored) == records(source)


def test_passphrase_bundle_round_trip(source: Archive, tmp_path: Path) -> None:
    bundle = tmp_path / "p.tumar-bundle"
    export.write_bundle(source, bundle, passphrase="bundle pass 1")
    with pytest.raises(BundleKeyError):
        bundle_io.scan(bundle, bundle_io.Secret(passphrase="wrong pass"))
    with pytest.raises(BundleKeyError):
        bundle_io.scan(bundle, bundle_io.Secret(identities=(team.keys(source).age_identity,)))
    restored, _, _ = restore.restore(
        bundle, tmp_path / "new.tumar", PASS, bundle_io.Secret(passphrase="bundle pass 1")
    )
    with restored:
        assert versions(restored) == versions(source)


def test_restore_never_writes_over_an_archive(source: Archive, tmp_path: Path) -> None:
    bundle = tmp_path / "b.tumar-bundle"
    export.write_bundle(source, bundle)
    secret = bundle_io.Secret(identities=(team.keys(source).age_identity,))
    with pytest.raises(ArchiveExists):
        restore.restore(bundle, source.folder, PASS, secret)
    assert verify_archive(source).ok


def test_wrong_identity_creates_nothing(source: Archive, tmp_path: Path) -> None:
    bundle = tmp_path / "b.tumar-bundle"
    export.write_bundle(source, bundle)
    other, _ = new_archive(tmp_path / "other.tumar")
    with other:
        secret = bundle_io.Secret(identities=(team.keys(other).age_identity,))
    with pytest.raises(BundleError):
        restore.restore(bundle, tmp_path / "new.tumar", PASS, secret)
    assert not (tmp_path / "new.tumar").exists()


@pytest.mark.skipif(shutil.which("age") is None, reason="Debian package age not installed")
def test_stock_age_decrypts_with_exported_identity(source: Archive, tmp_path: Path) -> None:
    bundle = tmp_path / "b.tumar-bundle"
    manifest = export.write_bundle(source, bundle)
    identity = tmp_path / "identity.txt"
    team.export_identity(source, identity)
    plain = subprocess.run(
        ["age", "-d", "-i", str(identity), str(bundle)], capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(plain)) as tar:
        names = tar.getnames()
        inner = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
        first = tar.extractfile("records/000001.jsonl").read()  # type: ignore[union-attr]
    assert names[-2:] == ["manifest.json", "manifest.sig"]
    assert inner["archive_id"] == source.archive_id == manifest["archive_id"]
    assert "second telling" in first.decode()
    assert sum(n.startswith("media/") for n in names) == 3


def _age_decrypt_on_a_terminal(bundle: Path, out: Path, passphrase: str) -> tuple[int, str]:
    """Run stock `age -d` with a pseudo-terminal as its controlling terminal: age reads a
    passphrase only from /dev/tty. Returns (exit status, what it printed on the terminal)."""
    pid, master = pty.fork()
    if pid == 0:  # the child: its session's terminal is the pty
        try:
            os.execvp("age", ["age", "-d", "-o", str(out), str(bundle)])
        finally:
            os._exit(127)
    shown, answered = b"", False
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 60)
            if not ready:
                os.kill(pid, signal.SIGKILL)
                break
            try:
                chunk = os.read(master, 1024)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            shown += chunk
            if not answered and b"passphrase" in shown.lower():
                os.write(master, passphrase.encode() + b"\r")
                answered = True
    finally:
        os.close(master)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), shown.decode(errors="replace")


@pytest.mark.skipif(shutil.which("age") is None, reason="Debian package age not installed")
def test_stock_age_decrypts_a_passphrase_bundle(source: Archive, tmp_path: Path) -> None:
    bundle = tmp_path / "p.tumar-bundle"
    manifest = export.write_bundle(source, bundle, passphrase="bundle pass 1")
    wrong = tmp_path / "wrong.tar"
    code, shown = _age_decrypt_on_a_terminal(bundle, wrong, "not the pass")
    assert code != 0 and "incorrect" in shown.lower(), shown
    plain = tmp_path / "plain.tar"
    code, shown = _age_decrypt_on_a_terminal(bundle, plain, "bundle pass 1")
    assert code == 0, shown
    with tarfile.open(plain) as tar:
        inner = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
        first = tar.extractfile("records/000001.jsonl").read()  # type: ignore[union-attr]
    assert inner["archive_id"] == source.archive_id == manifest["archive_id"]
    assert "second telling" in first.decode()


def test_a_bundle_replaced_after_its_scan_is_refused(source: Archive, tmp_path: Path) -> None:
    """The CLI and the window scan a backup before asking for the new passphrase and hand
    that manifest to restore(): a file swapped meanwhile (another backup of the same
    archive, say) no longer matches it, and nothing is left behind."""
    first, second = tmp_path / "first.tumar-bundle", tmp_path / "second.tumar-bundle"
    export.write_bundle(source, first)
    source.repo.insert(Person(display_name="Added between the two backups"))
    export.write_bundle(source, second)
    secret = bundle_io.Secret(identities=(team.keys(source).age_identity,))
    manifest = bundle_io.scan(first, secret)
    second.replace(first)
    with pytest.raises(BundleError, match="changed while it was being read"):
        restore.restore(first, tmp_path / "new.tumar", PASS, secret, manifest=manifest)
    assert not (tmp_path / "new.tumar").exists()
    restored, _, _ = restore.restore(
        first, tmp_path / "new.tumar", PASS, secret, manifest=bundle_io.scan(first, secret)
    )
    with restored:
        assert records(restored) == records(source)
