"""What a file's content is: MIME type, kind, image metadata, thumbnail, audio/video facts.

Everything here reads the content bytes the import hashes and stores, never the source file
again: either the bytes of a small file held in memory (the very bytes object that is hashed
and inserted as chunks), or the stored chunks of a large one through a seekable reader. So the
description always matches the content whose SHA-256 is recorded, and decoding never needs a
plaintext copy on disk. An image is opened once: metadata from its header, then the pixels
are decoded (at reduced size for JPEG) for the thumbnail, which also proves it is readable.

The pixel limit (app.media._imaging.MAX_PIXELS, 16384 x 12288 = 201 MP, the largest phone
sensor readout) is checked from the header before any pixel is decoded; Pillow's
DecompressionBombWarning is turned into a refusal by the same helpers. Image work may run on
the import's helper thread; _IMAGE_LOCK keeps it to one thread at a time, because the
warnings filters those helpers set are process-wide.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from dataclasses import dataclass
from typing import Any, BinaryIO

from tumar.storage.records import Media

from ._imaging import open_image
from .avprobe import AvInfo, probe_av
from .errors import ImageRejected, ImageUnreadable
from .exif import ImageMetadata, metadata_of
from .sniff import SNIFF_BYTES, media_kind, sniff_mime
from .thumbnails import THUMBNAIL_MIME, encode_thumbnail, thumbnail_of

THUMBNAIL_PX = 256
_IMAGE_LOCK = threading.Lock()


class ContentRefused(Exception):
    """The content must not become a record (empty, bomb, damaged without keep_unreadable)."""


@dataclass(frozen=True)
class ThumbnailImage:
    """A thumbnail made during inspection; stored in archive.db with the media record."""

    mime: str
    width: int
    height: int
    data: bytes


@dataclass(frozen=True)
class ContentFacts:
    mime: str
    kind: str
    unreadable: bool = False
    reason: str = ""
    image: ImageMetadata | None = None
    av: AvInfo | None = None
    thumbnail: ThumbnailImage | None = None


def inspect_content(content: BinaryIO, size: int, name: str, keep_unreadable: bool) -> ContentFacts:
    """Describe content read from `content` (seekable, `size` bytes); makes the thumbnail.

    Raises ContentRefused for content that must not be imported.
    """
    if size == 0:
        raise ContentRefused("the file is empty (0 bytes); there is nothing to import")
    content.seek(0)
    mime = sniff_mime(content.read(SNIFF_BYTES), name)
    kind = media_kind(mime)
    if kind != "image":
        return ContentFacts(mime, kind)
    try:
        with _IMAGE_LOCK, open_image(content) as image:
            meta = metadata_of(image)  # header only: before the pixels are drafted and decoded
            small = thumbnail_of(image, THUMBNAIL_PX)
        data = encode_thumbnail(small)
    except (ImageRejected, ImageUnreadable) as exc:
        if not keep_unreadable:
            raise ContentRefused(
                f"{exc} Nothing was stored (--keep-unreadable keeps the file as it is)."
            ) from exc
        return ContentFacts(mime, "file", unreadable=True, reason=str(exc))
    thumb = ThumbnailImage(THUMBNAIL_MIME, small.width, small.height, data)
    return ContentFacts(mime, kind, image=meta, thumbnail=thumb)


def add_av_info(facts: ContentFacts, path: str | os.PathLike[str]) -> ContentFacts:
    """Duration/codec for audio and video (best effort: probe_av never raises)."""
    if facts.kind not in ("audio", "video") or facts.unreadable:
        return facts
    return dataclasses.replace(facts, av=probe_av(path, facts.mime))


def _camera(meta: ImageMetadata) -> str | None:
    make, model = meta.camera_make, meta.camera_model
    if make and model and not model.lower().startswith(make.lower()):
        return f"{make} {model}"
    return model or make


def _exif_dict(meta: ImageMetadata) -> dict[str, Any]:
    values: dict[str, Any] = {
        "format": meta.format,
        "make": meta.camera_make,
        "model": meta.camera_model,
        "lens": meta.lens,
        "orientation": meta.orientation,
        "stored_width": meta.width,
        "stored_height": meta.height,
        **meta.extra,
    }
    return {k: v for k, v in values.items() if v is not None}


def media_record(
    facts: ContentFacts,
    sha256: str,
    size: int,
    name: str,
    replica_id: str,
    imported_at: str,
) -> Media:
    record = Media(
        sha256=sha256,
        size=size,
        mime=facts.mime,
        kind=facts.kind,
        original_name=name,
        imported_at=imported_at,
        imported_by=replica_id,
        unreadable=facts.unreadable,
        unreadable_reason=facts.reason,
    )
    meta = facts.image
    if meta is not None:
        record.exif = _exif_dict(meta)
        record.camera = _camera(meta)
        record.lens = meta.lens
        record.captured_at = meta.captured_at
        record.orientation = meta.orientation
        record.width, record.height = meta.display_size
        record.has_gps = meta.has_gps
        record.gps_lat = meta.gps_lat
        record.gps_lon = meta.gps_lon
        record.gps_alt = meta.gps_alt
    av = facts.av
    if av is not None:
        record.duration_s = av.duration_s
        record.codec = av.codec
        record.width, record.height = av.width, av.height
    record.__post_init__()  # floats stay floats for the audit hash
    return record
