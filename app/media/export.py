"""Export of a stored original: the exact bytes, or an image re-encoded without metadata.

An exact export streams chunk by chunk into an atomic writer (temp file in the destination
folder, fsync, rename) while re-computing SHA-256; if the bytes read back do not match the
hash recorded at import, the temp file is removed and nothing appears at the destination.

--strip-metadata decodes the image from a seekable reader over the stored chunks, so no
plaintext copy of the original is ever written (no temp file, no reassembly on disk). The
decoded picture needs memory proportional to its pixels; the pixel limit bounds that. The
stored content is verified against its hash before it is decoded.

Destinations are never overwritten: an export next to evidence must not replace it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tumar.storage.archive import Archive
from tumar.storage.atomic import atomic_writer
from tumar.storage.connection import DatabaseError, is_damage
from tumar.storage.errors import InvalidInput, TumarError
from tumar.storage.media_store import MediaStore
from tumar.storage.records import Media

from .errors import MediaError
from .strip import STRIPPABLE_MIMES, output_mime_for, write_stripped_image

_EXTENSION = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp",
              "image/tiff": ".tif", "image/gif": ".gif"}  # fmt: skip
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\]")


class MediaIntegrityError(TumarError):
    """Stored content no longer matches the SHA-256 recorded when it was imported."""

    exit_code = 3


@dataclass(frozen=True)
class ExportResult:
    path: Path
    mime: str
    size: int
    original_sha256: str
    stripped: bool


def safe_file_name(media: Media, mime: str) -> str:
    """The original name without path separators or control characters."""
    name = _UNSAFE.sub("_", media.original_name).strip()
    if name in ("", ".", ".."):
        name = f"media-{media.id[:8]}"
    if mime != media.mime and mime in _EXTENSION:
        stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
        name = stem + _EXTENSION[mime]
    return name


def _target(dest: Path, media: Media, mime: str) -> Path:
    target = dest / safe_file_name(media, mime) if dest.is_dir() else dest
    if target.exists() or target.is_symlink():
        raise InvalidInput(f"{target} already exists; choose another name (nothing was written)")
    if not target.parent.is_dir():
        raise InvalidInput(f"The folder {target.parent} does not exist (nothing was written)")
    return target


def _stream_verified(store: MediaStore, media: Media, out: BinaryIO | None) -> int:
    """Hash the stored chunks (writing them to `out` if given); raise on any mismatch."""
    try:
        info = store.info(media.sha256)
        if info is None:
            raise MediaIntegrityError(
                f"The content of media {media.id} ({media.original_name}) is missing from media.db"
            )
        digest, size = hashlib.sha256(), 0
        for expected, (idx, data) in enumerate(store.chunk_rows(info.id)):
            if idx != expected:
                break
            digest.update(data)
            size += len(data)
            if out is not None:
                out.write(data)
    except DatabaseError as exc:
        if not is_damage(exc):
            raise
        raise MediaIntegrityError(
            f"The content of media {media.id} ({media.original_name}) is on a damaged page of "
            "media.db and cannot be read; nothing was exported (other media are not affected). "
            "Run `tumar verify` and restore media.db from a backup."
        ) from None
    if size != media.size or digest.hexdigest() != media.sha256:
        raise MediaIntegrityError(
            f"The stored content of media {media.id} ({media.original_name}) does not match "
            "the SHA-256 recorded at import; it was damaged or altered. Nothing was exported; "
            "run `tumar verify` and restore from a backup."
        )
    return size


def export_original(
    archive: Archive, media_id: str, dest: str | Path, strip_metadata: bool = False
) -> ExportResult:
    """Write media `media_id` to `dest` (a new file, or an existing folder to put it in)."""
    media = archive.repo.get(Media, media_id)
    store = MediaStore(archive.media_db)
    dest = Path(dest)
    if not strip_metadata:
        target = _target(dest, media, media.mime)
        with atomic_writer(target) as fh:
            size = _stream_verified(store, media, fh)
        return ExportResult(target, media.mime, size, media.sha256, stripped=False)

    if media.unreadable or media.mime not in STRIPPABLE_MIMES:
        raise InvalidInput(
            f"Media {media.id} ({media.original_name}) is not a readable image; only images "
            "can be exported without metadata (export the original instead)"
        )
    _stream_verified(store, media, None)
    out_mime = output_mime_for(media.mime)
    target = _target(dest, media, out_mime)
    try:
        with atomic_writer(target) as fh:
            blob = store.open(media.sha256)
            try:
                written = write_stripped_image(blob, fh, media.mime)
            finally:
                blob.close()  # Pillow may already have closed it; closing twice is fine
            size = fh.tell()
    except MediaError as exc:
        raise InvalidInput(f"{media.original_name}: {exc} (nothing was written)") from exc
    return ExportResult(target, written, size, media.sha256, stripped=True)
