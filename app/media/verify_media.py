"""Re-hash every stored file from its chunks; find missing, extra and orphaned pieces.

Called by `tumar verify` (app.verify). The audit chain proves the media *records* were not
altered; this proves the *content* still matches the SHA-256 each record carries. Checks:

- each blob: chunks 0..n-1 all present, none extra, sizes add up, SHA-256 matches;
- each media record (also deleted ones, whose content is kept for history) has content;
- no content without a record (left by a crash between the two commits of an import, see
  app.media.importer), no chunk without its blob, and no thumbnail (archive.db) without a
  media record.

Memory stays at one chunk at a time; the cost is one full read of media.db.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from tumar.storage import audit
from tumar.storage.archive import Archive
from tumar.storage.connection import DatabaseError
from tumar.storage.import_lock import no_import_running
from tumar.storage.media_store import BlobInfo, MediaStore
from tumar.storage.records import Media
from tumar.storage.thumbnail_store import ThumbnailStore

from ..jobs import CancelToken, Progress, no_progress


@dataclass
class MediaVerifyReport:
    blobs_checked: int = 0
    bytes_checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _label(sha256: str, users: list[Media]) -> str:
    if not users:
        return f"stored content {sha256[:12]}"
    names = ", ".join(f"{m.id} ({m.original_name})" for m in users[:3])
    more = f" and {len(users) - 3} more" if len(users) > 3 else ""
    return f"media {names}{more}"


def _check_blob(store: MediaStore, blob: BlobInfo, label: str) -> tuple[list[str], int]:
    problems: list[str] = []
    digest, size, expected = hashlib.sha256(), 0, 0
    missing: list[int] = []
    for idx, data in store.chunk_rows(blob.id):
        if idx >= blob.chunk_count:
            problems.append(f"{label}: unexpected extra chunk #{idx}")
            continue
        if idx > expected:
            missing.extend(range(expected, idx))
        expected = idx + 1
        last = idx == blob.chunk_count - 1
        if not last and len(data) != blob.chunk_size:
            problems.append(f"{label}: chunk #{idx} has {len(data)} bytes, not {blob.chunk_size}")
        digest.update(data)
        size += len(data)
    missing.extend(range(expected, blob.chunk_count))
    if missing:
        shown = ", ".join(f"#{i}" for i in missing[:5]) + (" …" if len(missing) > 5 else "")
        problems.append(f"{label}: {len(missing)} chunk(s) missing ({shown})")
    if size != blob.size:
        problems.append(f"{label}: {size} bytes stored, {blob.size} expected")
    if digest.hexdigest() != blob.sha256:
        problems.append(
            f"{label}: content does not match its SHA-256 {blob.sha256} "
            "(altered or damaged since import)"
        )
    return problems, size


def newer_than_history(archive: Archive, blob: BlobInfo) -> bool:
    """Content stored after the archive's newest audit entry, yet no record uses it: an
    interrupted import, or an archive.db rolled back to an older copy (records lost, the
    content in media.db survived). Never cleanup material: it may be the only trace."""
    last = audit.last_entry_time(archive.records_db)
    try:
        stored = dt.datetime.fromisoformat(blob.stored_at)
    except ValueError:
        return True
    return last is None or stored > last


def verify_media(
    archive: Archive, progress: Progress = no_progress, cancel: CancelToken | None = None
) -> MediaVerifyReport:
    report = MediaVerifyReport()
    store = MediaStore(archive.media_db)
    users: dict[str, list[Media]] = {}
    for media in archive.repo.find(Media, include_deleted=True):
        users.setdefault(media.sha256, []).append(media)
    blobs = store.blobs()
    total = sum(b.size for b in blobs)
    stored = set()
    for blob in blobs:
        if cancel is not None:
            cancel.raise_if_cancelled()
        stored.add(blob.sha256)
        refs = users.get(blob.sha256, [])
        label = _label(blob.sha256, refs)
        try:
            problems, size = _check_blob(store, blob, label)
        except DatabaseError as exc:
            # the failed read spoiled the connection (storage.readable); the rest go on
            problems, size = [f"{label}: its content is on a damaged page of media.db ({exc})"], 0
            store = MediaStore(archive.reconnect_media())
        report.problems.extend(problems)
        for media in refs:
            if media.size != blob.size:
                report.problems.append(
                    f"media {media.id} ({media.original_name}) records {media.size} bytes "
                    f"but its content has {blob.size}"
                )
        if not refs and newer_than_history(archive, blob):
            report.problems.append(
                f"{label} ({blob.size} bytes, stored {blob.stored_at}) belongs to no media "
                "record and is newer than the archive's last recorded change: possible "
                "rollback (archive.db replaced by an older copy) or an interrupted import. "
                "Make a backup of the archive folder as it is now; `tumar media cleanup` "
                "leaves this content alone"
            )
        elif not refs:
            report.problems.append(
                f"{label} ({blob.size} bytes) belongs to no media record, probably left by an "
                "interrupted import; `tumar media cleanup` removes it"
            )
        report.blobs_checked += 1
        report.bytes_checked += size
        progress(report.bytes_checked, total, label)
    for sha256, refs in sorted(users.items()):
        if sha256 not in stored:
            report.problems.append(f"{_label(sha256, refs)}: content is missing from media.db")
    for blob_id, count in store.stray_chunks():
        report.problems.append(f"{count} chunk(s) of a removed blob (#{blob_id}) are left over")
    stray_thumbs = ThumbnailStore(archive.records_db).unreferenced()
    if stray_thumbs:
        report.problems.append(
            f"{len(stray_thumbs)} thumbnail(s) belong to no media record "
            f"({', '.join(h[:12] for h in stray_thumbs[:3])}); `tumar media cleanup` removes them"
        )
    return report


def remove_orphans(archive: Archive) -> int:
    """Delete content no media record refers to, stray chunks and thumbnails no media record
    refers to; returns blobs removed.

    Runs only while no import holds the archive (storage.import_lock), whatever the age of
    the content: an import between its two commits is never undone, and what a crashed
    import left behind is removed at once — unless it is newer than the archive's last
    audit entry (possible rollback, see newer_than_history): that is never removed.
    """
    with no_import_running(archive.folder):
        store = MediaStore(archive.media_db)
        known = {m.sha256 for m in archive.repo.find(Media, include_deleted=True)}
        removed = 0
        for blob in store.blobs():
            if blob.sha256 not in known and not newer_than_history(archive, blob):
                removed += int(store.delete(blob.sha256))
        store.delete_stray_chunks()
        ThumbnailStore(archive.records_db).delete_unreferenced()
    return removed
