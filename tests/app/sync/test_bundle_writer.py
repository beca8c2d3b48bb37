"""The bundle's tar framing (written without tarfile's stream buffer) and its media hashes."""

from __future__ import annotations

import hashlib
import io
import os
import tarfile
import threading
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tumar.app.jobs import CancelToken, JobCancelled
from tumar.app.sync import bundle_format, export
from tumar.app.sync.errors import BundleError
from tumar.storage.connection import transaction
from tumar.storage.media_store import MediaStore
from tumar.storage.records import Media

from .support import new_archive


def _tarfile_stream(members: list[tuple[str, bytes]]) -> bytes:
    """What stdlib tarfile writes for the same members (the format FORMAT.md promises)."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w|", format=tarfile.PAX_FORMAT) as tar:
        for name, data in members:
            tar.addfile(bundle_format._tarinfo(name, len(data)), io.BytesIO(data))
    return out.getvalue()


@pytest.mark.parametrize("media_size", [0, 1, 511, 512, 513, 3 * 65536 + 17])
def test_stream_is_byte_for_byte_what_tarfile_writes(media_size: int) -> None:
    key = Ed25519PrivateKey.generate()
    media = os.urandom(media_size)
    sha = hashlib.sha256(media).hexdigest()
    out = io.BytesIO()
    writer = bundle_format.BundleWriter(out, key)
    writer.add_lines("records", [{"t": "note", "row": {"text": "ü"}}])
    pieces = [media[i : i + 65536] for i in range(0, len(media), 65536)]
    writer.add_media(sha, len(media), pieces)
    manifest = writer.finish({"archive_id": "x", "source_replica": "y", "signing_key": "z"})
    with tarfile.open(fileobj=io.BytesIO(out.getvalue()), mode="r|") as tar:
        members = [(m.name, tar.extractfile(m).read()) for m in tar]  # type: ignore[union-attr]
    assert [name for name, _ in members] == [
        "records/000001.jsonl", f"media/{sha}", "manifest.json", "manifest.sig",
    ]  # fmt: skip
    assert members[1][1] == media
    assert out.getvalue() == _tarfile_stream(members)
    assert {p["name"]: p["sha256"] for p in manifest["parts"]}[f"media/{sha}"] == sha


@pytest.mark.parametrize("change", ["content", "longer", "shorter"])
def test_media_not_matching_its_hash_fails_the_backup(change: str) -> None:
    data = os.urandom(1000)
    sha = hashlib.sha256(data).hexdigest()
    sent = {
        "content": [data[:-1] + bytes([data[-1] ^ 1])],
        "longer": [data, b"x"],
        "shorter": [data[:-1]],
    }[change]
    writer = bundle_format.BundleWriter(io.BytesIO(), Ed25519PrivateKey.generate())
    with pytest.raises(BundleError, match="damaged; run tumar verify"):
        writer.add_media(sha, len(data), sent)


def test_a_stored_file_changed_behind_the_hash_fails_the_backup(tmp_path: Path) -> None:
    """A chunk row rewritten with other bytes of the same length (what an old copy of a
    page put back would look like): SQLCipher's page checks pass, the re-hash does not,
    and no bundle appears under the final name."""
    archive, _code = new_archive(tmp_path / "a.tumar")
    with archive:
        blob = MediaStore(archive.media_db).write_bytes(os.urandom(3000), chunk_size=1024)
        archive.repo.insert(
            Media(
                sha256=blob.sha256, size=blob.size, mime="application/octet-stream",
                kind="document", original_name="x.bin",
                imported_at="2026-01-01T00:00:00+00:00", imported_by=archive.replica_id,
            )
        )  # fmt: skip
        with transaction(archive.media_db):
            archive.media_db.execute(
                "UPDATE chunk SET data = randomblob(1024) WHERE idx = 1 AND blob_id ="
                " (SELECT id FROM blob WHERE sha256 = ?)",
                (blob.sha256,),
            )
        dest = tmp_path / "b.tumar-bundle"
        with pytest.raises(BundleError, match="damaged; run tumar verify"):
            export.write_bundle(archive, dest)
        assert not dest.exists() and not list(tmp_path.glob(".b.tumar-bundle*"))


def test_cancel_while_media_are_written_leaves_nothing_and_stops_the_threads(
    tmp_path: Path,
) -> None:
    archive, _code = new_archive(tmp_path / "a.tumar")
    with archive:
        store = MediaStore(archive.media_db)
        for i in range(4):
            blob = store.write_bytes(os.urandom(5000), chunk_size=1024)
            archive.repo.insert(
                Media(
                    sha256=blob.sha256, size=blob.size, mime="application/octet-stream",
                    kind="document", original_name=f"{i}.bin",
                    imported_at="2026-01-01T00:00:00+00:00", imported_by=archive.replica_id,
                )
            )  # fmt: skip
        cancel = CancelToken()
        texts: list[str] = []

        def progress(done: int, total: int, text: str) -> None:
            texts.append(text)
            if text == "Writing media":
                cancel.cancel()  # after the first stored file

        before = threading.active_count()
        dest = tmp_path / "b.tumar-bundle"
        with pytest.raises(JobCancelled):
            export.write_bundle(archive, dest, progress=progress, cancel=cancel)
        assert texts.count("Writing media") == 1
        assert not dest.exists() and not list(tmp_path.glob(".b.tumar-bundle*"))
        assert threading.active_count() == before
