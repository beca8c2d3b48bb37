"""What a stored file is: MIME type, kind, image metadata, thumbnail, audio/video facts.

Everything here reads the bytes *as stored* in media.db (through a seekable chunk reader),
never the source file again: the description always matches the content whose SHA-256 was
recorded, and decoding never needs a plaintext copy on disk.

The pixel limit (app.media._imaging.MAX_PIXELS, 16384 x 12288 = 201 MP, the largest phone
sensor readout) is checked from the header before any pixel is decoded; Pillow's
DecompressionBombWarning is turned into a refusal by the same helpers.
"""

from __future__ import annotations

import dataclasses
import io
import os
from dataclasses import dataclass
from typing import Any

from PIL import Image

from tumar.storage.media_store import MediaStore, Thumbnail
from tumar.storage.records import Media

from .avprobe import AvInfo, probe_av
from .errors import ImageRejected, ImageUnreadable
from .exif import ImageMetadata, read_image_metadata
from .sniff import SNIFF_BYTES, media_kind, sniff_mime
from .thumbnails import THUMBNAIL_MIME, make_thumbnail

THUMBNAIL_PX = 256


class ContentRefused(Exception):
    """The content must not become a record (empty, bomb, damaged without keep_unreadable)."""


@dataclass(frozen=True)
class ContentFacts:
    mime: str
    kind: str
    unreadable: bool = False
    reason: str = ""
    image: ImageMetadata | None = None
    av: AvInfo | None = None


def inspect_content(
    store: MediaStore, sha256: str, name: str, keep_unreadable: bool
) -> ContentFacts:
    """Describe stored content and store its thumbnail (in the caller's transaction)."""
    info = store.info(sha256)
    if info is None:
        raise ContentRefused("the stored content disappeared before it could be described")
    if info.size == 0:
        raise ContentRefused("the file is empty (0 bytes); there is nothing to import")
    with store.open(sha256) as blob:
        mime = sniff_mime(blob.read(SNIFF_BYTES), name)
    kind = media_kind(mime)
    if kind != "image":
        return ContentFacts(mime, kind)
    try:
        # a fresh reader each: Pillow's Image.close() also closes a file object it was given
        with store.open(sha256) as blob:
            meta = read_image_metadata(blob)
        with store.open(sha256) as blob:
            thumb = make_thumbnail(blob, THUMBNAIL_PX)
    except (ImageRejected, ImageUnreadable) as exc:
        if not keep_unreadable:
            raise ContentRefused(
                f"{exc} Nothing was stored (--keep-unreadable keeps the file as it is)."
            ) from exc
        return ContentFacts(mime, "file", unreadable=True, reason=str(exc))
    with Image.open(io.BytesIO(thumb)) as small:
        width, height = small.size
    store.put_thumbnail(Thumbnail(sha256, THUMBNAIL_MIME, width, height, thumb))
    return ContentFacts(mime, kind, image=meta)


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
